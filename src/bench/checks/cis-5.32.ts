import { isPathWithin, normaliseHostPath } from '../../runtime/effective.js';
import { evidenceFor } from '../../runtime/model.js';
import { containerCheck, containerExample, fail, pass, section5Meta } from './per-container.js';

/** Socket names that hand out control of a container engine (containerd and podman: beyond CIS). */
const ENGINE_SOCKETS: Record<string, string> = {
  'docker.sock': 'Docker API socket',
  'containerd.sock': 'containerd socket (beyond CIS)',
  'podman.sock': 'Podman API socket (beyond CIS)',
};

export const check = containerCheck(
  section5Meta({
    cisId: '5.32',
    slug: 'container-no-docker-sock-mount',
    title: 'Ensure that the Docker socket is not mounted inside any containers',
    rationale:
      'Whoever can talk to the Docker socket can start a privileged container with the host filesystem mounted: mounting the socket (or a directory holding it) gives the container full control of the host.',
    remediation: 'Remove the socket mount; if a tool really needs the API, give it a filtering proxy with only the calls it needs.',
    checkExamples: [
      {
        note: 'socket mounted',
        snapshot: containerExample({ Mounts: [{ Type: 'bind', Source: '/var/run/docker.sock', Destination: '/var/run/docker.sock', RW: true, Propagation: 'rprivate' }] }),
        expect: 'FAIL',
      },
      {
        note: 'parent directory of the socket mounted',
        snapshot: containerExample({ Mounts: [{ Type: 'bind', Source: '/run', Destination: '/host-run', RW: false, Propagation: 'rprivate' }] }),
        expect: 'FAIL',
      },
      {
        note: 'renamed socket path given to the daemon',
        snapshot: {
          engine: { endpoint: 'unix:///srv/engine/api.sock', containers: { value: [{ Mounts: [{ Type: 'bind', Source: '/srv/engine/api.sock', Destination: '/api.sock', RW: true }] }] } },
        },
        expect: 'FAIL',
      },
      { note: 'no socket mount', snapshot: {}, expect: 'PASS' },
    ],
  }),
  (c, context) => {
    const sockets = context.runtime.daemon.apiSockets.map(normaliseHostPath);
    const evidence = [evidenceFor(c, 'mounts')];
    const problems: string[] = [];
    for (const mount of c.mounts) {
      const hostSource = mount.type === 'bind' ? mount.source : mount.hostPath;
      if (!hostSource) continue;
      const s = normaliseHostPath(hostSource);
      const base = s.split('/').pop() ?? '';
      if (sockets.includes(s)) problems.push(`${s} (daemon API socket)`);
      else if (ENGINE_SOCKETS[base]) problems.push(`${s} (${ENGINE_SOCKETS[base]})`);
      else if (sockets.some((sock) => isPathWithin(sock, s))) problems.push(`${s} (directory containing the daemon API socket)`);
    }
    if (problems.length > 0) return fail(`engine socket reachable through a mount: ${problems.join(', ')}`, problems.join(' '), evidence);
    return pass(undefined, evidence);
  },
);
