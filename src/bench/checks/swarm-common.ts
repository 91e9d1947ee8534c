/**
 * Shared gate of the swarm checks (audit spec §7): NOT_APPLICABLE when swarm is inactive or the target
 * is Podman, NOT_APPLICABLE for cluster-scoped checks on workers, and the node's swarm state file.
 * Not a check module. Pure.
 */
import type { CheckOutcome, EvalContext } from '../check.js';
import { notApplicable, swarmState, unknown } from './host-common.js';

export interface SwarmFacts {
  state: string;
  manager: boolean;
  /** `/swarm` (managers only), when read. */
  swarm?: Record<string, unknown>;
  /** `/info.Swarm`. */
  info: Record<string, unknown>;
}

export function swarmGate(context: EvalContext, options: { clusterScoped?: boolean } = {}): SwarmFacts | CheckOutcome {
  if (context.daemon.mode.podman) return notApplicable('target is Podman (no swarm mode)');
  const state = swarmState(context);
  if (state === undefined) return unknown('swarm state unknown: /info unreadable');
  if (state === 'inactive') return notApplicable('swarm mode inactive', ['/engine/info#Swarm.LocalNodeState']);
  if (state === 'error') return unknown('the swarm node is in an error state', ['/engine/info#Swarm.LocalNodeState']);
  const info = (context.daemon.info?.['Swarm'] ?? {}) as Record<string, unknown>;
  const manager = info['ControlAvailable'] === true;
  if (options.clusterScoped && !manager && state !== 'locked') return notApplicable('worker node; audit a manager', ['/engine/info#Swarm.ControlAvailable']);
  const facts: SwarmFacts = { state, manager, info };
  const swarm = context.snapshot.engine.swarm;
  if (swarm.ok && swarm.value && typeof swarm.value === 'object') facts.swarm = swarm.value as Record<string, unknown>;
  return facts;
}

export function isSwarmFacts(value: SwarmFacts | CheckOutcome): value is SwarmFacts {
  return 'manager' in value;
}

/** Cluster spec from `/swarm.Spec`, else `/info.Swarm.Cluster.Spec`. */
export function clusterSpec(facts: SwarmFacts): Record<string, unknown> | undefined {
  const fromSwarm = facts.swarm?.['Spec'];
  if (fromSwarm && typeof fromSwarm === 'object') return fromSwarm as Record<string, unknown>;
  const cluster = facts.info['Cluster'];
  const spec = cluster && typeof cluster === 'object' ? (cluster as Record<string, unknown>)['Spec'] : undefined;
  return spec && typeof spec === 'object' ? (spec as Record<string, unknown>) : undefined;
}

/** `<DockerRootDir>/swarm/docker-state.json` (node listen/advertise/data-path addresses), or why not. */
export function swarmStateFile(context: EvalContext): { ok: true; state: Record<string, unknown>; path: string } | { ok: false; reason: string } {
  const host = context.daemon.host;
  if (!host.ok) return { ok: false, reason: host.reason };
  const root = context.daemon.get('data-root');
  if (typeof root.value !== 'string') return { ok: false, reason: `data root unknown: ${root.unknown ?? 'no evidence'}` };
  const path = `${root.value.replace(/\/$/, '')}/swarm/docker-state.json`;
  const file = host.value.files[path];
  if (!file) return { ok: false, reason: `${path} was not collected` };
  if (file.error !== undefined) return { ok: false, reason: `${path}: ${file.error}` };
  if (!file.exists) return { ok: false, reason: `${path} does not exist` };
  try {
    const parsed: unknown = JSON.parse(file.content ?? '');
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return { ok: true, state: parsed as Record<string, unknown>, path };
  } catch {
    // reported below
  }
  return { ok: false, reason: `${path}: not a JSON object` };
}

export const SWARM_MANAGER = {
  engine: {
    info: {
      value: {
        Swarm: {
          LocalNodeState: 'active', ControlAvailable: true, NodeID: 'node1', NodeAddr: '10.0.0.1', Managers: 3, Nodes: 5,
          Cluster: { Spec: { EncryptionConfig: { AutoLockManagers: false }, CAConfig: { NodeCertExpiry: 7776000000000000 } } },
        },
      },
    },
    swarm: { ok: true, value: { Spec: { EncryptionConfig: { AutoLockManagers: false }, CAConfig: { NodeCertExpiry: 7776000000000000 } }, RootRotationInProgress: false } },
  },
};

export const SWARM_WORKER = { engine: { info: { value: { Swarm: { LocalNodeState: 'active', ControlAvailable: false, NodeID: 'node2', NodeAddr: '10.0.0.2' } } } } };

/** The swarm state file at the default data root, holding `state`. */
export function stateFileExample(state: Record<string, unknown>): Record<string, unknown> {
  const path = '/var/lib/docker/swarm/docker-state.json';
  return { host: { value: { files: { [path]: { path, exists: true, type: 'file', mode: 0o600, uid: 0, gid: 0, content: JSON.stringify(state) } } } } };
}
