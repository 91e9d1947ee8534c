import type { BenchCheck } from '../check.js';
import { cisMeta, manual, merged, notApplicable, unknown } from './host-common.js';
import { clusterSpec, isSwarmFacts, SWARM_MANAGER, swarmGate } from './swarm-common.js';

export const check: BenchCheck = {
  meta: cisMeta({
    cisId: '7.6',
    slug: 'swarm-autolock-key-rotation',
    title: 'Ensure that the swarm manager auto-lock key is rotated periodically',
    level: 1,
    scoring: 'N',
    automated: false,
    rationale: 'A leaked unlock key stays valid until rotated. The API exposes no rotation date, so the schedule needs a person to confirm.',
    remediation: 'Rotate the key regularly with `docker swarm unlock-key --rotate` and store the new key safely.',
    checkExamples: [
      { note: 'autolock off: no key', snapshot: SWARM_MANAGER, expect: 'NOT_APPLICABLE' },
      { note: 'autolock on', snapshot: merged(SWARM_MANAGER, { engine: { swarm: { value: { Spec: { EncryptionConfig: { AutoLockManagers: true } } } } } }), expect: 'MANUAL' },
    ],
  }),
  evaluate(context) {
    const facts = swarmGate(context, { clusterScoped: true });
    if (!isSwarmFacts(facts)) return facts;
    if (facts.state === 'locked') return manual('node is locked (auto-lock on): confirm the unlock key is rotated periodically');
    const autolock = (clusterSpec(facts)?.['EncryptionConfig'] as { AutoLockManagers?: unknown } | undefined)?.AutoLockManagers;
    if (autolock === false) return notApplicable('auto-lock is off: there is no key to rotate (see 7.5)');
    if (autolock !== true) return unknown('auto-lock state not reported');
    return manual('confirm the auto-lock key is rotated periodically (`docker swarm unlock-key --rotate`); the API records no rotation date', ['/engine/swarm#Spec.EncryptionConfig']);
  },
};
