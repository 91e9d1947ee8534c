/**
 * Inline suppression pragmas: Hadolint's `# hadolint ignore=` / `global ignore=` / `stage ignore=` /
 * `shell=` comments, the same forms spelled `# docksec ...` (wider code charset and an optional
 * `-- reason`), and BuildKit's `# check=skip=...` directive mapped onto our rule ids.
 */
import type { Dockerfile } from '../dockerfile/ast.js';

export type PragmaKind = 'ignore' | 'global-ignore' | 'stage-ignore' | 'shell';

export interface Pragma {
  kind: PragmaKind;
  /** Which spelling was used. */
  tool: 'hadolint' | 'docksec';
  /** Rule ids for the ignore forms (empty for `shell`). */
  codes: string[];
  /** Shell name for `shell=`. */
  shell?: string;
  /** Free text after `--` (docksec spelling only). */
  reason?: string;
}

export interface LocatedPragma extends Pragma {
  /** Line of the comment (1-based). */
  line: number;
}

// Hadolint accepts only these characters in codes; anything else voids the whole pragma, silently.
const HADOLINT_CODE = '[DLSC0-9]+';
const DOCKSEC_CODE = '[A-Za-z0-9._-]+';
const WS = '[ \\t]';

function codeList(code: string): string {
  return `(${code}(?:${WS}*,${WS}*${code})*)`;
}

const HADOLINT_IGNORE = new RegExp(
  `^${WS}*hadolint${WS}+(?:(global|stage)${WS}+)?ignore${WS}*=${WS}*${codeList(HADOLINT_CODE)}${WS}*(?:#.*)?$`,
);
const HADOLINT_SHELL = new RegExp(`^${WS}*hadolint${WS}+shell${WS}*=${WS}*([^ \\t\\n]+)${WS}*(?:#.*)?$`);
// The reason separator needs whitespace before `--` because `-` is a legal code character.
const DOCKSEC_IGNORE = new RegExp(
  `^${WS}*docksec${WS}+(?:(global|stage)${WS}+)?ignore${WS}*=${WS}*${codeList(DOCKSEC_CODE)}` +
    `(?:${WS}+--(.*)|${WS}*#.*|${WS}*)$`,
);
const DOCKSEC_SHELL = new RegExp(`^${WS}*docksec${WS}+shell${WS}*=${WS}*([^ \\t\\n]+)${WS}*(?:#.*)?$`);

function splitCodes(list: string): string[] {
  return list.split(',').map((c) => c.trim());
}

function kindOf(scope: string | undefined): PragmaKind {
  return scope === 'global' ? 'global-ignore' : scope === 'stage' ? 'stage-ignore' : 'ignore';
}

/**
 * Parses the text after `#` of a whole-line comment. Returns null when it is not a (valid) pragma:
 * an invalid pragma is ignored silently, as Hadolint does.
 */
export function parsePragma(rawText: string): Pragma | null {
  const commentText = rawText.replace(/[\r\n]+$/, '');
  let m = HADOLINT_IGNORE.exec(commentText);
  if (m) return { kind: kindOf(m[1]), tool: 'hadolint', codes: splitCodes(m[2]!) };
  m = HADOLINT_SHELL.exec(commentText);
  if (m) return { kind: 'shell', tool: 'hadolint', codes: [], shell: m[1]! };
  m = DOCKSEC_IGNORE.exec(commentText);
  if (m) {
    const pragma: Pragma = { kind: kindOf(m[1]), tool: 'docksec', codes: splitCodes(m[2]!) };
    const reason = m[3]?.trim();
    if (reason) pragma.reason = reason;
    return pragma;
  }
  m = DOCKSEC_SHELL.exec(commentText);
  if (m) return { kind: 'shell', tool: 'docksec', codes: [], shell: m[1]! };
  return null;
}

/** Every pragma among the file's whole-line comments, in file order. */
export function collectPragmas(dockerfile: Dockerfile): LocatedPragma[] {
  const found: LocatedPragma[] = [];
  const comments = dockerfile.comments;
  for (let i = 0; i < comments.length; i++) {
    const comment = comments[i]!;
    if (comment.directive) continue;
    // Every pragma form names its tool; most comments are prose, so skip the four regexes for them.
    const text = comment.text;
    if (text.indexOf('hadolint') < 0 && text.indexOf('docksec') < 0) continue;
    const pragma = parsePragma(text);
    if (pragma) found.push({ ...pragma, line: comment.span.start.line });
  }
  return found;
}

/**
 * BuildKit build-check names that have a docksec/Hadolint counterpart. `# check=skip=<name>` skips
 * these; `skip=all` skips every rule listed here (and nothing else: it is about BuildKit's checks).
 * Checks without a counterpart (FromAsCasing, StageNameCasing, UndefinedVar, ...) have nothing to skip.
 */
export const BUILDKIT_CHECK_EQUIVALENTS: Readonly<Record<string, readonly string[]>> = {
  JSONArgsRecommended: ['DL3025'],
  MaintainerDeprecated: ['DL4000'],
  WorkdirRelativePath: ['DL3000'],
  MultipleInstructionsDisallowed: ['DL4003', 'DL4004', 'DL3012'],
  SecretsUsedInArgOrEnv: ['DL3064'],
  DuplicateStageName: ['DL3024'],
  ReservedStageName: ['DL3063'],
  RedundantTargetPlatform: ['DL3065'],
  FromPlatformFlagConstDisallowed: ['DL3029'],
};

/** Rule ids skipped by a `# check=` directive value such as `skip=JSONArgsRecommended,StageNameCasing;error=true`. */
export function codesSkippedByCheckDirective(value: string | undefined): Set<string> {
  const skipped = new Set<string>();
  if (!value) return skipped;
  const lowerToName = new Map(Object.keys(BUILDKIT_CHECK_EQUIVALENTS).map((k) => [k.toLowerCase(), k]));
  for (const part of value.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim().toLowerCase() !== 'skip') continue;
    for (const raw of part.slice(eq + 1).split(',')) {
      const name = raw.trim().toLowerCase();
      if (name === 'all') {
        for (const codes of Object.values(BUILDKIT_CHECK_EQUIVALENTS)) codes.forEach((c) => skipped.add(c));
        continue;
      }
      const key = lowerToName.get(name);
      if (key) BUILDKIT_CHECK_EQUIVALENTS[key]!.forEach((c) => skipped.add(c));
    }
  }
  return skipped;
}

/** Rule ids that inline pragmas can never suppress. */
export const UNSUPPRESSIBLE = new Set(['DL1000']);

export interface Suppressor {
  /** True when a finding with this rule id at this (instruction) line is suppressed. */
  suppressed(ruleId: string, line: number): boolean;
}

const NEVER_SUPPRESSED: Suppressor = { suppressed: () => false };

/**
 * Builds the suppression test for one file. `disableIgnorePragma` turns off every ignore form (the
 * line, stage and global pragmas, and `# check=skip`); `shell=` pragmas are not affected (they are not
 * handled here).
 */
export function buildSuppressor(dockerfile: Dockerfile, options: { disableIgnorePragma: boolean }): Suppressor {
  if (options.disableIgnorePragma) return NEVER_SUPPRESSED;
  const pragmas = collectPragmas(dockerfile);
  // The common case (no pragma, no check directive) needs no tables.
  if (pragmas.length === 0 && dockerfile.directives.check === undefined) return NEVER_SUPPRESSED;
  const global = codesSkippedByCheckDirective(dockerfile.directives.check);
  if (pragmas.length === 0 && global.size === 0) return NEVER_SUPPRESSED;
  const byLine = new Map<number, Set<string>>();
  // Stage pragmas are "markers" at pragma line + 1; every FROM line is a marker too (without codes).
  // A finding at line L takes the codes of the nearest marker strictly above L, so a stage pragma right
  // above a FROM covers that stage's body and the next FROM line, but not its own FROM line.
  const stageMarkers = new Map<number, Set<string>>();
  for (const p of pragmas) {
    if (p.kind === 'ignore') {
      // Only the comment directly above counts; a later pragma for the same line replaces the earlier.
      byLine.set(p.line + 1, new Set(p.codes));
    } else if (p.kind === 'global-ignore') {
      p.codes.forEach((c) => global.add(c));
    } else if (p.kind === 'stage-ignore') {
      const set = stageMarkers.get(p.line + 1) ?? new Set<string>();
      p.codes.forEach((c) => set.add(c));
      stageMarkers.set(p.line + 1, set);
    }
  }
  const markerLines = [
    ...new Set([
      ...stageMarkers.keys(),
      ...(stageMarkers.size > 0
        ? dockerfile.instructions.filter((i) => i.keyword === 'FROM').map((i) => i.span.start.line)
        : []),
    ]),
  ].sort((a, b) => a - b);

  function stageCodes(line: number): Set<string> | undefined {
    let lo = 0;
    let hi = markerLines.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (markerLines[mid]! < line) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best < 0 ? undefined : stageMarkers.get(markerLines[best]!);
  }

  return {
    suppressed(ruleId, line) {
      if (UNSUPPRESSIBLE.has(ruleId)) return false;
      if (global.has(ruleId)) return true;
      if (byLine.get(line)?.has(ruleId)) return true;
      return stageMarkers.size > 0 && (stageCodes(line)?.has(ruleId) ?? false);
    },
  };
}
