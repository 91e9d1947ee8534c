/**
 * A read-only Docker Engine API client on node:http/node:https. It can only send GET: auditing must
 * never change the daemon, so no method that could carry another verb exists on the class.
 *
 * Transports: unix socket, tcp (plain or TLS), ssh (`ssh HOST docker system dial-stdio`).
 * API version: negotiated once (`/_ping`, else `/version`) as min(server, MAX_API_VERSION).
 */
import { readFileSync } from 'node:fs';
import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import type { Duplex } from 'node:stream';
import { resolveEndpoint, parseHost, type Endpoint, type ResolveOptions, type ResolvedEndpoint } from './endpoint.js';
import { EngineError } from './errors.js';
import { SshStream, type SshOptions } from './ssh.js';

export { EngineError, isEngineError, type EngineErrorKind } from './errors.js';
export type { Endpoint, ResolvedEndpoint } from './endpoint.js';

/** Newest API version we speak; every field docksec reads exists at or below it. */
export const MAX_API_VERSION = '1.47';
export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
export const DEFAULT_CONCURRENCY = 8;

export interface ClientOptions {
  /** Per-request limit, connection included (default 10 s). */
  timeoutMs?: number;
  /** A larger answer is cut and reported (default 64 MiB). */
  maxResponseBytes?: number;
  /** Open connections at most (default 8; ssh connections are processes, so keep this small there). */
  concurrency?: number;
  /** Skip negotiation and use this API version (like DOCKER_API_VERSION). */
  apiVersion?: string;
  ssh?: SshOptions;
}

export interface EngineResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface GetOptions {
  /** Send the path without the `/v1.xx` prefix (`/_ping`, negotiation). */
  unversioned?: boolean;
  timeoutMs?: number;
}

/** Compares `1.41` and `1.9` numerically. */
export function compareApiVersions(a: string, b: string): number {
  const pa = a.split('.').map((part) => Number.parseInt(part, 10) || 0);
  const pb = b.split('.').map((part) => Number.parseInt(part, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff < 0 ? -1 : 1;
  }
  return 0;
}

const API_VERSION_PATTERN = /^\d+\.\d+$/;

/** An Agent whose connections are ssh processes. */
class SshAgent extends http.Agent {
  constructor(
    private readonly sshEndpoint: Extract<Endpoint, { kind: 'ssh' }>,
    private readonly sshOptions: SshOptions,
    options: http.AgentOptions,
  ) {
    super(options);
  }

  override createConnection(): Duplex {
    return new SshStream(this.sshEndpoint, this.sshOptions);
  }
}

export class EngineClient {
  readonly endpoint: Endpoint;
  /** `local`: a unix socket on this host; `remote`: tcp or ssh. */
  readonly locality: 'local' | 'remote';
  private readonly timeoutMs: number;
  private readonly maxResponseBytes: number;
  private readonly agent: http.Agent;
  private negotiated: string | undefined;

  constructor(endpoint: Endpoint | string, options: ClientOptions = {}) {
    this.endpoint = typeof endpoint === 'string' ? parseHost(endpoint) : endpoint;
    this.locality = this.endpoint.kind === 'unix' ? 'local' : 'remote';
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    if (options.apiVersion !== undefined) {
      if (!API_VERSION_PATTERN.test(options.apiVersion)) throw new EngineError('bad-host', `invalid API version "${options.apiVersion}": expected like 1.41`);
      this.negotiated = options.apiVersion;
    }
    const concurrency = Math.max(1, options.concurrency ?? (this.endpoint.kind === 'ssh' ? 2 : DEFAULT_CONCURRENCY));
    const agentOptions: http.AgentOptions = { keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency };
    if (this.endpoint.kind === 'ssh') {
      this.agent = new SshAgent(this.endpoint, options.ssh ?? {}, agentOptions);
    } else if (this.endpoint.kind === 'tcp' && this.endpoint.tls) {
      this.agent = new https.Agent({ ...agentOptions, ...readTlsMaterial(this.endpoint) });
    } else {
      this.agent = new http.Agent(agentOptions);
    }
  }

  /** Resolves the endpoint as the docker CLI would, then negotiates the API version. */
  static async connect(options: ResolveOptions & ClientOptions = {}): Promise<{ client: EngineClient; resolved: ResolvedEndpoint }> {
    const resolved = resolveEndpoint(options);
    const client = new EngineClient(resolved.endpoint, options);
    try {
      await client.negotiate();
    } catch (error) {
      client.close();
      throw error;
    }
    return { client, resolved };
  }

  /** The API version in use (after `negotiate`), e.g. `1.41`. */
  get apiVersion(): string | undefined {
    return this.negotiated;
  }

  /** Asks the daemon its API version (unversioned `/_ping`, else `/version`) and keeps min(server, ours). */
  async negotiate(): Promise<string> {
    if (this.negotiated !== undefined) return this.negotiated;
    let server: string | undefined;
    const ping = await this.get('/_ping', { unversioned: true });
    const header = ping.headers['api-version'];
    if (typeof header === 'string' && API_VERSION_PATTERN.test(header)) server = header;
    if (server === undefined) {
      const version = await this.getJson<{ ApiVersion?: unknown }>('/version', { unversioned: true });
      if (typeof version.ApiVersion === 'string' && API_VERSION_PATTERN.test(version.ApiVersion)) server = version.ApiVersion;
    }
    if (server === undefined) throw new EngineError('response', `${this.endpoint.url}: the daemon reported no API version (is this a Docker Engine API?)`);
    this.negotiated = compareApiVersions(server, MAX_API_VERSION) < 0 ? server : MAX_API_VERSION;
    return this.negotiated;
  }

  /** GET `path` (e.g. `/containers/json?all=1`) and parse JSON; non-2xx statuses throw EngineError `http`. */
  async getJson<T = unknown>(path: string, options: GetOptions = {}): Promise<T> {
    const response = await this.get(path, options);
    if (response.status < 200 || response.status > 299) throw httpError(response, path);
    try {
      return JSON.parse(response.body.toString('utf8')) as T;
    } catch {
      throw new EngineError('response', `GET ${path}: the daemon's answer is not valid JSON`, { path });
    }
  }

  /** GET `path`; any HTTP status is returned (transport problems throw EngineError). */
  get(path: string, options: GetOptions = {}): Promise<EngineResponse> {
    if (!path.startsWith('/')) throw new EngineError('bad-host', `request path must start with "/": ${path}`);
    const fullPath = options.unversioned || this.negotiated === undefined ? path : `/v${this.negotiated}${path}`;
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    return new Promise<EngineResponse>((resolve, reject) => {
      let settled = false;
      const fail = (error: EngineError) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        reject(error);
      };
      const requestOptions: http.RequestOptions = {
        agent: this.agent,
        // The only verb this client ever sends.
        method: 'GET',
        path: fullPath,
        headers: { Accept: 'application/json', 'User-Agent': 'docksec', Host: this.authority() },
      };
      if (this.endpoint.kind === 'unix') requestOptions.socketPath = this.endpoint.socketPath;
      if (this.endpoint.kind === 'tcp') {
        requestOptions.host = this.endpoint.hostname;
        requestOptions.port = this.endpoint.port;
        if (this.endpoint.tls && isIP(this.endpoint.hostname) === 0) (requestOptions as https.RequestOptions).servername = this.endpoint.hostname;
      }
      const transport = this.endpoint.kind === 'tcp' && this.endpoint.tls ? https : http;
      const request = transport.request(requestOptions, (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > this.maxResponseBytes) {
            fail(new EngineError('response', `GET ${path}: answer larger than ${this.maxResponseBytes} bytes, not read`, { path }));
            request.destroy();
            return;
          }
          chunks.push(chunk);
        });
        response.on('end', () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) });
        });
        response.on('aborted', () => fail(new EngineError('response', `GET ${path}: the connection closed mid-answer`, { path })));
        response.on('error', (error) => fail(this.transportError(error, path)));
      });
      const timer = setTimeout(() => {
        fail(new EngineError('timeout', `GET ${path}: no answer from ${this.endpoint.url} within ${timeoutMs} ms`, { path }));
        request.destroy();
      }, timeoutMs);
      request.on('error', (error) => fail(this.transportError(error, path)));
      request.end();
    });
  }

  /** Closes pooled connections (and ssh processes). */
  close(): void {
    this.agent.destroy();
  }

  private authority(): string {
    // The daemon ignores Host on a unix socket; the docker CLI sends `api.moby.localhost`.
    if (this.endpoint.kind === 'tcp') return this.endpoint.hostname.includes(':') ? `[${this.endpoint.hostname}]:${this.endpoint.port}` : `${this.endpoint.hostname}:${this.endpoint.port}`;
    return 'api.moby.localhost';
  }

  private transportError(error: unknown, path: string): EngineError {
    if (error instanceof EngineError) return error;
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const message = (error as Error).message ?? String(error);
    const endpoint = this.endpoint;
    const details = { path, cause: error };
    if (endpoint.kind === 'unix') {
      if (code === 'ENOENT') return new EngineError('daemon-down', `Cannot connect to the Docker daemon at ${endpoint.url}: no such socket. Is dockerd running?`, details);
      if (code === 'ECONNREFUSED') return new EngineError('daemon-down', `Cannot connect to the Docker daemon at ${endpoint.url}: connection refused. Is dockerd running?`, details);
      if (code === 'EACCES' || code === 'EPERM') {
        return new EngineError('permission', `permission denied on ${endpoint.socketPath}: run as root or add your user to the docker group (security note: that group is root-equivalent)`, details);
      }
      if (code === 'ENOTSOCK' || code === 'ENOTDIR') return new EngineError('bad-host', `${endpoint.socketPath} is not a socket`, details);
    }
    if (endpoint.kind === 'tcp') {
      if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') return new EngineError('bad-host', `cannot resolve host "${endpoint.hostname}" (${code})`, details);
      if (code === 'ECONNREFUSED' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'ECONNRESET') {
        return new EngineError('daemon-down', `Cannot connect to the Docker daemon at ${endpoint.url}: ${code}. Is dockerd listening there?`, details);
      }
      if (code === 'ETIMEDOUT') return new EngineError('timeout', `connecting to ${endpoint.url} timed out`, details);
      if (code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL') || /certificate|SSL|TLS/i.test(code) || /certificate|ssl|tls/i.test(message)) {
        return new EngineError('tls', `TLS connection to ${endpoint.url} failed: ${message}`, details);
      }
    }
    if (endpoint.kind === 'ssh') {
      if (code === 'ENOENT') return new EngineError('bad-host', `cannot run ssh for ${endpoint.url}: ssh program not found`, details);
      if (code === 'ESSHEXIT' || code === 'ECONNRESET' || code === 'EPIPE') return new EngineError('daemon-down', `Cannot connect to the Docker daemon at ${endpoint.url}: ${message}`, details);
    }
    if (code === 'ECONNRESET' || code === 'EPIPE') return new EngineError('response', `GET ${path}: connection to ${endpoint.url} was reset`, details);
    return new EngineError('daemon-down', `Cannot connect to the Docker daemon at ${endpoint.url}: ${code || message}`, details);
  }
}

function httpError(response: EngineResponse, path: string): EngineError {
  let daemonMessage = '';
  const text = response.body.toString('utf8').slice(0, 2000);
  try {
    const parsed = JSON.parse(text) as { message?: unknown };
    if (typeof parsed.message === 'string') daemonMessage = parsed.message;
  } catch {
    daemonMessage = text.trim();
  }
  return new EngineError('http', `GET ${path}: HTTP ${response.status}${daemonMessage ? `: ${daemonMessage}` : ''}`, { status: response.status, path });
}

function readTlsMaterial(endpoint: Extract<Endpoint, { kind: 'tcp' }>): https.AgentOptions {
  const tls = endpoint.tls!;
  const options: https.AgentOptions = { rejectUnauthorized: tls.verify };
  const read = (file: string | undefined, what: string): Buffer | undefined => {
    if (file === undefined) return undefined;
    try {
      return readFileSync(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Without verification a missing CA is harmless; missing client material never is.
      if (what === 'CA certificate' && !tls.verify && code === 'ENOENT') return undefined;
      throw new EngineError('tls', `cannot read TLS ${what} ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code}`);
    }
  };
  const ca = read(tls.caFile, 'CA certificate');
  const cert = read(tls.certFile, 'client certificate');
  const key = read(tls.keyFile, 'client key');
  if (ca) options.ca = ca;
  if (cert) options.cert = cert;
  if (key) options.key = key;
  return options;
}
