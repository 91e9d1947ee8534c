/**
 * The lint pipeline for Dockerfiles:
 * parse -> DL1000 for syntax problems -> lint model -> every rule -> ShellCheck -> pragmas ->
 * severity overrides -> drop `ignored` and severity `ignore` -> sort by line (stable).
 *
 * Unlike Hadolint, a syntax error does not stop the file: the parser recovers and the rules still run.
 * This module does no I/O of its own except `lintFiles` (which reads the inputs).
 */
import type { Finding, InputError, Span } from '../core/finding.js';
import type { Severity } from '../core/severity.js';
import { SEVERITIES } from '../core/severity.js';
import type { Comment, Dockerfile, Instruction } from '../dockerfile/ast.js';
import { parseDockerfile } from '../dockerfile/parser.js';
import { allRules } from '../rules/dockerfile/index.js';
import type { DockerfileRule, LintModel, RuleContext } from '../rules/dockerfile/types.js';
import { initShell, isShellReady, ShellNotReadyError } from '../shell/shell.js';
import { defaultLintConfig, type LintConfig } from './config.js';
import { type DecodedDockerfile, decodeDockerfileChecked, describeReadError, readDockerfile } from './input.js';
import { startReadAhead } from './read-ahead.js';
import { buildLintModel } from './model.js';
import { buildSuppressor, UNSUPPRESSIBLE } from './pragmas.js';
import { collectShellCheckScripts, type LocatedScript } from './shellcheck-scripts.js';
import { shellCheckFindings, type ShellCheckRunner } from './shellcheck.js';

export interface LintOptions {
  /** File name used in findings (default `Dockerfile`; `-` for stdin). */
  file?: string;
  /** Configuration; missing keys take their defaults. */
  config?: Partial<LintConfig>;
  /** Runs ShellCheck on RUN scripts; without one, no SC findings are produced. */
  shellcheck?: ShellCheckRunner | null;
  /** Rules to run (default: every registered rule). */
  rules?: readonly DockerfileRule[];
}

export interface LintResult {
  findings: Finding[];
  dockerfile: Dockerfile;
}

/** The id reported when the parser itself fails; not a rule, never suppressed or re-levelled. */
export const SYNTAX_ERROR_ID = 'DL1000';

/**
 * Parses every shell script of the file now (the model caches them for the rules). False when one of
 * them needs the tree-sitter parser and it is not loaded: most files never need it, and loading it
 * (compiling the WASM grammar) is the largest part of a one-file run's start-up.
 */
function parseShellScripts(model: LintModel): boolean {
  try {
    for (const entry of model.entries) model.shell(entry.instruction);
    return true;
  } catch (error) {
    if (error instanceof ShellNotReadyError) return false;
    throw error;
  }
}

/** True when an opt-in rule's profile is selected, or the rule is not opt-in. */
function profileEnabled(rule: DockerfileRule, config: LintConfig): boolean {
  const profile = rule.meta.profile;
  return profile === undefined || config.profiles.includes(profile) || config.profiles.includes('all');
}

/**
 * What a configuration means for the rules, worked out once per lint call rather than per file: the
 * rules that run (with the severity their findings start with), the severity overrides and the ignored
 * codes applied when a file is finished.
 */
interface LintPlan {
  config: LintConfig;
  rules: { rule: DockerfileRule; id: string; severity: Severity }[];
  /** Override lists merged (error > warning > info > style). */
  overrides: Map<string, Severity>;
  ignored: Set<string>;
}

function planLint(config: LintConfig, rules: readonly DockerfileRule[]): LintPlan {
  const overrides = new Map<string, Severity>();
  // Walk from the weakest so the strongest list wins for a code listed twice.
  for (const severity of [...SEVERITIES].reverse()) {
    for (const code of config.override[severity] ?? []) overrides.set(code, severity);
  }
  const ignored = new Set(config.ignored);
  const enabled: LintPlan['rules'] = [];
  for (const rule of rules) {
    const id = rule.meta.id;
    const override = overrides.get(id);
    // Findings of these would be dropped at the end anyway; not running the rule saves the time.
    if (ignored.has(id) || (override ?? rule.meta.severity) === 'ignore') continue;
    // Opt-in rules run when their profile is selected or an override names them explicitly.
    if (!profileEnabled(rule, config) && (override ?? 'ignore') === 'ignore') continue;
    enabled.push({ rule, id, severity: rule.meta.severity === 'ignore' ? 'warning' : rule.meta.severity });
  }
  return { config, rules: enabled, overrides, ignored };
}

interface PreparedFile {
  file: string;
  dockerfile: Dockerfile;
  /** DL1000 and rule findings, severities still the rules' defaults. */
  findings: Finding[];
  scripts: LocatedScript[];
}

function syntaxFindings(df: Dockerfile, file: string): Finding[] {
  return df.errors.map((problem) => ({
    ruleId: SYNTAX_ERROR_ID,
    severity: 'error',
    message: problem.message,
    file,
    line: problem.span.start.line,
    column: problem.span.start.column,
    region: problem.span,
    sourceLanguage: 'dockerfile',
  }));
}

/** Runs the plan's rules on one file, appending their findings to `findings` in rule order. */
function runRules(model: LintModel, file: string, plan: LintPlan, findings: Finding[]): void {
  // One context per file: `report` reads the rule being run from these two variables.
  let ruleId = '';
  let severity: Severity = 'warning';
  const context: RuleContext = {
    report(anchor: Instruction | Comment, message: string, span?: Span) {
      findings.push({
        ruleId,
        severity,
        message,
        file,
        line: anchor.span.start.line,
        column: 1, // Hadolint has no columns for rule findings; the precise place is in `region`
        region: span ?? anchor.span,
        sourceLanguage: 'dockerfile',
      });
    },
  };
  for (const planned of plan.rules) {
    ruleId = planned.id;
    severity = planned.severity;
    const before = findings.length;
    try {
      planned.rule.check(model, context);
    } catch (error) {
      // One broken rule must not cost the user the other findings of the file.
      findings.length = before;
      findings.push({
        ruleId,
        severity: 'error',
        message: `internal error in rule ${ruleId}: ${(error as Error)?.message ?? String(error)} (please report this; the rule's other findings for this file are lost)`,
        file,
        line: 1,
        column: 1,
        sourceLanguage: 'dockerfile',
      });
    }
  }
}

async function prepare(text: string, file: string, plan: LintPlan, withShellCheck: boolean): Promise<PreparedFile> {
  const dockerfile = parseDockerfile(text, file);
  const model = buildLintModel(dockerfile, plan.config);
  if (!isShellReady() && !parseShellScripts(model)) await initShell();
  const findings = syntaxFindings(dockerfile, file);
  runRules(model, file, plan, findings);
  const scripts = withShellCheck ? collectShellCheckScripts(model) : [];
  return { file, dockerfile, findings, scripts };
}

/** Pragmas, severity overrides, `ignored`, severity `ignore`, then a stable sort by line. */
function finish(prepared: PreparedFile, shellFindings: readonly Finding[], plan: LintPlan): Finding[] {
  const suppressor = buildSuppressor(prepared.dockerfile, { disableIgnorePragma: plan.config.disableIgnorePragma });
  const { overrides, ignored } = plan;
  const out: Finding[] = [];
  const keep = (finding: Finding): void => {
    if (UNSUPPRESSIBLE.has(finding.ruleId)) {
      out.push(finding);
      return;
    }
    if (suppressor.suppressed(finding.ruleId, finding.line)) return;
    const severity = overrides.get(finding.ruleId) ?? finding.severity;
    if (ignored.has(finding.ruleId)) return;
    out.push(severity === finding.severity ? finding : { ...finding, severity });
  };
  for (const finding of prepared.findings) keep(finding);
  for (const finding of shellFindings) keep(finding);
  // Array.prototype.sort is stable: equal lines keep rule order (registry order, then ShellCheck).
  return out.sort((a, b) => a.line - b.line);
}

function resolveConfig(partial?: Partial<LintConfig>): LintConfig {
  return { ...defaultLintConfig(), ...partial };
}

/** Lints one Dockerfile text. */
export async function lintDockerfile(text: string, options: LintOptions = {}): Promise<LintResult> {
  const file = options.file ?? 'Dockerfile';
  const plan = planLint(resolveConfig(options.config), options.rules ?? allRules);
  const runner = options.shellcheck ?? null;
  const prepared = await prepare(text, file, plan, runner !== null);
  let shellFindings: Finding[] = [];
  if (runner && prepared.scripts.length > 0) {
    const comments = await runner.check(prepared.scripts.map((s) => s.script));
    shellFindings = prepared.scripts.flatMap((s, i) => shellCheckFindings(file, s.anchorLine, s.script, comments[i] ?? []));
  }
  return { findings: finish(prepared, shellFindings, plan), dockerfile: prepared.dockerfile };
}

// ---------------------------------------------------------------------------------------------
// Many files

export interface LintFilesOptions {
  shellcheck?: ShellCheckRunner | null;
  rules?: readonly DockerfileRule[];
  /** Reads `-`; default: all of process.stdin. */
  readStdin?: () => Promise<string>;
  /** Keep each file's text in the result (for reporters that fingerprint source lines). */
  keepSources?: boolean;
  /** Files linted together before their ShellCheck batch runs (bounds memory; default 256). */
  chunkSize?: number;
  /** Read large inputs ahead on a helper thread even on fewer than 3 cores (see read-ahead.ts; for tests). */
  readAheadOnAnyCores?: boolean;
}

export interface FileResult {
  file: string;
  findings: Finding[];
}

export interface LintFilesResult {
  /** Every input that was linted, in order. */
  files: string[];
  /** All findings, grouped by file in input order, each file's sorted by line. */
  findings: Finding[];
  /** Inputs that could not be read. */
  errors: InputError[];
  /** Bugs in docksec met while linting a file (reported, the other files still linted). */
  internalErrors: InputError[];
  sources: Map<string, string>;
}

/** Bytes that are not UTF-8 are linted as U+FFFD, but the user must hear about them (and where). */
function invalidUtf8Finding(file: string, at: { line: number; column: number }): Finding {
  return {
    ruleId: SYNTAX_ERROR_ID,
    severity: 'error',
    message: 'invalid UTF-8 byte sequence (read as U+FFFD); save the file as UTF-8',
    file,
    line: at.line,
    column: at.column,
    region: { start: at, end: { line: at.line, column: at.column + 1 } },
    sourceLanguage: 'dockerfile',
  };
}

/** Lints files (paths as expanded by `expandPaths`; `-` is stdin), batching ShellCheck across files. */
export async function lintFiles(
  paths: readonly string[],
  config: LintConfig,
  options: LintFilesOptions = {},
): Promise<LintFilesResult> {
  const result: LintFilesResult = { files: [], findings: [], errors: [], internalErrors: [], sources: new Map() };
  const runner = options.shellcheck ?? null;
  const plan = planLint(config, options.rules ?? allRules);
  // Without ShellCheck nothing is gained by holding files back: finishing each at once lets its syntax
  // tree die young (holding 256 of them made the garbage collector copy and promote them all).
  const chunkSize = runner === null ? 1 : Math.max(1, options.chunkSize ?? 256);
  const readAhead = await startReadAhead(paths, { anyCores: options.readAheadOnAnyCores === true });
  try {
    for (let start = 0; start < paths.length; start += chunkSize) {
      const prepared: PreparedFile[] = [];
      for (let index = start; index < Math.min(paths.length, start + chunkSize); index++) {
        const path = paths[index]!;
        let decoded: DecodedDockerfile;
        try {
          const bytes = readAhead?.take(index) ?? null;
          decoded = bytes ? decodeDockerfileChecked(bytes) : await readDockerfile(path, options.readStdin);
        } catch (error) {
          result.errors.push({ file: path, message: describeReadError(error) });
          continue;
        }
        const text = decoded.text;
        try {
          const file = await prepare(text, path, plan, runner !== null);
          if (decoded.invalidUtf8) file.findings.unshift(invalidUtf8Finding(path, decoded.invalidUtf8));
          prepared.push(file);
          if (options.keepSources) result.sources.set(path, text);
        } catch (error) {
          result.internalErrors.push({ file: path, message: `internal error: ${(error as Error)?.message ?? String(error)}` });
        }
      }
      const jobs = prepared.flatMap((p, fileIndex) => p.scripts.map((s) => ({ fileIndex, located: s })));
      const shellFindings: Finding[][] = prepared.map(() => []);
      if (runner && jobs.length > 0) {
        const comments = await runner.check(jobs.map((j) => j.located.script));
        jobs.forEach((job, i) => {
          const p = prepared[job.fileIndex]!;
          shellFindings[job.fileIndex]!.push(...shellCheckFindings(p.file, job.located.anchorLine, job.located.script, comments[i] ?? []));
        });
      }
      prepared.forEach((p, i) => {
        result.files.push(p.file);
        for (const finding of finish(p, shellFindings[i]!, plan)) result.findings.push(finding);
      });
    }
  } finally {
    readAhead?.stop();
  }
  return result;
}
