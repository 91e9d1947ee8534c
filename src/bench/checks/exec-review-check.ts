/**
 * 5.23 and 5.24 judge how `docker exec` was used. The options of past exec sessions are not kept by the
 * engine (only their ids, and only while the container lives), so both checks hand the judgement to a
 * person: MANUAL, with the containers that have exec records as items.
 */
import type { BenchCheck } from '../check.js';
import { containerExample, section5Meta } from './per-container.js';

export interface ExecReview {
  cisId: string;
  slug: string;
  title: string;
  rationale: string;
  remediation: string;
}

export function execReviewCheck(meta: ExecReview): BenchCheck {
  return {
    meta: section5Meta({
      ...meta,
      level: 2,
      scoring: 'N',
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
      const items = containers.value
        .filter((c) => c.execIds.length > 0)
        .map((c) => ({
          object: c.name,
          status: 'MANUAL' as const,
          reason: `${c.execIds.length} exec session(s) recorded by the engine; their options were not collected`,
          evidence: [`${c.source.document}#ExecIDs`],
        }));
      return { status: 'MANUAL', reason: 'past exec sessions are only visible in audit logs: review `ausearch -k docker`', items };
    },
  };
}
