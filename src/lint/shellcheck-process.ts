/**
 * Runs the external `shellcheck` program over many scripts at once: scripts are written to a private
 * temp directory and checked in batches (one process per batch, a few batches in parallel), because
 * spawning ShellCheck per script is about 25 times slower.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { delimiter, isAbsolute, join } from 'node:path';
import type { Severity } from '../core/severity.js';
import type { ShellCheckComment, ShellCheckRunner, ShellCheckScript } from './shellcheck.js';
import { renderShellCheckScript } from './shellcheck.js';

/** Codes Hadolint always excludes: `source` targets cannot be resolved and ash is unsupported. */
export const EXCLUDED_CODES = ['SC1090', 'SC1091', 'SC2187'];

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds the ShellCheck executable: `setting` false disables it, a string is an explicit path (which must
 * exist), true searches PATH. Returns null when it is not available.
 */
export function locateShellCheck(setting: boolean | string, env: NodeJS.ProcessEnv = process.env): string | null {
  if (setting === false) return null;
  if (typeof setting === 'string') return isExecutableFile(setting) ? setting : null;
  const names = process.platform === 'win32' ? ['shellcheck.exe', 'shellcheck'] : ['shellcheck'];
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir || !isAbsolute(dir)) continue;
    for (const name of names) {
      const candidate = join(dir, name);
      if (isExecutableFile(candidate)) return candidate;
    }
  }
  return null;
}

export interface ProcessRunnerOptions {
  /** Scripts per ShellCheck process (default 200). */
  batchSize?: number;
  /** Processes at once (default: CPU count, at most 4). */
  parallel?: number;
  /** Per-process time limit in ms (default 120 s); a batch that exceeds it yields no comments. */
  timeoutMs?: number;
  /** Called with problems running ShellCheck (each distinct message once). */
  onNotice?: (message: string) => void;
}

interface Json1Comment {
  file: string;
  line: number;
  endLine: number;
  column: number;
  endColumn: number;
  level: string;
  code: number;
  message: string;
}

const LEVELS = new Set<Severity>(['error', 'warning', 'info', 'style']);

function runProcess(
  executable: string,
  args: string[],
  cwd: string,
  timeoutMs: number,
): Promise<{ stdout: string; stderr: string; status: number | null; error?: Error; timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(executable, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ stdout: '', stderr: '', status: null, error, timedOut });
    });
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), status, timedOut });
    });
  });
}

export function createProcessRunner(executable: string, options: ProcessRunnerOptions = {}): ShellCheckRunner {
  const batchSize = Math.max(1, options.batchSize ?? 200);
  const parallel = Math.max(1, options.parallel ?? Math.min(4, availableParallelism()));
  const timeoutMs = options.timeoutMs ?? 120_000;
  const noticed = new Set<string>();
  const notice = (message: string): void => {
    if (noticed.has(message)) return;
    noticed.add(message);
    options.onNotice?.(message);
  };

  return {
    async check(scripts: readonly ShellCheckScript[]): Promise<ShellCheckComment[][]> {
      const results: ShellCheckComment[][] = scripts.map(() => []);
      if (scripts.length === 0) return results;
      const dir = await mkdtemp(join(tmpdir(), 'docksec-sc-'));
      try {
        const names = scripts.map((_, i) => `s${i}.sh`);
        await Promise.all(scripts.map((s, i) => writeFile(join(dir, names[i]!), renderShellCheckScript(s).text)));
        // Spread the scripts evenly over the processes, but never more than batchSize per process.
        const batchCount = Math.max(Math.min(parallel, Math.ceil(scripts.length / 20)), Math.ceil(scripts.length / batchSize));
        const per = Math.ceil(scripts.length / batchCount);
        const batches: number[][] = [];
        for (let start = 0; start < scripts.length; start += per) {
          batches.push(Array.from({ length: Math.min(per, scripts.length - start) }, (_, k) => start + k));
        }
        let next = 0;
        const worker = async (): Promise<void> => {
          while (next < batches.length) {
            const batch = batches[next++]!;
            const args = ['-f', 'json1', '-e', EXCLUDED_CODES.join(','), '--norc', '--', ...batch.map((i) => names[i]!)];
            const run = await runProcess(executable, args, dir, timeoutMs);
            if (run.error) {
              notice(`docksec: cannot run shellcheck (${executable}): ${run.error.message}`);
              continue;
            }
            if (run.timedOut) {
              notice(`docksec: shellcheck took longer than ${Math.round(timeoutMs / 1000)} s and was stopped; some RUN scripts were not checked`);
              continue;
            }
            let parsed: { comments?: Json1Comment[] };
            try {
              parsed = JSON.parse(run.stdout) as { comments?: Json1Comment[] };
            } catch {
              const reason = run.stderr.trim().split('\n')[0] || `exit status ${run.status}`;
              notice(`docksec: shellcheck failed: ${reason}`);
              continue;
            }
            for (const c of parsed.comments ?? []) {
              const index = Number(/^s(\d+)\.sh$/.exec(c.file)?.[1] ?? -1);
              if (!(index >= 0 && index < scripts.length)) continue;
              const level = (LEVELS.has(c.level as Severity) ? c.level : 'error') as Severity;
              results[index]!.push({
                code: c.code,
                level,
                message: c.message,
                line: c.line,
                column: c.column,
                endLine: c.endLine,
                endColumn: c.endColumn,
              });
            }
          }
        };
        await Promise.all(Array.from({ length: Math.min(parallel, batches.length) }, worker));
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
      return results;
    },
  };
}
