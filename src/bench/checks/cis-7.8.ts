import { X509Certificate } from 'node:crypto';
import type { BenchCheck } from '../check.js';
import { cisMeta, manual } from './host-common.js';
import { isSwarmFacts, SWARM_MANAGER, SWARM_WORKER, swarmGate } from './swarm-common.js';

/** NotBefore of the first certificate in a PEM bundle (the current root), when parseable. */
function notBefore(pem: unknown): string | undefined {
  if (typeof pem !== 'string') return undefined;
  const first = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0];
  if (!first) return undefined;
  try {
    return new X509Certificate(first).validFrom;
  } catch {
    return undefined;
  }
}

export const check: BenchCheck = {
  meta: cisMeta({
    cisId: '7.8',
    slug: 'swarm-ca-rotation',
    title: 'Ensure that CA certificates are rotated as appropriate',
    level: 1,
    scoring: 'N',
    automated: false,
    rationale: 'The swarm root CA signs every node certificate; rotating it limits the damage of a compromised CA key. How often is a judgement.',
    remediation: 'Rotate the root CA with `docker swarm ca --rotate` on the schedule your policy requires.',
    checkExamples: [
      { note: 'swarm inactive', snapshot: {}, expect: 'NOT_APPLICABLE' },
      { note: 'manager', snapshot: SWARM_MANAGER, expect: 'MANUAL' },
      { note: 'worker', snapshot: SWARM_WORKER, expect: 'NOT_APPLICABLE' },
    ],
  }),
  evaluate(context) {
    const facts = swarmGate(context, { clusterScoped: true });
    if (!isSwarmFacts(facts)) return facts;
    const tls = facts.swarm?.['TLSInfo'] as { TrustRoot?: unknown } | undefined;
    const since = notBefore(tls?.TrustRoot);
    const rotating = facts.swarm?.['RootRotationInProgress'] === true ? '; a rotation is in progress' : '';
    return manual(`root CA ${since ? `valid since ${since}` : 'age unknown'}${rotating}: confirm it is rotated as your policy requires`, ['/engine/swarm#TLSInfo.TrustRoot']);
  },
};
