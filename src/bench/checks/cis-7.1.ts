import type { BenchCheck } from '../check.js';
import { cisMeta, manual, merged } from './host-common.js';
import { isSwarmFacts, SWARM_MANAGER, SWARM_WORKER, swarmGate } from './swarm-common.js';

export const check: BenchCheck = {
  meta: cisMeta({
    cisId: '7.1',
    slug: 'swarm-manager-count',
    title: 'Ensure that the minimum number of manager nodes have been created in a swarm',
    level: 1,
    scoring: 'N',
    automated: false,
    rationale: 'Managers hold the cluster state and its secrets. Too few lose quorum on a failure; too many widen the attack surface and slow consensus. The right number is a judgement.',
    remediation: 'Keep an odd number of managers sized for the fault tolerance you need (typically 3 or 5), and demote the rest with `docker node demote`.',
    checkExamples: [
      { note: 'swarm inactive', snapshot: {}, expect: 'NOT_APPLICABLE' },
      { note: 'manager with 3 managers', snapshot: SWARM_MANAGER, expect: 'MANUAL' },
      { note: 'worker node', snapshot: SWARM_WORKER, expect: 'NOT_APPLICABLE' },
      { note: 'even manager count', snapshot: merged(SWARM_MANAGER, { engine: { info: { value: { Swarm: { Managers: 4 } } } } }), expect: 'MANUAL' },
    ],
  }),
  evaluate(context) {
    const facts = swarmGate(context, { clusterScoped: true });
    if (!isSwarmFacts(facts)) return facts;
    const managers = typeof facts.info['Managers'] === 'number' ? facts.info['Managers'] : undefined;
    const nodes = typeof facts.info['Nodes'] === 'number' ? facts.info['Nodes'] : undefined;
    const hints: string[] = [];
    if (managers !== undefined && managers % 2 === 0) hints.push('an even number of managers adds no fault tolerance');
    if (managers !== undefined && managers > 7) hints.push('more than 7 managers slows consensus');
    if (managers === 1 && nodes !== undefined && nodes > 1) hints.push('a single manager is a single point of failure');
    return manual(`${managers ?? '?'} manager(s) of ${nodes ?? '?'} node(s): confirm this is the minimum needed${hints.length > 0 ? ` (${hints.join('; ')})` : ''}`, ['/engine/info#Swarm.Managers', '/engine/info#Swarm.Nodes']);
  },
};
