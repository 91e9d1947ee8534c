import { evidenceFor } from '../../runtime/model.js';
import { effectiveCaps } from '../../runtime/effective.js';
import { capabilitiesFromMask } from '../runtime-view.js';
import { containerCheck, containerExample, fail, pass, section5Meta } from './per-container.js';

export const check = containerCheck(
  section5Meta({
    cisId: '5.4',
    slug: 'container-caps-restricted',
    title: 'Ensure that Linux kernel capabilities are restricted within containers',
    rationale:
      'Every capability beyond the engine default widens what root inside the container can do to the kernel (mount, load modules, trace processes...). Containers should keep the default set at most, ideally dropping what they do not use.',
    remediation: 'Remove `--cap-add` entries that are not required and drop the rest: `--cap-drop ALL --cap-add <only what is needed>`; never use `--privileged`.',
    checkExamples: [
      { note: 'SYS_ADMIN added', snapshot: containerExample({ HostConfig: { CapDrop: null, CapAdd: ['CAP_SYS_ADMIN'] } }), expect: 'FAIL' },
      { note: 'ALL added', snapshot: containerExample({ HostConfig: { CapDrop: null, CapAdd: ['ALL'] } }), expect: 'FAIL' },
      { note: 'privileged', snapshot: containerExample({ HostConfig: { Privileged: true } }), expect: 'FAIL' },
      { note: 'kernel bounding set holds SYS_ADMIN', snapshot: { host: { value: { containerProcesses: { ['a1b2c3d4'.repeat(8)]: { value: [{ status: { CapBnd: '0000000000200000' } }] } } } } }, expect: 'FAIL' },
      { note: 'drops ALL', snapshot: {}, expect: 'PASS' },
      { note: 'default set with NET_RAW dropped', snapshot: containerExample({ HostConfig: { CapDrop: ['NET_RAW'] } }), expect: 'PASS' },
    ],
  }),
  (c, context) => {
    const base = context.runtime.daemon.defaultCaps;
    const caps = effectiveCaps(c, base);
    const evidence = [evidenceFor(c, 'capAdd'), evidenceFor(c, 'capDrop'), evidenceFor(c, 'privileged')];
    const extra = [...caps].filter((cap) => !base.includes(cap)).sort();
    if (extra.length > 0) {
      const why = c.privileged ? 'privileged: all capabilities' : `capabilities beyond the default set: ${extra.join(', ')}`;
      return fail(why, extra.join(','), evidence);
    }
    // A running container's bounding set (CapBnd) must not hold more than the configuration implies.
    const init = context.runtime.initProcess(c);
    const bounding = init?.status?.['CapBnd'] ? capabilitiesFromMask(init.status['CapBnd']) : undefined;
    const kernelExtra = bounding?.filter((cap) => !base.includes(cap)) ?? [];
    if (init && kernelExtra.length > 0)
      return fail(`kernel bounding set holds capabilities beyond the default set: ${kernelExtra.join(', ')}`, kernelExtra.join(','), [...evidence, `/proc/${init.pid}/status:CapBnd`]);
    const note = caps.has('CAP_NET_RAW') ? 'note: CAP_NET_RAW retained; drop it unless needed' : undefined;
    return pass(note ?? `${caps.size} capabilities`, evidence);
  },
);
