import { evidenceFor } from '../../runtime/model.js';
import { resolveNamespaceMode } from '../runtime-view.js';
import { containerCheck, containerExample, fail, pass, section5Meta, unknown } from './per-container.js';

export const check = containerCheck(
  section5Meta({
    cisId: '5.30',
    slug: 'container-no-default-bridge',
    title: "Ensure that Docker's default bridge \"docker0\" is not used",
    level: 2,
    rationale:
      'Containers on the default bridge can reach each other unless inter-container communication is disabled daemon-wide, and get no name-based isolation; user-defined networks isolate groups of containers.',
    remediation: 'Create user-defined networks (`docker network create`) and attach containers to them with `--network`.',
    checkExamples: [
      {
        note: 'default bridge',
        snapshot: containerExample({ HostConfig: { NetworkMode: 'default' }, NetworkSettings: { Networks: { appnet: null, bridge: { NetworkID: 'c8'.repeat(32) } } } }),
        expect: 'FAIL',
      },
      { note: 'networks not read', snapshot: { engine: { networks: { ok: false, reason: 'permission denied' } } }, expect: 'UNKNOWN' },
      { note: 'user-defined network', snapshot: {}, expect: 'PASS' },
    ],
  }),
  (c, context) => {
    const bridge = context.runtime.defaultBridge;
    const evidence = [evidenceFor(c, 'networkMode'), evidenceFor(c, 'networks')];
    const network = resolveNamespaceMode(context.runtime, c, 'network');
    if (network.mode === undefined) return unknown(network.reason, evidence);
    if (network.mode === 'host' || network.mode === 'none') return pass(`NetworkMode=${network.mode}`, evidence);
    if (network.mode === 'default' || network.mode === 'bridge') return fail('attached to the default bridge network', `NetworkMode=${c.networkMode}`, evidence);
    if (bridge === undefined) return unknown('networks were not read, so the default bridge cannot be identified', evidence);
    const attached = bridge !== null
      && c.networks.some((n) => (n.id !== undefined && n.id === bridge.id) || n.name === bridge.name);
    if (attached) return fail('attached to the default bridge network', `networks=${c.networks.map((n) => n.name).join(',')}`, evidence);
    return pass(`networks=${c.networks.map((n) => n.name).join(',') || network.mode}`, evidence);
  },
  (context) => {
    if (context.runtime.daemon.podman) return { status: 'NOT_APPLICABLE', reason: 'target is Podman (no docker0 default bridge)' };
    if (context.runtime.defaultBridge === null) return { status: 'NOT_APPLICABLE', reason: 'no default bridge network exists' };
    return undefined;
  },
);
