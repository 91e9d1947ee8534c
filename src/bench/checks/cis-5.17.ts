import { evidenceFor } from '../../runtime/model.js';
import { resolveNamespaceMode, sharesHostNamespace } from '../runtime-view.js';
import { containerCheck, containerExample, fail, pass, section5Meta, unknown } from './per-container.js';

export const check = containerCheck(
  section5Meta({
    cisId: '5.17',
    slug: 'container-no-host-ipc',
    title: "Ensure that the host's IPC namespace is not shared",
    rationale:
      "Sharing the host IPC namespace exposes host shared memory segments, semaphores and message queues to the container.",
    remediation: 'Run the container without `--ipc=host`; use `--ipc=shareable`/`container:<name>` when containers must share memory.',
    checkExamples: [
      { note: 'host namespace', snapshot: containerExample({ HostConfig: { IpcMode: 'host' } }), expect: 'FAIL' },
      {
        note: 'shares the namespace of a container that is missing',
        snapshot: containerExample({ HostConfig: { IpcMode: 'container:gone' } }),
        expect: 'UNKNOWN',
      },
      { note: 'private namespace', snapshot: {}, expect: 'PASS' },
    ],
  }),
  (c, context) => {
    const evidence = [evidenceFor(c, 'ipcMode')];
    const resolved = resolveNamespaceMode(context.runtime, c, 'ipc');
    if (resolved.mode === undefined) return unknown(resolved.reason, evidence);
    const via = resolved.via.length > 0 ? ` via ${resolved.via.join(' -> ')}` : '';
    if (resolved.mode === 'host') return fail(`shares the host ipc namespace${via}`, `IpcMode=${c.ipcMode}`, evidence);
    if (sharesHostNamespace(context.runtime, c, 'ipc') === true)
      return fail('the kernel shows the host ipc namespace (same /proc/PID/ns/ipc as host PID 1)', undefined, [...evidence, `/proc/${c.pid}/ns/ipc`]);
    return pass(`IpcMode=${c.ipcMode || '""'}${via}`, evidence);
  },
);
