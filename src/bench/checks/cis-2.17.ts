import type { BenchCheck } from '../check.js';
import { securityOption } from '../daemon-config.js';
import { cisMeta, daemonCheck, fail, infoFields, pass, unknown } from './host-common.js';

export const check: BenchCheck = daemonCheck(
  cisMeta({
    cisId: '2.17',
    slug: 'daemon-seccomp-profile',
    title: 'Ensure that a daemon-wide custom seccomp profile is applied if appropriate',
    level: 2,
    scoring: 'N',
    automated: false,
    rationale:
      'The seccomp profile limits the system calls containers may make, closing off much of the kernel attack surface. The default profile is acceptable; a custom one is optional, so the check is not scored (an unconfined daemon is scored through 5.22).',
    remediation: 'Keep the default profile, or set `"seccomp-profile": "/etc/docker/seccomp.json"` with a reviewed profile; never `unconfined`.',
    checkExamples: [
      { note: 'builtin default profile', snapshot: {}, expect: 'PASS' },
      { note: 'unconfined', snapshot: infoFields({ SecurityOptions: ['name=seccomp,profile=unconfined'] }), expect: 'FAIL' },
      { note: 'no seccomp support', snapshot: infoFields({ SecurityOptions: ['name=apparmor'] }), expect: 'FAIL' },
      { note: 'custom profile', snapshot: infoFields({ SecurityOptions: ['name=seccomp,profile=/etc/docker/seccomp.json'] }), expect: 'PASS' },
      { note: '/info unreadable', snapshot: { engine: { info: { ok: false, reason: 'timeout' } } }, expect: 'UNKNOWN' },
    ],
  }),
  (context) => {
    const options = context.daemon.securityOptions;
    if (!options) return unknown('SecurityOptions not reported (/info unreadable)');
    const seccomp = securityOption(options, 'seccomp');
    const evidence = ['/engine/info#SecurityOptions'];
    if (!seccomp) return fail('seccomp is unavailable (no seccomp entry in SecurityOptions)', evidence);
    const profile = seccomp.get('profile') ?? 'default';
    if (profile === 'unconfined') return fail('the daemon-wide seccomp profile is unconfined', evidence);
    if (profile === 'default' || profile === 'builtin') return pass(`the default seccomp profile (${profile}) applies`, evidence);
    return pass(`custom seccomp profile ${profile}; review it`, evidence);
  },
);
