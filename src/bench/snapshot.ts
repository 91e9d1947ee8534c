/**
 * Everything `docksec bench` knows about a host, gathered once by the collector (I/O) and evaluated by the
 * checks (pure). Saved with `--save-snapshot`, replayed with `--from-snapshot`. Every source records
 * whether it could be read and, if not, why: checks turn a missing source into UNKNOWN, never PASS.
 *
 * Versioned: bump SNAPSHOT_SCHEMA_VERSION on any incompatible change and document it in docs/.
 */

export const SNAPSHOT_SCHEMA_VERSION = 1;

/** A gathered value, or the reason it is missing. */
export type Sourced<T> = { ok: true; value: T } | { ok: false; reason: string };

/** A file read from the host (through --host-root when given). */
export interface FileEvidence {
  /** Path on the audited host (not prefixed with host-root). */
  path: string;
  exists: boolean;
  /** Reason the file could not be examined (permission denied...), when it exists but is unreadable. */
  error?: string;
  /** `lstat` (not following the final link) of the path. `mode` holds permission and special bits only
   * (`st_mode & 0o7777`); the file type is in `type`. When the path is a symlink, the entry for its
   * `realPath` (also in `HostEvidence.files`) has the target's stat. */
  mode?: number;
  uid?: number;
  gid?: number;
  type?: 'file' | 'dir' | 'symlink' | 'socket' | 'other';
  /** Resolved path when the path is or passes through a symlink. */
  realPath?: string;
  /** Text content, for the files whose content checks need (daemon.json, units, audit rules...). */
  content?: string;
  /** Modification time (ms since epoch), to compare with the daemon start (config changed after start). */
  mtimeMs?: number;
  /** Device and inode, to tell whether two paths are the same socket/file. */
  dev?: number;
  ino?: number;
  /** Set when the content was cut at the collector's size limit. */
  truncated?: boolean;
}

export interface ProcessEvidence {
  pid: number;
  /** NUL-separated cmdline split into argv. */
  argv: string[];
  /** realpath of /proc/PID/exe, when readable. */
  exe?: string;
  uid?: number;
  /** Environment, when readable (root only). */
  environ?: Record<string, string>;
  /** Process start time in clock ticks since boot (/proc/PID/stat field 22). */
  startTime?: number;
  ppid?: number;
  comm?: string;
  /** How the process was tied to the API/containerd socket (audit spec §0.5). */
  identifiedBy?: 'socket' | 'pidfile';
  /** Start time in ms since epoch (boot time + startTime ticks), to compare with file mtimes. */
  startTimeMs?: number;
  /** `/proc/PID/cgroup` text (which systemd unit runs it). */
  cgroup?: string;
  /** Selected `/proc/PID/status` lines (Uid, Gid, CapEff, CapBnd, NoNewPrivs, Seccomp), values as printed. */
  status?: Record<string, string>;
  /** Unix sockets this process listens on (paths), from its net/unix rows held in its fds. */
  listeningUnix?: string[];
}

/** A process seen inside a running container (from host /proc, never docker exec). */
export interface ContainerProcess {
  pid: number;
  comm: string;
  argv: string[];
  exe?: string;
  /** Selected `/proc/PID/status` lines (Uid, Gid, CapEff, CapBnd, NoNewPrivs, Seccomp), values as printed. */
  status?: Record<string, string>;
  /** `/proc/PID/attr/current` (AppArmor/SELinux label). */
  securityLabel?: string;
  /** `/proc/PID/ns/*` link targets (`net` → `net:[4026531840]`), compare with HostEvidence.hostNamespaces. */
  namespaces?: Record<string, string>;
  /** `/proc/PID/uid_map` text. */
  uidMap?: string;
}

export interface AuditRule {
  /** The rule text as listed (`-w /usr/bin/dockerd -k docker`). */
  text: string;
  /** Watched path for `-w`, or the `path=`/`dir=` field of `-a ... -F path=`. */
  path?: string;
  /** Permissions (`-p rwxa`). */
  permissions?: string;
  key?: string;
  /** Where it came from: `auditctl -l` or a rules file path. */
  source: string;
  /** `watch` (-w), `unwatch` (-W), `syscall` (-a/-A), `delete-all` (-D), `other` (control lines like -b, -e). */
  kind?: 'watch' | 'unwatch' | 'syscall' | 'delete-all' | 'other';
  /** For `syscall` rules: the list (`exit`, `task`...) and action (`always`, `never`). */
  list?: string;
  action?: string;
  /** `-F dir=` value. */
  dir?: string;
  /** `-F exe=` value. */
  exe?: string;
  /** Every `-F` field as written (`arch=b64`, `perm=wa`). */
  fields?: string[];
}

export interface HostEvidence {
  /** The host root used (`/` or the --host-root directory). */
  root: string;
  dockerd: Sourced<ProcessEvidence>;
  containerd: Sourced<ProcessEvidence>;
  /** The daemon.json in use (path decided as in the audit spec §0.6). ok with `exists:false` when absent. */
  daemonJson: Sourced<FileEvidence>;
  /** Why that path: `--config-file` on argv, the rootless XDG location, or the default `/etc/docker/daemon.json`. */
  daemonJsonSource?: 'argv' | 'rootless' | 'default';
  /** Unix API socket paths in use: the endpoint, `-H unix://`, daemon.json `hosts`, docker.socket `ListenStream=`. */
  apiSockets?: string[];
  /** The containerd socket in use (§0.6 `containerd` key), when determined. */
  containerdSocket?: string;
  /** `/proc/1/ns/*` link targets of the host (compare with container namespaces). */
  hostNamespaces?: Sourced<Record<string, string>>;
  /** Whether PID 1 is systemd (`/proc/1/comm`). */
  systemdIsPid1?: Sourced<boolean>;
  /** Files the benchmark names, by their host path (units, sockets, certs, /etc/default/docker...). */
  files: Record<string, FileEvidence>;
  /** Systemd unit paths for docker.service / docker.socket / containerd.service, as found. */
  units: Record<string, Sourced<FileEvidence>>;
  /** Drop-ins (`<dir>/<unit>.d/*.conf`, every unit directory) per unit name. */
  unitDropIns?: Record<string, FileEvidence[]>;
  /** Mount table of PID 1 (mountinfo rows: mount point, fs type, device, options). */
  mounts: Sourced<Array<{ mountPoint: string; device: string; fsType: string; source: string; options: string; root?: string; superOptions?: string }>>;
  /** Audit rules, from `auditctl -l` or else the rules files. */
  auditRules: Sourced<AuditRule[]>;
  /** `auditctl` when the rules are the loaded ones (authoritative), `files` when only declared. */
  auditSource?: 'auditctl' | 'files';
  /** Whether an `auditd` process exists (needs /proc). */
  auditdRunning?: Sourced<boolean>;
  /** Members of the docker group (`/etc/group` plus users whose primary group it is). */
  dockerGroupMembers: Sourced<string[]>;
  /** Processes inside each running container, keyed by container id. */
  containerProcesses: Record<string, Sourced<ContainerProcess[]>>;
  /** Listening TCP sockets of the host netns: `addr:port`. */
  listening: Sourced<string[]>;
  /** Kernel features: AppArmor and SELinux enabled. */
  apparmorEnabled: Sourced<boolean>;
  selinuxEnabled: Sourced<boolean>;
}

/** Raw Engine API documents, as returned (JSON), keyed where natural. */
export interface EngineEvidence {
  endpoint: string;
  /** `local` unix socket on this host, `remote` (tcp/ssh), as decided by the client. */
  locality: 'local' | 'remote';
  apiVersion?: string;
  version: Sourced<any>;
  info: Sourced<any>;
  /** Every container (all states) as its inspect document (array; each has `Id`). Containers gone mid-audit are listed in `vanished`. */
  containers: Sourced<any[]>;
  vanished: string[];
  /** Containers listed whose inspect failed for another reason than 404 (id → reason): checks report them UNKNOWN. */
  inspectErrors?: Record<string, string>;
  /** Names (from the container list) of the containers in `inspectErrors`, id → name. */
  inspectErrorNames?: Record<string, string>;
  /** Image inspect documents (`/images/{id}/json`). */
  images: Sourced<any[]>;
  /** Images listed whose inspect failed (id → reason). */
  imageErrors?: Record<string, string>;
  imageHistory: Record<string, Sourced<any[]>>;
  networks: Sourced<any[]>;
  volumes: Sourced<any>;
  plugins: Sourced<any[]>;
  /** `/swarm`: 503 means not a swarm manager/member, recorded as ok:false with that reason. */
  swarm: Sourced<any>;
  nodes: Sourced<any[]>;
  services: Sourced<any[]>;
  secrets: Sourced<any[]>;
}

export interface Snapshot {
  schemaVersion: number;
  tool: { name: 'docksec'; version: string };
  started: string;
  finished: string;
  engine: EngineEvidence;
  /** Absent (ok:false) when the daemon is remote or the host could not be examined. */
  host: Sourced<HostEvidence>;
  /** Explicit exclusions given on the command line, listed in the report. */
  excludedContainers: string[];
}
