/**
 * Expands command-line PATHs into the Dockerfiles to lint: files as given, `-` for stdin, directories
 * searched recursively for Dockerfile-like names while honouring `.gitignore` files and `--exclude`.
 */
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { InputError } from '../core/finding.js';

/** Dockerfile-like names found when walking a directory (explicit files are linted whatever their name). */
export function isDockerfileName(name: string): boolean {
  const lower = name.toLowerCase();
  // Sidecar files that share the prefix but are not Dockerfiles.
  if (/\.(dockerignore|md|txt|swp|orig|rej)$/.test(lower)) return false;
  if (lower === 'dockerfile' || lower === 'containerfile') return true;
  if (/^(docker|container)file\.[^.]/.test(lower)) return true;
  return /.\.(dockerfile|containerfile)$/.test(lower);
}

// ---------------------------------------------------------------------------------------------
// gitignore patterns

export interface IgnorePattern {
  regex: RegExp;
  negated: boolean;
  /** Pattern ended in `/`: matches directories only. */
  dirOnly: boolean;
}

function escapeRegExp(ch: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}

/** Translates one glob (gitignore flavour: `*`, `?`, `[...]`, `**`) into a regular-expression body. */
function globBody(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '\\' && i + 1 < glob.length) {
      out += escapeRegExp(glob[++i]!);
    } else if (ch === '*') {
      if (glob[i + 1] === '*') {
        const atStart = i === 0 || glob[i - 1] === '/';
        const atEnd = i + 2 === glob.length || glob[i + 2] === '/';
        if (atStart && atEnd) {
          i++;
          if (glob[i + 1] === '/') {
            i++;
            out += '(?:[^/]*/)*'; // `**/`: zero or more directories
          } else {
            out += '.*'; // trailing `**`: everything inside
          }
          continue;
        }
        i++; // `a**b` is just two stars: same as one
      }
      out += '[^/]*';
    } else if (ch === '?') {
      out += '[^/]';
    } else if (ch === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
        continue;
      }
      let body = glob.slice(i + 1, close);
      let negate = false;
      if (body.startsWith('!') || body.startsWith('^')) {
        negate = true;
        body = body.slice(1);
      }
      const cls = body.replace(/\\/g, '\\\\').replace(/]/g, '\\]');
      out += negate ? `[^/${cls}]` : `[${cls}]`;
      i = close;
    } else {
      out += escapeRegExp(ch);
    }
  }
  return out;
}

/** Compiles one `.gitignore` line; null for blanks and comments. Paths are matched relative to the file's directory. */
export function compileIgnoreLine(line: string): IgnorePattern | null {
  let text = line.replace(/\r$/, '');
  // Trailing spaces are dropped unless escaped with a backslash.
  text = text.replace(/(?<!\\)[ \t]+$/, '');
  if (text === '' || text.startsWith('#')) return null;
  let negated = false;
  if (text.startsWith('!')) {
    negated = true;
    text = text.slice(1);
  } else if (text.startsWith('\\!') || text.startsWith('\\#')) {
    text = text.slice(1);
  }
  let dirOnly = false;
  if (text.endsWith('/') && !text.endsWith('\\/')) {
    dirOnly = true;
    text = text.replace(/\/+$/, '');
  }
  if (text === '') return null;
  // A slash at the start or in the middle anchors the pattern to the .gitignore's directory;
  // otherwise it matches a name at any depth.
  const anchored = text.includes('/');
  if (text.startsWith('/')) text = text.slice(1);
  const body = globBody(text);
  const regex = new RegExp(`^${anchored ? '' : '(?:[^/]*/)*'}${body}$`);
  return { regex, negated, dirOnly };
}

export function compileIgnoreFile(text: string): IgnorePattern[] {
  const patterns: IgnorePattern[] = [];
  for (const line of text.split('\n')) {
    const p = compileIgnoreLine(line);
    if (p) patterns.push(p);
  }
  return patterns;
}

interface IgnoreScope {
  /** Absolute directory of the .gitignore (or of the walk root for --exclude). */
  base: string;
  patterns: IgnorePattern[];
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** `relative(base, absPath)`, without path.relative's per-character normalisation for the usual case of a path inside `base`. */
function pathBelow(base: string, absPath: string): string {
  const prefix = base.endsWith(sep) ? base : base + sep;
  return absPath.startsWith(prefix) ? absPath.slice(prefix.length) : relative(base, absPath);
}

/** Last matching pattern decides, scopes from outermost to innermost (deeper .gitignore files win). */
function decide(scopes: readonly IgnoreScope[], absPath: string, isDir: boolean): boolean | undefined {
  let result: boolean | undefined;
  for (const scope of scopes) {
    if (scope.patterns.length === 0) continue; // nothing to match: skip computing the relative path
    const rel = toPosix(pathBelow(scope.base, absPath));
    if (rel === '' || rel.startsWith('../')) continue;
    for (const p of scope.patterns) {
      if (p.dirOnly && !isDir) continue;
      if (p.regex.test(rel)) result = !p.negated;
    }
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Walking

export interface ExpandOptions {
  /** Gitignore-style patterns, relative to each directory argument, that exclude files and directories. */
  exclude?: string[];
  /** Honour `.gitignore` files found while walking (default true). */
  gitignore?: boolean;
  /** Stop after this many files (hostile trees); default 100,000. */
  maxFiles?: number;
}

export interface ExpandResult {
  /** Files to lint, in a deterministic order: arguments in order, each directory walked in sorted order. */
  files: string[];
  /** Arguments that do not exist or cannot be read. */
  errors: InputError[];
}

function realpathOr(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return path;
  }
}

/**
 * What `join(dir, name)` puts before `name`, for any directory entry's name (never empty, `.`, `..`, and
 * without separators, so joining cannot normalise across it). Worked out once per directory: path.join
 * normalises character by character in JavaScript, which cost ~25 ms per 1,000 entries in a fresh process.
 */
function childPrefix(dir: string): string {
  return join(dir, '_').slice(0, -1);
}

const ALWAYS_SKIPPED_DIRS = new Set(['node_modules', '.git']);

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Expands file and directory arguments into the files to lint. Synchronous file-system calls inside: on
 * a local tree they are faster than the promise API's thread-pool round trips, and node:fs/promises
 * alone costs a one-file run a few milliseconds to load. (Async for callers; the API may stream later.)
 */
export async function expandPaths(paths: readonly string[], options: ExpandOptions = {}): Promise<ExpandResult> {
  const files: string[] = [];
  const errors: InputError[] = [];
  const seen = new Set<string>();
  const maxFiles = options.maxFiles ?? 100_000;
  const excludePatterns = (options.exclude ?? []).map(compileIgnoreLine).filter((p): p is IgnorePattern => p !== null);

  const add = (display: string, key: string): void => {
    if (seen.has(key)) return;
    seen.add(key);
    files.push(display);
  };

  for (const arg of paths) {
    if (arg === '-') {
      add('-', '-');
      continue;
    }
    let info;
    try {
      info = statSync(arg);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      errors.push({ file: arg, message: code === 'ENOENT' ? 'no such file or directory' : (e as Error).message });
      continue;
    }
    if (!info.isDirectory()) {
      add(arg, realpathOr(arg));
      continue;
    }
    const rootAbs = realpathSync.native(arg);
    const excludeScope: IgnoreScope = { base: rootAbs, patterns: excludePatterns };
    const visitedDirs = new Set<string>();

    const walk = (dirDisplay: string, dirAbs: string, scopes: IgnoreScope[]): void => {
      if (visitedDirs.has(dirAbs) || files.length >= maxFiles) return; // symlink loops, runaway trees
      visitedDirs.add(dirAbs);
      let entries;
      try {
        entries = readdirSync(dirAbs, { withFileTypes: true });
      } catch (e) {
        errors.push({ file: dirDisplay, message: `cannot read directory: ${(e as Error).message}` });
        return;
      }
      let localScopes = scopes;
      if (options.gitignore !== false && entries.some((e) => e.name === '.gitignore' && e.isFile())) {
        try {
          const text = readFileSync(join(dirAbs, '.gitignore'), 'utf8');
          localScopes = [...scopes, { base: dirAbs, patterns: compileIgnoreFile(text) }];
        } catch {
          // unreadable .gitignore: walk as if it were absent
        }
      }
      entries.sort((a, b) => compareNames(a.name, b.name));
      const absPrefix = childPrefix(dirAbs);
      const displayPrefix = childPrefix(dirDisplay);
      for (const entry of entries) {
        const abs = absPrefix + entry.name;
        const display = displayPrefix + entry.name;
        let isDir = entry.isDirectory();
        let isFile = entry.isFile();
        let target = abs;
        if (entry.isSymbolicLink()) {
          try {
            target = realpathSync.native(abs);
            const s = statSync(target);
            isDir = s.isDirectory();
            isFile = s.isFile();
          } catch {
            continue; // dangling link
          }
        }
        if (isDir && ALWAYS_SKIPPED_DIRS.has(entry.name)) continue;
        if (decide([excludeScope], abs, isDir) === true) continue;
        if (decide(localScopes, abs, isDir) === true) continue;
        if (isDir) walk(display, target, localScopes);
        else if (isFile && isDockerfileName(entry.name)) add(display, target);
        if (files.length >= maxFiles) return;
      }
    };
    walk(arg, rootAbs, []);
  }
  return { files, errors };
}
