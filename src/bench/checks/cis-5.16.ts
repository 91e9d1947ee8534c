import { evidenceFor } from '../../runtime/model.js';
import { resolveNamespaceMode, sharesHostNamespace } from '../runtime-view.js';
import { containerCheck, containerExample, fail, pass, section5Meta, unknown } from './per-container.js';

export const check = containerCheck(
  section5Meta({
    cisId: '5.16',
    slug: 'container-no-host-pid',
    title: "Ensure that the host's process namespace is not shared",
    rationale:
      "A container in the host PID namespace sees every host process, can signal them and, with ptrace rights, inspect their memory and environment.",
    remediation: 'Run the container without `--pid=host` (compose: no `pid: host`).',
    checkExamples: [
      { note: 'host namespace', snapshot: containerExample({ HostConfig: { PidMode: 'host' } }), expect: 'FAIL' },
      {
        note: 'shares the namespace of a container that is missing',
        snapshot: containerExample({ HostConfig: { PidMode: 'container:gone' } }),
        expect: 'UNKNOWN',
      },
      { note: 'private namespace', snapshot: {}, expect: 'PASS' },
    ],
  }),
  (c, context) => {
    const evidence = [evidenceFor(c, 'pidMode')];
    const resolved = resolveNamespaceMode(context.runtime, c, 'pid');
    if (resolved.mode === undefined) return unknown(resolved.reason, evidence);
    const via = resolved.via.length > 0 ? ` via ${resolved.via.join(' -> ')}` : '';
    if (resolved.mode === 'host') return fail(`shares the host pid namespace${via}`, `PidMode=${c.pidMode}`, evidence);
    if (sharesHostNamespace(context.runtime, c, 'pid') === true)
      return fail('the kernel shows the host pid namespace (same /proc/PID/ns/pid as host PID 1)', undefined, [...evidence, `/proc/${c.pid}/ns/pid`]);
    return pass(`PidMode=${c.pidMode || '""'}${via}`, evidence);
  },
);
