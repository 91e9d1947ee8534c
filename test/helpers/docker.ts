/**
 * Test helpers for suites that need a real dockerd: start it when absent, build a tiny busybox image
 * without any registry, create containers, and remove what a suite created.
 *
 * Use a distinct name prefix per test file (`docksec-test-<file>-`): test files run concurrently and
 * `cleanup(prefix)` removes every container whose name starts with the prefix.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, copyFileSync, openSync, closeSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const TEST_PREFIX = 'docksec-test-';
export const DEFAULT_TEST_IMAGE = 'docksec-test/busybox:latest';
const BUSYBOX = '/bin/busybox';
/** dockerd writes its pid here while it runs (and refuses to start a second daemon). */
const DOCKERD_PIDFILE = '/var/run/docker.pid';

/**
 * True while a dockerd process is alive (maybe still starting). A socket file alone says nothing: a daemon
 * that was killed leaves it behind, and waiting on it would only time out.
 */
function dockerdAlive(): boolean {
  try {
    const pid = Number(readFileSync(DOCKERD_PIDFILE, 'utf8').trim());
    if (!Number.isInteger(pid) || pid <= 0) return false;
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export interface DockerResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the docker CLI; never throws, the caller decides what a failure means. */
export function docker(args: readonly string[], options: { timeoutMs?: number; input?: string } = {}): Promise<DockerResult> {
  return new Promise((resolve) => {
    const child = execFile('docker', [...args], { timeout: options.timeoutMs ?? 60_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof (error as NodeJS.ErrnoException).code === 'number' ? Number((error as NodeJS.ErrnoException).code) : 1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

/** Runs the docker CLI and returns trimmed stdout, throwing with stderr on failure. */
export async function dockerOk(args: readonly string[], options: { timeoutMs?: number } = {}): Promise<string> {
  const result = await docker(args, options);
  if (result.code !== 0) throw new Error(`docker ${args.join(' ')} failed (${result.code}): ${result.stderr.trim()}`);
  return result.stdout.trim();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Makes sure a dockerd answers on the default socket. Starts one (detached, logging to /tmp/dockerd.log)
 * only when none answers; a lock file keeps two concurrent test files from starting two daemons.
 */
export async function ensureDaemon(timeoutMs = 60_000): Promise<void> {
  if ((await docker(['info', '--format', '{{.ServerVersion}}'], { timeoutMs: 15_000 })).code === 0) return;
  const lockPath = join(tmpdir(), 'docksec-test-dockerd.lock');
  let lockFd: number | undefined;
  try {
    lockFd = openSync(lockPath, 'wx');
  } catch {
    // Another test process is starting the daemon: just wait for it below.
  }
  try {
    if (lockFd !== undefined && !dockerdAlive()) {
      const child = spawn('dockerd', [], { detached: true, stdio: ['ignore', openSync('/tmp/dockerd.log', 'a'), openSync('/tmp/dockerd.log', 'a')] });
      child.unref();
    }
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if ((await docker(['info', '--format', '{{.ServerVersion}}'], { timeoutMs: 10_000 })).code === 0) return;
      await sleep(500);
    }
    throw new Error('dockerd did not become ready; see /tmp/dockerd.log');
  } finally {
    if (lockFd !== undefined) {
      closeSync(lockFd);
      rmSync(lockPath, { force: true });
    }
  }
}

/** Applets linked in the test image; enough for `sleep`, `sh -c`, `top`, `id` and friends. */
const APPLETS = ['sh', 'sleep', 'true', 'false', 'echo', 'cat', 'ls', 'id', 'ps', 'top', 'env', 'httpd', 'nc', 'wget', 'touch', 'mkdir', 'rm'];

/**
 * Makes sure image `tag` exists: a rootfs holding busybox-static plus applet symlinks, brought in with
 * `docker import` (no registry here). Returns the image id.
 */
export async function ensureBusyboxImage(tag = DEFAULT_TEST_IMAGE): Promise<string> {
  const existing = await docker(['image', 'inspect', '--format', '{{.Id}}', tag]);
  if (existing.code === 0) return existing.stdout.trim();
  if (!existsSync(BUSYBOX)) throw new Error(`${BUSYBOX} is missing: install Debian busybox-static`);
  const work = mkdtempSync(join(tmpdir(), 'docksec-busybox-'));
  try {
    const root = join(work, 'rootfs');
    for (const dir of ['bin', 'etc', 'tmp', 'proc', 'sys', 'dev', 'root']) mkdirSync(join(root, dir), { recursive: true });
    copyFileSync(BUSYBOX, join(root, 'bin', 'busybox'));
    for (const applet of APPLETS) symlinkSync('busybox', join(root, 'bin', applet));
    writeFileSync(join(root, 'etc', 'passwd'), 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n');
    writeFileSync(join(root, 'etc', 'group'), 'root:x:0:\nnogroup:x:65534:\n');
    const tarball = join(work, 'rootfs.tar');
    await new Promise<void>((resolve, reject) => {
      execFile('tar', ['-C', root, '-cf', tarball, '.'], (error) => (error ? reject(error) : resolve()));
    });
    await dockerOk(['import', '--change', 'CMD ["/bin/sh"]', '--change', 'ENV PATH=/bin', tarball, tag], { timeoutMs: 120_000 });
    return dockerOk(['image', 'inspect', '--format', '{{.Id}}', tag]);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * `docker run -d ARGS...` (include `--name <prefix>...` and the image in args); returns the container id.
 * Use `createContainer` for a container that must stay in the Created state.
 */
export async function runContainer(args: readonly string[]): Promise<string> {
  return dockerOk(['run', '-d', ...args]);
}

/** `docker create ARGS...`; returns the container id. */
export async function createContainer(args: readonly string[]): Promise<string> {
  return dockerOk(['create', ...args]);
}

/** Removes (forcefully) every container whose name starts with `prefix`. Returns how many were removed. */
export async function cleanup(prefix: string = TEST_PREFIX): Promise<number> {
  if (!prefix.startsWith(TEST_PREFIX)) throw new Error(`cleanup prefix must start with ${TEST_PREFIX}`);
  const listed = await docker(['ps', '-a', '--filter', `name=^/${prefix}`, '--format', '{{.ID}} {{.Names}}']);
  if (listed.code !== 0) return 0;
  // The name filter is a regex match; re-check the prefix exactly so a `.` in it cannot over-match.
  const ids = listed.stdout
    .split('\n')
    .map((line) => line.trim().split(' '))
    .filter(([id, name]) => id && name?.startsWith(prefix))
    .map(([id]) => id as string);
  if (ids.length === 0) return 0;
  await docker(['rm', '-f', '-v', ...ids]);
  return ids.length;
}
