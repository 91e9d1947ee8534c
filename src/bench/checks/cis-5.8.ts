import { describeBinding } from '../../runtime/effective.js';
import { evidenceFor } from '../../runtime/model.js';
import { resolveNamespaceMode } from '../runtime-view.js';
import { containerCheck, containerExample, fail, notApplicable, pass, section5Meta } from './per-container.js';

/** First port of a host port or range (`8000-8010`); undefined when ephemeral. */
function firstPort(hostPort: string): number | undefined {
  const match = /^(\d+)(?:-(\d+))?$/.exec(hostPort.trim());
  if (!match) return undefined;
  const port = Number(match[1]);
  return port === 0 ? undefined : port;
}

export const check = containerCheck(
  section5Meta({
    cisId: '5.8',
    slug: 'container-no-privileged-host-ports',
    title: 'Ensure privileged ports are not mapped within containers',
    rationale:
      'Ports below 1024 are reserved for privileged services; publishing a container on them lets it receive traffic clients trust as coming from a system service (ssh, smtp, dns...).',
    remediation: 'Publish on a host port of 1024 or above (`-p 8443:443`) and put a proxy or load balancer in front if a low port is required.',
    checkExamples: [
      {
        note: 'port 22 published',
        snapshot: containerExample({ NetworkSettings: { Ports: { '80/tcp': null, '22/tcp': [{ HostIp: '127.0.0.1', HostPort: '22' }] } } }),
        expect: 'FAIL',
      },
      { note: 'no published ports', snapshot: containerExample({ NetworkSettings: { Ports: { '80/tcp': null } } }), expect: 'NOT_APPLICABLE' },
      { note: 'port 8080', snapshot: {}, expect: 'PASS' },
    ],
  }),
  (c, context) => {
    const bindings = context.runtime.bindingsOf(c);
    const evidence = [evidenceFor(c, 'ports')];
    if (bindings.length === 0) {
      const network = resolveNamespaceMode(context.runtime, c, 'network');
      if (network.mode === 'host') return notApplicable('host network: no published ports (the host network itself fails 5.10)');
      return notApplicable('no published ports');
    }
    const privileged = bindings.filter((b) => {
      const port = firstPort(b.hostPort);
      return port !== undefined && port >= 1 && port <= 1023;
    });
    if (privileged.length > 0) {
      const shown = privileged.map(describeBinding).join(', ');
      return fail(`privileged host port published: ${shown}`, shown, evidence);
    }
    return pass(bindings.map(describeBinding).join(', '), evidence);
  },
);
