import type { BenchCheck } from '../check.js';
import { cisMeta, fail, merged, pass, unknown } from './host-common.js';
import { isSwarmFacts, stateFileExample, SWARM_MANAGER, swarmGate, swarmStateFile } from './swarm-common.js';

const ipOf = (address: string) => address.trim().replace(/^\[([^\]]*)\](:\d+)?$/, '$1').replace(/^([^:]+):\d+$/, '$1');

export const check: BenchCheck = {
  meta: cisMeta({
    cisId: '7.9',
    slug: 'swarm-data-plane-separated',
    title: 'Ensure management plane traffic is separated from data plane traffic',
    level: 1,
    scoring: 'N',
    automated: false,
    rationale: 'On one interface, a flood of container traffic can starve cluster management, and a compromise of one plane exposes the other. Separation can also be done below Docker, so it is not scored.',
    remediation: 'Join or initialise with `--data-path-addr` on a different interface than `--advertise-addr`.',
    checkExamples: [
      { note: 'swarm inactive', snapshot: {}, expect: 'NOT_APPLICABLE' },
      { note: 'separate data path', snapshot: merged(SWARM_MANAGER, stateFileExample({ AdvertiseAddr: '10.0.0.1:2377', DataPathAddr: '10.1.0.1' })), expect: 'PASS' },
      { note: 'no data path address', snapshot: merged(SWARM_MANAGER, stateFileExample({ AdvertiseAddr: '10.0.0.1:2377', DataPathAddr: '' })), expect: 'FAIL' },
      { note: 'state file unreadable', snapshot: SWARM_MANAGER, expect: 'UNKNOWN' },
    ],
  }),
  evaluate(context) {
    const facts = swarmGate(context);
    if (!isSwarmFacts(facts)) return facts;
    const stateFile = swarmStateFile(context);
    if (!stateFile.ok) return unknown(`data path address unknown: ${stateFile.reason}`);
    const dataPath = typeof stateFile.state['DataPathAddr'] === 'string' ? stateFile.state['DataPathAddr'] : '';
    const advertiseRaw = typeof stateFile.state['AdvertiseAddr'] === 'string' && stateFile.state['AdvertiseAddr'] !== '' ? stateFile.state['AdvertiseAddr'] : String(facts.info['NodeAddr'] ?? '');
    const evidence = [`file:${stateFile.path}#/DataPathAddr`, `file:${stateFile.path}#/AdvertiseAddr`];
    if (dataPath === '') return fail('no separate data path address: data and management traffic share the advertise address', evidence);
    if (ipOf(dataPath) === ipOf(advertiseRaw)) return fail(`data path address ${dataPath} equals the advertise address`, evidence);
    return pass(`data path ${dataPath}, management ${advertiseRaw || '?'}`, evidence);
  },
};
