/**
 * The community checks C.5.3.1-4 differ only in the capability they forbid: one decision serves them all.
 * A container fails when its effective capability set (CapAdd/CapDrop/privileged over the daemon's
 * defaults) holds the capability, or, for a running container, when the kernel's bounding set does.
 */
import { effectiveCaps } from '../../runtime/effective.js';
import { evidenceFor } from '../../runtime/model.js';
import type { BenchCheck } from '../check.js';
import { capabilitiesFromMask } from '../runtime-view.js';
import { containerCheck, containerExample, fail, pass, section5Meta } from './per-container.js';

export interface ForbiddenCapability {
  cisId: string;
  /** Capability name without the `CAP_` prefix, as `--cap-add` takes it (`SYS_ADMIN`). */
  capability: string;
  rationale: string;
}

export function forbiddenCapabilityCheck({ cisId, capability, rationale }: ForbiddenCapability): BenchCheck {
  const cap = `CAP_${capability}`;
  return containerCheck(
    {
      ...section5Meta({
        cisId,
        slug: `container-no-cap-${capability.toLowerCase().replace(/_/g, '-')}`,
        title: `Ensure the ${cap} capability is not granted to containers`,
        scoring: 'C',
        rationale,
        remediation: `Remove \`--cap-add ${capability}\` (and \`--cap-add ALL\`, \`--privileged\`) from the container.`,
        checkExamples: [
          { note: 'added explicitly', snapshot: containerExample({ HostConfig: { CapDrop: null, CapAdd: [capability] } }), expect: 'FAIL' },
          { note: 'all capabilities added', snapshot: containerExample({ HostConfig: { CapDrop: null, CapAdd: ['ALL'] } }), expect: 'FAIL' },
          { note: 'privileged', snapshot: containerExample({ HostConfig: { Privileged: true } }), expect: 'FAIL' },
          { note: 'not granted', snapshot: {}, expect: 'PASS' },
        ],
      }),
      section: 'C',
    },
    (c, context) => {
      const evidence = [evidenceFor(c, 'capAdd'), evidenceFor(c, 'capDrop'), evidenceFor(c, 'privileged')];
      if (effectiveCaps(c, context.runtime.daemon.defaultCaps).has(cap)) {
        return fail(c.privileged ? `privileged: holds ${cap}` : `holds ${cap}`, cap, evidence);
      }
      const init = context.runtime.initProcess(c);
      const bounding = init?.status?.['CapBnd'] ? capabilitiesFromMask(init.status['CapBnd']) : undefined;
      if (init && bounding?.includes(cap)) {
        return fail(`kernel bounding set holds ${cap}`, cap, [...evidence, `/proc/${init.pid}/status:CapBnd`]);
      }
      return pass(undefined, evidence);
    },
  );
}
