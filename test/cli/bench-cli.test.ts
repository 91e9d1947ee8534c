/**
 * `docksec bench` end to end through the real CLI against the real dockerd, with faults injected by a
 * proxy in front of it: the daemon down, an API error 500, a container removed mid-audit. Each gives a
 * clear message and, where the audit can go on, a report that marks what could not be checked.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanup, createContainer, docker, ensureBusyboxImage, ensureDaemon } from '../helpers/docker.js';
import { startRecordingProxy } from '../helpers/engine-proxy.js';

const main = fileURLToPath(new URL('../../src/cli/main.js', import.meta.url));
const PREFIX = 'docksec-test-benchcli-';
const STACK_TRACE = /\n\s+at .*[\\/].*\.js:\d+/;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Spawns the CLI without blocking this process's event loop (the proxy answers from here). */
function docksec(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [main, ...args], { env: { PATH: process.env.PATH, HOME: tmpdir() } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

interface BenchJson {
  results: Array<{ id: string; status: string; reason?: string; items: Array<{ object: string; status?: string; detail?: string | null }> }>;
}

let dir: string;
before(async () => {
  await ensureDaemon();
  await ensureBusyboxImage();
  await cleanup(PREFIX);
  dir = mkdtempSync(join(tmpdir(), 'docksec-benchcli-'));
});
after(async () => {
  await cleanup(PREFIX);
  rmSync(dir, { recursive: true, force: true });
});

test('daemon down: one clear line, exit 2, no stack trace', async () => {
  const run = await docksec(['bench', '--host', `unix://${join(tmpdir(), 'docksec-no-such.sock')}`]);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /Cannot connect to the Docker daemon at unix:\/\/.*docksec-no-such\.sock.*Is dockerd running\?/);
  assert.doesNotMatch(run.stderr, STACK_TRACE);
  assert.equal(run.stdout, '');
});

test('a wrong host is a usage error with the reason', async () => {
  const run = await docksec(['bench', '--host', 'bogus://x']);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /unknown scheme/);
  assert.doesNotMatch(run.stderr, STACK_TRACE);
});

test('API error 500 on /info: the audit goes on and marks what depends on /info as UNKNOWN, never PASS', async () => {
  // 5.1/5.2 look at containers: without one of our own they would be NOT_APPLICABLE on an idle daemon.
  await createContainer(['--name', `${PREFIX}info`, 'docksec-test/busybox:latest', 'sleep', '60']);
  const proxy = await startRecordingProxy({
    socketPath: join(dir, 'info500.sock'),
    respond: (request) => (/\/info$/.test(request.url.split('?')[0]!) ? { status: 500, body: '{"message":"boom: injected"}' } : undefined),
  });
  try {
    const run = await docksec(['bench', '--host', proxy.url, '-f', 'json', '--fail-on', 'none']);
    assert.equal(run.status, 0, run.stderr);
    assert.doesNotMatch(run.stderr, STACK_TRACE);
    const report = JSON.parse(run.stdout) as BenchJson;
    const byId = new Map(report.results.map((r) => [r.id, r]));
    // Decided from /info alone (storage driver, security options, swarm state): UNKNOWN, naming /info.
    for (const id of ['2.6', '2.11', '2.17', '5.1', '5.2']) {
      const result = byId.get(id);
      assert.ok(result, `check ${id} missing`);
      assert.equal(result.status, 'UNKNOWN', `${id}: ${result.status} ${result.reason}`);
      assert.match(result.reason ?? '', /\/info|SecurityOptions/, `${id} says why`);
    }
    // Checks that can fall back on dockerd's argv, daemon.json or documented defaults still decide.
    assert.equal(byId.get('2.15')?.status, 'FAIL');
  } finally {
    await proxy.close();
  }
});

test('API error 500 on one container inspect: that container is reported as not audited, the others are', async () => {
  const good = `${PREFIX}good`;
  const broken = `${PREFIX}broken`;
  await createContainer(['--name', good, 'docksec-test/busybox:latest', 'sleep', '60']);
  const brokenId = (await createContainer(['--name', broken, '--privileged', 'docksec-test/busybox:latest', 'sleep', '60'])).trim();
  const proxy = await startRecordingProxy({
    socketPath: join(dir, 'inspect500.sock'),
    respond: (request) =>
      request.url.includes(`/containers/${brokenId.slice(0, 12)}`) || request.url.includes(`/containers/${brokenId}`)
        ? { status: 500, body: '{"message":"injected inspect failure"}' }
        : undefined,
  });
  try {
    const run = await docksec(['bench', '--host', proxy.url, '-c', '5.5', '--include-containers', `^${PREFIX}`, '-f', 'json', '--fail-on', 'none']);
    assert.equal(run.status, 0, run.stderr);
    assert.doesNotMatch(run.stderr, STACK_TRACE);
    const report = JSON.parse(run.stdout) as BenchJson;
    const privileged = report.results.find((r) => r.id === '5.5');
    assert.ok(privileged);
    // The privileged container could not be inspected: 5.5 cannot pass; it is UNKNOWN and names it.
    assert.equal(privileged.status, 'UNKNOWN', `5.5 is ${privileged.status}: ${privileged.reason}`);
    const brokenItem = privileged.items.find((i) => i.object === broken);
    assert.equal(brokenItem?.status, 'UNKNOWN');
    assert.match(JSON.stringify(brokenItem), /could not be inspected.*500|injected inspect failure/);
    assert.equal(privileged.items.find((i) => i.object === good)?.status, 'PASS', 'the healthy container is still audited');
  } finally {
    await proxy.close();
    await docker(['rm', '-f', good, broken]);
  }
});
