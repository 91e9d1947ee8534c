/**
 * `docker inspect` (GET /containers/{id}/json) → ContainerRuntime. Pure; tolerant of missing fields
 * (older engines, Podman): a field the document lacks stays `undefined` so rules report UNKNOWN.
 */
import {
  emptyRuntime,
  normaliseCapability,
  parseSecurityOptions,
  type ContainerRuntime,
  type ContainerState,
  type MountType,
  type PortBinding,
  type RuntimeField,
  type RuntimeMount,
} from './model.js';

/** Raw JSON from the Engine API: shape not guaranteed. */
type Json = unknown;

function record(value: Json): Record<string, Json> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, Json>) : undefined;
}
function text(value: Json): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
function integer(value: Json): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
function strings(value: Json): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
function list(value: Json): Json[] {
  return Array.isArray(value) ? value : [];
}

const STATES: readonly ContainerState[] = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'];
const MOUNT_TYPES: readonly MountType[] = ['bind', 'volume', 'tmpfs', 'npipe', 'cluster', 'image'];

/** Local volume options (`/volumes` → `Options`), used to see through `o=bind` volumes to their host directory. */
export interface VolumeInfo {
  name: string;
  driver: string;
  options: Record<string, string>;
}

export interface FromInspectOptions {
  /** Snapshot pointer of the document, e.g. `/engine/containers/<id>`. Default `/containers/<id>`. */
  document?: string;
  /** Volumes by name, from `/volumes`. */
  volumes?: ReadonlyMap<string, VolumeInfo>;
}

/** Parse one `/volumes` document (`{Volumes: [...]}`) into a name → info map. */
export function volumesByName(doc: Json): Map<string, VolumeInfo> {
  const map = new Map<string, VolumeInfo>();
  for (const raw of list(record(doc)?.['Volumes'])) {
    const v = record(raw);
    const name = text(v?.['Name']);
    if (!v || !name) continue;
    const options: Record<string, string> = {};
    for (const [k, val] of Object.entries(record(v['Options']) ?? {})) if (typeof val === 'string') options[k] = val;
    map.set(name, { name, driver: text(v['Driver']) ?? '', options });
  }
  return map;
}

/** Parse `80/tcp` into port and protocol. */
function parsePortKey(key: string): { port: number; proto: PortBinding['proto'] } | undefined {
  const match = /^(\d+)(?:-\d+)?(?:\/(tcp|udp|sctp))?$/.exec(key);
  if (!match) return undefined;
  return { port: Number(match[1]), proto: (match[2] as PortBinding['proto'] | undefined) ?? 'tcp' };
}

/** `{"80/tcp": [{HostIp, HostPort}]}` → bindings; a null value (exposed, not published) yields none. */
function portBindings(map: Json): PortBinding[] {
  const out: PortBinding[] = [];
  for (const [key, bindings] of Object.entries(record(map) ?? {})) {
    const parsed = parsePortKey(key);
    if (!parsed) continue;
    for (const raw of list(bindings)) {
      const b = record(raw);
      if (!b) continue;
      out.push({
        hostIp: text(b['HostIp']) ?? '',
        hostPort: text(b['HostPort']) ?? '',
        containerPort: parsed.port,
        proto: parsed.proto,
      });
    }
  }
  return out;
}

function mountFrom(raw: Json, index: number, volumes: ReadonlyMap<string, VolumeInfo> | undefined): RuntimeMount | undefined {
  const m = record(raw);
  if (!m) return undefined;
  const typeText = text(m['Type']) ?? '';
  const type: MountType = (MOUNT_TYPES as readonly string[]).includes(typeText) ? (typeText as MountType) : 'unknown';
  const rw = m['RW'];
  const mount: RuntimeMount = {
    type,
    source: text(m['Source']) ?? '',
    target: text(m['Destination']) ?? '',
    // An absent RW flag is treated as writable: claiming read-only without evidence could hide a FAIL.
    readOnly: rw === false,
    propagation: text(m['Propagation']) ?? '',
    origin: `Mounts[${index}]`,
  };
  if (type === 'volume') {
    const name = text(m['Name']);
    if (name) mount.volumeName = name;
    const driver = text(m['Driver']);
    if (driver) mount.volumeDriver = driver;
    const volume = name ? volumes?.get(name) : undefined;
    // A local volume with `o=bind` is a bind mount of `device` in disguise.
    if (volume && (volume.driver === 'local' || volume.driver === '') && /(^|,)r?bind(,|$)/.test(volume.options['o'] ?? '')) {
      const device = volume.options['device'];
      if (device) mount.hostPath = device;
    }
  }
  return mount;
}

function containerState(state: Record<string, Json> | undefined): ContainerState {
  const status = text(state?.['Status']);
  if (status && (STATES as readonly string[]).includes(status)) return status as ContainerState;
  if (state?.['Running'] === true) return 'running';
  return 'unknown';
}

/**
 * Normalise one inspect document. Never throws on odd input: unknown shapes become defaults or
 * `undefined` fields.
 */
export function fromInspect(doc: Json, options: FromInspectOptions = {}): ContainerRuntime {
  const d = record(doc) ?? {};
  const id = text(d['Id']);
  const name = (text(d['Name']) ?? id ?? '').replace(/^\//, '') || (id ? id.slice(0, 12) : '<unnamed>');
  const c = emptyRuntime('inspect', options.document ?? `/containers/${id ?? name}`, name);
  const o = (field: RuntimeField, pointer: string): void => {
    c.origin[field] = { pointer };
  };
  const hc = record(d['HostConfig']);
  const config = record(d['Config']);
  const state = record(d['State']);
  const net = record(d['NetworkSettings']);

  if (id) {
    c.id = id;
    o('id', 'Id');
  }
  o('name', 'Name');
  c.image = text(config?.['Image']) ?? '';
  o('image', 'Config.Image');
  const imageId = text(d['Image']);
  if (imageId) {
    c.imageId = imageId;
    o('imageId', 'Image');
  }
  c.state = containerState(state);
  o('state', 'State.Status');
  const pid = integer(state?.['Pid']);
  if (pid !== undefined && pid > 0) {
    c.pid = pid;
    o('pid', 'State.Pid');
  }
  c.user = text(config?.['User']) ?? '';
  o('user', 'Config.User');

  if (hc) {
    c.privileged = hc['Privileged'] === true;
    o('privileged', 'HostConfig.Privileged');
    c.capAdd = strings(hc['CapAdd']).map(normaliseCapability);
    o('capAdd', 'HostConfig.CapAdd');
    c.capDrop = strings(hc['CapDrop']).map(normaliseCapability);
    o('capDrop', 'HostConfig.CapDrop');
    c.securityOpt = parseSecurityOptions(strings(hc['SecurityOpt']));
    o('securityOpt', 'HostConfig.SecurityOpt');
    c.networkMode = text(hc['NetworkMode']) ?? 'default';
    o('networkMode', 'HostConfig.NetworkMode');
    c.pidMode = text(hc['PidMode']) ?? '';
    o('pidMode', 'HostConfig.PidMode');
    c.ipcMode = text(hc['IpcMode']) ?? '';
    o('ipcMode', 'HostConfig.IpcMode');
    c.utsMode = text(hc['UTSMode']) ?? '';
    o('utsMode', 'HostConfig.UTSMode');
    c.usernsMode = text(hc['UsernsMode']) ?? '';
    o('usernsMode', 'HostConfig.UsernsMode');
    c.cgroupnsMode = text(hc['CgroupnsMode']) ?? '';
    o('cgroupnsMode', 'HostConfig.CgroupnsMode');
    for (const raw of list(hc['Devices'])) {
      const dev = record(raw);
      if (!dev) continue;
      c.devices.push({
        hostPath: text(dev['PathOnHost']) ?? '',
        containerPath: text(dev['PathInContainer']) ?? '',
        permissions: text(dev['CgroupPermissions']) ?? '',
      });
    }
    o('devices', 'HostConfig.Devices');
    c.deviceCgroupRules = strings(hc['DeviceCgroupRules']);
    o('deviceCgroupRules', 'HostConfig.DeviceCgroupRules');
    for (const raw of list(hc['DeviceRequests'])) {
      const req = record(raw);
      if (!req) continue;
      const caps = list(req['Capabilities']).map((set) => strings(set).join('+')).join('|');
      c.deviceRequests.push(`${text(req['Driver']) || 'default'}:${integer(req['Count']) ?? 0}:${caps}`);
    }
    o('deviceRequests', 'HostConfig.DeviceRequests');
    c.publishAllPorts = hc['PublishAllPorts'] === true;
    o('publishAllPorts', 'HostConfig.PublishAllPorts');
    const memory = integer(hc['Memory']);
    if (memory !== undefined) {
      c.memory = memory;
      o('memory', 'HostConfig.Memory');
    }
    const shares = integer(hc['CpuShares']);
    if (shares !== undefined) {
      c.cpuShares = shares;
      o('cpuShares', 'HostConfig.CpuShares');
    }
    const nano = integer(hc['NanoCpus']);
    if (nano !== undefined) {
      c.nanoCpus = nano;
      o('nanoCpus', 'HostConfig.NanoCpus');
    }
    const quota = integer(hc['CpuQuota']);
    if (quota !== undefined) {
      c.cpuQuota = quota;
      o('cpuQuota', 'HostConfig.CpuQuota');
    }
    const cpuset = text(hc['CpusetCpus']);
    if (cpuset !== undefined) {
      c.cpusetCpus = cpuset;
      o('cpusetCpus', 'HostConfig.CpusetCpus');
    }
    if ('PidsLimit' in hc) {
      const limit = hc['PidsLimit'];
      c.pidsLimit = typeof limit === 'number' ? limit : null;
      o('pidsLimit', 'HostConfig.PidsLimit');
    }
    for (const raw of list(hc['Ulimits'])) {
      const u = record(raw);
      const ulName = text(u?.['Name']);
      if (!u || !ulName) continue;
      c.ulimits.push({ name: ulName, soft: integer(u['Soft']) ?? 0, hard: integer(u['Hard']) ?? 0 });
    }
    o('ulimits', 'HostConfig.Ulimits');
    c.readonlyRootfs = hc['ReadonlyRootfs'] === true;
    o('readonlyRootfs', 'HostConfig.ReadonlyRootfs');
    const restart = record(hc['RestartPolicy']);
    c.restartPolicy = { name: text(restart?.['Name']) ?? '', maxRetries: integer(restart?.['MaximumRetryCount']) ?? 0 };
    o('restartPolicy', 'HostConfig.RestartPolicy');
    c.cgroupParent = text(hc['CgroupParent']) ?? '';
    o('cgroupParent', 'HostConfig.CgroupParent');
    const init = hc['Init'];
    c.init = typeof init === 'boolean' ? init : null;
    o('init', 'HostConfig.Init');
  }

  const appArmor = text(d['AppArmorProfile']);
  if (appArmor !== undefined) {
    c.appArmorProfile = appArmor;
    o('appArmorProfile', 'AppArmorProfile');
  }
  const processLabel = text(d['ProcessLabel']);
  if (processLabel !== undefined) {
    c.processLabel = processLabel;
    o('processLabel', 'ProcessLabel');
  }
  const mountLabel = text(d['MountLabel']);
  if (mountLabel !== undefined) {
    c.mountLabel = mountLabel;
    o('mountLabel', 'MountLabel');
  }

  list(d['Mounts']).forEach((raw, index) => {
    const mount = mountFrom(raw, index, options.volumes);
    if (mount) c.mounts.push(mount);
  });
  // Propagation requested through the HostConfig.Mounts API form, for containers whose Mounts[] does not
  // show it (never started on some engines).
  list(hc?.['Mounts']).forEach((raw, index) => {
    const m = record(raw);
    const propagation = text(record(m?.['BindOptions'])?.['Propagation']);
    const target = text(m?.['Target']);
    if (!propagation || !target) return;
    const existing = c.mounts.find((mount) => mount.target === target);
    if (existing && !existing.propagation) existing.propagation = propagation;
    else if (!existing)
      c.mounts.push({
        type: 'bind',
        source: text(m?.['Source']) ?? '',
        target,
        readOnly: m?.['ReadOnly'] === true,
        propagation,
        origin: `HostConfig.Mounts[${index}]`,
      });
  });
  o('mounts', 'Mounts');

  for (const [netName, raw] of Object.entries(record(net?.['Networks']) ?? {})) {
    const id = text(record(raw)?.['NetworkID']);
    c.networks.push(id ? { name: netName, id } : { name: netName });
  }
  o('networks', 'NetworkSettings.Networks');

  const running = state?.['Running'] === true;
  if (running && net && record(net['Ports'])) {
    c.ports = portBindings(net['Ports']);
    c.portsFrom = 'runtime';
    o('ports', 'NetworkSettings.Ports');
  } else {
    c.ports = portBindings(hc?.['PortBindings']);
    c.portsFrom = 'config';
    o('ports', 'HostConfig.PortBindings');
  }
  c.exposedPorts = Object.keys(record(config?.['ExposedPorts']) ?? {});
  o('exposedPorts', 'Config.ExposedPorts');

  const health = record(config?.['Healthcheck']);
  c.healthcheck = health ? { test: strings(health['Test']) } : null;
  o('healthcheck', 'Config.Healthcheck');
  const healthStatus = text(record(state?.['Health'])?.['Status']);
  if (healthStatus) {
    c.healthStatus = healthStatus;
    o('healthStatus', 'State.Health.Status');
  }
  c.env = strings(config?.['Env']);
  o('env', 'Config.Env');
  for (const [k, v] of Object.entries(record(config?.['Labels']) ?? {})) if (typeof v === 'string') c.labels[k] = v;
  o('labels', 'Config.Labels');
  c.execIds = strings(d['ExecIDs']);
  o('execIds', 'ExecIDs');
  return c;
}
