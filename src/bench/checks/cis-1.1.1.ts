import { cisMeta, fail, fileEntry, isOutcome, needHost, pass, realOf, REMOTE_EXAMPLE, unknown } from './host-common.js';
import type { BenchCheck } from '../check.js';

/** Mount points compared by path component (so `/var/lib/docker2` is not under `/var/lib/docker`). */
const covers = (mountPoint: string, path: string) => mountPoint === '/' || path === mountPoint || path.startsWith(`${mountPoint}/`);

export const check: BenchCheck = {
  meta: cisMeta({
    cisId: '1.1.1',
    slug: 'host-docker-root-separate-partition',
    title: 'Ensure a separate partition for containers has been created',
    level: 1,
    scoring: 'Y',
    automated: false,
    rationale:
      'Docker keeps images, containers and volumes under its data root. On the root or /var filesystem, a container that fills its storage can exhaust the space the host itself needs.',
    remediation:
      'Put the Docker data root (`docker info -f {{.DockerRootDir}}`) on its own filesystem, e.g. a dedicated LVM volume mounted there, before containers are created.',
    checkExamples: [
      { note: 'data root on its own device', snapshot: {}, expect: 'PASS' },
      {
        note: 'data root on the root filesystem',
        snapshot: { host: { value: { mounts: { value: [{}, { mountPoint: '/srv' }] } } } },
        expect: 'FAIL',
      },
      {
        note: 'bind mount of the root device at the data root',
        snapshot: { host: { value: { mounts: { value: [{}, { device: '8:1', root: '/srv/docker' }] } } } },
        expect: 'FAIL',
      },
      {
        note: 'data root is a symlink into /var (same device as /var)',
        snapshot: {
          host: {
            value: {
              files: fileEntry('/var/lib/docker', { type: 'symlink', realPath: '/var/docker-data' }),
              mounts: { value: [{}, { mountPoint: '/var', device: '8:3' }] },
            },
          },
        },
        expect: 'FAIL',
      },
      { note: 'remote daemon', snapshot: REMOTE_EXAMPLE, expect: 'UNKNOWN' },
    ],
  }),
  evaluate(context) {
    const host = needHost(context);
    if (isOutcome(host)) return host;
    const root = context.daemon.get('data-root');
    if (typeof root.value !== 'string') return unknown(`data root unknown: ${root.unknown ?? 'not reported'}`);
    if (!host.mounts.ok) return unknown(`mount table unreadable: ${host.mounts.reason}`);
    const dataRoot = realOf(host, root.value);
    const mounts = host.mounts.value;
    let best: (typeof mounts)[number] | undefined;
    let rootMount: (typeof mounts)[number] | undefined;
    let varMount: (typeof mounts)[number] | undefined;
    for (const m of mounts) {
      // Later rows shadow earlier ones at the same mount point (mountinfo order).
      if (covers(m.mountPoint, dataRoot) && (!best || m.mountPoint.length >= best.mountPoint.length)) best = m;
      if (m.mountPoint === '/') rootMount = m;
      if (m.mountPoint === '/var') varMount = m;
    }
    const evidence = [...root.evidence, '/host/mounts'];
    if (!best) return unknown(`no mount covers ${dataRoot}`, evidence);
    const where = `${dataRoot} is on ${best.source || best.device} (${best.fsType}, device ${best.device}) mounted at ${best.mountPoint}`;
    const exact = best.mountPoint === dataRoot ? '; it is a mount point' : '; not itself a mount point';
    if (best.fsType === 'tmpfs') return pass(`${where}: RAM-backed${exact}`, evidence);
    if (rootMount && best.device === rootMount.device) return fail(`${where}: the same filesystem as /`, evidence);
    if (varMount && best.device === varMount.device) return fail(`${where}: the same filesystem as /var`, evidence);
    return pass(`${where}${exact}`, evidence);
  },
};
