import type { BenchCheck } from '../check.js';
import { tlsState } from '../daemon-config.js';
import type { HostEvidence } from '../snapshot.js';
import { argvExample, cisMeta, daemonCheck, fail, fileExists, infoFields, notApplicable, pass, REMOTE_EXAMPLE, unknown, unknownSetting } from './host-common.js';

/** `/info.Warnings` lines the engine prints for an unencrypted or unverified TCP API. */
const EXPOSED = [/API is accessible on http:\/\/\S+ without encryption/i, /API is accessible on https:\/\/\S+ without TLS client verification/i];

/** TCP listeners of `hosts`, with `fd://` expanded through docker.socket's numeric ListenStream= entries. */
function tcpListeners(hosts: string[], host: HostEvidence | undefined): string[] {
  const out: string[] = [];
  for (const h of hosts) {
    if (/^tcp:\/\//i.test(h)) out.push(h);
    if (/^fd:\/\//i.test(h) && host) {
      const socketUnit = host.units['docker.socket'];
      const texts = [socketUnit?.ok ? socketUnit.value.content : undefined, ...(host.unitDropIns?.['docker.socket'] ?? []).map((d) => d.content)];
      for (const text of texts) {
        for (const match of (text ?? '').matchAll(/^\s*ListenStream\s*=\s*(\S+)\s*$/gm)) {
          if (!match[1]!.startsWith('/') && !match[1]!.startsWith('@')) out.push(`fd:// ListenStream=${match[1]}`);
        }
      }
    }
  }
  return out;
}

export const check: BenchCheck = daemonCheck(
  cisMeta({
    cisId: '2.7',
    slug: 'daemon-tcp-tls-verify',
    title: 'Ensure TLS authentication for Docker daemon is configured',
    level: 1,
    scoring: 'Y',
    automated: false,
    rationale:
      'The Docker API is root on the host. Exposed over TCP without TLS and client-certificate verification, anyone who can reach the port controls the daemon.',
    remediation:
      'Listen on TCP only with `--tlsverify --tlscacert=ca.pem --tlscert=server-cert.pem --tlskey=server-key.pem` (or the daemon.json equivalents), issuing client certificates to the administrators; otherwise do not listen on TCP.',
    checkExamples: [
      { note: 'unix socket only', snapshot: {}, expect: 'NOT_APPLICABLE' },
      { note: 'plain TCP', snapshot: argvExample(['-H', 'tcp://0.0.0.0:2375']), expect: 'FAIL' },
      { note: 'TLS without verification', snapshot: argvExample(['-H', 'tcp://0.0.0.0:2376', '--tlsverify=false', '--tlscert=/c.pem', '--tlskey=/k.pem']), expect: 'FAIL' },
      { note: 'TLS with client verification', snapshot: argvExample(['-H', 'tcp://0.0.0.0:2376', '--tlsverify', '--tlscacert=/ca.pem', '--tlscert=/c.pem', '--tlskey=/k.pem']), expect: 'PASS' },
      { note: '--tls alone implies verification', snapshot: argvExample(['-H', 'tcp://127.0.0.1:2376', '--tls']), expect: 'PASS' },
      { note: 'engine warns about plain HTTP', snapshot: infoFields({ Warnings: ['WARNING: API is accessible on http://0.0.0.0:2375 without encryption.'] }), expect: 'FAIL' },
      { note: 'remote daemon, no warnings', snapshot: REMOTE_EXAMPLE, expect: 'UNKNOWN' },
    ],
  }),
  (context) => {
    const warnings = Array.isArray(context.daemon.info?.['Warnings']) ? (context.daemon.info['Warnings'] as unknown[]).filter((w): w is string => typeof w === 'string') : [];
    const exposed = warnings.filter((w) => EXPOSED.some((re) => re.test(w)));
    if (exposed.length > 0) return fail(`the engine reports: ${exposed.join(' ')}`, ['/engine/info#Warnings']);
    const host = context.daemon.host.ok ? context.daemon.host.value : undefined;
    const hosts = context.daemon.get('hosts');
    if (!Array.isArray(hosts.value)) {
      if (context.daemon.mode.remote && /^tcp:/i.test(context.snapshot.engine.endpoint))
        return unknown('remote daemon: its TCP listeners and TLS settings are not visible without host access, and the engine reports no exposure warning', ['/engine/info#Warnings']);
      return unknownSetting('hosts', hosts);
    }
    const listeners = tcpListeners(hosts.value as string[], host);
    if (listeners.length === 0) return notApplicable('API not exposed over TCP', hosts.evidence);
    const tls = tlsState(context.daemon);
    if (tls.unknown !== undefined) return unknown(`TLS settings unknown: ${tls.unknown}`, tls.evidence);
    const evidence = [...hosts.evidence, ...tls.evidence];
    if (!tls.enabled) return fail(`the API listens on ${listeners.join(', ')} without TLS`, evidence);
    if (!tls.verify) return fail(`the API listens on ${listeners.join(', ')} with TLS but without client certificate verification`, evidence);
    const ca = context.daemon.get('tlscacert');
    const caNote = host && typeof ca.value === 'string' && fileExists(host, ca.value) === false
      ? `; note: tlscacert ${ca.value} does not exist, client certificates are checked against the system roots` : '';
    return pass(`TLS with client verification on ${listeners.join(', ')}${caNote}`, evidence);
  },
);
