import type { CheckItem } from '../../core/check-result.js';
import type { BenchCheck } from '../check.js';
import { cisMeta, fromItems, item, manual, merged, unknown } from './host-common.js';
import { isSwarmFacts, SWARM_MANAGER, swarmGate } from './swarm-common.js';

const SECRET_NAME = /(PASS(WORD|WD)?|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIALS?)/i;

export const check: BenchCheck = {
  meta: cisMeta({
    cisId: '7.4',
    slug: 'swarm-secrets-used',
    title: 'Ensure that Docker\'s secret management commands are used for managing secrets in a swarm cluster',
    level: 1,
    scoring: 'N',
    automated: false,
    rationale: 'Swarm secrets are encrypted at rest and delivered only to the tasks that need them; secrets in environment variables are visible in inspect output and logs.',
    remediation: 'Store credentials with `docker secret create` and grant them to services with `--secret`; read them from /run/secrets in the container.',
    checkExamples: [
      { note: 'swarm inactive', snapshot: {}, expect: 'NOT_APPLICABLE' },
      { note: 'services reviewed', snapshot: merged(SWARM_MANAGER, { engine: { services: { ok: true, value: [] }, secrets: { ok: true, value: [{ ID: 's1' }] } } }), expect: 'MANUAL' },
      { note: 'services not readable', snapshot: SWARM_MANAGER, expect: 'UNKNOWN' },
    ],
  }),
  evaluate(context) {
    const facts = swarmGate(context, { clusterScoped: true });
    if (!isSwarmFacts(facts)) return facts;
    const services = context.snapshot.engine.services;
    if (!services.ok) return unknown(`services could not be listed: ${services.reason}`);
    const secrets = context.snapshot.engine.secrets;
    const secretCount = secrets.ok ? secrets.value.length : undefined;
    const items: CheckItem[] = [];
    for (const raw of services.value as Array<{ Spec?: { Name?: string; TaskTemplate?: { ContainerSpec?: { Env?: string[]; Secrets?: unknown[] } } } }>) {
      const spec = raw.Spec?.TaskTemplate?.ContainerSpec;
      const name = raw.Spec?.Name ?? '?';
      const suspicious = (spec?.Env ?? []).map((e) => e.split('=')[0]!).filter((n) => SECRET_NAME.test(n) && !/_FILE$/i.test(n));
      if (suspicious.length > 0 && (spec?.Secrets ?? []).length === 0)
        items.push(item(name, 'MANUAL', `secret-looking environment variables without swarm secrets: ${suspicious.join(', ')}`));
    }
    const summary = `${secretCount ?? '?'} swarm secret(s), ${services.value.length} service(s): confirm secrets are managed with docker secret`;
    return items.length > 0 ? fromItems(items, 'service(s)', manual(summary)) : manual(summary, ['/engine/secrets', '/engine/services']);
  },
};
