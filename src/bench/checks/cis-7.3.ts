import type { CheckItem } from '../../core/check-result.js';
import type { BenchCheck } from '../check.js';
import { cisMeta, fromItems, item, merged, notApplicable, unknown } from './host-common.js';
import { isSwarmFacts, SWARM_MANAGER, swarmGate } from './swarm-common.js';

const overlay = (options: Record<string, string>) => ({ engine: { networks: { value: [{ Name: 'appnet', Driver: 'overlay', Options: options }] } } });

export const check: BenchCheck = {
  meta: cisMeta({
    cisId: '7.3',
    slug: 'swarm-overlay-encrypted',
    title: 'Ensure that all Docker swarm overlay networks are encrypted',
    level: 1,
    scoring: 'Y',
    automated: false,
    rationale: 'Overlay traffic between nodes is plain VXLAN unless encrypted: anyone on the path between hosts can read or inject container traffic.',
    remediation: 'Create overlay networks with `--opt encrypted` (recreate existing ones; the option cannot be added later).',
    checkExamples: [
      { note: 'swarm inactive', snapshot: {}, expect: 'NOT_APPLICABLE' },
      { note: 'encrypted overlay', snapshot: merged(SWARM_MANAGER, overlay({ encrypted: '' })), expect: 'PASS' },
      { note: 'unencrypted overlay', snapshot: merged(SWARM_MANAGER, overlay({})), expect: 'FAIL' },
    ],
  }),
  evaluate(context) {
    const facts = swarmGate(context);
    if (!isSwarmFacts(facts)) return facts;
    const networks = context.snapshot.engine.networks;
    if (!networks.ok) return unknown(`networks could not be listed: ${networks.reason}`);
    const items: CheckItem[] = [];
    for (const raw of networks.value as Array<{ Name?: string; Driver?: string; Options?: Record<string, string> | null }>) {
      if (raw.Driver !== 'overlay') continue;
      const name = raw.Name ?? '?';
      // The overlay driver tests only for the key: even `encrypted=false` turns encryption on.
      if (raw.Options && 'encrypted' in raw.Options) items.push(item(name, 'PASS', undefined, 'encrypted', [`/engine/networks/${name}#Options.encrypted`]));
      else items.push(item(name, 'FAIL', 'overlay network is not encrypted', undefined, [`/engine/networks/${name}#Options`]));
    }
    const outcome = fromItems(items, 'overlay network(s)', notApplicable('no overlay networks'));
    if (!facts.manager && outcome.status !== 'FAIL' && items.length > 0) return unknown('a worker sees only the overlay networks it is attached to; audit a manager', outcome.evidence);
    return outcome;
  },
};
