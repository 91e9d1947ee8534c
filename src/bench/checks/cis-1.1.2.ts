import type { CheckItem } from '../../core/check-result.js';
import type { BenchCheck } from '../check.js';
import {
  apiSocketPaths, cisMeta, daemonUser, fileEntry, fromItems, hostText, isOutcome, item, lookupFile, needHost, notApplicable, octal,
  parseGroupFile, parsePasswdFile, PODMAN_EXAMPLE,
} from './host-common.js';

const GROUP = 'root:x:0:\ndocker:x:999:alice,bob\n';
const PASSWD = 'root:x:0:0::/root:/bin/sh\nalice:x:1000:1000::/home/alice:/bin/sh\nbob:x:1001:1001::/home/bob:/bin/sh\ncarol:x:1002:999::/home/carol:/bin/sh\n';
const files = (socketMode: number, socketGid = 999) => ({
  ...fileEntry('/var/run/docker.sock', { type: 'socket', mode: socketMode, gid: socketGid }),
  ...fileEntry('/etc/group', { content: GROUP }),
  ...fileEntry('/etc/passwd', { content: PASSWD }),
});

export const check: BenchCheck = {
  meta: cisMeta({
    cisId: '1.1.2',
    slug: 'host-docker-group-trusted-users',
    title: 'Ensure only trusted users are allowed to control Docker daemon',
    level: 1,
    scoring: 'Y*',
    automated: false,
    rationale:
      'Whoever can write to the Docker API socket can start a privileged container with the host filesystem mounted: that is root on the host. Membership of the socket\'s group must be limited to trusted administrators.',
    remediation:
      'Remove untrusted users from the socket\'s group (`gpasswd -d USER docker`), keep the socket mode at 0660 or stricter, and pass `--trusted-users` to make this check scored.',
    checkExamples: [
      { note: 'root-only socket', snapshot: { host: { value: { apiSockets: ['/var/run/docker.sock'], files: files(0o600) } } }, expect: 'PASS' },
      {
        note: 'group members need review (no trusted list)',
        snapshot: { host: { value: { apiSockets: ['/var/run/docker.sock'], files: files(0o660) } } },
        expect: 'MANUAL',
      },
      { note: 'world-writable socket', snapshot: { host: { value: { apiSockets: ['/var/run/docker.sock'], files: files(0o666) } } }, expect: 'FAIL' },
      { note: 'target is Podman', snapshot: PODMAN_EXAMPLE, expect: 'NOT_APPLICABLE' },
    ],
  }),
  evaluate(context) {
    const host = needHost(context);
    if (isOutcome(host)) return host;
    const sockets = apiSocketPaths(context, host);
    const rootless = context.daemon.mode.rootless;
    const daemonUid = daemonUser(context).uid;
    const items: CheckItem[] = sockets.map((socket) => {
      const found = lookupFile(host, socket);
      if (found.kind === 'absent') return item(socket, 'NOT_APPLICABLE', `${socket} does not exist`);
      if (found.kind === 'unknown') return item(socket, 'UNKNOWN', found.reason);
      const f = found.file;
      const evidence = [f.evidence];
      if (f.mode & 0o002) return item(socket, 'FAIL', `mode ${octal(f.mode)} lets every local user control Docker`, f.chain, evidence);
      const members = new Set<string>();
      const groupText = hostText(host, '/etc/group');
      const passwdText = hostText(host, '/etc/passwd');
      if (!passwdText.ok) return item(socket, 'UNKNOWN', `cannot name the users: ${passwdText.reason}`, undefined, evidence);
      const passwd = parsePasswdFile(passwdText.text);
      if (f.uid !== 0 && !(rootless && f.uid === daemonUid)) {
        const owner = passwd.find((u) => u.uid === f.uid);
        members.add(owner?.name ?? `uid ${f.uid}`);
      }
      if (f.mode & 0o020 && !rootless) {
        if (!groupText.ok) return item(socket, 'UNKNOWN', `cannot list the socket group: ${groupText.reason}`, undefined, evidence);
        const group = parseGroupFile(groupText.text).find((g) => g.gid === f.gid);
        if (!group && f.gid !== 0) return item(socket, 'UNKNOWN', `gid ${f.gid} is not in /etc/group (NSS sources are not read)`, undefined, evidence);
        for (const m of group?.members ?? []) members.add(m);
        for (const u of passwd) if (u.gid === f.gid) members.add(u.name);
        evidence.push(`file:/etc/group#${group?.name ?? f.gid}`, 'file:/etc/passwd');
      } else if (rootless && f.mode & 0o060) {
        return item(socket, 'FAIL', `rootless socket mode ${octal(f.mode)} grants its group access`, undefined, evidence);
      }
      members.delete('root');
      const list = [...members].sort();
      if (list.length === 0) return item(socket, 'PASS', undefined, `only root can use ${socket} (mode ${octal(f.mode)})`, evidence);
      const trusted = context.trustedUsers;
      if (trusted) {
        const untrusted = list.filter((m) => !trusted.includes(m));
        return untrusted.length > 0
          ? item(socket, 'FAIL', `untrusted users can control Docker: ${untrusted.join(', ')}`, `members: ${list.join(', ')}`, evidence)
          : item(socket, 'PASS', undefined, `members are all trusted: ${list.join(', ')}`, evidence);
      }
      return item(socket, 'MANUAL', `users who can control Docker through ${socket}: ${list.join(', ')}; confirm they are trusted`, undefined, evidence);
    });
    return fromItems(items, 'API socket(s)', notApplicable('no unix API socket'));
  },
};
