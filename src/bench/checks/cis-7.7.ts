import type { BenchCheck } from '../check.js';
import { cisMeta, manual, SWARM_DAY } from './host-common.js';
import { clusterSpec, isSwarmFacts, SWARM_MANAGER, SWARM_WORKER, swarmGate } from './swarm-common.js';

export const check: BenchCheck = {
  meta: cisMeta({
    cisId: '7.7',
    slug: 'swarm-node-cert-rotation',
    title: 'Ensure that node certificates are rotated as appropriate',
    level: 1,
    scoring: 'N',
    automated: false,
    rationale: 'Node certificates authenticate swarm members; a short validity limits how long a stolen certificate works. The appropriate period is a judgement.',
    remediation: 'Set the validity with `docker swarm update --cert-expiry 720h` (or another period that suits your rotation policy).',
    checkExamples: [
      { note: 'swarm inactive', snapshot: {}, expect: 'NOT_APPLICABLE' },
      { note: 'default 90 days', snapshot: SWARM_MANAGER, expect: 'MANUAL' },
      { note: 'worker', snapshot: SWARM_WORKER, expect: 'NOT_APPLICABLE' },
    ],
  }),
  evaluate(context) {
    const facts = swarmGate(context, { clusterScoped: true });
    if (!isSwarmFacts(facts)) return facts;
    const expiry = (clusterSpec(facts)?.['CAConfig'] as { NodeCertExpiry?: unknown } | undefined)?.NodeCertExpiry;
    const days = typeof expiry === 'number' ? `${Math.round(expiry / SWARM_DAY)} days` : 'not reported';
    return manual(`node certificates expire after ${days}: confirm this matches your rotation policy`, ['/engine/swarm#Spec.CAConfig.NodeCertExpiry']);
  },
};
