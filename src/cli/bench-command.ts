/**
 * `docksec bench`: audit a live Docker host (or a saved snapshot) against the CIS Docker Benchmark.
 * Collect once (read-only), evaluate purely, print in the chosen format, exit by the --fail-on threshold.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { CheckStatus } from '../core/check-result.js';
import { collectSnapshot } from '../bench/collector/index.js';
import { BenchSelectionError, evaluate, type BenchReport } from '../bench/evaluate.js';
import { BENCHMARK_VERSIONS, isBenchmarkVersion, type BenchmarkVersion } from '../bench/ids.js';
import { BENCH_FORMATS, formatBenchReport, isBenchFormat, type BenchFormat } from '../bench/report/index.js';
import { SNAPSHOT_SCHEMA_VERSION, type Snapshot } from '../bench/snapshot.js';
import { isEngineError } from '../engine/errors.js';
import { stdoutIsTerminal, writeStdout } from './stdout.js';

export const EXIT_OK = 0;
export const EXIT_FAILED_CHECKS = 1;
export const EXIT_USAGE = 2;

export const summary = 'Audit a Docker host against the CIS Docker Benchmark (replaces docker-bench-security)';

export const help = `Usage: docksec bench [options]

Audits the Docker host behind the API endpoint (read-only: GET requests and host /proc and file reads)
against the CIS Docker Benchmark. Every container is audited, whatever its state; nothing is hidden
unless you exclude it explicitly.

Target:
  --host URL                 Engine API endpoint (unix://, tcp://, ssh://); default DOCKER_HOST or the local socket
  --context NAME             Use a docker CLI context
  --host-root DIR            Read host files under DIR (auditing from a container with the host mounted)
  --timeout MS               Per-request timeout in milliseconds (default 10000)
  --from-snapshot FILE       Evaluate a snapshot saved earlier instead of collecting
  --save-snapshot FILE       Also save the collected snapshot to FILE

Selection:
  -c, --check LIST           Run only these checks: ids (5.5), sections (5, 1.1), slugs, check_5_5,
                             or groups (container_runtime, cis, community, all, cis_level1...); comma-separated
  -e, --exclude LIST         Skip these checks (same forms)
  --level 1|2                1: Level 1 checks only; 2: all (default)
  --benchmark 1.5.0|1.6.0    Benchmark numbering (default 1.6.0)
  --community                Also run the community checks C.5.3.x (scored separately)
  -u, --trusted-users LIST   Trusted docker-group users (makes 1.1.2 scored)
  --include-containers RE    Audit only containers whose name matches RE
  --exclude-containers RE    Do not audit containers whose name matches RE (listed in the report)

Output:
  -f, --format FORMAT        ${BENCH_FORMATS.join(', ')} (default tty)
  -o, --output FILE          Write the report to FILE instead of stdout
  --verbose                  tty: also list passing containers
  --no-color                 No colours in tty output (also NO_COLOR)
  --fail-on LEVEL            FAIL (default): exit 1 when a scored check fails; UNKNOWN: also when one
                             could not be decided; MANUAL: also when one needs review; none: always 0

Exit status: 0 ok, 1 checks at or above --fail-on, 2 usage or input error.`;

type FailOn = 'FAIL' | 'UNKNOWN' | 'MANUAL' | 'none';

/** A bad command line or unusable input: printed as one line, exit status 2. */
class BenchInputError extends Error {}

interface BenchArgs {
  host?: string;
  context?: string;
  hostRoot?: string;
  timeoutMs?: number;
  fromSnapshot?: string;
  saveSnapshot?: string;
  include: string[];
  exclude: string[];
  level?: 1 | 2;
  benchmark: BenchmarkVersion;
  community: boolean;
  trustedUsers: string[];
  includeContainers?: RegExp;
  excludeContainers?: RegExp;
  format: BenchFormat;
  output?: string;
  verbose: boolean;
  noColor: boolean;
  failOn: FailOn;
  help: boolean;
}

function list(values: readonly string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}

function regex(flag: string, value: string | undefined): RegExp | undefined {
  if (value === undefined) return undefined;
  try {
    return new RegExp(value);
  } catch (error) {
    throw new BenchInputError(`${flag}: invalid regular expression "${value}": ${(error as Error).message}`);
  }
}

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        host: { type: 'string', short: 'H' },
        context: { type: 'string' },
        'host-root': { type: 'string' },
        timeout: { type: 'string' },
        'from-snapshot': { type: 'string' },
        'save-snapshot': { type: 'string' },
        check: { type: 'string', short: 'c', multiple: true },
        exclude: { type: 'string', short: 'e', multiple: true },
        level: { type: 'string' },
        benchmark: { type: 'string' },
        community: { type: 'boolean' },
        'trusted-users': { type: 'string', short: 'u', multiple: true },
        'include-containers': { type: 'string' },
        'exclude-containers': { type: 'string' },
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        verbose: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        'fail-on': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new BenchInputError((error as Error).message);
  }
  const v = parsed.values;
  const args: BenchArgs = {
    include: list(v.check),
    exclude: list(v.exclude),
    benchmark: '1.6.0',
    community: v.community === true,
    trustedUsers: list(v['trusted-users']),
    format: 'tty',
    verbose: v.verbose === true,
    noColor: v['no-color'] === true,
    failOn: 'FAIL',
    help: v.help === true,
  };
  if (v.host !== undefined) args.host = v.host;
  if (v.context !== undefined) args.context = v.context;
  if (v['host-root'] !== undefined) args.hostRoot = v['host-root'];
  if (v['from-snapshot'] !== undefined) args.fromSnapshot = v['from-snapshot'];
  if (v['save-snapshot'] !== undefined) args.saveSnapshot = v['save-snapshot'];
  if (v.output !== undefined) args.output = v.output;
  if (v.timeout !== undefined) {
    if (!/^\d+$/.test(v.timeout) || Number(v.timeout) <= 0) throw new BenchInputError(`--timeout: expected a positive number of milliseconds, got "${v.timeout}"`);
    args.timeoutMs = Number(v.timeout);
  }
  if (v.level !== undefined) {
    if (v.level !== '1' && v.level !== '2') throw new BenchInputError(`--level: expected 1 or 2, got "${v.level}"`);
    args.level = v.level === '1' ? 1 : 2;
  }
  if (v.benchmark !== undefined) {
    if (!isBenchmarkVersion(v.benchmark)) throw new BenchInputError(`--benchmark: expected ${BENCHMARK_VERSIONS.join(' or ')}, got "${v.benchmark}"`);
    args.benchmark = v.benchmark;
  }
  if (v.format !== undefined) {
    if (!isBenchFormat(v.format)) throw new BenchInputError(`--format: expected one of ${BENCH_FORMATS.join(', ')}, got "${v.format}"`);
    args.format = v.format;
  }
  if (v['fail-on'] !== undefined) {
    const level = v['fail-on'].toUpperCase();
    if (level === 'NONE') args.failOn = 'none';
    else if (level === 'FAIL' || level === 'UNKNOWN' || level === 'MANUAL') args.failOn = level;
    else throw new BenchInputError(`--fail-on: expected FAIL, UNKNOWN, MANUAL or none, got "${v['fail-on']}"`);
  }
  const include = regex('--include-containers', v['include-containers']);
  if (include) args.includeContainers = include;
  const exclude = regex('--exclude-containers', v['exclude-containers']);
  if (exclude) args.excludeContainers = exclude;
  if (args.fromSnapshot !== undefined && (args.host !== undefined || args.context !== undefined || args.hostRoot !== undefined))
    throw new BenchInputError('--from-snapshot cannot be combined with --host, --context or --host-root');
  if (args.host !== undefined && args.context !== undefined) throw new BenchInputError('--host and --context are mutually exclusive');
  return args;
}

/** `file:line:column` of a character offset, for JSON syntax errors. */
function position(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `${line}:${column}`;
}

function isSourced(value: unknown): boolean {
  return value !== null && typeof value === 'object' && typeof (value as { ok?: unknown }).ok === 'boolean';
}

/** Read and validate a saved snapshot; every problem is a BenchInputError naming the file. */
export function readSnapshotFile(path: string): Snapshot {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new BenchInputError(`${path}: cannot read snapshot: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    const where = at ? position(text, Number(at[1])) : '1:1';
    throw new BenchInputError(`${path}:${where}: invalid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`);
  }
  const snapshot = doc as Partial<Snapshot> | null;
  if (snapshot === null || typeof snapshot !== 'object' || Array.isArray(snapshot)) throw new BenchInputError(`${path}:1:1: not a docksec snapshot (expected a JSON object)`);
  if (snapshot.schemaVersion !== SNAPSHOT_SCHEMA_VERSION)
    throw new BenchInputError(`${path}:1:1: unsupported snapshot schemaVersion ${JSON.stringify(snapshot.schemaVersion)} (this docksec reads ${SNAPSHOT_SCHEMA_VERSION})`);
  const engine = snapshot.engine as unknown as Record<string, unknown> | undefined;
  const required = ['version', 'info', 'containers', 'images', 'networks', 'volumes', 'plugins', 'swarm', 'nodes', 'services', 'secrets'];
  if (!engine || typeof engine !== 'object' || typeof engine['endpoint'] !== 'string')
    throw new BenchInputError(`${path}:1:1: not a docksec snapshot (missing engine.endpoint)`);
  for (const key of required)
    if (!isSourced(engine[key])) throw new BenchInputError(`${path}:1:1: not a docksec snapshot (engine.${key} is missing or malformed)`);
  if (!isSourced(snapshot.host)) throw new BenchInputError(`${path}:1:1: not a docksec snapshot (host is missing or malformed)`);
  if (engine['containers'] && (engine['containers'] as { ok: boolean; value?: unknown }).ok && !Array.isArray((engine['containers'] as { value?: unknown }).value))
    throw new BenchInputError(`${path}:1:1: not a docksec snapshot (engine.containers.value is not an array)`);
  snapshot.excludedContainers ??= [];
  return snapshot as Snapshot;
}

const THRESHOLD_ORDER: Record<Exclude<FailOn, 'none'>, CheckStatus[]> = {
  FAIL: ['FAIL'],
  UNKNOWN: ['FAIL', 'UNKNOWN'],
  MANUAL: ['FAIL', 'UNKNOWN', 'MANUAL'],
};

/** Exit status for a report: 1 when a counted check (scored, or community when enabled) reaches the threshold. */
export function exitStatusFor(report: BenchReport, failOn: FailOn): number {
  if (failOn === 'none') return EXIT_OK;
  const statuses = THRESHOLD_ORDER[failOn];
  const counted = report.results.filter((r) => r.scored || r.community);
  return counted.some((r) => statuses.includes(r.status)) ? EXIT_FAILED_CHECKS : EXIT_OK;
}

async function collect(args: BenchArgs): Promise<Snapshot> {
  const progress = process.stderr.isTTY === true;
  if (progress) process.stderr.write('docksec bench: collecting evidence...');
  try {
    return await collectSnapshot({
      ...(args.host !== undefined ? { host: args.host } : {}),
      ...(args.context !== undefined ? { context: args.context } : {}),
      ...(args.hostRoot !== undefined ? { hostRoot: args.hostRoot } : {}),
      ...(args.timeoutMs !== undefined ? { timeoutMs: args.timeoutMs } : {}),
    });
  } finally {
    if (progress) process.stderr.write('\r\x1b[K');
  }
}

/** Run `docksec bench` with its arguments (after the subcommand); returns the exit status. */
export async function runBench(argv: readonly string[]): Promise<number> {
  try {
    const args = parseBenchArgs(argv);
    if (args.help) {
      writeStdout(`${help}\n`);
      return EXIT_OK;
    }
    const snapshot = args.fromSnapshot !== undefined ? readSnapshotFile(args.fromSnapshot) : await collect(args);
    if (args.saveSnapshot !== undefined) {
      try {
        writeFileSync(args.saveSnapshot, `${JSON.stringify(snapshot, null, 2)}\n`);
      } catch (error) {
        throw new BenchInputError(`${args.saveSnapshot}: cannot write snapshot: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      }
    }
    const report = evaluate(snapshot, {
      benchmark: args.benchmark,
      include: args.include,
      exclude: args.exclude,
      ...(args.level !== undefined ? { level: args.level } : {}),
      ...(args.includeContainers ? { includeContainers: args.includeContainers } : {}),
      ...(args.excludeContainers ? { excludeContainers: args.excludeContainers } : {}),
      community: args.community,
      ...(args.trustedUsers.length > 0 ? { trustedUsers: args.trustedUsers } : {}),
    });
    const color = args.format === 'tty' && args.output === undefined && !args.noColor && !process.env['NO_COLOR'] && stdoutIsTerminal();
    const text = formatBenchReport(report, args.format, { color, verbose: args.verbose });
    if (args.output !== undefined) {
      try {
        writeFileSync(args.output, text);
      } catch (error) {
        throw new BenchInputError(`${args.output}: cannot write report: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      }
    } else writeStdout(text);
    return exitStatusFor(report, args.failOn);
  } catch (error) {
    if (error instanceof BenchInputError || error instanceof BenchSelectionError || isEngineError(error)) {
      process.stderr.write(`docksec bench: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

/** The CommandModule entry used by `src/cli/main.ts`. */
export const run = runBench;
