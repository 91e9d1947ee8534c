import { evidenceFor } from '../../runtime/model.js';
import { resolveNamespaceMode, sharesHostNamespace } from '../runtime-view.js';
import { containerCheck, containerExample, fail, pass, section5Meta, unknown } from './per-container.js';

export const check = containerCheck(
  section5Meta({
    cisId: '5.10',
    slug: 'container-no-host-network',
    title: "Ensure that the host's network namespace is not shared",
    rationale:
      "A container in the host network namespace sees every host interface, can bind any host port and reach services listening on localhost, such as the Docker API over TCP or metadata endpoints.",
    remediation: 'Run the container on a bridge or user-defined network instead of `--network host`.',
    checkExamples: [
      { note: 'host network', snapshot: containerExample({ HostConfig: { NetworkMode: 'host' } }), expect: 'FAIL' },
      {
        note: 'kernel shows the host network namespace',
        snapshot: { host: { value: { hostNamespaces: { ok: true, value: { net: 'net:[4026531840]' } }, containerProcesses: { ['a1b2c3d4'.repeat(8)]: { value: [{ namespaces: { net: 'net:[4026531840]' } }] } } } } },
        expect: 'FAIL',
      },
      { note: 'user network', snapshot: {}, expect: 'PASS' },
    ],
  }),
  (c, context) => {
    const evidence = [evidenceFor(c, 'networkMode')];
    const resolved = resolveNamespaceMode(context.runtime, c, 'network');
    if (resolved.mode === undefined) return unknown(resolved.reason, evidence);
    const via = resolved.via.length > 0 ? ` via ${resolved.via.join(' -> ')}` : '';
    if (resolved.mode === 'host') return fail(`shares the host network namespace${via}`, `NetworkMode=${c.networkMode}`, evidence);
    if (sharesHostNamespace(context.runtime, c, 'net') === true)
      return fail('the kernel shows the host network namespace (same /proc/PID/ns/net as host PID 1)', undefined, [...evidence, `/proc/${c.pid}/ns/net`]);
    return pass(`NetworkMode=${c.networkMode}${via}`, evidence);
  },
);
