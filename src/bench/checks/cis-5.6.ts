import { isPathWithin, normaliseHostPath } from '../../runtime/effective.js';
import { evidenceFor } from '../../runtime/model.js';
import { containerCheck, containerExample, fail, pass, section5Meta } from './per-container.js';

/** Host directories that must not be mounted (the exact directory in any mode, below them only read-only). */
export const SENSITIVE_HOST_DIRS: readonly string[] = ['/boot', '/dev', '/etc', '/lib', '/proc', '/sys', '/usr'];

export const check = containerCheck(
  section5Meta({
    cisId: '5.6',
    slug: 'container-no-sensitive-mounts',
    title: 'Ensure sensitive host system directories are not mounted on containers',
    rationale:
      'Mounting host system directories lets the container read secrets and configuration, and in write mode change the host itself (users, binaries, boot files, device nodes). Even read-only, `/` or `/etc` expose credentials.',
    remediation: 'Do not bind-mount `/`, `/boot`, `/dev`, `/etc`, `/lib`, `/proc`, `/sys` or `/usr`; mount only the specific files needed, read-only (e.g. `/etc/localtime:/etc/localtime:ro`).',
    checkExamples: [
      {
        note: '/etc mounted read-only',
        snapshot: containerExample({ Mounts: [{ Type: 'bind', Source: '/etc', Destination: '/host-etc', RW: false, Propagation: 'rprivate' }] }),
        expect: 'FAIL',
      },
      {
        note: 'host root mounted read-only',
        snapshot: containerExample({ Mounts: [{ Type: 'bind', Source: '/', Destination: '/host', RW: false, Propagation: 'rprivate' }] }),
        expect: 'FAIL',
      },
      {
        note: 'file under /usr mounted writable',
        snapshot: containerExample({ Mounts: [{ Type: 'bind', Source: '/usr/local/bin', Destination: '/x', RW: true, Propagation: 'rprivate' }] }),
        expect: 'FAIL',
      },
      {
        note: '/etc/localtime read-only',
        snapshot: containerExample({ Mounts: [{ Type: 'bind', Source: '/etc/localtime', Destination: '/etc/localtime', RW: false, Propagation: 'rprivate' }] }),
        expect: 'PASS',
      },
      { note: 'named volume only', snapshot: {}, expect: 'PASS' },
    ],
  }),
  (c) => {
    const evidence = [evidenceFor(c, 'mounts')];
    const problems: string[] = [];
    const notes: string[] = [];
    for (const mount of c.mounts) {
      const hostSource = mount.type === 'bind' ? mount.source : mount.hostPath;
      if (!hostSource) continue;
      const s = normaliseHostPath(hostSource);
      const mode = mount.readOnly ? 'ro' : 'rw';
      const shown = `${s}:${mount.target}:${mode}`;
      if (s === '/' || SENSITIVE_HOST_DIRS.includes(s)) problems.push(shown);
      else if (SENSITIVE_HOST_DIRS.some((dir) => isPathWithin(s, dir))) {
        if (mount.readOnly) notes.push(shown);
        else problems.push(shown);
      }
    }
    if (problems.length > 0) return fail(`sensitive host path mounted: ${problems.join(', ')}`, problems.join(' '), evidence);
    return pass(notes.length > 0 ? `note: read-only mounts below sensitive directories: ${notes.join(', ')}` : undefined, evidence);
  },
);
