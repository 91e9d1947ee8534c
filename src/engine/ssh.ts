/**
 * `ssh://` transport: each connection is `ssh HOST docker system dial-stdio`, whose stdin/stdout carry
 * the HTTP bytes to the remote daemon's socket (what the docker CLI does). Wrapped as a Duplex with the
 * few net.Socket methods node's http Agent calls on its sockets.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Duplex } from 'node:stream';
import type { Endpoint } from './endpoint.js';

export interface SshOptions {
  /** The ssh program; `DOCKSEC_SSH` or `ssh` from PATH by default. */
  command?: string;
  connectTimeoutSeconds?: number;
}

type SshEndpoint = Extract<Endpoint, { kind: 'ssh' }>;

export function sshArgs(endpoint: SshEndpoint, connectTimeoutSeconds: number): string[] {
  const args = ['-T', '-o', `ConnectTimeout=${connectTimeoutSeconds}`];
  if (endpoint.user !== undefined) args.push('-l', endpoint.user);
  if (endpoint.port !== undefined) args.push('-p', String(endpoint.port));
  // `--` so a host name can never be read as an ssh option.
  args.push('--', endpoint.hostname, 'docker', 'system', 'dial-stdio');
  return args;
}

export class SshStream extends Duplex {
  private readonly child: ChildProcess;
  private stderrTail = '';
  private timer: NodeJS.Timeout | undefined;
  private idleMs = 0;

  constructor(endpoint: SshEndpoint, options: SshOptions = {}) {
    super();
    const command = options.command ?? process.env.DOCKSEC_SSH ?? 'ssh';
    this.child = spawn(command, sshArgs(endpoint, options.connectTimeoutSeconds ?? 30), { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (chunk: Buffer) => {
      this.touch();
      if (!this.push(chunk)) this.child.stdout!.pause();
    });
    this.child.stderr!.on('data', (chunk: Buffer) => {
      // Keep the end of stderr: it holds ssh's or the remote docker's explanation of a failure.
      this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-2000);
    });
    this.child.on('error', (error) => this.destroy(error));
    // 'close' comes after stdout ended and the process exited: only then is a clean end told from a failure.
    this.child.on('close', (code, signal) => {
      if (code !== 0 && code !== null) {
        const detail = this.stderrTail.trim().split('\n').slice(-3).join(' ').trim();
        const error = Object.assign(new Error(`ssh exited with status ${code}${detail ? `: ${detail}` : ''}`), { code: 'ESSHEXIT' });
        this.destroy(error);
      } else if (signal && !this.destroyed) {
        this.destroy(Object.assign(new Error(`ssh killed by ${signal}`), { code: 'ESSHEXIT' }));
      } else {
        this.push(null);
      }
    });
    this.child.stdin!.on('error', () => {
      // EPIPE after ssh died: the exit handler reports the real cause.
    });
    // An http Agent treats a fresh socket as connecting until `connect`; a pipe is usable at once.
    queueMicrotask(() => this.emit('connect'));
  }

  override _read(): void {
    this.child.stdout?.resume();
  }

  override _write(chunk: Buffer, encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.touch();
    this.child.stdin!.write(chunk, encoding, (error) => {
      if (!error) {
        callback();
        return;
      }
      // EPIPE: ssh has died. Its exit status and stderr say why, and the 'close' handler destroys the
      // stream with them; reporting the EPIPE first would hide the cause. Fall back to it only if ssh
      // somehow does not exit.
      if (this.child.exitCode !== null || this.child.signalCode !== null) return;
      const fallback = setTimeout(() => this.destroy(error), 2000);
      fallback.unref();
      this.child.once('close', () => clearTimeout(fallback));
    });
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.child.stdin!.end(callback);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    callback(error);
  }

  // --- the net.Socket surface node's http client and Agent use ---
  setTimeout(ms: number, callback?: () => void): this {
    this.idleMs = ms;
    if (callback) this.once('timeout', callback);
    this.touch();
    return this;
  }

  private touch(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.idleMs > 0) {
      this.timer = setTimeout(() => this.emit('timeout'), this.idleMs);
      this.timer.unref();
    }
  }

  setNoDelay(): this {
    return this;
  }

  setKeepAlive(): this {
    return this;
  }

  ref(): this {
    (this.child as ChildProcess & { ref?: () => void }).ref?.();
    return this;
  }

  unref(): this {
    // Idle pooled connections must not keep the process alive.
    this.child.unref();
    (this.child.stdout as unknown as { unref?: () => void })?.unref?.();
    (this.child.stderr as unknown as { unref?: () => void })?.unref?.();
    (this.child.stdin as unknown as { unref?: () => void })?.unref?.();
    return this;
  }

  get remoteAddress(): string {
    return 'ssh';
  }
}
