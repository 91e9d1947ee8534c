/**
 * Where the Docker Engine API is: resolved the way the docker CLI does it, from `--host`, `--context`,
 * `DOCKER_HOST`, `DOCKER_CONTEXT`, the `currentContext` of the CLI config, or the default socket.
 * Pure apart from reading the CLI config/context files and stat-ing default socket candidates.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { EngineError } from './errors.js';

export const DEFAULT_UNIX_SOCKET = '/var/run/docker.sock';
export const DEFAULT_HOST = `unix://${DEFAULT_UNIX_SOCKET}`;

export interface TlsMaterial {
  /** Paths (not contents): read when the connection is made, so errors name the file. */
  caFile?: string;
  certFile?: string;
  keyFile?: string;
  /** Verify the server certificate against `caFile` (DOCKER_TLS_VERIFY / context SkipTLSVerify=false). */
  verify: boolean;
}

export type Endpoint =
  | { kind: 'unix'; url: string; socketPath: string }
  | { kind: 'tcp'; url: string; hostname: string; port: number; tls?: TlsMaterial }
  | { kind: 'ssh'; url: string; hostname: string; user?: string; port?: number };

export type EndpointSource = 'flag' | 'context-flag' | 'env' | 'env-context' | 'config-context' | 'default' | 'default-fallback';

export interface ResolvedEndpoint {
  endpoint: Endpoint;
  /** Which input decided it, for the report header. */
  source: EndpointSource;
  contextName?: string;
}

export interface ResolveOptions {
  /** `--host` value. */
  host?: string;
  /** `--context` value. */
  context?: string;
  /** Defaults to process.env. */
  env?: Record<string, string | undefined>;
  /** Home directory for `~/.docker`; defaults to os.homedir(). */
  home?: string;
  /** Whether a path exists (for default socket fallbacks); injectable for tests. */
  exists?: (path: string) => boolean;
}

/** The CLI config dir: `$DOCKER_CONFIG` or `~/.docker`. */
export function dockerConfigDir(env: Record<string, string | undefined>, home: string): string {
  return env.DOCKER_CONFIG && env.DOCKER_CONFIG !== '' ? env.DOCKER_CONFIG : join(home, '.docker');
}

/**
 * Default socket candidates in order: the rootful socket, then the documented fallbacks when it is absent:
 * rootless dockerd (`$XDG_RUNTIME_DIR/docker.sock`) and Podman's Docker-compatible sockets.
 */
export function defaultSocketCandidates(env: Record<string, string | undefined>): string[] {
  const candidates = [DEFAULT_UNIX_SOCKET];
  const runtimeDir = env.XDG_RUNTIME_DIR;
  if (runtimeDir) candidates.push(join(runtimeDir, 'docker.sock'), join(runtimeDir, 'podman', 'podman.sock'));
  candidates.push('/run/podman/podman.sock');
  return candidates;
}

/** Parses a docker host URL (`unix://`, `tcp://`, `http(s)://`, `ssh://`) into an endpoint. */
export function parseHost(url: string, tls?: TlsMaterial): Endpoint {
  const trimmed = url.trim();
  if (trimmed === '') throw new EngineError('bad-host', 'empty Docker host');
  const schemeMatch = /^([a-z][a-z0-9+.-]*):\/\//i.exec(trimmed);
  if (!schemeMatch) {
    // The docker CLI accepts a bare absolute path as a unix socket.
    if (trimmed.startsWith('/')) return { kind: 'unix', url: `unix://${trimmed}`, socketPath: trimmed };
    throw new EngineError('bad-host', `invalid Docker host "${url}": expected unix://PATH, tcp://HOST:PORT or ssh://[USER@]HOST`);
  }
  const scheme = schemeMatch[1]!.toLowerCase();
  const rest = trimmed.slice(schemeMatch[0].length);
  switch (scheme) {
    case 'unix': {
      const socketPath = rest === '' ? DEFAULT_UNIX_SOCKET : rest;
      if (!socketPath.startsWith('/')) throw new EngineError('bad-host', `invalid Docker host "${url}": unix socket path must be absolute`);
      return { kind: 'unix', url: `unix://${socketPath}`, socketPath };
    }
    case 'tcp':
    case 'http':
    case 'https': {
      const useTls = scheme === 'https' || tls !== undefined;
      const { hostname, port } = parseHostPort(rest, useTls ? 2376 : 2375, url);
      const endpoint: Endpoint = { kind: 'tcp', url: `tcp://${formatHostPort(hostname, port)}`, hostname, port };
      if (useTls) endpoint.tls = tls ?? { verify: true };
      return endpoint;
    }
    case 'ssh': {
      let parsed: URL;
      try {
        parsed = new URL(trimmed);
      } catch {
        throw new EngineError('bad-host', `invalid Docker host "${url}": not a valid ssh URL`);
      }
      if (!parsed.hostname) throw new EngineError('bad-host', `invalid Docker host "${url}": no host name`);
      if (parsed.pathname !== '' && parsed.pathname !== '/') throw new EngineError('bad-host', `invalid Docker host "${url}": ssh URLs take no path`);
      const endpoint: Endpoint = { kind: 'ssh', url: trimmed, hostname: parsed.hostname.replace(/^\[|\]$/g, '') };
      if (parsed.username) endpoint.user = decodeURIComponent(parsed.username);
      if (parsed.port) endpoint.port = Number(parsed.port);
      return endpoint;
    }
    case 'npipe':
      throw new EngineError('bad-host', `Docker host "${url}": named pipes exist only on Windows`);
    case 'fd':
      throw new EngineError('bad-host', `Docker host "${url}": fd:// is a daemon-side (systemd socket activation) address; give the socket path it listens on`);
    default:
      throw new EngineError('bad-host', `invalid Docker host "${url}": unknown scheme "${scheme}://"`);
  }
}

function parseHostPort(rest: string, defaultPort: number, original: string): { hostname: string; port: number } {
  const withoutPath = rest.replace(/\/+$/, '');
  if (withoutPath.includes('/')) throw new EngineError('bad-host', `invalid Docker host "${original}": tcp URLs take no path`);
  let hostname: string;
  let portText: string | undefined;
  const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(withoutPath);
  if (bracketed) {
    hostname = bracketed[1]!;
    portText = bracketed[2];
  } else {
    const colon = withoutPath.lastIndexOf(':');
    if (colon >= 0 && withoutPath.indexOf(':') === colon) {
      hostname = withoutPath.slice(0, colon);
      portText = withoutPath.slice(colon + 1);
    } else {
      hostname = withoutPath;
    }
  }
  // `tcp://:2375` means localhost, as in the docker CLI.
  if (hostname === '') hostname = '127.0.0.1';
  if (!/^[A-Za-z0-9.:_%-]+$/.test(hostname)) throw new EngineError('bad-host', `invalid Docker host "${original}": bad host name "${hostname}"`);
  let port = defaultPort;
  if (portText !== undefined && portText !== '') {
    if (!/^\d{1,5}$/.test(portText) || Number(portText) < 1 || Number(portText) > 65535) {
      throw new EngineError('bad-host', `invalid Docker host "${original}": bad port "${portText}"`);
    }
    port = Number(portText);
  }
  return { hostname, port };
}

function formatHostPort(hostname: string, port: number): string {
  return hostname.includes(':') ? `[${hostname}]:${port}` : `${hostname}:${port}`;
}

/** The directory name the CLI uses for a context: sha256 of its name, hex. */
export function contextDigest(name: string): string {
  return createHash('sha256').update(name).digest('hex');
}

interface ContextMeta {
  Name?: unknown;
  Endpoints?: { docker?: { Host?: unknown; SkipTLSVerify?: unknown } };
}

/** Reads a named CLI context; `default` means "no context" and returns undefined. */
export function readContext(name: string, configDir: string): Endpoint | undefined {
  if (name === 'default') return undefined;
  const digest = contextDigest(name);
  const metaPath = join(configDir, 'contexts', 'meta', digest, 'meta.json');
  let meta: ContextMeta;
  try {
    meta = JSON.parse(readFileSync(metaPath, 'utf8')) as ContextMeta;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new EngineError('bad-host', `context "${name}" does not exist (no ${metaPath})`);
    throw new EngineError('bad-host', `context "${name}": cannot read ${metaPath}: ${code ?? (error as Error).message}`);
  }
  const host = meta.Endpoints?.docker?.Host;
  if (typeof host !== 'string' || host === '') throw new EngineError('bad-host', `context "${name}" has no docker endpoint (${metaPath})`);
  const tlsDir = join(configDir, 'contexts', 'tls', digest, 'docker');
  const material: TlsMaterial = { verify: meta.Endpoints?.docker?.SkipTLSVerify !== true };
  for (const [field, file] of [['caFile', 'ca.pem'], ['certFile', 'cert.pem'], ['keyFile', 'key.pem']] as const) {
    const path = join(tlsDir, file);
    if (existsSync(path)) material[field] = path;
  }
  const hasTls = material.caFile !== undefined || material.certFile !== undefined || material.keyFile !== undefined;
  return parseHost(host, hasTls && !host.startsWith('unix:') && !host.startsWith('ssh:') ? material : undefined);
}

/** TLS material from `DOCKER_TLS_VERIFY` / `DOCKER_CERT_PATH`, as the docker CLI reads it. */
function tlsFromEnv(env: Record<string, string | undefined>, configDir: string): TlsMaterial | undefined {
  if (!env.DOCKER_TLS_VERIFY) return undefined;
  const certPath = env.DOCKER_CERT_PATH && env.DOCKER_CERT_PATH !== '' ? env.DOCKER_CERT_PATH : configDir;
  return { verify: true, caFile: join(certPath, 'ca.pem'), certFile: join(certPath, 'cert.pem'), keyFile: join(certPath, 'key.pem') };
}

function currentContextFromConfig(configDir: string): string | undefined {
  const path = join(configDir, 'config.json');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const config = JSON.parse(text) as { currentContext?: unknown };
    return typeof config.currentContext === 'string' && config.currentContext !== '' ? config.currentContext : undefined;
  } catch {
    throw new EngineError('bad-host', `${path}: not valid JSON, cannot read currentContext`);
  }
}

/**
 * Resolves the endpoint with the docker CLI's precedence: `--host` > `--context` > `DOCKER_HOST` >
 * `DOCKER_CONTEXT` > config `currentContext` > default socket (with rootless/Podman fallbacks when the
 * rootful socket does not exist).
 */
export function resolveEndpoint(options: ResolveOptions = {}): ResolvedEndpoint {
  const env = options.env ?? process.env;
  const home = options.home ?? env.HOME ?? homedir();
  const exists = options.exists ?? existsSync;
  const configDir = dockerConfigDir(env, home);
  if (options.host !== undefined && options.context !== undefined) {
    throw new EngineError('bad-host', 'give either --host or --context, not both');
  }
  const envTls = tlsFromEnv(env, configDir);
  if (options.host !== undefined) return { endpoint: parseHost(options.host, isTcp(options.host) ? envTls : undefined), source: 'flag' };
  if (options.context !== undefined) {
    const endpoint = readContext(options.context, configDir);
    if (endpoint) return { endpoint, source: 'context-flag', contextName: options.context };
    return defaultEndpoint(env, exists, options.context);
  }
  if (env.DOCKER_HOST) return { endpoint: parseHost(env.DOCKER_HOST, isTcp(env.DOCKER_HOST) ? envTls : undefined), source: 'env' };
  const contextName = env.DOCKER_CONTEXT || currentContextFromConfig(configDir);
  if (contextName) {
    const endpoint = readContext(contextName, configDir);
    if (endpoint) return { endpoint, source: env.DOCKER_CONTEXT ? 'env-context' : 'config-context', contextName };
    return defaultEndpoint(env, exists, contextName);
  }
  return defaultEndpoint(env, exists);
}

function isTcp(url: string): boolean {
  return /^(tcp|http|https):\/\//i.test(url.trim());
}

function defaultEndpoint(env: Record<string, string | undefined>, exists: (path: string) => boolean, contextName?: string): ResolvedEndpoint {
  const candidates = defaultSocketCandidates(env);
  const found = candidates.find((path) => exists(path) && isSocketOrUnknown(path));
  const base = contextName === undefined ? {} : { contextName };
  if (found === undefined || found === DEFAULT_UNIX_SOCKET) {
    return { endpoint: parseHost(DEFAULT_HOST), source: 'default', ...base };
  }
  return { endpoint: parseHost(`unix://${found}`), source: 'default-fallback', ...base };
}

function isSocketOrUnknown(path: string): boolean {
  try {
    return statSync(path).isSocket();
  } catch {
    // Injected `exists` may name paths that are not on this disk (tests): trust it.
    return true;
  }
}
