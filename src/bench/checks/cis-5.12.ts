import { evidenceFor } from '../../runtime/model.js';
import { containerCheck, containerExample, fail, pass, section5Meta, unknown } from './per-container.js';

export const check = containerCheck(
  section5Meta({
    cisId: '5.12',
    slug: 'container-cpu-shares',
    title: 'Ensure that CPU priority is set appropriately on containers',
    rationale:
      'By default all containers get equal CPU weight and no cap, so one busy container can starve the others. A CPU share, quota or `--cpus` limit bounds it. (Deviation: CIS looks only at shares; a quota or `--cpus` is accepted as well because it bounds CPU use.)',
    remediation: 'Set `--cpu-shares` to a value other than the default 1024, or cap CPU with `--cpus` / `--cpu-quota` (compose: `cpu_shares`, `cpus`).',
    checkExamples: [
      { note: 'defaults', snapshot: containerExample({ HostConfig: { CpuShares: 0, NanoCpus: 0, CpuQuota: 0 } }), expect: 'FAIL' },
      { note: 'shares explicitly 1024 (the default weight)', snapshot: containerExample({ HostConfig: { CpuShares: 1024 } }), expect: 'FAIL' },
      { note: '--cpus 0.5', snapshot: containerExample({ HostConfig: { CpuShares: 0, NanoCpus: 500000000 } }), expect: 'PASS' },
      { note: 'shares 512', snapshot: {}, expect: 'PASS' },
    ],
  }),
  (c) => {
    const evidence = [evidenceFor(c, 'cpuShares'), evidenceFor(c, 'nanoCpus'), evidenceFor(c, 'cpuQuota')];
    if (c.cpuShares === undefined && c.nanoCpus === undefined && c.cpuQuota === undefined)
      return unknown('CPU settings not present in the container configuration', evidence);
    const shares = c.cpuShares ?? 0;
    const detail = `CpuShares=${shares} NanoCpus=${c.nanoCpus ?? 0} CpuQuota=${c.cpuQuota ?? 0}`;
    if ((shares !== 0 && shares !== 1024) || (c.nanoCpus ?? 0) > 0 || (c.cpuQuota ?? 0) > 0) return pass(detail, evidence);
    return fail('no CPU shares, quota or --cpus limit', detail, evidence);
  },
);
