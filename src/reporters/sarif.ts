/**
 * `sarif`: SARIF 2.1.0 for code-scanning services. Beyond Hadolint's shape: a `tool.driver.rules` array built
 * from the rule metadata the command passes (`options.rules`), precise regions from `Finding.region`
 * (SARIF columns are 1-based UTF-16 units with an exclusive end, as `Span` is), and `partialFingerprints`
 * that survive unrelated edits: a hash of rule id, file and the normalised text of the flagged line (not its
 * number), with an occurrence counter for repeats.
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { Finding, InputError } from '../core/finding.js';
import { DOCS_BASE_URL, type RuleMeta, docsUrl } from '../core/rule-meta.js';
import type { SeverityOrOff } from '../core/severity.js';
import type { LintReport, ReportOptions } from './types.js';
import { PARSE_ERROR_CODE, SARIF_LEVEL, relativeToCwd, sourceLanguageOf } from './util.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Key of our fingerprint in `partialFingerprints`; bump the version if the recipe ever changes. */
export const FINGERPRINT_KEY = 'docksec/lineHash/v1';
const SRCROOT = '%SRCROOT%';
const INFORMATION_URI = DOCS_BASE_URL.split('/blob/')[0]!;

function defaultLevel(severity: SeverityOrOff): Sarif.ReportingConfiguration {
  return severity === 'ignore' ? { enabled: false, level: 'none' } : { level: SARIF_LEVEL[severity] };
}

/** `Pin versions in apt-get install` → `PinVersionsInAptGetInstall` (SARIF wants an identifier-like name). */
function ruleName(title: string): string {
  return title
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

function describeRule(id: string, meta: RuleMeta | undefined): Sarif.ReportingDescriptor {
  if (meta === undefined) {
    const descriptor: Sarif.ReportingDescriptor = { id };
    if (id === PARSE_ERROR_CODE) {
      descriptor.name = 'DockerfileSyntaxError';
      descriptor.shortDescription = { text: 'The Dockerfile cannot be parsed' };
      descriptor.defaultConfiguration = { level: 'error' };
    }
    if (/^SC\d+$/.test(id)) descriptor.helpUri = `https://www.shellcheck.net/wiki/${id}`;
    return descriptor;
  }
  const descriptor: Sarif.ReportingDescriptor = {
    id,
    name: ruleName(meta.title),
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.rationale },
    help: { text: meta.remediation },
    helpUri: docsUrl(meta),
    defaultConfiguration: defaultLevel(meta.severity),
  };
  if (meta.tags && meta.tags.length > 0) descriptor.properties = { tags: [...meta.tags] };
  return descriptor;
}

/** A URI reference for a reported file: relative paths against %SRCROOT%, absolute ones as file URIs. */
function artifactLocation(file: string, cwd: string | undefined): Sarif.ArtifactLocation {
  const shown = relativeToCwd(file, cwd);
  if (shown === '-') return { uri: '-' };
  if (path.isAbsolute(shown)) return { uri: pathToFileURL(shown).href };
  const uri = shown
    .replace(/\\/g, '/')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
  return { uri, uriBaseId: SRCROOT };
}

function region(finding: Finding): Sarif.Region {
  const result: Sarif.Region = finding.region
    ? {
        startLine: finding.region.start.line,
        startColumn: finding.region.start.column,
        endLine: finding.region.end.line,
        endColumn: finding.region.end.column,
      }
    : { startLine: finding.line, startColumn: finding.column };
  const language = sourceLanguageOf(finding);
  if (language !== undefined) result.sourceLanguage = language;
  return result;
}

function normalisedLine(text: string | undefined, line: number): string | undefined {
  if (text === undefined) return undefined;
  const lines = text.split(/\r\n|\n/);
  const content = lines[line - 1];
  return content === undefined ? undefined : content.trim().replace(/\s+/g, ' ');
}

/** Hash of rule, file and flagged line text (the message when the text is unknown), plus occurrence number. */
function fingerprints(findings: readonly Finding[], sources: ReadonlyMap<string, string> | undefined): string[] {
  const occurrences = new Map<string, number>();
  return findings.map((f) => {
    const line = f.region?.start.line ?? f.line;
    const text = normalisedLine(sources?.get(f.file), line) ?? `message:${f.message}`;
    const digest = createHash('sha256').update(`${f.ruleId}\0${f.file}\0${text}`, 'utf8').digest('hex').slice(0, 32);
    const seen = (occurrences.get(digest) ?? 0) + 1;
    occurrences.set(digest, seen);
    return `${digest}:${seen}`;
  });
}

function notification(error: InputError, cwd: string | undefined): Sarif.Notification {
  const physicalLocation: Sarif.PhysicalLocation = { artifactLocation: artifactLocation(error.file, cwd) };
  if (error.line !== undefined) physicalLocation.region = { startLine: error.line, startColumn: error.column ?? 1 };
  return { level: 'error', message: { text: error.message }, locations: [{ physicalLocation }] };
}

export function buildSarif(report: LintReport, options: ReportOptions): Sarif.Log {
  const ruleIds = [...new Set(report.findings.map((f) => f.ruleId))].sort();
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const prints = fingerprints(report.findings, options.sources);
  const results: Sarif.Result[] = report.findings.map((f, i) => ({
    ruleId: f.ruleId,
    ruleIndex: ruleIndex.get(f.ruleId)!,
    level: SARIF_LEVEL[f.severity],
    message: { text: f.message },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(f.file, options.cwd), region: region(f) } }],
    partialFingerprints: { [FINGERPRINT_KEY]: prints[i]! },
  }));
  const driver: Sarif.ToolComponent = {
    name: report.tool.name,
    version: report.tool.version,
    informationUri: INFORMATION_URI,
    rules: ruleIds.map((id) => describeRule(id, options.rules?.get(id))),
  };
  if (/^\d+\.\d+\.\d+/.test(report.tool.version)) driver.semanticVersion = report.tool.version;
  const run: Sarif.Run = {
    tool: { driver },
    invocations: [
      report.errors.length > 0
        ? {
            executionSuccessful: false,
            toolExecutionNotifications: report.errors.map((e) => notification(e, options.cwd)),
          }
        : { executionSuccessful: true },
    ],
    columnKind: 'utf16CodeUnits',
    results,
  };
  if (options.cwd !== undefined) {
    const base = pathToFileURL(options.cwd).href;
    run.originalUriBaseIds = { [SRCROOT]: { uri: base.endsWith('/') ? base : base + '/' } };
  }
  return { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
}

export function format(report: LintReport, options: ReportOptions): string {
  return JSON.stringify(buildSarif(report, options), null, 2) + '\n';
}
