/**
 * The ShellCheck bridge, runtime-independent part: which scripts to check, how each script is presented
 * to ShellCheck (shebang, known variables), and how ShellCheck's comments become findings. Running the
 * program lives in `shellcheck-process.ts` (Node only), behind the `ShellCheckRunner` interface.
 */
import type { Finding, Position, Span } from '../core/finding.js';
import type { Severity } from '../core/severity.js';

/** One script to check. */
export interface ShellCheckScript {
  /** The stage's shell; its first word becomes the `#!` line (ShellCheck picks the dialect from it). */
  shell: string;
  /** Variables known at this point (ARG/ENV names, proxy variables): exported so they are not SC2154. */
  variables: readonly string[];
  /** The script text. */
  text: string;
  /** Maps a 1-based line/column inside `text` to the file position, when it can be mapped. */
  position?: (line: number, column: number) => Position | undefined;
}

/** One ShellCheck comment, positions relative to the rendered script file. */
export interface ShellCheckComment {
  code: number;
  level: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Checks many scripts at once; result `i` holds the comments for `scripts[i]`. */
export interface ShellCheckRunner {
  check(scripts: readonly ShellCheckScript[]): Promise<ShellCheckComment[][]>;
}

/** Variables every RUN can use without declaring them (BuildKit's predefined proxy ARGs). */
export const PREDEFINED_VARIABLES = [
  'HTTP_PROXY',
  'http_proxy',
  'HTTPS_PROXY',
  'https_proxy',
  'FTP_PROXY',
  'ftp_proxy',
  'NO_PROXY',
  'no_proxy',
];

// Names that would break the generated `export` line are left out rather than quoted.
const SAFE_NAME = /^[^\s'"`$;&|<>()\\#=]+$/;

/** The file ShellCheck sees, and how many lines precede the script text. */
export function renderShellCheckScript(script: ShellCheckScript): { text: string; prefixLines: number } {
  const interpreter = script.shell.trim().split(/\s+/)[0] || '/bin/sh';
  const names = [...new Set(script.variables)].filter((n) => SAFE_NAME.test(n));
  const header = `#!${interpreter}\n` + names.map((n) => `export ${n}=1\n`).join('');
  return { text: `${header}${script.text}\n`, prefixLines: 1 + names.length };
}

/** Shells ShellCheck cannot check (Windows shells). */
export function isUncheckableShell(shell: string): boolean {
  return /pwsh|powershell|cmd/i.test(shell);
}

const ACCEPTED_SHEBANGS = new Set([
  '#!/bin/sh',
  '#!/bin/bash',
  '#!/bin/ksh',
  '#!/usr/bin/env sh',
  '#!/usr/bin/env bash',
  '#!/usr/bin/env ksh',
]);

/** A script whose own `#!` line names another interpreter (python, node...) is not shell. */
export function hasForeignShebang(text: string): boolean {
  if (!text.startsWith('#!')) return false;
  const first = text.slice(0, text.indexOf('\n') < 0 ? undefined : text.indexOf('\n')).trimEnd();
  return !ACCEPTED_SHEBANGS.has(first);
}

/**
 * Turns one script's comments into findings anchored at `anchorLine` (the RUN's first line, or the
 * ONBUILD line), column 1 as Hadolint reports them, with the real position in `region` when it maps.
 * Identical comments within one script are reported once.
 */
export function shellCheckFindings(
  file: string,
  anchorLine: number,
  script: ShellCheckScript,
  comments: readonly ShellCheckComment[],
): Finding[] {
  const { prefixLines } = renderShellCheckScript(script);
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const c of comments) {
    const ruleId = `SC${c.code}`;
    const key = `${ruleId}\u0000${c.level}\u0000${c.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const finding: Finding = {
      ruleId,
      severity: c.level,
      message: c.message,
      file,
      line: anchorLine,
      column: 1,
      sourceLanguage: 'sh',
    };
    const start = c.line > prefixLines ? script.position?.(c.line - prefixLines, c.column) : undefined;
    if (start) {
      const end = c.endLine > prefixLines ? script.position?.(c.endLine - prefixLines, c.endColumn) : undefined;
      const region: Span = { start, end: end ?? start };
      finding.region = region;
    }
    findings.push(finding);
  }
  // Hadolint collects a RUN's comments in a set ordered by code; keep that order for equal lines.
  return findings.sort((a, b) => (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
}
