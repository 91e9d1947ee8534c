/**
 * `collectSnapshot`: everything `docksec bench` evaluates, gathered once. The API half and the host half
 * are independent sources; the host half runs only for a local unix-socket daemon or with --host-root.
 */
import { VERSION } from '../../version.js';
import { EngineClient, type ClientOptions } from '../../engine/client.js';
import type { ResolveOptions } from '../../engine/endpoint.js';
import { SNAPSHOT_SCHEMA_VERSION, type Snapshot } from '../snapshot.js';
import { collectEngineEvidence } from './api.js';
import { collectHostEvidence } from './host.js';

export { collectEngineEvidence, mapLimit } from './api.js';
export { collectHostEvidence } from './host.js';
export { parseDaemonArgv, lastFlag, allFlags, parseGoBool } from './daemon-args.js';
export { parseAuditRule, parseAuditRules } from './audit-rules.js';

export interface CollectOptions extends ResolveOptions, ClientOptions {
  /** An already connected client (the caller closes it); otherwise one is made from the resolve options. */
  client?: EngineClient;
  /** Read host files under this directory (also enables the host half for a remote daemon). */
  hostRoot?: string;
  /** `in-use`: only images some container references. */
  images?: 'all' | 'in-use';
  /** Explicit exclusions from the command line, recorded in the snapshot (the evaluator applies them). */
  excludedContainers?: string[];
  /** Run `auditctl -l` (default: on a live host only). */
  runAuditctl?: boolean;
}

/** docksec's own version, injected at build time (src/version.ts is written from package.json). */
export function toolVersion(): string {
  return VERSION;
}

/** Collects a snapshot. Throws EngineError only when the daemon cannot be reached at all. */
export async function collectSnapshot(options: CollectOptions = {}): Promise<Snapshot> {
  const started = new Date().toISOString();
  const ownClient = options.client === undefined;
  const client = options.client ?? (await EngineClient.connect(options)).client;
  try {
    const apiOptions: Parameters<typeof collectEngineEvidence>[1] = {};
    if (options.concurrency !== undefined) apiOptions.concurrency = options.concurrency;
    if (options.images !== undefined) apiOptions.images = options.images;
    const engine = await collectEngineEvidence(client, apiOptions);
    const endpoint = client.endpoint;
    const hostWanted = endpoint.kind === 'unix' || options.hostRoot !== undefined;
    const host = hostWanted
      ? await collectHostEvidence({
          ...(options.hostRoot !== undefined ? { hostRoot: options.hostRoot } : {}),
          ...(endpoint.kind === 'unix' ? { apiSocket: endpoint.socketPath } : {}),
          ...(options.runAuditctl !== undefined ? { runAuditctl: options.runAuditctl } : {}),
          info: engine.info.ok ? engine.info.value : undefined,
          containers: engine.containers.ok ? engine.containers.value : [],
        })
      : { ok: false as const, reason: `no host access: the daemon is remote (${endpoint.url}); give --host-root to read host files` };
    return {
      schemaVersion: SNAPSHOT_SCHEMA_VERSION,
      tool: { name: 'docksec', version: toolVersion() },
      started,
      finished: new Date().toISOString(),
      engine,
      host,
      excludedContainers: [...(options.excludedContainers ?? [])],
    };
  } finally {
    if (ownClient) client.close();
  }
}
