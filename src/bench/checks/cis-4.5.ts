import type { BenchCheck } from '../check.js';
import { cisMeta, hostText, manual, unknown } from './host-common.js';

export const check: BenchCheck = {
  meta: cisMeta({
    cisId: '4.5',
    slug: 'content-trust-enabled',
    title: 'Ensure Content trust for Docker is Enabled',
    level: 2,
    scoring: 'N',
    automated: false,
    rationale:
      'Content trust makes the client verify image signatures on pull. It is a per-client environment variable that the daemon cannot enforce, so there is no host-wide answer.',
    remediation: 'Set `DOCKER_CONTENT_TRUST=1` for every user and job that pulls images (e.g. in /etc/environment or the CI environment).',
    checkExamples: [
      { note: 'not set in /etc/environment', snapshot: { host: { value: { files: { '/etc/environment': { path: '/etc/environment', exists: true, content: 'LANG=C\n' } } } } }, expect: 'MANUAL' },
      { note: 'no host access', snapshot: { host: { ok: false, reason: 'no host access: remote' } }, expect: 'UNKNOWN' },
    ],
  }),
  evaluate(context) {
    const host = context.daemon.host;
    if (!host.ok) return unknown(`${host.reason}; DOCKER_CONTENT_TRUST is a client setting in any case`);
    const env = hostText(host.value, '/etc/environment');
    const line = env.ok ? env.text.split('\n').find((l) => /^\s*(export\s+)?DOCKER_CONTENT_TRUST=/.test(l)) : undefined;
    const found = line ? `/etc/environment sets ${line.trim()}` : env.ok ? '/etc/environment does not set DOCKER_CONTENT_TRUST' : env.reason;
    return manual(`content trust is a per-client setting the daemon cannot enforce: confirm every client sets DOCKER_CONTENT_TRUST=1 (${found})`, ['file:/etc/environment']);
  },
};
