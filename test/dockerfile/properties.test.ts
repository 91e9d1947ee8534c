import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Position, Span } from '../../src/core/finding.js';
import type { Dockerfile, Instruction } from '../../src/dockerfile/ast.js';
import { parseDockerfile } from '../../src/dockerfile/parser.js';

/** Pieces that exercise every branch of the scanner when glued together at random. */
const PIECES = [
  'RUN ', 'FROM ', 'COPY ', 'ADD ', 'ENV ', 'ARG ', 'LABEL ', 'CMD ', 'ENTRYPOINT ', 'SHELL ', 'HEALTHCHECK ',
  'ONBUILD ', 'EXPOSE ', 'VOLUME ', 'USER ', 'WORKDIR ', 'NONE', 'CMD', 'AS ', 'x', 'a=b', '"q w"', "'s'",
  '<<EOF', '<<-EOF', '3<<EOF', '<<"EOF"', "<<E'O'F", '<<<EOF', 'EOF', '\tEOF', '\n', '\n', '\n', '\\', '\\\n',
  '`', '`\n', ' ', '  ', '\t', '#', '# c\n', '# escape=`\n', '# syntax=x\n', '--mount=type=cache,target=/x ',
  '--', '--flag ', '[', ']', '"', "'", ',', '["a", "b"]', '[1]', '${', '}', '$V', ':', '@', '/', '\r', '\r\n',
  '\uFEFF', '\uFFFD', '\u00A0', '\uD83D\uDE00', '=',
];

const dockerish = fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((a) => a.join(''));
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), dockerish);

function isPosition(v: unknown): v is Position {
  return typeof v === 'object' && v !== null && typeof (v as Position).line === 'number' && typeof (v as Position).column === 'number';
}

/** Every Span reachable from the parse result (instructions, comments, errors, directives). */
function allSpans(df: Dockerfile): Span[] {
  const spans: Span[] = [];
  const seen = new Set<unknown>();
  const walk = (v: unknown): void => {
    if (typeof v !== 'object' || v === null || seen.has(v)) return;
    seen.add(v);
    const o = v as Record<string, unknown>;
    if (isPosition(o.start) && isPosition(o.end)) spans.push(o as unknown as Span);
    for (const value of Object.values(o)) walk(value);
  };
  walk(df.instructions);
  walk(df.comments);
  walk(df.errors);
  walk(df.directives);
  return spans;
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.column <= b.column);
}

test('the parser never throws and always returns a well-formed result', () => {
  fc.assert(
    fc.property(anyText, (text) => {
      const df = parseDockerfile(text);
      assert.ok(Array.isArray(df.instructions));
      assert.ok(Array.isArray(df.errors));
      assert.ok(df.directives.escape === '\\' || df.directives.escape === '`');
    }),
    { numRuns: 3000 },
  );
});

test('every span lies inside the text, with start before end', () => {
  fc.assert(
    fc.property(anyText, (text) => {
      const df = parseDockerfile(text);
      const lines = df.text.split('\n');
      for (const s of allSpans(df)) {
        for (const p of [s.start, s.end]) {
          assert.ok(p.line >= 1 && p.line <= lines.length, `line ${p.line} of ${lines.length}`);
          assert.ok(p.column >= 1 && p.column <= lines[p.line - 1].length + 1, `column ${p.column} at line ${p.line}`);
        }
        assert.ok(before(s.start, s.end), JSON.stringify(s));
      }
    }),
    { numRuns: 3000 },
  );
});

test('instructions are in file order and never overlap', () => {
  fc.assert(
    fc.property(dockerish, (text) => {
      const df = parseDockerfile(text);
      let previousEnd = 0;
      for (const i of df.instructions) {
        assert.ok(i.span.start.line > previousEnd, `${i.keyword} starts at ${i.span.start.line} after ${previousEnd}`);
        assert.ok(i.span.end.line >= i.span.start.line);
        previousEnd = i.span.end.line;
      }
      const commentLines = df.comments.map((c) => c.span.start.line);
      assert.deepEqual(commentLines, [...commentLines].sort((a, b) => a - b));
    }),
    { numRuns: 3000 },
  );
});

/** One-line instructions without newlines, continuation characters or comment starts. */
const WORDS = ['a', 'b=c', '"x y"', "'z'", '--mount=type=cache,target=/x', '--from=s', '&&', '|', '$V', '${V:-d}', '[', '"', '<', 'AS', 'NONE', 'CMD'];
const instructionLine = fc
  .tuple(
    fc.constantFrom('RUN', 'FROM', 'COPY', 'ENV', 'ARG', 'LABEL', 'CMD', 'HEALTHCHECK', 'EXPOSE', 'USER', 'ONBUILD RUN', 'run'),
    fc.array(fc.tuple(fc.constantFrom(' ', '  ', '\t'), fc.constantFrom(...WORDS)), { minLength: 1, maxLength: 12 }),
  )
  .map(([keyword, words]) => keyword + words.map(([ws, w]) => ws + w).join(''));

/**
 * Splits a line with `\`+newline at the given cut points, as a user would wrap it. The joined form BuildKit
 * builds is the original line again, provided no piece is blank or looks like a comment (those lines are
 * dropped) and no cut leaves an escaped escape before the newline.
 */
function wrap(line: string, cuts: number[]): string | null {
  const points = [...new Set(cuts.map((c) => 1 + (c % Math.max(1, line.length - 1))))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let last = 0;
  for (const p of points) {
    pieces.push(line.slice(last, p));
    last = p;
  }
  pieces.push(line.slice(last));
  for (let k = 0; k < pieces.length; k++) {
    const piece = pieces[k];
    if (piece.trim() === '' || piece.trimStart().startsWith('#')) return null;
    // A piece ending in the escape would make an escaped escape, which does not continue the line.
    if (k < pieces.length - 1 && piece.endsWith('\\')) return null;
  }
  return pieces.join('\\\n');
}

test('wrapping an instruction over continuation lines gives the same instruction (joined form is stable)', () => {
  fc.assert(
    fc.property(instructionLine, fc.array(fc.nat(), { maxLength: 6 }), (line, cuts) => {
      const wrapped = wrap(line, cuts);
      fc.pre(wrapped !== null);
      const one = parseDockerfile(line + '\n');
      const many = parseDockerfile(wrapped + '\n');
      assert.equal(many.instructions.length, 1);
      const a = one.instructions[0];
      const b = many.instructions[0];
      const shape = (i: Instruction): unknown => ({
        keyword: i.keyword,
        rawArgs: i.rawArgs,
        flags: i.flags.map((f) => [f.name, f.value]),
        inner: i.keyword === 'ONBUILD' && i.inner ? i.inner.rawArgs : null,
      });
      assert.deepEqual(shape(b), shape(a));
      assert.deepEqual(
        many.errors.map((e) => e.message),
        one.errors.map((e) => e.message),
      );
      // Every character of a shell script maps back to the same character in the wrapped file.
      const target = b.keyword === 'ONBUILD' && b.inner ? b.inner : b;
      if ('command' in target && target.command && target.command.form === 'shell') {
        const lines = many.text.split('\n');
        const c = target.command;
        for (let o = 0; o < c.script.length; o++) {
          const p = c.offsetToPosition(o);
          assert.equal(lines[p.line - 1][p.column - 1], c.script[o]);
        }
      }
      // Parsing the joined text again gives the same result.
      const again = parseDockerfile(`${a.keywordRaw} ${a.rawArgs}\n`);
      if (a.flags.length === 0) assert.equal(again.instructions[0].rawArgs, a.rawArgs);
    }),
    { numRuns: 2000 },
  );
});
