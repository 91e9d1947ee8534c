/**
 * Saving and loading snapshots (`--save-snapshot`, `--from-snapshot`). Saved JSON has a stable key order
 * so two snapshots of the same host diff cleanly. Loading validates the shape the checks rely on and
 * reports problems as `file: message` (or `file:line:column` for JSON syntax errors).
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { SNAPSHOT_SCHEMA_VERSION, type Snapshot } from './snapshot.js';

/** Snapshots larger than this are refused: a snapshot of a very large host is tens of MiB. */
export const MAX_SNAPSHOT_BYTES = 1024 * 1024 * 1024;

export class SnapshotError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotError';
  }
}

/** Deep copy with object keys sorted (arrays keep their order: it carries meaning, e.g. audit rules). */
export function withSortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withSortedKeys);
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const child = (value as Record<string, unknown>)[key];
      if (child !== undefined) sorted[key] = withSortedKeys(child);
    }
    return sorted;
  }
  return value;
}

export function serializeSnapshot(snapshot: Snapshot): string {
  return `${JSON.stringify(withSortedKeys(snapshot), null, 2)}\n`;
}

export async function saveSnapshot(path: string, snapshot: Snapshot): Promise<void> {
  await writeFile(path, serializeSnapshot(snapshot), 'utf8');
}

export async function loadSnapshot(path: string): Promise<Snapshot> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new SnapshotError(`${path}: cannot read snapshot: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code}`);
  }
  if (size > MAX_SNAPSHOT_BYTES) throw new SnapshotError(`${path}: snapshot larger than ${MAX_SNAPSHOT_BYTES} bytes, refused`);
  const text = await readFile(path, 'utf8');
  return parseSnapshot(text, path);
}

/** Parses and validates snapshot JSON text; `file` names the source in messages. */
export function parseSnapshot(text: string, file: string): Snapshot {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const lineColumn = /line (\d+) column (\d+)/.exec(message);
    let where = file;
    if (lineColumn) where = `${file}:${lineColumn[1]}:${lineColumn[2]}`;
    else if (position) {
      const offset = Number(position[1]);
      const before = text.slice(0, offset);
      const line = before.split('\n').length;
      const column = offset - before.lastIndexOf('\n');
      where = `${file}:${line}:${column}`;
    } else if (text.trim() === '') where = `${file}:1:1`;
    throw new SnapshotError(`${where}: not a docksec snapshot (invalid JSON: ${message.replace(/ in JSON at position \d+.*$/, '').replace(/^Unexpected end of JSON input$/, 'unexpected end of input')})`);
  }
  validateSnapshot(data, file);
  return data;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`.slice(0, 60);
}

/** Throws SnapshotError unless `data` has the snapshot shape (deep enough for every check's access path). */
export function validateSnapshot(data: unknown, file: string): asserts data is Snapshot {
  const problem = (pointer: string, expected: string, actual: unknown): never => {
    throw new SnapshotError(`${file}: invalid snapshot: ${pointer}: expected ${expected}, found ${describe(actual)}`);
  };
  const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (!isObject(data)) throw new SnapshotError(`${file}: not a docksec snapshot (expected a JSON object, found ${describe(data)})`);
  if (!('schemaVersion' in data)) throw new SnapshotError(`${file}: not a docksec snapshot (missing schemaVersion)`);
  if (data.schemaVersion !== SNAPSHOT_SCHEMA_VERSION) {
    throw new SnapshotError(`${file}: snapshot schema version ${JSON.stringify(data.schemaVersion)} is not supported (this docksec reads version ${SNAPSHOT_SCHEMA_VERSION})`);
  }
  if (!isObject(data.tool) || data.tool.name !== 'docksec') problem('/tool', '{"name":"docksec", "version": ...}', data.tool);
  for (const key of ['started', 'finished'] as const) if (typeof data[key] !== 'string') problem(`/${key}`, 'an ISO date string', data[key]);
  if (!Array.isArray(data.excludedContainers) || !data.excludedContainers.every((v) => typeof v === 'string')) {
    problem('/excludedContainers', 'an array of strings', data.excludedContainers);
  }

  const sourced = (value: unknown, pointer: string, valueCheck?: (v: unknown, pointer: string) => void) => {
    if (!isObject(value) || typeof value.ok !== 'boolean') return problem(pointer, '{"ok": true, "value": ...} or {"ok": false, "reason": "..."}', value);
    if (value.ok) {
      if (!('value' in value)) problem(`${pointer}/value`, 'a value when ok is true', undefined);
      valueCheck?.(value.value, `${pointer}/value`);
    } else if (typeof value.reason !== 'string') problem(`${pointer}/reason`, 'a string when ok is false', value.reason);
  };
  const array = (v: unknown, pointer: string) => {
    if (!Array.isArray(v)) problem(pointer, 'an array', v);
  };
  const record = (v: unknown, pointer: string) => {
    if (!isObject(v)) problem(pointer, 'an object', v);
  };
  const fileEvidence = (v: unknown, pointer: string) => {
    if (!isObject(v) || typeof v.path !== 'string' || typeof v.exists !== 'boolean') problem(pointer, 'file evidence {"path", "exists", ...}', v);
  };
  const processEvidence = (v: unknown, pointer: string) => {
    if (!isObject(v) || typeof v.pid !== 'number' || !Array.isArray(v.argv)) problem(pointer, 'process evidence {"pid", "argv", ...}', v);
  };

  const engine = data.engine;
  if (!isObject(engine)) return problem('/engine', 'an object', engine);
  if (typeof engine.endpoint !== 'string') problem('/engine/endpoint', 'a string', engine.endpoint);
  if (engine.locality !== 'local' && engine.locality !== 'remote') problem('/engine/locality', '"local" or "remote"', engine.locality);
  for (const key of ['version', 'info', 'volumes', 'swarm']) sourced(engine[key], `/engine/${key}`);
  for (const key of ['containers', 'images', 'networks', 'plugins', 'nodes', 'services', 'secrets']) sourced(engine[key], `/engine/${key}`, array);
  if (!Array.isArray(engine.vanished)) problem('/engine/vanished', 'an array', engine.vanished);
  record(engine.imageHistory, '/engine/imageHistory');
  for (const [id, history] of Object.entries(engine.imageHistory as Record<string, unknown>)) sourced(history, `/engine/imageHistory/${id}`, array);

  sourced(data.host, '/host', (host, pointer) => {
    if (!isObject(host)) return problem(pointer, 'an object', host);
    if (typeof host.root !== 'string') problem(`${pointer}/root`, 'a string', host.root);
    sourced(host.dockerd, `${pointer}/dockerd`, processEvidence);
    sourced(host.containerd, `${pointer}/containerd`, processEvidence);
    sourced(host.daemonJson, `${pointer}/daemonJson`, fileEvidence);
    record(host.files, `${pointer}/files`);
    for (const [path, evidence] of Object.entries(host.files as Record<string, unknown>)) fileEvidence(evidence, `${pointer}/files/${path}`);
    record(host.units, `${pointer}/units`);
    for (const [unit, evidence] of Object.entries(host.units as Record<string, unknown>)) sourced(evidence, `${pointer}/units/${unit}`, fileEvidence);
    for (const key of ['mounts', 'auditRules', 'dockerGroupMembers', 'listening']) sourced(host[key], `${pointer}/${key}`, array);
    record(host.containerProcesses, `${pointer}/containerProcesses`);
    for (const [id, processes] of Object.entries(host.containerProcesses as Record<string, unknown>)) sourced(processes, `${pointer}/containerProcesses/${id}`, array);
    for (const key of ['apparmorEnabled', 'selinuxEnabled']) {
      sourced(host[key], `${pointer}/${key}`, (v, p) => {
        if (typeof v !== 'boolean') problem(p, 'a boolean', v);
      });
    }
  });
}
