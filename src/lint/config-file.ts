/**
 * Lint configuration from files and the environment, with Hadolint's search order, keys and precedence:
 * defaults <- environment <- config file <- command line. Scalars: the later source wins when it sets the
 * value. Lists (ignored, overrides, trusted registries, label schema) are unioned.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { FORMAT_NAMES } from '../reporters/names.js';
import { defaultLintConfig, type LabelType, type LintConfig } from './config.js';
import type { FailureThreshold, Severity } from '../core/severity.js';
import { SEVERITIES } from '../core/severity.js';

/** Output formats `docksec lint` knows (Hadolint's set): the shared reporters' names. */
export const LINT_FORMATS = FORMAT_NAMES;

export const LABEL_TYPES: readonly LabelType[] = ['text', 'url', 'spdx', 'hash', 'rfc3339', 'semver', 'email'];
export const FAILURE_THRESHOLDS: readonly FailureThreshold[] = ['error', 'warning', 'info', 'style', 'ignore', 'none'];

/** A layer of configuration: only the keys it sets. */
export type PartialLintConfig = Partial<LintConfig>;

export function isLintFormat(name: string): boolean {
  return (LINT_FORMATS as readonly string[]).includes(name);
}

function union(a: readonly string[] = [], b: readonly string[] = []): string[] {
  return [...new Set([...a, ...b])];
}

/** Applies `layers` in order on top of `base` (Hadolint's precedence rules). */
export function mergeLintConfig(base: LintConfig, ...layers: PartialLintConfig[]): LintConfig {
  const out: LintConfig = {
    ...base,
    ignored: [...base.ignored],
    override: { ...base.override },
    trustedRegistries: [...base.trustedRegistries],
    labelSchema: { ...base.labelSchema },
    formats: [...base.formats],
    profiles: [...base.profiles],
  };
  for (const layer of layers) {
    if (layer.ignored) out.ignored = union(out.ignored, layer.ignored);
    if (layer.override) {
      for (const severity of SEVERITIES) {
        const codes = layer.override[severity];
        if (codes) out.override[severity] = union(out.override[severity], codes);
      }
    }
    if (layer.trustedRegistries) out.trustedRegistries = union(out.trustedRegistries, layer.trustedRegistries);
    if (layer.labelSchema) out.labelSchema = { ...out.labelSchema, ...layer.labelSchema };
    if (layer.formats) out.formats = union(out.formats, layer.formats);
    if (layer.profiles) out.profiles = union(out.profiles, layer.profiles);
    for (const key of ['strictLabels', 'disableIgnorePragma', 'noFail', 'noColor', 'verbose'] as const) {
      const value = layer[key];
      if (value !== undefined) out[key] = value;
    }
    if (layer.failureThreshold !== undefined) out.failureThreshold = layer.failureThreshold;
    if (layer.shellcheck !== undefined) out.shellcheck = layer.shellcheck;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Environment

const TRUTHY = new Set(['1', 'y', 'on', 'true', 'yes']);

function envBool(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  return TRUTHY.has(value.toLowerCase());
}

// Hadolint does not trim list entries; empty entries are dropped so `A,` does not create a "" code.
function envList(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value.split(',').filter((v) => v !== '');
}

/** Parses `label:type`; a missing or empty type means `text`. Returns null for an unknown type. */
export function parseLabelRequirement(spec: string): [string, LabelType] | null {
  const colon = spec.indexOf(':');
  const name = colon < 0 ? spec : spec.slice(0, colon);
  const type = colon < 0 ? '' : spec.slice(colon + 1);
  if (name === '') return null;
  if (type === '') return [name, 'text'];
  return (LABEL_TYPES as readonly string[]).includes(type) ? [name, type as LabelType] : null;
}

/** The `HADOLINT_*` (and `NO_COLOR`) environment variables as a config layer. */
export function configFromEnv(env: NodeJS.ProcessEnv): PartialLintConfig {
  const layer: PartialLintConfig = {};
  const noFail = envBool(env.HADOLINT_NOFAIL);
  if (noFail !== undefined) layer.noFail = noFail;
  const verbose = envBool(env.HADOLINT_VERBOSE);
  if (verbose !== undefined) layer.verbose = verbose;
  if (env.NO_COLOR !== undefined) layer.noColor = true;
  const formats = envList(env.HADOLINT_FORMAT)?.filter(isLintFormat);
  if (formats && formats.length > 0) layer.formats = formats;
  const threshold = env.HADOLINT_FAILURE_THRESHOLD;
  if (threshold !== undefined && (FAILURE_THRESHOLDS as readonly string[]).includes(threshold)) {
    layer.failureThreshold = threshold as FailureThreshold;
  }
  const override: Partial<Record<Severity, string[]>> = {};
  for (const severity of SEVERITIES) {
    const codes = envList(env[`HADOLINT_OVERRIDE_${severity.toUpperCase()}`]);
    if (codes) override[severity] = codes;
  }
  if (Object.keys(override).length > 0) layer.override = override;
  const ignored = envList(env.HADOLINT_IGNORE);
  if (ignored) layer.ignored = ignored;
  const trusted = envList(env.HADOLINT_TRUSTED_REGISTRIES);
  if (trusted) layer.trustedRegistries = trusted;
  const labels = envList(env.HADOLINT_REQUIRE_LABELS);
  if (labels) {
    const schema: Record<string, LabelType> = {};
    for (const spec of labels) {
      const parsed = parseLabelRequirement(spec);
      if (parsed) schema[parsed[0]] = parsed[1];
    }
    layer.labelSchema = schema;
  }
  if (env.DOCKSEC_PROFILES) layer.profiles = env.DOCKSEC_PROFILES.split(',').filter((p) => p !== '');
  const strict = envBool(env.HADOLINT_STRICT_LABELS);
  if (strict !== undefined) layer.strictLabels = strict;
  const disablePragma = envBool(env.HADOLINT_DISABLE_IGNORE_PRAGMA);
  if (disablePragma !== undefined) layer.disableIgnorePragma = disablePragma;
  return layer;
}

// ---------------------------------------------------------------------------------------------
// Config file search

export interface SearchContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
  home?: string;
  platform?: NodeJS.Platform;
}

/** Candidate config files in search order (first existing one wins; no merging, no upward search). */
export function configCandidates(context: SearchContext): string[] {
  const home = context.home ?? homedir();
  const windows = (context.platform ?? process.platform) === 'win32';
  const appData = context.env.APPDATA;
  const xdg = windows && appData ? appData : context.env.XDG_CONFIG_HOME || join(home, '.config');
  const hadolintDir = windows && appData ? join(appData, 'hadolint') : join(home, '.hadolint');
  return [
    join(context.cwd, '.docksec.yaml'),
    join(context.cwd, '.docksec.yml'),
    join(context.cwd, '.hadolint.yaml'),
    join(context.cwd, '.hadolint.yml'),
    join(xdg, 'hadolint.yaml'),
    join(xdg, 'hadolint.yml'),
    join(hadolintDir, 'hadolint.yaml'),
    join(hadolintDir, 'hadolint.yml'),
    join(hadolintDir, 'config.yaml'),
    join(hadolintDir, 'config.yml'),
    join(home, '.hadolint.yaml'),
    join(home, '.hadolint.yml'),
  ];
}

export function findConfigFile(context: SearchContext): string | undefined {
  for (const candidate of configCandidates(context)) {
    try {
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    } catch {
      // unreadable directory on the way: try the next candidate
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Config file parsing

type ParseOutcome = { ok: true; config: PartialLintConfig } | { ok: false; error: string };

class ConfigShapeError extends Error {}

function stringList(value: unknown, key: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw new ConfigShapeError(`"${key}" must be a list of strings`);
  }
  return value as string[];
}

function bool(value: unknown, key: string): boolean {
  if (typeof value !== 'boolean') throw new ConfigShapeError(`"${key}" must be true or false`);
  return value;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Validates a parsed YAML document against Hadolint's keys. Unknown keys are ignored; `null` means unset. */
export function configFromObject(doc: unknown): PartialLintConfig {
  if (doc === null || doc === undefined) return {};
  if (!isMap(doc)) throw new ConfigShapeError('the top level must be a mapping of keys');
  const layer: PartialLintConfig = {};
  const get = (key: string): unknown => (doc[key] === null ? undefined : doc[key]);

  const ignored = get('ignored');
  if (ignored !== undefined) layer.ignored = stringList(ignored, 'ignored');

  const override = get('override');
  if (override !== undefined) {
    if (!isMap(override)) throw new ConfigShapeError('"override" must be a mapping of severity to codes');
    const out: Partial<Record<Severity, string[]>> = {};
    for (const severity of SEVERITIES) {
      const codes = override[severity];
      if (codes !== undefined && codes !== null) out[severity] = stringList(codes, `override.${severity}`);
    }
    layer.override = out;
  }

  const profiles = get('profiles');
  if (profiles !== undefined) layer.profiles = stringList(profiles, 'profiles');

  const trusted = get('trustedRegistries');
  if (trusted !== undefined) layer.trustedRegistries = stringList(trusted, 'trustedRegistries');

  const schema = get('label-schema');
  if (schema !== undefined) {
    if (!isMap(schema)) throw new ConfigShapeError('"label-schema" must be a mapping of label to type');
    const out: Record<string, LabelType> = {};
    for (const [label, type] of Object.entries(schema)) {
      if (type === null || type === '') out[label] = 'text';
      else if (typeof type === 'string' && (LABEL_TYPES as readonly string[]).includes(type)) out[label] = type as LabelType;
      else throw new ConfigShapeError(`label-schema "${label}": type must be one of ${LABEL_TYPES.join(', ')}`);
    }
    layer.labelSchema = out;
  }

  const booleans = [
    ['strict-labels', 'strictLabels'],
    ['no-fail', 'noFail'],
    ['no-color', 'noColor'],
    ['disable-ignore-pragma', 'disableIgnorePragma'],
    ['verbose', 'verbose'],
  ] as const;
  for (const [key, field] of booleans) {
    const value = get(key);
    if (value !== undefined) layer[field] = bool(value, key);
  }

  const threshold = get('failure-threshold');
  if (threshold !== undefined) {
    if (typeof threshold !== 'string' || !(FAILURE_THRESHOLDS as readonly string[]).includes(threshold)) {
      throw new ConfigShapeError(`"failure-threshold" must be one of ${FAILURE_THRESHOLDS.join(', ')}`);
    }
    layer.failureThreshold = threshold as FailureThreshold;
  }

  const formats: string[] = [];
  const format = get('format');
  if (format !== undefined) {
    if (typeof format !== 'string' || !isLintFormat(format)) {
      throw new ConfigShapeError(`"format" must be one of ${LINT_FORMATS.join(', ')}`);
    }
    formats.push(format);
  }
  const formatList = get('formats');
  if (formatList !== undefined) {
    for (const f of stringList(formatList, 'formats')) {
      if (!isLintFormat(f)) throw new ConfigShapeError(`"formats": unknown format "${f}"`);
      formats.push(f);
    }
  }
  if (formats.length > 0) layer.formats = [...new Set(formats)];
  return layer;
}

/** Parses config file text. Errors carry `file:line:column` when the YAML itself is malformed. */
export async function parseConfigText(text: string, fileName: string): Promise<ParseOutcome> {
  // Loaded lazily: most runs have no config file, and start-up time matters.
  const { parseDocument, LineCounter } = await import('yaml');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter });
  const problem = doc.errors[0];
  if (problem) {
    const pos = lineCounter.linePos(problem.pos[0]);
    const where = `${fileName}:${pos.line}:${pos.col}`;
    return { ok: false, error: `${where}: ${problem.message.split('\n')[0]}` };
  }
  try {
    return { ok: true, config: configFromObject(doc.toJS({ maxAliasCount: 100 })) };
  } catch (e) {
    if (e instanceof ConfigShapeError) return { ok: false, error: `${fileName}: ${e.message}` };
    return { ok: false, error: `${fileName}: ${(e as Error).message}` };
  }
}

export interface LoadedConfig {
  config: LintConfig;
  /** The config file used, if any. */
  file?: string;
  /** Problems to print on stderr (an invalid config file is reported and skipped, not fatal). */
  warnings: string[];
}

export interface LoadOptions extends SearchContext {
  /** `-c/--config`: use this file and skip the search. A missing explicit file throws. */
  configPath?: string;
  /** The command-line layer. */
  cli?: PartialLintConfig;
}

/** Thrown when an explicitly named config file cannot be read (a usage error). */
export class ConfigFileError extends Error {}

/** Resolves the effective configuration: defaults <- environment <- config file <- command line. */
export async function loadLintConfig(options: LoadOptions): Promise<LoadedConfig> {
  const warnings: string[] = [];
  const envLayer = configFromEnv(options.env);
  const file = options.configPath ?? findConfigFile(options);
  let fileLayer: PartialLintConfig = {};
  if (file !== undefined) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
      if (options.configPath !== undefined) throw new ConfigFileError(`cannot read config file ${file}: ${reason}`);
      warnings.push(`cannot read config file ${file}: ${reason}; continuing without it`);
      text = '';
    }
    const outcome = await parseConfigText(text, file);
    if (outcome.ok) fileLayer = outcome.config;
    else warnings.push(`invalid config file ${outcome.error}; continuing without it`);
  }
  const config = mergeLintConfig(defaultLintConfig(), envLayer, fileLayer, options.cli ?? {});
  return file === undefined ? { config, warnings } : { config, file, warnings };
}
