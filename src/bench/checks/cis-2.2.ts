import type { BenchCheck } from '../check.js';
import { defaultBridgeNetwork } from '../daemon-config.js';
import { effectiveCaps } from '../../runtime/effective.js';
import { cisMeta, daemonCheck, daemonJsonExample, fail, merged, notApplicable, pass, PODMAN_EXAMPLE, REMOTE_EXAMPLE, settingEvidence, unknownSetting } from './host-common.js';

const bridgeIcc = (value: string | undefined, extra: Record<string, unknown> = {}) => ({
  engine: { networks: { value: [{ Options: { 'com.docker.network.bridge.enable_icc': value, ...extra } }] } },
});

export const check: BenchCheck = daemonCheck(
  cisMeta({
    cisId: '2.2',
    slug: 'daemon-icc-disabled',
    title: 'Ensure network traffic is restricted between containers on the default bridge',
    level: 1,
    scoring: 'Y',
    automated: false,
    rationale:
      'On the default bridge every container can reach every other one on every port. One compromised container can then probe and attack its neighbours, which may not expect untrusted peers.',
    remediation: 'Set `"icc": false` in daemon.json (or `--icc=false`) and restart the daemon; link containers that must talk through user-defined networks. Dropping NET_RAW completes the isolation.',
    checkExamples: [
      { note: 'default bridge allows icc', snapshot: {}, expect: 'FAIL' },
      { note: 'default bridge with icc disabled', snapshot: bridgeIcc('false'), expect: 'PASS' },
      { note: 'no default bridge network', snapshot: bridgeIcc('true', { 'com.docker.network.bridge.default_bridge': 'false' }), expect: 'NOT_APPLICABLE' },
      { note: 'option missing: daemon.json decides', snapshot: merged(bridgeIcc(undefined), daemonJsonExample({ icc: false })), expect: 'PASS' },
      { note: 'option missing, remote daemon', snapshot: merged(bridgeIcc(undefined), REMOTE_EXAMPLE), expect: 'UNKNOWN' },
      { note: 'Podman', snapshot: PODMAN_EXAMPLE, expect: 'NOT_APPLICABLE' },
    ],
  }),
  (context) => {
    const bridge = defaultBridgeNetwork(context.snapshot);
    if (bridge === null) return notApplicable('no default bridge network (bridge: none)', ['/engine/networks']);
    const icc = context.daemon.get('icc');
    if (typeof icc.value !== 'boolean') return unknownSetting('icc', icc);
    const evidence = settingEvidence(icc);
    if (icc.value) return fail(`inter-container communication is enabled on the default bridge (from ${icc.source})`, evidence);
    // icc=false is only complete when containers on the bridge cannot forge raw packets.
    const containers = context.runtime.containers.ok ? context.runtime.containers.value : [];
    const bridgeName = typeof bridge?.['Name'] === 'string' ? bridge['Name'] : 'bridge';
    const withRaw = containers
      .filter((c) => c.networkMode === 'default' || c.networkMode === bridgeName || c.networks.some((n) => n.name === bridgeName))
      .filter((c) => effectiveCaps(c, context.runtime.daemon.defaultCaps).has('CAP_NET_RAW'))
      .map((c) => c.name);
    const note = withRaw.length > 0 ? `; containers on the default bridge keeping NET_RAW: ${withRaw.join(', ')}` : '';
    return pass(`icc is disabled (from ${icc.source})${note}`, evidence);
  },
);
