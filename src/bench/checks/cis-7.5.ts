import type { BenchCheck } from '../check.js';
import { cisMeta, fail, merged, pass, unknown } from './host-common.js';
import { clusterSpec, isSwarmFacts, SWARM_MANAGER, swarmGate } from './swarm-common.js';

export const check: BenchCheck = {
  meta: cisMeta({
    cisId: '7.5',
    slug: 'swarm-autolock',
    title: 'Ensure that swarm manager is run in auto-lock mode',
    level: 1,
    scoring: 'Y',
    automated: false,
    rationale: 'Without auto-lock, the keys that decrypt the swarm\'s Raft log (and its secrets) sit on the manager\'s disk; auto-lock requires an unlock key after each restart.',
    remediation: 'Enable it with `docker swarm update --autolock=true` and store the unlock key safely.',
    checkExamples: [
      { note: 'swarm inactive', snapshot: {}, expect: 'NOT_APPLICABLE' },
      { note: 'autolock off', snapshot: SWARM_MANAGER, expect: 'FAIL' },
      { note: 'autolock on', snapshot: merged(SWARM_MANAGER, { engine: { swarm: { value: { Spec: { EncryptionConfig: { AutoLockManagers: true } } } } } }), expect: 'PASS' },
      { note: 'node is locked', snapshot: { engine: { info: { value: { Swarm: { LocalNodeState: 'locked' } } } } }, expect: 'PASS' },
    ],
  }),
  evaluate(context) {
    const facts = swarmGate(context);
    if (!isSwarmFacts(facts)) return facts;
    if (facts.state === 'locked') return pass('the node is locked: auto-lock is on', ['/engine/info#Swarm.LocalNodeState']);
    const spec = clusterSpec(facts);
    const encryption = spec?.['EncryptionConfig'] as { AutoLockManagers?: unknown } | undefined;
    const autolock = encryption?.AutoLockManagers;
    if (typeof autolock !== 'boolean') {
      return facts.manager ? unknown('EncryptionConfig.AutoLockManagers not reported') : unknown('worker node: the cluster spec is visible on managers only');
    }
    const evidence = ['/engine/swarm#Spec.EncryptionConfig.AutoLockManagers'];
    return autolock ? pass('managers auto-lock', evidence) : fail('auto-lock is disabled', evidence);
  },
};
