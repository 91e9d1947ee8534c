import type { BenchCheck } from '../check.js';
import { cisMeta, daemonCheck, fail, infoFields, notApplicable, pass, swarmState, unknownSetting } from './host-common.js';

export const check: BenchCheck = daemonCheck(
  cisMeta({
    cisId: '2.15',
    slug: 'daemon-live-restore',
    title: 'Ensure live restore is enabled',
    level: 1,
    scoring: 'Y',
    automated: false,
    rationale: 'Live restore keeps containers running while the daemon is stopped or upgraded, so patching the daemon does not force an outage and is not postponed.',
    remediation: 'Set `"live-restore": true` in daemon.json (or `--live-restore`) and reload the daemon.',
    checkExamples: [
      { note: 'disabled', snapshot: {}, expect: 'FAIL' },
      { note: 'enabled', snapshot: infoFields({ LiveRestoreEnabled: true }), expect: 'PASS' },
      { note: 'swarm mode', snapshot: infoFields({ Swarm: { LocalNodeState: 'active' } }), expect: 'NOT_APPLICABLE' },
      { note: 'no /info, no host', snapshot: { engine: { info: { ok: false, reason: 'timeout' } }, host: { ok: false, reason: 'no host access: remote' } }, expect: 'UNKNOWN' },
    ],
  }),
  (context) => {
    const live = context.daemon.get('live-restore');
    if (typeof live.value !== 'boolean') return unknownSetting('live-restore', live);
    if (live.value) return pass(`live restore is enabled (from ${live.source})`, live.evidence);
    const swarm = swarmState(context);
    if (swarm === 'active' || swarm === 'locked') return notApplicable('dockerd refuses live-restore in swarm mode', ['/engine/info#Swarm.LocalNodeState']);
    return fail(`live restore is disabled (from ${live.source})`, live.evidence);
  },
);
