import type { BenchCheck } from '../check.js';
import { cisMeta, daemonCheck, fail, infoFields, pass, unknown } from './host-common.js';

export const check: BenchCheck = daemonCheck(
  cisMeta({
    cisId: '2.18',
    slug: 'daemon-experimental-disabled',
    title: 'Ensure that experimental features are not implemented in production',
    level: 1,
    scoring: 'Y',
    automated: false,
    rationale: 'Experimental features are unstable, change without notice and have had less security review than supported ones.',
    remediation: 'Remove `--experimental` and `"experimental": true` from production daemons.',
    checkExamples: [
      { note: 'not experimental', snapshot: {}, expect: 'PASS' },
      { note: 'experimental build', snapshot: infoFields({ ExperimentalBuild: true }), expect: 'FAIL' },
      { note: 'no /info or /version', snapshot: { engine: { info: { ok: false, reason: 'timeout' }, version: { ok: false, reason: 'timeout' } } }, expect: 'UNKNOWN' },
    ],
  }),
  (context) => {
    const fromVersion = context.daemon.version?.['Experimental'];
    const fromInfo = context.daemon.info?.['ExperimentalBuild'];
    const evidence = ['/engine/version#Experimental', '/engine/info#ExperimentalBuild'];
    if (fromVersion === true || fromInfo === true) return fail('experimental features are enabled', evidence);
    if (fromVersion === undefined && fromInfo === undefined) return unknown('neither /version.Experimental nor /info.ExperimentalBuild is reported');
    return pass('experimental features are disabled', evidence);
  },
);
