import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EngineClient, EngineError, MAX_API_VERSION, compareApiVersions } from '../../src/engine/client.js';
import { contextDigest, parseHost, resolveEndpoint } from '../../src/engine/endpoint.js';
import { collectSnapshot } from '../../src/bench/collector/index.js';
import { dockerOk, ensureDaemon } from '../helpers/docker.js';
import { startRecordingProxy } from '../helpers/engine-proxy.js';

const work = mkdtempSync(join(tmpdir(), 'docksec-client-test-'));
chmodSync(work, 0o755);
let serverApiVersion = '';

before(async () => {
  await ensureDaemon();
  serverApiVersion = await dockerOk(['version', '--format', '{{.Server.APIVersion}}']);
});
after(() => rmSync(work, { recursive: true, force: true }));

async function engineError(promise: Promise<unknown>): Promise<EngineError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof EngineError, `expected EngineError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to fail');
}

describe('endpoint resolution', () => {
  test('parses each host form', () => {
    assert.deepEqual(parseHost('unix:///run/user/1000/docker.sock'), { kind: 'unix', url: 'unix:///run/user/1000/docker.sock', socketPath: '/run/user/1000/docker.sock' });
    assert.deepEqual(parseHost('tcp://10.0.0.5'), { kind: 'tcp', url: 'tcp://10.0.0.5:2375', hostname: '10.0.0.5', port: 2375 });
    assert.deepEqual(parseHost('tcp://[::1]:2376', { verify: true }), { kind: 'tcp', url: 'tcp://[::1]:2376', hostname: '::1', port: 2376, tls: { verify: true } });
    assert.deepEqual(parseHost('ssh://ops@build.example:2222'), { kind: 'ssh', url: 'ssh://ops@build.example:2222', hostname: 'build.example', user: 'ops', port: 2222 });
    for (const bad of ['foo://x', 'tcp://host:99999', 'unix://relative.sock', 'not a url', 'tcp://a/b', 'fd://']) {
      assert.throws(() => parseHost(bad), (e: unknown) => e instanceof EngineError && e.kind === 'bad-host', bad);
    }
  });

  test('follows the docker CLI precedence: --host, --context, DOCKER_HOST, DOCKER_CONTEXT, currentContext, default', () => {
    const home = join(work, 'home');
    const dockerDir = join(home, '.docker');
    const addContext = (name: string, host: string, tls = false) => {
      const digest = contextDigest(name);
      mkdirSync(join(dockerDir, 'contexts', 'meta', digest), { recursive: true });
      writeFileSync(join(dockerDir, 'contexts', 'meta', digest, 'meta.json'), JSON.stringify({ Name: name, Endpoints: { docker: { Host: host, SkipTLSVerify: false } } }));
      if (tls) {
        const tlsDir = join(dockerDir, 'contexts', 'tls', digest, 'docker');
        mkdirSync(tlsDir, { recursive: true });
        for (const file of ['ca.pem', 'cert.pem', 'key.pem']) writeFileSync(join(tlsDir, file), 'x');
      }
    };
    addContext('remote', 'tcp://198.51.100.7:2376', true);
    addContext('builder', 'ssh://me@builder');
    writeFileSync(join(dockerDir, 'config.json'), JSON.stringify({ currentContext: 'builder' }));
    const noSockets = () => false;

    assert.equal(resolveEndpoint({ host: 'unix:///a.sock', env: { DOCKER_HOST: 'tcp://x:1' }, home, exists: noSockets }).endpoint.url, 'unix:///a.sock');
    const fromContext = resolveEndpoint({ context: 'remote', env: { DOCKER_HOST: 'tcp://x:1' }, home, exists: noSockets });
    assert.equal(fromContext.source, 'context-flag');
    assert.deepEqual(fromContext.endpoint, {
      kind: 'tcp',
      url: 'tcp://198.51.100.7:2376',
      hostname: '198.51.100.7',
      port: 2376,
      tls: {
        verify: true,
        caFile: join(dockerDir, 'contexts', 'tls', contextDigest('remote'), 'docker', 'ca.pem'),
        certFile: join(dockerDir, 'contexts', 'tls', contextDigest('remote'), 'docker', 'cert.pem'),
        keyFile: join(dockerDir, 'contexts', 'tls', contextDigest('remote'), 'docker', 'key.pem'),
      },
    });
    assert.equal(resolveEndpoint({ env: { DOCKER_HOST: 'tcp://x:1', DOCKER_CONTEXT: 'remote' }, home, exists: noSockets }).endpoint.url, 'tcp://x:1');
    const envContext = resolveEndpoint({ env: { DOCKER_CONTEXT: 'remote' }, home, exists: noSockets });
    assert.equal(envContext.source, 'env-context');
    assert.equal(envContext.contextName, 'remote');
    const current = resolveEndpoint({ env: {}, home, exists: noSockets });
    assert.equal(current.source, 'config-context');
    assert.equal(current.endpoint.url, 'ssh://me@builder');
    assert.equal(resolveEndpoint({ context: 'default', env: {}, home, exists: noSockets }).endpoint.url, 'unix:///var/run/docker.sock');
    // DOCKER_TLS_VERIFY + DOCKER_CERT_PATH turn a tcp host into TLS with that material.
    const tlsEnv = resolveEndpoint({ env: { DOCKER_HOST: 'tcp://d.example', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/certs' }, home, exists: noSockets });
    assert.deepEqual(tlsEnv.endpoint, {
      kind: 'tcp',
      url: 'tcp://d.example:2376',
      hostname: 'd.example',
      port: 2376,
      tls: { verify: true, caFile: '/certs/ca.pem', certFile: '/certs/cert.pem', keyFile: '/certs/key.pem' },
    });

    assert.throws(() => resolveEndpoint({ context: 'nope', env: {}, home }), (e: unknown) => e instanceof EngineError && e.kind === 'bad-host' && /context "nope" does not exist/.test(e.message));
    assert.throws(() => resolveEndpoint({ host: 'unix:///a', context: 'remote', env: {}, home }), (e: unknown) => e instanceof EngineError && e.kind === 'bad-host');
  });

  test('falls back to the rootless and Podman sockets only when the rootful socket is absent', () => {
    const env = { XDG_RUNTIME_DIR: '/run/user/1000' };
    const home = join(work, 'empty-home');
    const onlyRootless = (path: string) => path === '/run/user/1000/docker.sock';
    const rootless = resolveEndpoint({ env, home, exists: onlyRootless });
    assert.equal(rootless.endpoint.url, 'unix:///run/user/1000/docker.sock');
    assert.equal(rootless.source, 'default-fallback');
    assert.equal(resolveEndpoint({ env, home, exists: (p) => p === '/run/podman/podman.sock' }).endpoint.url, 'unix:///run/podman/podman.sock');
    assert.equal(resolveEndpoint({ env, home, exists: (p) => p === '/run/user/1000/podman/podman.sock' }).endpoint.url, 'unix:///run/user/1000/podman/podman.sock');
    const both = resolveEndpoint({ env, home, exists: (p) => p === '/var/run/docker.sock' || onlyRootless(p) });
    assert.equal(both.endpoint.url, 'unix:///var/run/docker.sock');
    assert.equal(both.source, 'default');
  });
});

describe('EngineClient against the real dockerd', () => {
  test('negotiates min(server, ours) and prefixes later requests with it', async () => {
    const proxy = await startRecordingProxy({ socketPath: join(work, 'negotiate.sock') });
    const client = new EngineClient(proxy.url);
    try {
      const version = await client.negotiate();
      const expected = compareApiVersions(serverApiVersion, MAX_API_VERSION) < 0 ? serverApiVersion : MAX_API_VERSION;
      assert.equal(version, expected);
      assert.equal(client.apiVersion, expected);
      const info = await client.getJson<{ ServerVersion: string }>('/info');
      assert.equal(typeof info.ServerVersion, 'string');
      assert.deepEqual(proxy.requests, [
        { method: 'GET', url: '/_ping' },
        { method: 'GET', url: `/v${expected}/info` },
      ]);
    } finally {
      client.close();
      await proxy.close();
    }
  });

  test('a forced older API version is used as the prefix', async () => {
    const proxy = await startRecordingProxy({ socketPath: join(work, 'forced.sock') });
    const client = new EngineClient(proxy.url, { apiVersion: '1.30' });
    try {
      await client.getJson('/version');
      assert.deepEqual(proxy.requests, [{ method: 'GET', url: '/v1.30/version' }]);
    } finally {
      client.close();
      await proxy.close();
    }
  });

  test('404 and 503 become http errors with the status and the daemon message', async () => {
    const client = new EngineClient('unix:///var/run/docker.sock');
    try {
      await client.negotiate();
      const missing = await engineError(client.getJson('/containers/docksec-no-such-container/json'));
      assert.equal(missing.kind, 'http');
      assert.equal(missing.status, 404);
      assert.match(missing.message, /^GET \/containers\/docksec-no-such-container\/json: HTTP 404: No such container: docksec-no-such-container$/);
      const swarm = await engineError(client.getJson('/swarm'));
      assert.equal(swarm.status, 503);
    } finally {
      client.close();
    }
  });

  test('GET only: the class has no other verb, and a whole collection sends nothing but GET', async () => {
    const members = Object.getOwnPropertyNames(EngineClient.prototype);
    assert.deepEqual(members.filter((name) => /post|put|delete|patch|head|request|send|exec/i.test(name)), []);
    const proxy = await startRecordingProxy({ socketPath: join(work, 'get-only.sock') });
    try {
      const snapshot = await collectSnapshot({ host: proxy.url, runAuditctl: false });
      assert.equal(snapshot.engine.info.ok, true);
      assert.ok(proxy.requests.length >= 9, `only ${proxy.requests.length} requests recorded`);
      assert.deepEqual(proxy.requests.filter((r) => r.method !== 'GET'), []);
      for (const path of ['/info', '/version', '/containers/json?all=1', '/images/json', '/networks', '/volumes', '/plugins', '/swarm']) {
        assert.ok(proxy.requests.some((r) => r.url.endsWith(path)), `no GET ${path}`);
      }
    } finally {
      await proxy.close();
    }
  });
});

describe('EngineClient errors', () => {
  test('daemon down: no such socket', async () => {
    const path = join(work, 'absent', 'docker.sock');
    const error = await engineError(new EngineClient(`unix://${path}`).negotiate());
    assert.equal(error.kind, 'daemon-down');
    assert.equal(error.message, `Cannot connect to the Docker daemon at unix://${path}: no such socket. Is dockerd running?`);
  });

  test('daemon down: socket file with nobody listening', async () => {
    const path = join(work, 'stale.sock');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(path, resolve));
    // Closing unlinks node's socket file; recreate a stale one the way a crashed daemon leaves it.
    await new Promise<void>((resolve) => server.close(() => resolve()));
    execFileSync('python3', ['-c', `import socket; s=socket.socket(socket.AF_UNIX); s.bind(${JSON.stringify(path)})`]);
    const error = await engineError(new EngineClient(`unix://${path}`).negotiate());
    assert.equal(error.kind, 'daemon-down');
    assert.match(error.message, /connection refused\. Is dockerd running\?$/);
  });

  test('permission denied: root-owned 0600 socket opened by another user', { skip: process.getuid?.() !== 0 ? 'needs root to run the client as another user' : false }, async () => {
    const path = join(work, 'private.sock');
    const server: Server = createServer((socket) => socket.end());
    await new Promise<void>((resolve) => server.listen(path, resolve));
    chmodSync(path, 0o600);
    const clientModule = fileURLToPath(new URL('../../src/engine/client.js', import.meta.url));
    const script = join(work, 'as-nobody.mjs');
    writeFileSync(
      script,
      `import { EngineClient } from ${JSON.stringify(clientModule)};\n` +
        `try { await new EngineClient(process.argv[2]).negotiate(); console.log('{}'); }\n` +
        `catch (e) { console.log(JSON.stringify({ kind: e.kind, message: e.message })); }\n`,
    );
    chmodSync(script, 0o644);
    try {
      const output = await new Promise<string>((resolve, reject) => {
        execFile(process.execPath, [script, `unix://${path}`], { uid: 65534, gid: 65534, cwd: '/' }, (error, stdout, stderr) =>
          error ? reject(new Error(`${error.message} ${stderr}`)) : resolve(stdout),
        );
      });
      assert.deepEqual(JSON.parse(output), {
        kind: 'permission',
        message: `permission denied on ${path}: run as root or add your user to the docker group (security note: that group is root-equivalent)`,
      });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  test('wrong host: unknown scheme, unresolvable name, closed port', async () => {
    assert.throws(() => new EngineClient('gopher://x'), (e: unknown) => e instanceof EngineError && e.kind === 'bad-host' && e.message === 'invalid Docker host "gopher://x": unknown scheme "gopher://"');
    const dns = await engineError(new EngineClient('tcp://docksec-no-such-host.invalid:2375').negotiate());
    assert.equal(dns.kind, 'bad-host');
    assert.equal(dns.message, 'cannot resolve host "docksec-no-such-host.invalid" (ENOTFOUND)');
    const refused = await engineError(new EngineClient('tcp://127.0.0.1:1').negotiate());
    assert.equal(refused.kind, 'daemon-down');
  });

  test('timeout: a socket that accepts and never answers', async () => {
    const path = join(work, 'silent.sock');
    const held: Array<import('node:net').Socket> = [];
    const server = createServer((socket) => held.push(socket));
    await new Promise<void>((resolve) => server.listen(path, resolve));
    const client = new EngineClient(`unix://${path}`, { timeoutMs: 300 });
    const started = Date.now();
    try {
      const error = await engineError(client.negotiate());
      assert.equal(error.kind, 'timeout');
      assert.equal(error.message, `GET /_ping: no answer from unix://${path} within 300 ms`);
      assert.ok(Date.now() - started < 3000);
    } finally {
      client.close();
      for (const socket of held) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  test('an answer above the size limit is refused', async () => {
    const client = new EngineClient('unix:///var/run/docker.sock', { maxResponseBytes: 64 });
    try {
      await client.negotiate();
      const error = await engineError(client.getJson('/info'));
      assert.equal(error.kind, 'response');
      assert.equal(error.message, 'GET /info: answer larger than 64 bytes, not read');
    } finally {
      client.close();
    }
  });
});

describe('other transports', () => {
  test('ssh:// runs `ssh [opts] -- HOST docker system dial-stdio` and speaks HTTP over its stdio', async () => {
    const log = join(work, 'ssh-args.log');
    const fakeSsh = join(work, 'fake-ssh');
    // Stands in for ssh: records its arguments, then does what the remote side would do.
    writeFileSync(fakeSsh, `#!/bin/sh\necho "$@" >> ${log}\nexec docker system dial-stdio\n`);
    chmodSync(fakeSsh, 0o755);
    const client = new EngineClient('ssh://alice@docker-host.example:2222', { ssh: { command: fakeSsh } });
    try {
      await client.negotiate();
      const version = await client.getJson<{ ApiVersion: string }>('/version');
      assert.equal(version.ApiVersion, serverApiVersion);
      const containers = await client.getJson<unknown[]>('/containers/json?all=1');
      assert.ok(Array.isArray(containers));
    } finally {
      client.close();
    }
    const { readFileSync } = await import('node:fs');
    const lines = readFileSync(log, 'utf8').trim().split('\n');
    assert.ok(lines.length >= 1 && lines.length <= 2, `one ssh process per pooled connection, got ${lines.length}`);
    assert.equal(lines[0], '-T -o ConnectTimeout=30 -l alice -p 2222 -- docker-host.example docker system dial-stdio');
  });

  test('ssh failure is reported with ssh\'s own words', async () => {
    const fakeSsh = join(work, 'failing-ssh');
    writeFileSync(fakeSsh, '#!/bin/sh\necho "ssh: connect to host nowhere port 22: Connection refused" >&2\nexit 255\n');
    chmodSync(fakeSsh, 0o755);
    const client = new EngineClient('ssh://nowhere', { ssh: { command: fakeSsh } });
    try {
      const error = await engineError(client.negotiate());
      assert.equal(error.kind, 'daemon-down');
      assert.equal(error.message, 'Cannot connect to the Docker daemon at ssh://nowhere: ssh exited with status 255: ssh: connect to host nowhere port 22: Connection refused');
    } finally {
      client.close();
    }
  });

  test('TLS with DOCKER_TLS_VERIFY / DOCKER_CERT_PATH client certificates; a wrong CA is a tls error', async () => {
    const dir = join(work, 'tls');
    mkdirSync(dir);
    const ssl = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
    const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
    ssl(['req', '-x509', ...ec, '-keyout', 'ca-key.pem', '-out', 'ca.pem', '-days', '1', '-subj', '/CN=docksec test CA']);
    ssl(['req', ...ec, '-keyout', 'server-key.pem', '-out', 'server.csr', '-subj', '/CN=127.0.0.1']);
    writeFileSync(join(dir, 'server.ext'), 'subjectAltName=IP:127.0.0.1\n');
    ssl(['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca-key.pem', '-CAcreateserial', '-out', 'server.pem', '-days', '1', '-extfile', 'server.ext']);
    ssl(['req', ...ec, '-keyout', 'key.pem', '-out', 'client.csr', '-subj', '/CN=client']);
    writeFileSync(join(dir, 'client.ext'), 'extendedKeyUsage=clientAuth\n');
    ssl(['x509', '-req', '-in', 'client.csr', '-CA', 'ca.pem', '-CAkey', 'ca-key.pem', '-CAcreateserial', '-out', 'cert.pem', '-days', '1', '-extfile', 'client.ext']);
    const { readFileSync } = await import('node:fs');
    const proxy = await startRecordingProxy({
      tls: { key: readFileSync(join(dir, 'server-key.pem')), cert: readFileSync(join(dir, 'server.pem')), ca: readFileSync(join(dir, 'ca.pem')), requestCert: true, rejectUnauthorized: true },
    });
    try {
      const { client, resolved } = await EngineClient.connect({ env: { DOCKER_HOST: proxy.url, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: dir }, home: work });
      try {
        assert.equal(resolved.endpoint.kind, 'tcp');
        const info = await client.getJson<{ ServerVersion: string }>('/info');
        assert.equal(typeof info.ServerVersion, 'string');
        assert.deepEqual(proxy.requests.map((r) => r.method), ['GET', 'GET']);
      } finally {
        client.close();
      }
      // Trusting another CA must fail the handshake.
      const otherDir = join(work, 'tls-other');
      mkdirSync(otherDir);
      execFileSync('openssl', ['req', '-x509', ...ec, '-keyout', 'ca-key.pem', '-out', 'ca.pem', '-days', '1', '-subj', '/CN=other CA'], { cwd: otherDir, stdio: 'pipe' });
      for (const file of ['cert.pem', 'key.pem']) writeFileSync(join(otherDir, file), readFileSync(join(dir, file)));
      const error = await engineError(EngineClient.connect({ env: { DOCKER_HOST: proxy.url, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: otherDir }, home: work }));
      assert.equal(error.kind, 'tls');
      const missing = await engineError(EngineClient.connect({ env: { DOCKER_HOST: proxy.url, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: join(work, 'nowhere') }, home: work }));
      assert.equal(missing.kind, 'tls');
      assert.equal(missing.message, `cannot read TLS CA certificate ${join(work, 'nowhere', 'ca.pem')}: no such file`);
    } finally {
      await proxy.close();
    }
  });
});
