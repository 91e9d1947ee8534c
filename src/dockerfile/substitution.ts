/**
 * BuildKit-style word expansion (`$V`, `${V}`, `${V:-x}`, ...) and image reference splitting.
 *
 * Unlike BuildKit, which expands an unknown variable to the empty string, `substitute` keeps references it
 * cannot resolve as written: a linter must not pretend to know what `--build-arg` will supply.
 */
import type { ImageRef } from './ast.js';

/** Returns the value of a variable, or undefined when it is unknown (not declared, or declared without value). */
export type VariableLookup = (name: string) => string | undefined;

/** Nesting deeper than this is copied verbatim: keeps recursion bounded on hostile input. */
const MAX_DEPTH = 32;

const SPECIAL_PARAMS = '@*#?-$!0';

function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}
function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

class Expander {
  constructor(
    private readonly text: string,
    private readonly lookup: VariableLookup,
    private readonly escape: string,
  ) {}

  /**
   * Expands from `pos` until `stop` (a `}` when inside `${...}`) or the end; returns the expansion and the
   * index just past the stop character (or text length).
   */
  run(pos: number, stopAtBrace: boolean, depth: number): { value: string; end: number; closed: boolean } {
    const t = this.text;
    const out: string[] = [];
    let literalStart = pos;
    let i = pos;
    const flush = (to: number): void => {
      if (to > literalStart) out.push(t.slice(literalStart, to));
    };
    while (i < t.length) {
      const ch = t[i];
      if (stopAtBrace && ch === '}') {
        flush(i);
        return { value: out.join(''), end: i + 1, closed: true };
      }
      if (ch === this.escape) {
        flush(i);
        // Escape + character gives the character; an escape at the very end is dropped (as BuildKit does).
        if (i + 1 < t.length) out.push(t[i + 1]);
        i += 2;
        literalStart = i;
        continue;
      }
      if (ch === "'") {
        const close = t.indexOf("'", i + 1);
        if (close < 0) {
          i = t.length; // unterminated: keep the rest as written
          continue;
        }
        flush(i);
        out.push(t.slice(i + 1, close));
        i = close + 1;
        literalStart = i;
        continue;
      }
      if (ch === '"') {
        const r = this.doubleQuoted(i + 1, depth);
        if (!r) {
          i = t.length;
          continue;
        }
        flush(i);
        out.push(r.value);
        i = r.end;
        literalStart = i;
        continue;
      }
      if (ch === '$') {
        const r = this.dollar(i, depth);
        flush(i);
        out.push(r.value);
        i = r.end;
        literalStart = i;
        continue;
      }
      i++;
    }
    flush(t.length);
    return { value: out.join(''), end: t.length, closed: false };
  }

  /** Inside double quotes: only `$` expands; the escape only escapes `"`, `$` and itself. */
  private doubleQuoted(pos: number, depth: number): { value: string; end: number } | null {
    const t = this.text;
    const out: string[] = [];
    let literalStart = pos;
    let i = pos;
    while (i < t.length) {
      const ch = t[i];
      if (ch === '"') {
        if (i > literalStart) out.push(t.slice(literalStart, i));
        return { value: out.join(''), end: i + 1 };
      }
      if (ch === this.escape && i + 1 < t.length) {
        const next = t[i + 1];
        if (next === '"' || next === '$' || next === this.escape) {
          if (i > literalStart) out.push(t.slice(literalStart, i));
          out.push(next);
          i += 2;
          literalStart = i;
          continue;
        }
      }
      if (ch === '$') {
        if (i > literalStart) out.push(t.slice(literalStart, i));
        const r = this.dollar(i, depth);
        out.push(r.value);
        i = r.end;
        literalStart = i;
        continue;
      }
      i++;
    }
    return null;
  }

  /** `pos` is at `$`. */
  private dollar(pos: number, depth: number): { value: string; end: number } {
    const t = this.text;
    let i = pos + 1;
    if (i >= t.length) return { value: '$', end: i };
    const c = t.charCodeAt(i);
    if (t[i] !== '{') {
      let nameEnd = i;
      if (isDigit(c)) {
        while (nameEnd < t.length && isDigit(t.charCodeAt(nameEnd))) nameEnd++;
      } else if (isNameStart(c)) {
        while (nameEnd < t.length && isNameChar(t.charCodeAt(nameEnd))) nameEnd++;
      } else if (SPECIAL_PARAMS.includes(t[i])) {
        nameEnd = i + 1;
      } else {
        return { value: '$', end: i };
      }
      const value = this.lookup(t.slice(i, nameEnd));
      return { value: value ?? t.slice(pos, nameEnd), end: nameEnd };
    }
    // ${...}
    i++;
    const nameStart = i;
    if (i < t.length && isNameStart(t.charCodeAt(i))) {
      while (i < t.length && isNameChar(t.charCodeAt(i))) i++;
    } else if (i < t.length && isDigit(t.charCodeAt(i))) {
      while (i < t.length && isDigit(t.charCodeAt(i))) i++;
    } else if (i < t.length && SPECIAL_PARAMS.includes(t[i])) {
      i++;
    }
    const name = t.slice(nameStart, i);
    if (name === '' || i >= t.length) return this.verbatim(pos);
    if (t[i] === '}') {
      const value = this.lookup(name);
      return { value: value ?? t.slice(pos, i + 1), end: i + 1 };
    }
    let colon = false;
    if (t[i] === ':') {
      colon = true;
      i++;
    }
    const modifier = t[i];
    if (modifier !== '-' && modifier !== '+' && modifier !== '?') return this.verbatim(pos);
    if (depth >= MAX_DEPTH) return this.verbatim(pos);
    const word = this.run(i + 1, true, depth + 1);
    if (!word.closed) return { value: t.slice(pos), end: t.length };
    const raw = t.slice(pos, word.end);
    const value = this.lookup(name);
    const isSet = value !== undefined && (!colon || value !== '');
    switch (modifier) {
      case '-':
        return { value: isSet ? (value as string) : word.value, end: word.end };
      case '+':
        return { value: isSet ? word.value : '', end: word.end };
      default:
        // `${V:?msg}`: an error at build time when unset; unresolvable here, so keep it as written.
        return { value: isSet ? (value as string) : raw, end: word.end };
    }
  }

  /** Copies an unsupported `${...}` form (`${V#x}`, `${V/a/b}`, ...) unchanged, up to its matching brace. */
  private verbatim(pos: number): { value: string; end: number } {
    const t = this.text;
    let depth = 0;
    for (let i = pos + 1; i < t.length; i++) {
      const ch = t[i];
      if (ch === '{') depth++;
      else if (ch === '}') {
        depth--;
        if (depth === 0) return { value: t.slice(pos, i + 1), end: i + 1 };
      }
    }
    return { value: t.slice(pos), end: t.length };
  }
}

/**
 * Expands variables the way BuildKit processes a word (quotes removed, escapes applied, `$V`, `${V}`,
 * `${V:-x}`, `${V-x}`, `${V:+x}`, `${V+x}`, `${V:?msg}`, `${V?msg}`), except that references whose value is
 * unknown are kept as written. For `-`/`+` an unknown variable counts as unset.
 */
export function substitute(text: string, lookup: VariableLookup, escape = '\\'): string {
  return new Expander(text, lookup, escape).run(0, false, 0).value;
}

/** `findOutsideBraces` for text without `$`: the first (or last) `ch` in [from, to), -1 when absent. */
function findPlain(text: string, ch: string, from: number, to: number, last: boolean): number {
  if (to <= from) return -1;
  const i = last ? text.lastIndexOf(ch, to - 1) : text.indexOf(ch, from);
  return i >= from && i < to ? i : -1;
}

/** Index of `ch` outside `${...}` groups, searching from `from`; -1 when absent. `last` finds the last one. */
function findOutsideBraces(text: string, ch: string, from: number, to: number, last: boolean): number {
  let depth = 0;
  let found = -1;
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === '$' && text[i + 1] === '{') {
      depth++;
      i++;
      continue;
    }
    if (depth > 0) {
      if (c === '}') depth--;
      continue;
    }
    if (c === ch) {
      if (!last) return i;
      found = i;
    }
  }
  return found;
}

/**
 * Splits an image reference (`[registry/]name[:tag][@digest]`). The registry is the first path segment when
 * it contains `.` or `:`, is `localhost`, or has an upper-case letter (Docker's rule). `${...}` groups are
 * opaque: a `:` or `/` inside them never splits.
 */
export function parseImageRef(text: string): ImageRef {
  const raw = text.trim();
  // Without `$` there are no `${...}` groups: native searches find the same places as the brace-aware scan.
  const find = raw.includes('$') ? findOutsideBraces : findPlain;
  const ref: ImageRef = { raw, name: raw };
  let end = raw.length;
  const at = find(raw, '@', 0, end, false);
  if (at >= 0) {
    ref.digest = raw.slice(at + 1);
    end = at;
  }
  let nameStart = 0;
  const slash = find(raw, '/', 0, end, false);
  if (slash > 0) {
    const first = raw.slice(0, slash);
    const literal = find === findPlain ? first : first.replace(/\$\{[^}]*\}/g, '');
    const hasUpper = !first.includes('$') && first !== first.toLowerCase();
    if (literal.includes('.') || literal.includes(':') || first === 'localhost' || hasUpper) {
      ref.registry = first;
      nameStart = slash + 1;
    }
  }
  const lastSlash = find(raw, '/', nameStart, end, true);
  const colon = find(raw, ':', lastSlash >= 0 ? lastSlash + 1 : nameStart, end, true);
  if (colon >= 0) {
    ref.tag = raw.slice(colon + 1, end);
    end = colon;
  }
  ref.name = raw.slice(nameStart, end);
  return ref;
}

/**
 * Substitutes ARG values into an image reference and splits the result again. A key present with an
 * undefined value (ARG declared without default) counts as unknown.
 */
export function resolveImageRef(ref: ImageRef, args: Map<string, string | undefined>): ImageRef {
  if (!ref.raw.includes('$')) return ref;
  return parseImageRef(substitute(ref.raw, (name) => args.get(name)));
}
