/**
 * The Engine API half of the snapshot: GETs only, issued in parallel with bounded concurrency.
 * Every document is kept raw; a failed GET is recorded with its reason, never guessed.
 */
import { EngineClient, EngineError, isEngineError } from '../../engine/client.js';
import type { EngineEvidence, Sourced } from '../snapshot.js';

export interface ApiCollectOptions {
  /** Inspect requests in flight at once (default 8). */
  concurrency?: number;
  /** `in-use`: only images referenced by some container (audit spec §0.1 `--images in-use`). */
  images?: 'all' | 'in-use';
}

/** Runs `task` over `items` with at most `limit` running at once; results keep the input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function sourced<T>(promise: Promise<T>): Promise<Sourced<T>> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, reason: reasonOf(error) };
  }
}

/** Raw Engine API JSON (the only place `any` is allowed: external documents). */
type Json = any;

export async function collectEngineEvidence(client: EngineClient, options: ApiCollectOptions = {}): Promise<EngineEvidence> {
  const limit = options.concurrency ?? 8;
  const apiVersion = await client.negotiate();
  const get = <T = Json>(path: string) => client.getJson<T>(path);

  const [version, info, containerList, imageList, networks, volumes, plugins, swarm] = await Promise.all([
    sourced(get('/version')),
    sourced(get('/info')),
    sourced(get<Json[]>('/containers/json?all=1')),
    sourced(get<Json[]>('/images/json')),
    sourced(get<Json[]>('/networks')),
    sourced(get('/volumes')),
    sourced(get<Json[]>('/plugins')),
    swarmState(client),
  ]);

  // Containers: inspect each listed one; one that vanished since the list answers 404.
  const vanished: string[] = [];
  const inspectErrors: Record<string, string> = {};
  const inspectErrorNames: Record<string, string> = {};
  let containers: Sourced<Json[]>;
  if (containerList.ok) {
    const ids = containerList.value.map((c: Json) => String(c.Id));
    const listedName = new Map<string, string>(
      containerList.value.map((c: Json) => [String(c.Id), String((Array.isArray(c.Names) && c.Names[0]) || c.Id).replace(/^\//, '')]),
    );
    const inspected = await mapLimit(ids, limit, async (id) => {
      try {
        return await get(`/containers/${encodeURIComponent(id)}/json`);
      } catch (error) {
        if (isEngineError(error, 'http') && error.status === 404) vanished.push(id);
        else {
          inspectErrors[id] = reasonOf(error);
          inspectErrorNames[id] = listedName.get(id) ?? id;
        }
        return undefined;
      }
    });
    containers = { ok: true, value: inspected.filter((doc) => doc !== undefined) };
  } else {
    containers = containerList;
  }

  // Images: inspect and history of each (optionally only those containers use).
  const imageErrors: Record<string, string> = {};
  const imageHistory: Record<string, Sourced<Json[]>> = {};
  let images: Sourced<Json[]>;
  if (imageList.ok) {
    let ids: string[] = imageList.value.map((image: Json) => String(image.Id));
    if (options.images === 'in-use' && containers.ok) {
      const used = new Set(containers.value.map((c: Json) => String(c.Image)));
      ids = ids.filter((id) => used.has(id));
    }
    const inspected = await mapLimit(ids, limit, async (id) => {
      const [doc, history] = await Promise.all([
        sourced(get(`/images/${encodeURIComponent(id)}/json`)),
        sourced(get<Json[]>(`/images/${encodeURIComponent(id)}/history`)),
      ]);
      imageHistory[id] = history;
      if (!doc.ok) {
        imageErrors[id] = doc.reason;
        return undefined;
      }
      return doc.value;
    });
    images = { ok: true, value: inspected.filter((doc) => doc !== undefined) };
  } else {
    images = imageList;
  }

  // Swarm objects exist only on managers; elsewhere these endpoints answer 503.
  const isManager = info.ok && info.value?.Swarm?.ControlAvailable === true;
  const notManager: Sourced<Json[]> = { ok: false, reason: swarm.ok ? 'not a swarm manager' : `not a swarm manager (${swarm.reason})` };
  const [nodes, services, secrets] = isManager
    ? await Promise.all([sourced(get<Json[]>('/nodes')), sourced(get<Json[]>('/services')), sourced(get<Json[]>('/secrets'))])
    : [notManager, notManager, notManager];

  const evidence: EngineEvidence = {
    endpoint: client.endpoint.url,
    locality: client.locality,
    apiVersion,
    version,
    info,
    containers,
    vanished: vanished.sort(),
    images,
    imageHistory,
    networks,
    volumes,
    plugins,
    swarm,
    nodes,
    services,
    secrets,
  };
  if (Object.keys(inspectErrors).length > 0) {
    evidence.inspectErrors = inspectErrors;
    evidence.inspectErrorNames = inspectErrorNames;
  }
  if (Object.keys(imageErrors).length > 0) evidence.imageErrors = imageErrors;
  return evidence;
}

/** `/swarm`: 503 means this node is not a swarm manager (inactive, or a worker). */
async function swarmState(client: EngineClient): Promise<Sourced<Json>> {
  try {
    return { ok: true, value: await client.getJson('/swarm') };
  } catch (error) {
    if (error instanceof EngineError && error.kind === 'http' && error.status === 503) {
      return { ok: false, reason: `not a swarm manager or member (HTTP 503: ${error.message.replace(/^GET \/swarm: HTTP 503: ?/, '')})` };
    }
    return { ok: false, reason: reasonOf(error) };
  }
}
