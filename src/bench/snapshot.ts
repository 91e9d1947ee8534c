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
  /** `stat` (not following the final link) of the path. */
  mode?: number;
  uid?: number;
  gid?: number;
  type?: 'file' | 'dir' | 'symlink' | 'socket' | 'other';
  /** Resolved path when the path is or passes through a symlink. */
  realPath?: string;
  /** Text content, for the files whose content checks need (daemon.json, units, audit rules...). */
  content?: string;
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
}

/** A process seen inside a running container (from host /proc, never docker exec). */
export interface ContainerProcess {
  pid: number;
  comm: string;
  argv: string[];
  exe?: string;
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
}

export interface HostEvidence {
  /** The host root used (`/` or the --host-root directory). */
  root: string;
  dockerd: Sourced<ProcessEvidence>;
  containerd: Sourced<ProcessEvidence>;
  /** The daemon.json in use (path decided as in the audit spec §0.6). */
  daemonJson: Sourced<FileEvidence>;
  /** Files the benchmark names, by their host path (units, sockets, certs, /etc/default/docker...). */
  files: Record<string, FileEvidence>;
  /** Systemd unit paths for docker.service / docker.socket / containerd.service, as found. */
  units: Record<string, Sourced<FileEvidence>>;
  /** Mount table of PID 1 (mountinfo rows: mount point, fs type, device, options). */
  mounts: Sourced<Array<{ mountPoint: string; device: string; fsType: string; source: string; options: string }>>;
  /** Audit rules, from `auditctl -l` or else the rules files. */
  auditRules: Sourced<AuditRule[]>;
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
  /** Every container (all states) with its inspect document, keyed by id. Containers gone mid-audit are listed in `vanished`. */
  containers: Sourced<any[]>;
  vanished: string[];
  images: Sourced<any[]>;
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
