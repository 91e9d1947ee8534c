/** Helpers shared by the output formats: Hadolint-compatible JSON encoding, XML escaping, file naming. */
import * as path from 'node:path';
import type { Finding } from '../core/finding.js';
import type { Severity } from '../core/severity.js';
import type { LintReport, ReportOptions } from './types.js';

/** The rule id of syntax errors; formats render them in Hadolint's parse-error variant. */
export const PARSE_ERROR_CODE = 'DL1000';

export function isParseError(finding: Finding): boolean {
  return finding.ruleId === PARSE_ERROR_CODE;
}

/** JSON values as the encoders below accept them. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json | undefined };

/** A character encodeJsonString must escape or check: `"`, `\`, a control character, a surrogate. */
const NEEDS_JSON_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * Encodes a JSON string the way Haskell's aeson does (Hadolint's encoder), so byte-for-byte comparisons
 * with Hadolint hold: only `"`, `\`, `\n`, `\r`, `\t` get short escapes, every other control character
 * becomes `\u00xx`; everything else (including non-ASCII) is written as is.
 */
export function encodeJsonString(value: string): string {
  // Most strings need no escaping: one native regex test answers that, instead of a JavaScript loop over
  // every character (which runs in V8's interpreter for most of a report's first thousands of strings).
  if (!NEEDS_JSON_ESCAPE.test(value)) return '"' + value + '"';
  // Otherwise copy runs of plain characters in one slice each, not char by char.
  let out = '"';
  let runStart = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0x20 && code !== 0x22 && code !== 0x5c && (code < 0xd800 || code > 0xdfff)) continue;
    let escaped: string;
    if (code === 0x22) escaped = '\\"';
    else if (code === 0x5c) escaped = '\\\\';
    else if (code === 0x0a) escaped = '\\n';
    else if (code === 0x0d) escaped = '\\r';
    else if (code === 0x09) escaped = '\\t';
    else if (code < 0x20) escaped = '\\u' + code.toString(16).padStart(4, '0');
    else {
      // Lone surrogates cannot be written as UTF-8; pairs pass through unchanged.
      const next = value.charCodeAt(i + 1);
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      escaped = '\\u' + code.toString(16).padStart(4, '0');
    }
    out += value.slice(runStart, i) + escaped;
    runStart = i + 1;
  }
  return (runStart === 0 ? out + value : out + value.slice(runStart)) + '"';
}

/** Compact JSON with object keys sorted by code point, as aeson writes them (Hadolint's key order). */
export function encodeSortedJson(value: Json): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'string') return encodeJsonString(value);
  if (Array.isArray(value)) return '[' + value.map(encodeSortedJson).join(',') + ']';
  const keys = Object.keys(value)
    .filter((k) => value[k] !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return '{' + keys.map((k) => encodeJsonString(k) + ':' + encodeSortedJson(value[k] as Json)).join(',') + '}';
}

/** True for characters XML 1.0 allows at all (even as character references). */
function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/**
 * Escapes text for an XML attribute or text node: `< > & " '` become entities, characters XML 1.0 forbids
 * (most control characters, lone surrogates) become U+FFFD so the document stays well-formed.
 */
export function escapeXml(value: string): string {
  return escapeXmlWith(value, true);
}

/** As `escapeXml`, for text nodes: line breaks and tabs stay literal there. */
export function escapeXmlText(value: string): string {
  return escapeXmlWith(value, false);
}

function escapeXmlWith(value: string, attribute: boolean): string {
  let out = '';
  for (const ch of value) {
    const cp = ch.codePointAt(0)!;
    if (!isXmlChar(cp)) out += '\uFFFD';
    else if (ch === '<') out += '&lt;';
    else if (ch === '>') out += '&gt;';
    else if (ch === '&') out += '&amp;';
    else if (ch === '"') out += '&quot;';
    else if (ch === "'") out += '&apos;';
    // Keep line breaks and tabs inside attributes: a parser would normalise raw ones to spaces.
    else if (attribute && cp === 0xa) out += '&#10;';
    else if (cp === 0xd) out += '&#13;';
    else if (attribute && cp === 0x9) out += '&#9;';
    else out += ch;
  }
  return out;
}

/**
 * Checkstyle escaping as Hadolint does it: every character except ASCII letters, digits, space, `.` and
 * `/` becomes a decimal character reference (so output is byte-identical for ordinary messages); characters
 * XML forbids become U+FFFD's reference instead of an invalid one.
 */
export function escapeXmlNumeric(value: string): string {
  let out = '';
  for (const ch of value) {
    const cp = ch.codePointAt(0)!;
    if ((cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || ch === ' ' || ch === '.' || ch === '/')
      out += ch;
    else out += `&#${isXmlChar(cp) ? cp : 0xfffd};`;
  }
  return out;
}

/** Newlines become spaces (single-line formats: tty, gnu). */
export function oneLine(text: string): string {
  return text.replace(/\r\n|[\r\n]/g, ' ');
}

/**
 * The file name Hadolint prints for a parse error: the parser's source name, which is `/dev/stdin` for
 * standard input (rule findings print `-`). Reproduced for drop-in compatibility of the Hadolint formats.
 */
export function parseErrorFile(file: string): string {
  return file === '-' ? '/dev/stdin' : file;
}

/** The file as the Hadolint-shaped formats show it: `--file-path-in-report` when the format honours it. */
export function reportedFile(finding: Finding, options: ReportOptions, honoursFilePathInReport: boolean): string {
  if (honoursFilePathInReport && options.filePathInReport !== undefined) return options.filePathInReport;
  return isParseError(finding) ? parseErrorFile(finding.file) : finding.file;
}

/** A path relative to `cwd` when it lies inside it (formats that want repository-relative paths). */
export function relativeToCwd(file: string, cwd: string | undefined): string {
  if (cwd === undefined || file === '-' || !path.isAbsolute(file)) return file;
  const rel = path.relative(cwd, file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return file;
  return rel.split(path.sep).join('/');
}

/**
 * Every file the report covers, in input order, then any file only findings or errors name (commands other
 * than lint may report objects that are not inputs).
 */
export function reportFiles(report: LintReport): string[] {
  const seen = new Set<string>();
  const files: string[] = [];
  const add = (f: string): void => {
    if (!seen.has(f)) {
      seen.add(f);
      files.push(f);
    }
  };
  report.files.forEach(add);
  report.findings.forEach((f) => add(f.file));
  report.errors.forEach((e) => add(e.file));
  return files;
}

export const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  style: 'note',
};

/** The language of a finding's text when the finding does not say: ShellCheck codes are shell. */
export function sourceLanguageOf(finding: Finding): string | undefined {
  if (finding.sourceLanguage !== undefined) return finding.sourceLanguage;
  if (/^SC\d+$/.test(finding.ruleId)) return 'sh';
  if (/^(DL|DSC)\d+$/.test(finding.ruleId)) return 'dockerfile';
  return undefined;
}

/** Items grouped by their `file`, in one pass (formats with per-file sections). */
export function groupByFile<T extends { file: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.file);
    if (group) group.push(item);
    else groups.set(item.file, [item]);
  }
  return groups;
}
