/**
 * Evaluate a snapshot: select checks, build the evaluation context once, run every selected check (a
 * check that throws becomes UNKNOWN, never a crash), map ids to the requested benchmark version and score.
 * Pure: no I/O.
 */
import { aggregateStatus, type CheckItem, type CheckResult, type CheckStatus } from '../core/check-result.js';
import type { BenchCheck, CheckOutcome, EvalContext } from './check.js';
import { compareIds, idInBenchmark, type BenchmarkVersion } from './ids.js';
import { CHECKS } from './registry.js';
import { buildRuntimeView } from './runtime-view.js';
import { buildDaemonView } from './daemon-config.js';
import { scoreResults, type BenchScore } from './score.js';
import type { Snapshot } from './snapshot.js';

export const BENCH_REPORT_SCHEMA_VERSION = 1;

export interface EvaluateOptions {
  benchmark: BenchmarkVersion;
  /** Check selectors to run (`5.5`, `5`, `1.1`, a slug, `check_5_5`, or a group such as `container_runtime`). */
  include?: string[];
  /** Check selectors to skip, same forms. */
  exclude?: string[];
  /** 1 = Level 1 checks only; 2 (default) = all levels. */
  level?: 1 | 2;
  includeContainers?: RegExp;
  excludeContainers?: RegExp;
  /** Run (and score separately) the community checks C.5.3.x. */
  community?: boolean;
  /** Trusted docker-group users (1.1.2): makes Y* checks scored. */
  trustedUsers?: string[];
  /** The registry to use (tests); default every registered check. */
  checks?: readonly BenchCheck[];
}

export interface BenchResult extends CheckResult {
  /** The CIS v1.6.0 id (`id` is in the selected benchmark version). */
  cisId: string;
  /** A community check (scored apart). */
  community: boolean;
}

export interface BenchReport {
  schemaVersion: number;
  benchmark: BenchmarkVersion;
  tool: { name: string; version: string };
  host: {
    endpoint: string;
    locality: 'local' | 'remote';
    name?: string;
    serverVersion?: string;
    operatingSystem?: string;
  };
  /** When the snapshot was collected. */
  started: string;
  finished: string;
  /** Containers left out by explicit filters (never implicitly). */
  excludedContainers: string[];
  /** Containers listed by the daemon that were removed before they could be inspected (ids). */
  vanishedContainers: string[];
  score: BenchScore;
  results: BenchResult[];
}

/** A selector on the command line that matches no check (usage error). */
export class BenchSelectionError extends Error {}

/** docker-bench's group names (its `-c`/`-e` vocabulary) → id prefixes, or special sets. */
const GROUPS: Record<string, (check: BenchCheck, id: string) => boolean> = {
  host_configuration: (_c, id) => id.startsWith('1.'),
  linux_hosts_specific_configuration: (_c, id) => id.startsWith('1.1.'),
  host_general_configuration: (_c, id) => id.startsWith('1.2.'),
  docker_daemon_configuration: (_c, id) => id.startsWith('2.'),
  docker_daemon_files: (_c, id) => id.startsWith('3.'),
  container_images: (_c, id) => id.startsWith('4.'),
  container_runtime: (_c, id) => id.startsWith('5.'),
  docker_security_operations: (_c, id) => id.startsWith('6.'),
  docker_swarm_configuration: (_c, id) => id.startsWith('7.'),
  community_checks: (c) => c.meta.scoring === 'C',
  community: (c) => c.meta.scoring === 'C',
  cis: (c) => c.meta.scoring !== 'C',
  all: () => true,
  cis_level1: (c) => c.meta.scoring !== 'C' && c.meta.level === 1,
  cis_level2: (c) => c.meta.scoring !== 'C',
};

/** Does `selector` pick `check` (whose id in the chosen benchmark is `id`)? */
function matches(selector: string, check: BenchCheck, id: string): boolean {
  const s = selector.trim();
  const group = GROUPS[s.toLowerCase()];
  if (group) return group(check, id);
  if (s === check.meta.slug) return true;
  // docker-bench function names: check_5_5, check_c_5_3_1.
  const fn = /^check_(c_)?([\d_]+)$/i.exec(s);
  const dotted = fn ? `${fn[1] ? 'C.' : ''}${fn[2]!.replace(/_/g, '.')}` : s;
  if (dotted.toUpperCase() === id.toUpperCase()) return true;
  if (id.toUpperCase().startsWith(`${dotted.toUpperCase()}.`)) return true;
  return false;
}

function select(checks: readonly BenchCheck[], options: EvaluateOptions): { check: BenchCheck; id: string }[] {
  const withIds = checks.map((check) => ({ check, id: idInBenchmark(check.meta.cisId, options.benchmark) }));
  for (const selector of [...(options.include ?? []), ...(options.exclude ?? [])]) {
    if (!withIds.some(({ check, id }) => matches(selector, check, id)))
      throw new BenchSelectionError(`no check matches "${selector}" in CIS Docker Benchmark ${options.benchmark}`);
  }
  return withIds.filter(({ check, id }) => {
    const community = check.meta.scoring === 'C';
    // --community adds the community checks to whatever else is selected.
    const included = (options.include && options.include.length > 0 ? options.include.some((s) => matches(s, check, id)) : !community)
      || (community && options.community === true);
    if (!included) return false;
    if (options.exclude?.some((s) => matches(s, check, id))) return false;
    if (options.level === 1 && check.meta.level !== 1) return false;
    return true;
  });
}

function runCheck(check: BenchCheck, context: EvalContext): CheckOutcome {
  try {
    const outcome = check.evaluate(context);
    // Guard against a check reporting a status its own items contradict.
    if (outcome.items && outcome.items.length > 0) {
      const worst = aggregateStatus(outcome.items);
      if (worst === 'FAIL' && outcome.status !== 'FAIL') return { ...outcome, status: 'FAIL' };
    }
    return outcome;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { status: 'UNKNOWN', reason: `check could not be evaluated: ${message}` };
  }
}

/**
 * Containers that were listed but could not be inspected (an API error other than 404) cannot be judged by
 * any per-container check: each such check gets an UNKNOWN item for them, so a container the auditor could
 * not see never lets a check pass. Name filters apply to them as to every container.
 */
function withUninspected(check: BenchCheck, outcome: CheckOutcome, snapshot: Snapshot, options: EvaluateOptions): CheckOutcome {
  const errors = snapshot.engine.inspectErrors;
  if (!errors || check.meta.section !== '5' || check.meta.cisId === '5.1') return outcome;
  const names = snapshot.engine.inspectErrorNames ?? {};
  const unknown: CheckItem[] = [];
  for (const [id, reason] of Object.entries(errors)) {
    const name = names[id] ?? id;
    if (options.includeContainers && !options.includeContainers.test(name)) continue;
    if (options.excludeContainers?.test(name)) continue;
    unknown.push({ object: name, status: 'UNKNOWN', reason: `container could not be inspected: ${reason}`, evidence: [`/engine/containers/${id.slice(0, 12)}/json`] });
  }
  if (unknown.length === 0) return outcome;
  const items = [...(outcome.items ?? []), ...unknown];
  const status = aggregateStatus(items);
  const reason = status === outcome.status ? outcome.reason : `${unknown.length} container(s) could not be inspected: ${unknown.map((i) => i.object).join(', ')}`;
  return { ...outcome, status, items, ...(reason ? { reason } : {}) };
}

function infoField(snapshot: Snapshot, key: string): string | undefined {
  if (!snapshot.engine.info.ok) return undefined;
  const value = (snapshot.engine.info.value as Record<string, unknown> | null)?.[key];
  return typeof value === 'string' ? value : undefined;
}

/** Build the evaluation context (every derived view) once; also used by the example test harness. */
export function buildEvalContext(snapshot: Snapshot, options: Pick<EvaluateOptions, 'includeContainers' | 'excludeContainers' | 'trustedUsers'> = {}): EvalContext {
  const runtime = buildRuntimeView(snapshot, {
    ...(options.includeContainers ? { includeContainers: options.includeContainers } : {}),
    ...(options.excludeContainers ? { excludeContainers: options.excludeContainers } : {}),
  });
  const context: EvalContext = { snapshot, runtime, daemon: buildDaemonView(snapshot) };
  if (options.trustedUsers && options.trustedUsers.length > 0) context.trustedUsers = [...options.trustedUsers];
  return context;
}

export function evaluate(snapshot: Snapshot, options: EvaluateOptions): BenchReport {
  const context = buildEvalContext(snapshot, options);
  const runtime = context.runtime;
  const selected = select(options.checks ?? CHECKS, options);
  const results: BenchResult[] = selected.map(({ check, id }) => {
    const outcome = withUninspected(check, runCheck(check, context), snapshot, options);
    const meta = check.meta;
    const community = meta.scoring === 'C';
    const items: CheckItem[] = outcome.items ?? [];
    const result: BenchResult = {
      id,
      cisId: meta.cisId,
      slug: meta.slug,
      title: meta.title,
      section: community ? meta.section : id.split('.')[0]!,
      level: meta.level,
      scored: meta.scoring === 'Y' || (meta.scoring === 'Y*' && (options.trustedUsers?.length ?? 0) > 0),
      automated: meta.automated,
      community,
      status: outcome.status as CheckStatus,
      remediation: meta.remediation,
      items,
    };
    if (outcome.reason) result.reason = outcome.reason;
    if (outcome.evidence && outcome.evidence.length > 0) result.evidence = outcome.evidence;
    return result;
  });
  results.sort((a, b) => compareIds(a.id, b.id));

  const host: BenchReport['host'] = { endpoint: snapshot.engine.endpoint, locality: snapshot.engine.locality };
  const name = infoField(snapshot, 'Name');
  if (name) host.name = name;
  const serverVersion = infoField(snapshot, 'ServerVersion');
  if (serverVersion) host.serverVersion = serverVersion;
  const os = infoField(snapshot, 'OperatingSystem');
  if (os) host.operatingSystem = os;

  return {
    schemaVersion: BENCH_REPORT_SCHEMA_VERSION,
    benchmark: options.benchmark,
    tool: snapshot.tool,
    host,
    started: snapshot.started,
    finished: snapshot.finished,
    excludedContainers: runtime.excluded,
    vanishedContainers: [...snapshot.engine.vanished],
    score: scoreResults(results, results.some((r) => r.community)),
    results,
  };
}
