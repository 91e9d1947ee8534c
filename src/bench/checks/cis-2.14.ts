import type { BenchCheck } from '../check.js';
import { securityOption } from '../daemon-config.js';
import { cisMeta, compareVersions, daemonCheck, daemonJsonExample, fail, infoFields, merged, pass, REMOTE_EXAMPLE, settingEvidence, unknownSetting } from './host-common.js';

const OLD_ENGINE = { engine: { version: { value: { Version: '20.10.24' } } } };

export const check: BenchCheck = daemonCheck(
  cisMeta({
    cisId: '2.14',
    slug: 'daemon-no-new-privileges',
    title: 'Ensure containers are restricted from acquiring new privileges',
    level: 1,
    scoring: 'Y',
    automated: false,
    rationale:
      'Without no-new-privileges, a process in a container can gain privileges through setuid or setgid binaries. Setting it daemon-wide makes that the default for every new container.',
    remediation: 'Set `"no-new-privileges": true` in daemon.json (or `--no-new-privileges`) and restart the daemon.',
    checkExamples: [
      { note: 'engine 27 without the option', snapshot: {}, expect: 'FAIL' },
      { note: 'engine 27 with the option', snapshot: infoFields({ SecurityOptions: ['name=seccomp,profile=builtin', 'name=no-new-privileges'] }), expect: 'PASS' },
      { note: 'engine 20.10, set in daemon.json', snapshot: merged(OLD_ENGINE, daemonJsonExample({ 'no-new-privileges': true })), expect: 'PASS' },
      { note: 'engine 20.10, unset', snapshot: OLD_ENGINE, expect: 'FAIL' },
      { note: 'engine 20.10, remote', snapshot: merged(OLD_ENGINE, REMOTE_EXAMPLE), expect: 'UNKNOWN' },
    ],
  }),
  (context) => {
    const view = context.daemon;
    if (securityOption(view.securityOptions, 'no-new-privileges')) return pass('no-new-privileges is the daemon default', ['/engine/info#SecurityOptions name=no-new-privileges']);
    // Engines from 24.0 list the option whenever it is on: its absence is authoritative there.
    if (view.securityOptions && view.engineVersion && compareVersions(view.engineVersion, [24]) >= 0)
      return fail('no-new-privileges is not the daemon default', ['/engine/info#SecurityOptions']);
    const nnp = view.get('no-new-privileges');
    if (typeof nnp.value !== 'boolean') return unknownSetting('no-new-privileges', nnp);
    return nnp.value
      ? pass(`no-new-privileges is the daemon default (from ${nnp.source})`, settingEvidence(nnp))
      : fail(`no-new-privileges is not the daemon default (from ${nnp.source})`, settingEvidence(nnp));
  },
);
