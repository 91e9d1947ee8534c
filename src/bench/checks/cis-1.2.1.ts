import type { BenchCheck } from '../check.js';
import { cisMeta, manual, unknown } from './host-common.js';

export const check: BenchCheck = {
  meta: cisMeta({
    cisId: '1.2.1',
    slug: 'host-hardened',
    title: 'Ensure the container host has been Hardened',
    level: 1,
    scoring: 'N',
    automated: false,
    rationale:
      'Containers share the host kernel: a weakly configured host undermines every container control. Host hardening is covered by the operating system\'s own CIS benchmark, outside this one.',
    remediation: 'Harden the host following the CIS benchmark for its operating system (or a container-optimised OS), and keep the kernel patched.',
    checkExamples: [
      { note: 'always a person\'s judgement', snapshot: {}, expect: 'MANUAL' },
      { note: '/info unreadable', snapshot: { engine: { info: { ok: false, reason: 'permission denied' } } }, expect: 'UNKNOWN' },
    ],
  }),
  evaluate(context) {
    const info = context.daemon.info;
    if (!info) return unknown(`/info unreadable: ${context.snapshot.engine.info.ok ? 'not an object' : context.snapshot.engine.info.reason}`);
    const os = typeof info['OperatingSystem'] === 'string' ? info['OperatingSystem'] : '?';
    const kernel = typeof info['KernelVersion'] === 'string' ? info['KernelVersion'] : '?';
    return manual(`review host hardening against the OS benchmark (host: ${os}, kernel ${kernel})`, ['/engine/info#OperatingSystem', '/engine/info#KernelVersion']);
  },
};
