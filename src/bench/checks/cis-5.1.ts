import type { BenchCheck } from '../check.js';
import { section5Meta } from './per-container.js';

export const check: BenchCheck = {
  meta: section5Meta({
    cisId: '5.1',
    slug: 'swarm-disabled-unless-needed',
    title: 'Ensure swarm mode is not enabled, if not needed',
    scoring: 'N',
    rationale:
      'Swarm mode opens management and gossip ports (2377/tcp, 7946/tcp+udp, 4789/udp) and runs cluster services on the host. A host that does not need orchestration should not expose them.',
    remediation: 'If this host does not need swarm, run `docker swarm leave` (on a manager: `docker swarm leave --force` after moving workloads).',
    checkExamples: [
      { note: 'swarm active', snapshot: { engine: { info: { value: { Swarm: { LocalNodeState: 'active', ControlAvailable: true } } } } }, expect: 'MANUAL' },
      { note: 'swarm state error', snapshot: { engine: { info: { value: { Swarm: { LocalNodeState: 'error' } } } } }, expect: 'UNKNOWN' },
      { note: 'swarm inactive', snapshot: {}, expect: 'PASS' },
    ],
  }),
  evaluate(context) {
    const { engine } = context.snapshot;
    if (!engine.info.ok) return { status: 'UNKNOWN', reason: `/info not read: ${engine.info.reason}` };
    if (context.runtime.daemon.podman) return { status: 'NOT_APPLICABLE', reason: 'target is Podman (no swarm mode)' };
    const state = context.runtime.daemon.swarmState;
    const evidence = ['/engine/info#Swarm.LocalNodeState'];
    switch (state) {
      case 'inactive':
        return { status: 'PASS', evidence };
      case 'active':
      case 'pending':
      case 'locked':
        return {
          status: 'MANUAL',
          reason: `swarm is ${state}: confirm this host needs it (it listens on 2377/tcp for managers, 7946/tcp+udp and 4789/udp)`,
          evidence,
        };
      case undefined:
        return { status: 'UNKNOWN', reason: '/info has no Swarm.LocalNodeState', evidence };
      default:
        return { status: 'UNKNOWN', reason: `swarm state is "${state}"`, evidence };
    }
  },
};
