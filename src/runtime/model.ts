/**
 * The one normalised container-runtime model. `docker inspect` documents (`from-inspect.ts`), compose
 * services and `docker run` argv all normalise into `ContainerRuntime`, so the CIS section 5 rules are
 * written once against it.
 *
 * Conventions:
 * - A value the source did not provide is `undefined` (rules turn that into UNKNOWN); an explicit
 *   "nothing" is `null`, `''`, `0` or `[]` as documented per field.
 * - `origin[field]` says where each field came from (`HostConfig.Privileged`, `services.web.privileged`,
 *   `argv[3]`), so evidence can point at it.
 */

/** Where the model came from. */
export type RuntimeSourceKind = 'inspect' | 'compose' | 'run';

/**
 * Engine states, plus `declared` for models built from compose files or `docker run` lines (the container
 * does not exist yet: only configuration is known).
 */
export type ContainerState =
  | 'created'
  | 'running'
  | 'paused'
  | 'restarting'
  | 'removing'
  | 'exited'
  | 'dead'
  | 'declared'
  | 'unknown';

/** Where a field's value came from, for evidence and (compose/argv) source locations. */
export interface Origin {
  /** Pointer inside the source document: `HostConfig.Privileged`, `services.web.cap_add[1]`, `argv[4]`. */
  pointer: string;
  line?: number;
  column?: number;
}

/** `--security-opt` values, parsed. Raw entries are kept in order. */
export interface SecurityOptions {
  raw: string[];
  /** `apparmor=X` (last wins). */
  apparmor?: string;
  /** `seccomp=X`: `unconfined`, `builtin`, a path or inline JSON (last wins). */
  seccomp?: string;
  /** `label=X` values in order: `disable`, `type:spc_t`, `user:...`, `level:...`. */
  labels: string[];
  /** `no-new-privileges[=bool]`, last wins; undefined when not given (daemon default applies). */
  noNewPrivileges?: boolean;
  /** Entries that could not be parsed (bad boolean...), reported rather than guessed. */
  invalid: string[];
}

export type MountType = 'bind' | 'volume' | 'tmpfs' | 'npipe' | 'cluster' | 'image' | 'unknown';

export interface RuntimeMount {
  type: MountType;
  /** Host path for binds; volume name for volumes (see `hostPath`); '' for tmpfs. */
  source: string;
  /** For a local volume created with `o=bind`: the host directory it binds (`device` option). */
  hostPath?: string;
  /** Path inside the container. */
  target: string;
  readOnly: boolean;
  /** `rprivate`, `private`, `shared`, `rshared`, `slave`, `rslave`, or '' when not given. */
  propagation: string;
  volumeName?: string;
  volumeDriver?: string;
  /** Pointer to this mount in the source. */
  origin: string;
}

export interface RuntimeDevice {
  hostPath: string;
  containerPath: string;
  /** `rwm` subset. */
  permissions: string;
}

export interface PortBinding {
  /** Host address as configured; '' means "all addresses of the network's default binding". */
  hostIp: string;
  /** Host port: a number as string, '' or '0' = ephemeral, or a range `8000-8010`. */
  hostPort: string;
  containerPort: number;
  proto: 'tcp' | 'udp' | 'sctp';
}

export interface Ulimit {
  name: string;
  soft: number;
  hard: number;
}

export interface RestartPolicy {
  /** `no`, `always`, `unless-stopped`, `on-failure`, or '' (no policy). */
  name: string;
  maxRetries: number;
}

export interface Healthcheck {
  /** `["CMD", ...]`, `["CMD-SHELL", "..."]`, `["NONE"]`, or `[]` (inherit). */
  test: string[];
}

export interface RuntimeNetwork {
  name: string;
  id?: string;
}

export interface ContainerRuntime {
  source: {
    kind: RuntimeSourceKind;
    /** Snapshot pointer or file location of the whole document: `/engine/containers/<id>`, `compose.yaml#web`. */
    document: string;
  };
  /** Engine id (inspect only). */
  id?: string;
  /** Container name without the leading `/` (compose: service name; run: `--name` or the image). */
  name: string;
  /** Image reference as configured (`Config.Image`). */
  image: string;
  /** Resolved image id (inspect only). */
  imageId?: string;
  state: ContainerState;
  /** Host pid of the container's init process when running. */
  pid?: number;
  /** `Config.User` (image USER already merged for inspect); '' = root by default. */
  user: string;
  privileged: boolean;
  /** Normalised to upper case with a `CAP_` prefix; `ALL` stays `ALL`. */
  capAdd: string[];
  capDrop: string[];
  securityOpt: SecurityOptions;
  /** The AppArmor profile the engine applied (inspect `AppArmorProfile`); undefined when not known. */
  appArmorProfile?: string;
  processLabel?: string;
  mountLabel?: string;
  /** `default`, `bridge`, `host`, `none`, `container:<ref>`, or a user network name. */
  networkMode: string;
  /** Networks the container is attached to. */
  networks: RuntimeNetwork[];
  /** '' (private), `host`, `container:<ref>`. */
  pidMode: string;
  /** '', `private`, `shareable`, `host`, `none`, `container:<ref>`. */
  ipcMode: string;
  /** '' or `host`. */
  utsMode: string;
  /** '' or `host`. */
  usernsMode: string;
  /** '', `host`, `private`. */
  cgroupnsMode: string;
  mounts: RuntimeMount[];
  devices: RuntimeDevice[];
  deviceCgroupRules: string[];
  /** GPU and other device requests, summarised (`driver:count:capabilities`). */
  deviceRequests: string[];
  /**
   * Published ports. For running containers the actual bindings (`NetworkSettings.Ports`), otherwise
   * the configured ones; `portsFrom` says which.
   */
  ports: PortBinding[];
  portsFrom: 'runtime' | 'config';
  publishAllPorts: boolean;
  /** `80/tcp` entries. */
  exposedPorts: string[];
  /** Bytes; 0 = unlimited. */
  memory?: number;
  /** 0 = unset (engine default weight 1024). */
  cpuShares?: number;
  nanoCpus?: number;
  cpuQuota?: number;
  cpusetCpus?: string;
  /** null = unlimited (engine `null`), otherwise the configured value (0 / -1 also mean unlimited). */
  pidsLimit?: number | null;
  ulimits: Ulimit[];
  readonlyRootfs: boolean;
  restartPolicy: RestartPolicy;
  cgroupParent: string;
  /** null = no healthcheck configured at all. */
  healthcheck: Healthcheck | null;
  /** `starting`, `healthy`, `unhealthy` for running containers with a healthcheck. */
  healthStatus?: string;
  /** `--init`: true/false, or null when the daemon default applies. */
  init: boolean | null;
  /** `KEY=value` entries. */
  env: string[];
  labels: Record<string, string>;
  /** Exec sessions the engine still remembers (inspect only). */
  execIds: string[];
  /** Field name → where it came from. Missing entries mean the source has no such field. */
  origin: Partial<Record<RuntimeField, Origin>>;
}

export type RuntimeField = Exclude<keyof ContainerRuntime, 'source' | 'origin'>;

/** Evidence pointer for one field of a model: `/engine/containers/<id>#HostConfig.Privileged`. */
export function evidenceFor(c: ContainerRuntime, field: RuntimeField): string {
  const origin = c.origin[field];
  const where = origin ? origin.pointer : field;
  const position = origin?.line !== undefined ? `:${origin.line}:${origin.column ?? 1}` : '';
  return `${c.source.document}#${where}${position}`;
}

/** Capability name as the engine normalises it: upper case with `CAP_` prefix; `ALL` stays `ALL`. */
export function normaliseCapability(name: string): string {
  const upper = name.trim().toUpperCase();
  if (upper === 'ALL') return 'ALL';
  return upper.startsWith('CAP_') ? upper : `CAP_${upper}`;
}

/** Go `strconv.ParseBool`, as the engine applies it to `no-new-privileges=B`. */
export function parseGoBool(value: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false;
  return undefined;
}

/** Parse `--security-opt` entries (`key=value` or the legacy `key:value`). */
export function parseSecurityOptions(entries: readonly string[]): SecurityOptions {
  const parsed: SecurityOptions = { raw: [...entries], labels: [], invalid: [] };
  for (const entry of entries) {
    if (entry === 'no-new-privileges') {
      parsed.noNewPrivileges = true;
      continue;
    }
    const match = /^([a-z-]+)[=:](.*)$/s.exec(entry);
    if (!match) {
      parsed.invalid.push(entry);
      continue;
    }
    const [, key, value] = match as unknown as [string, string, string];
    switch (key) {
      case 'apparmor':
        parsed.apparmor = value;
        break;
      case 'seccomp':
        parsed.seccomp = value;
        break;
      case 'label':
        parsed.labels.push(value);
        break;
      case 'no-new-privileges': {
        const flag = parseGoBool(value);
        if (flag === undefined) parsed.invalid.push(entry);
        else parsed.noNewPrivileges = flag;
        break;
      }
      default:
        // systempaths=unconfined, writable-cgroups=... are kept in `raw` only; no section 5 rule reads them.
        break;
    }
  }
  return parsed;
}

/** A model with safe "nothing configured" values, for builders to fill in. */
export function emptyRuntime(kind: RuntimeSourceKind, document: string, name: string): ContainerRuntime {
  return {
    source: { kind, document },
    name,
    image: '',
    state: kind === 'inspect' ? 'unknown' : 'declared',
    user: '',
    privileged: false,
    capAdd: [],
    capDrop: [],
    securityOpt: parseSecurityOptions([]),
    networkMode: 'default',
    networks: [],
    pidMode: '',
    ipcMode: '',
    utsMode: '',
    usernsMode: '',
    cgroupnsMode: '',
    mounts: [],
    devices: [],
    deviceCgroupRules: [],
    deviceRequests: [],
    ports: [],
    portsFrom: 'config',
    publishAllPorts: false,
    exposedPorts: [],
    ulimits: [],
    readonlyRootfs: false,
    restartPolicy: { name: '', maxRetries: 0 },
    cgroupParent: '',
    healthcheck: null,
    init: null,
    env: [],
    labels: {},
    execIds: [],
    origin: {},
  };
}

export function isRunningState(state: ContainerState): boolean {
  // A paused or restarting container still has (or is about to have) processes and live bindings.
  return state === 'running' || state === 'paused' || state === 'restarting';
}
