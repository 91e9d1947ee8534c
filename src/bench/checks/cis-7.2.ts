import type { BenchCheck } from '../check.js';
import { cisMeta, fail, merged, pass, unknown } from './host-common.js';
import { isSwarmFacts, stateFileExample, SWARM_MANAGER, swarmGate, swarmStateFile } from './swarm-common.js';

const isWildcardHost = (host: string) => host === '' || host === '0.0.0.0' || host === '::' || host === '[::]';
function splitHostPort(address: string): { host: string; port: string } {
  const m = /^(\[[^\]]*\]|[^:]*):(\d+)$/.exec(address.trim());
  return m ? { host: m[1]!, port: m[2]! } : { host: address.trim(), port: '2377' };
}

export const check: BenchCheck = {
  meta: cisMeta({
    cisId: '7.2',
    slug: 'swarm-listen-specific-interface',
    title: 'Ensure that swarm services are bound to a specific host interface',
    level: 1,
    scoring: 'Y',
    automated: false,
    rationale: 'By default the swarm management and gossip ports listen on every interface, reachable from any network the host is on. Binding them to the cluster interface limits who can reach them.',
    remediation: 'Initialise or join with `--listen-addr IP:2377` (and `--advertise-addr`) on the cluster network interface.',
    checkExamples: [
      { note: 'swarm inactive', snapshot: {}, expect: 'NOT_APPLICABLE' },
      { note: 'listening on a specific address', snapshot: merged(SWARM_MANAGER, stateFileExample({ ListenAddr: '10.0.0.1:2377', AdvertiseAddr: '10.0.0.1' })), expect: 'PASS' },
      { note: 'listening on every interface', snapshot: merged(SWARM_MANAGER, stateFileExample({ ListenAddr: '0.0.0.0:2377' })), expect: 'FAIL' },
      { note: 'wildcard gossip socket seen', snapshot: merged(SWARM_MANAGER, stateFileExample({ ListenAddr: '10.0.0.1:2377' }), { host: { value: { listening: { ok: true, value: ['[::]:7946'] } } } }), expect: 'FAIL' },
      { note: 'state file not collected', snapshot: SWARM_MANAGER, expect: 'UNKNOWN' },
    ],
  }),
  evaluate(context) {
    const facts = swarmGate(context);
    if (!isSwarmFacts(facts)) return facts;
    const stateFile = swarmStateFile(context);
    const listen = stateFile.ok && typeof stateFile.state['ListenAddr'] === 'string' ? splitHostPort(stateFile.state['ListenAddr']) : undefined;
    const ports = new Set([listen?.port ?? '2377', '7946']);
    const host = context.daemon.host;
    const wildcardSockets = host.ok && host.value.listening.ok
      ? host.value.listening.value.filter((s) => {
        const { host: h, port } = splitHostPort(s);
        return ports.has(port) && isWildcardHost(h);
      })
      : [];
    const evidence = [...(stateFile.ok ? [`file:${stateFile.path}#/ListenAddr`] : []), '/host/listening'];
    if (wildcardSockets.length > 0) return fail(`swarm ports listen on every interface: ${wildcardSockets.join(', ')}`, evidence);
    if (listen && isWildcardHost(listen.host)) return fail(`ListenAddr ${listen.host}:${listen.port} is every interface`, evidence);
    if (!stateFile.ok) return unknown(`swarm listen address unknown: ${stateFile.reason}`);
    if (!listen) return unknown(`${stateFile.path} has no ListenAddr`);
    if (!host.ok || !host.value.listening.ok) return unknown(`ListenAddr is ${listen.host}:${listen.port}, but listening sockets were not read`, evidence);
    return pass(`swarm listens on ${listen.host}:${listen.port}`, evidence);
  },
};
