import type { BenchCheck } from '../check.js';
import { cisMeta, manual, unknown } from './host-common.js';

export const check: BenchCheck = {
  meta: cisMeta({
    cisId: '1.2.2',
    slug: 'docker-version-current',
    title: 'Ensure that the version of Docker is up to date',
    level: 1,
    scoring: 'N',
    automated: false,
    rationale:
      'Engine releases fix vulnerabilities, some of them container escapes. Whether a version is current needs release information that an offline audit does not have.',
    remediation: 'Compare the engine, containerd and runc versions with the latest releases of your distribution or Docker, and upgrade after testing.',
    checkExamples: [
      { note: 'versions listed for review', snapshot: {}, expect: 'MANUAL' },
      { note: '/version unreadable', snapshot: { engine: { version: { ok: false, reason: 'connection reset' } } }, expect: 'UNKNOWN' },
    ],
  }),
  evaluate(context) {
    const version = context.daemon.version;
    if (!version) return unknown(`/version unreadable: ${context.snapshot.engine.version.ok ? 'not an object' : context.snapshot.engine.version.reason}`);
    const parts: string[] = [];
    const components = Array.isArray(version['Components']) ? version['Components'] : [];
    for (const c of components) {
      const entry = c as { Name?: unknown; Version?: unknown };
      if (typeof entry.Name === 'string' && typeof entry.Version === 'string') parts.push(`${entry.Name} ${entry.Version}`);
    }
    if (parts.length === 0 && typeof version['Version'] === 'string') parts.push(`Engine ${version['Version']}`);
    const which = context.daemon.mode.podman ? 'Podman' : 'Docker';
    return manual(`confirm these ${which} versions are current: ${parts.join(', ') || 'versions not reported'}`, ['/engine/version#Components']);
  },
};
