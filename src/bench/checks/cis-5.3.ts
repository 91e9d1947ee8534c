import { evidenceFor } from '../../runtime/model.js';
import { containerCheck, containerExample, fail, infoExample, pass, section5Meta } from './per-container.js';

const SELINUX_INFO = { SecurityOptions: ['name=selinux', 'name=seccomp,profile=builtin'] };
const CONFINED_LABEL = 'system_u:system_r:container_t:s0:c1,c2';

/** SELinux type of a `user:role:type:level` label. */
function labelType(label: string): string | undefined {
  return label.split(':')[2];
}

export const check = containerCheck(
  section5Meta({
    cisId: '5.3',
    slug: 'container-selinux-options',
    title: 'Ensure that, if applicable, SELinux security options are set',
    level: 2,
    rationale:
      'With SELinux, each container runs under a confined type and its own MCS category, so a process that escapes its namespaces still cannot touch host files or other containers. Disabling labels removes that barrier.',
    remediation:
      'Run the daemon with `--selinux-enabled` and do not pass `--security-opt label=disable` (nor `--privileged`, `--pid=host` or `--ipc=host`, which disable labelling); use `label=type:...`/`label=level:...` for a tailored policy.',
    checkExamples: [
      { note: 'label=disable', snapshot: infoExample(SELINUX_INFO, { ProcessLabel: '', HostConfig: { SecurityOpt: ['label=disable'] } }), expect: 'FAIL' },
      { note: 'spc_t type', snapshot: infoExample(SELINUX_INFO, { ProcessLabel: 'system_u:system_r:spc_t:s0' }), expect: 'FAIL' },
      { note: 'no SELinux on the daemon', snapshot: {}, expect: 'NOT_APPLICABLE' },
      { note: 'confined container_t label', snapshot: infoExample(SELINUX_INFO, { ProcessLabel: CONFINED_LABEL }), expect: 'PASS' },
    ],
  }),
  (c) => {
    const evidence = [evidenceFor(c, 'securityOpt'), evidenceFor(c, 'processLabel'), evidenceFor(c, 'privileged')];
    if (c.securityOpt.labels.includes('disable')) return fail('SELinux labelling is disabled (label=disable)', undefined, evidence);
    if (c.privileged) return fail('privileged containers run unconfined', undefined, evidence);
    const requestedType = c.securityOpt.labels.find((l) => l.startsWith('type:'))?.slice('type:'.length);
    const started = c.state !== 'created' && c.state !== 'declared';
    const label = c.processLabel ?? '';
    if (started && c.source.kind === 'inspect' && label === '') return fail('started without an SELinux process label', undefined, evidence);
    const type = label ? labelType(label) : requestedType;
    if (type === 'spc_t' || type === 'unconfined_t') return fail(`runs with the unconfined SELinux type ${type}`, label || `label=type:${type}`, evidence);
    return pass(label ? `label=${label}` : 'default container label', evidence);
  },
  (context) => {
    const { selinux } = context.runtime.daemon;
    if (selinux === undefined) return { status: 'UNKNOWN', reason: 'daemon SecurityOptions not read' };
    if (!selinux) return { status: 'NOT_APPLICABLE', reason: 'SELinux is not enabled on the daemon', evidence: ['/engine/info#SecurityOptions'] };
    return undefined;
  },
);
