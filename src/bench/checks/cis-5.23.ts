import type { BenchCheck } from '../check.js';
import { containerExample, section5Meta } from './per-container.js';

export const check: BenchCheck = {
  meta: section5Meta({
    cisId: '5.23',
    slug: 'exec-no-privileged',
    title: "Ensure that docker exec commands are not used with the privileged option",
    level: 2,
    scoring: 'N',
    rationale:
      "A privileged `docker exec` session gets every capability and escapes the container's confinement for as long as it runs.",
    remediation: 'Do not use `docker exec --privileged`; review `ausearch -k docker` audit records for past use.',
    checkExamples: [
      { note: 'exec sessions only visible in audit logs', snapshot: {}, expect: 'MANUAL' },
      { note: 'exec session records present', snapshot: containerExample({ ExecIDs: ['e1'] }), expect: 'MANUAL' },
      { note: 'no containers', snapshot: { engine: { containers: { value: [] } } }, expect: 'NOT_APPLICABLE' },
    ],
  }),
  evaluate(context) {
    const containers = context.runtime.containers;
    if (!containers.ok) return { status: 'UNKNOWN', reason: `containers could not be listed: ${containers.reason}` };
    if (containers.value.length === 0) return { status: 'NOT_APPLICABLE', reason: 'no containers' };
    // Exec records (/exec/{id}/json) are not part of the snapshot, and past sessions are only in audit logs.
    const items = containers.value
      .filter((c) => c.execIds.length > 0)
      .map((c) => ({
        object: c.name,
        status: 'MANUAL' as const,
        reason: `${c.execIds.length} exec session(s) recorded by the engine; their options were not collected`,
        evidence: [`${c.source.document}#ExecIDs`],
      }));
    return {
      status: 'MANUAL',
      reason: 'past exec sessions are only visible in audit logs: review `ausearch -k docker`',
      items,
    };
  },
};
