import type { BenchCheck } from '../check.js';
import { securityOption } from '../daemon-config.js';
import { cisMeta, daemonCheck, fail, infoFields, pass, unknownSetting } from './host-common.js';

export const check: BenchCheck = daemonCheck(
  cisMeta({
    cisId: '2.9',
    slug: 'daemon-userns-remap',
    title: 'Enable user namespace support',
    level: 2,
    scoring: 'Y',
    automated: false,
    rationale:
      'Without a user namespace, root in a container is uid 0 on the host: any escape lands as host root. Remapping makes container root an unprivileged host uid. (CIS allows skipping this when every image runs as a non-root user; see 4.1.)',
    remediation: 'Set `"userns-remap": "default"` in daemon.json (or `--userns-remap=default`) and restart; existing images and volumes are re-created under the remapped root.',
    checkExamples: [
      { note: 'no user namespace', snapshot: {}, expect: 'FAIL' },
      { note: 'remapping active', snapshot: infoFields({ SecurityOptions: ['name=seccomp,profile=builtin', 'name=userns'] }), expect: 'PASS' },
      { note: 'rootless daemon', snapshot: infoFields({ SecurityOptions: ['name=rootless'] }), expect: 'PASS' },
      { note: '/info unreadable, no host', snapshot: { engine: { info: { ok: false, reason: 'timeout' } }, host: { ok: false, reason: 'no host access: remote' } }, expect: 'UNKNOWN' },
    ],
  }),
  (context) => {
    const options = context.daemon.securityOptions;
    if (securityOption(options, 'userns')) return pass('user namespace remapping is active', ['/engine/info#SecurityOptions name=userns']);
    if (securityOption(options, 'rootless') || context.daemon.mode.rootless) return pass('containers run in the rootless user namespace', ['/engine/info#SecurityOptions name=rootless']);
    if (options) return fail('user namespace remapping is not enabled', ['/engine/info#SecurityOptions']);
    const remap = context.daemon.get('userns-remap');
    if (typeof remap.value !== 'string') return unknownSetting('userns-remap', remap);
    return remap.value !== '' ? pass(`userns-remap=${remap.value} (from ${remap.source})`, remap.evidence) : fail('user namespace remapping is not configured', remap.evidence);
  },
);
