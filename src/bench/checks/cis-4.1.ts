import type { BenchCheck } from '../check.js';
import { isRootUserString } from '../../runtime/effective.js';
import { containerCheck, containerExample, fail, pass, unknown } from './per-container.js';
import { cisMeta } from './host-common.js';

/** Map a host uid into the container's user namespace through `uid_map` rows (inside outside count). */
function insideUid(hostUid: number, uidMap: string | undefined): number | undefined {
  if (!uidMap) return hostUid;
  for (const line of uidMap.split('\n')) {
    const [inside, outside, count] = line.trim().split(/\s+/).map(Number);
    if (inside === undefined || outside === undefined || count === undefined || Number.isNaN(count)) continue;
    if (hostUid >= outside && hostUid < outside + count) return inside + (hostUid - outside);
  }
  return undefined;
}

export const check: BenchCheck = containerCheck(
  cisMeta({
    cisId: '4.1',
    slug: 'container-non-root-user',
    title: 'Ensure that a user for the container has been created',
    level: 1,
    scoring: 'Y',
    automated: false,
    rationale:
      'A process running as root in a container is root on the host too when it escapes (without user namespaces). Running as an unprivileged user limits what a compromise can reach.',
    remediation: 'Create a user in the image (`RUN useradd ...`) and set `USER` in the Dockerfile, or run the container with `--user UID:GID`.',
    checkExamples: [
      { note: 'numeric non-root user', snapshot: {}, expect: 'PASS' },
      { note: 'no user (root)', snapshot: containerExample({ Config: { User: '' } }), expect: 'FAIL' },
      { note: '0:1000 is root', snapshot: containerExample({ State: { Status: 'exited', Running: false, Pid: 0 }, Config: { User: '0:1000' } }), expect: 'FAIL' },
      { note: 'name that cannot be resolved', snapshot: containerExample({ State: { Status: 'exited', Running: false, Pid: 0 }, Config: { User: 'app' } }), expect: 'UNKNOWN' },
      {
        note: 'running as euid 0 despite a non-root Config.User',
        snapshot: { host: { value: { containerProcesses: { a1b2c3d4a1b2c3d4a1b2c3d4a1b2c3d4a1b2c3d4a1b2c3d4a1b2c3d4a1b2c3d4: { value: [{ status: { Uid: '1000\t0\t0\t0' } }] } } } } },
        expect: 'FAIL',
      },
    ],
  }),
  (c, context) => {
    const init = context.runtime.initProcess(c);
    const uidLine = init?.status?.['Uid'];
    const euid = uidLine?.split(/\s+/)[1];
    if (euid !== undefined && /^\d+$/.test(euid)) {
      const inside = insideUid(Number(euid), init?.uidMap);
      const evidence = [`/proc/${init!.pid}/status:Uid`];
      if (inside === undefined) return unknown(`host uid ${euid} is outside the container's uid_map`, evidence);
      const hostNote = inside !== Number(euid) ? ` (host uid ${euid})` : '';
      return inside === 0 ? fail(`the container's init process runs as root${hostNote}`, `euid ${inside}`, evidence) : pass(`runs as uid ${inside}${hostNote}`, evidence);
    }
    const root = isRootUserString(c.user);
    const evidence = [`${c.source.document}#Config.User`];
    if (root === undefined) return unknown(`user name "${c.user}" not resolvable without the container's /etc/passwd`, evidence);
    return root ? fail(c.user.trim() === '' ? 'no user set: runs as root' : `user "${c.user}" is root`, undefined, evidence) : pass(`user ${c.user}`, evidence);
  },
);
