import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Span } from '../../src/core/finding.js';
import type {
  ArgInstruction,
  CommandInstruction,
  CopyInstruction,
  Dockerfile,
  FromInstruction,
  GenericInstruction,
  HealthcheckInstruction,
  Instruction,
  KeyValueInstruction,
  OnbuildInstruction,
} from '../../src/dockerfile/ast.js';
import { parseDockerfile } from '../../src/dockerfile/parser.js';

const FIXTURES = new URL('../../../test/fixtures/dockerfile/', import.meta.url);

function sp(l1: number, c1: number, l2: number, c2: number): Span {
  return { start: { line: l1, column: c1 }, end: { line: l2, column: c2 } };
}

function only(df: Dockerfile): Instruction {
  assert.equal(df.instructions.length, 1, JSON.stringify(df.errors));
  return df.instructions[0];
}

function cmd(i: Instruction): CommandInstruction {
  assert.ok(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL'].includes(i.keyword), i.keyword);
  return i as CommandInstruction;
}

function script(i: Instruction): string {
  const c = cmd(i).command;
  assert.equal(c.form, 'shell');
  return c.form === 'shell' ? c.script : '';
}

function errors(df: Dockerfile): [string, number, number][] {
  return df.errors.map((e) => [e.message, e.span.start.line, e.span.start.column]);
}

describe('input normalisation', () => {
  test('UTF-8 BOM is removed and columns start after it', () => {
    const df = parseDockerfile('\uFEFFFROM alpine\n');
    assert.equal(df.text, 'FROM alpine\n');
    assert.deepEqual(only(df).keywordSpan, sp(1, 1, 1, 5));
  });

  test('CRLF and lone CR become LF', () => {
    const df = parseDockerfile('FROM a\r\nRUN x\rUSER u\r\n');
    assert.equal(df.text, 'FROM a\nRUN x\nUSER u\n');
    assert.deepEqual(
      df.instructions.map((i) => [i.keyword, i.span.start.line, i.rawArgs]),
      [
        ['FROM', 1, 'a'],
        ['RUN', 2, 'x'],
        ['USER', 3, 'u'],
      ],
    );
  });

  test('empty file and whitespace-only file: no instructions, no errors', () => {
    for (const src of ['', '\n\n', '   \n\t\n']) {
      const df = parseDockerfile(src);
      assert.deepEqual(df.instructions, []);
      assert.deepEqual(df.errors, []);
    }
  });

  test('file name defaults to Dockerfile and is kept as given', () => {
    assert.equal(parseDockerfile('FROM a').file, 'Dockerfile');
    assert.equal(parseDockerfile('FROM a', 'sub/Containerfile').file, 'sub/Containerfile');
  });

  test('binary input: one problem at the first NUL, no instructions', () => {
    const df = parseDockerfile('FROM a\nRUN x\u0000y\u0000\n');
    assert.deepEqual(df.instructions, []);
    assert.deepEqual(errors(df), [['not a text file: it contains a NUL byte', 2, 6]]);
  });

  test('invalid UTF-8 decoded as U+FFFD is parsed on', () => {
    const df = parseDockerfile('FROM alpine\nRUN echo \uFFFD\uFFFD\nUSER app\n');
    assert.deepEqual(df.errors, []);
    assert.equal(script(df.instructions[1]), 'echo \uFFFD\uFFFD');
    assert.equal(df.instructions[2].keyword, 'USER');
  });

  test('a last line without newline is parsed', () => {
    const i = only(parseDockerfile('USER root'));
    assert.deepEqual(i.span, sp(1, 1, 1, 10));
  });
});

describe('parser directives', () => {
  test('syntax, escape and check at the top; case-insensitive keys; spaces around =', () => {
    const df = parseDockerfile('# SYNTAX = docker/dockerfile:1\n#escape=`\n#  Check= skip=all ; error=true \nFROM a\n');
    assert.equal(df.directives.syntax, 'docker/dockerfile:1');
    assert.equal(df.directives.escape, '`');
    assert.equal(df.directives.check, 'skip=all ; error=true');
    assert.deepEqual(df.directives.spans, [sp(1, 1, 1, 31), sp(2, 1, 2, 10), sp(3, 1, 3, 33)]);
    assert.deepEqual(
      df.comments.map((c) => [c.directive, c.span.start.line]),
      [
        [true, 1],
        [true, 2],
        [true, 3],
      ],
    );
    assert.equal(df.comments[1].text, 'escape=`');
  });

  test('the block ends at the first non-directive line (blank line, comment, unknown key)', () => {
    let df = parseDockerfile('\n# escape=`\nFROM a\n');
    assert.equal(df.directives.escape, '\\');
    assert.deepEqual(df.directives.spans, []);
    assert.deepEqual(
      df.comments.map((c) => [c.directive, c.text]),
      [[false, ' escape=`']],
    );
    df = parseDockerfile('# hello\n# escape=`\nFROM a\n');
    assert.equal(df.directives.escape, '\\');
    df = parseDockerfile('# foo=bar\n# syntax=x\nFROM a\n');
    assert.equal(df.directives.syntax, undefined);
    df = parseDockerfile('FROM a\n# escape=`\n');
    assert.equal(df.directives.escape, '\\');
    assert.equal(df.comments[0].directive, false);
  });

  test('a repeated directive ends the block', () => {
    const df = parseDockerfile('# escape=`\n# escape=\\\n# syntax=x\nFROM a\n');
    assert.equal(df.directives.escape, '`');
    assert.equal(df.directives.syntax, undefined);
    assert.deepEqual(
      df.comments.map((c) => c.directive),
      [true, false, false],
    );
  });

  test('an invalid escape value is a problem and the default stays', () => {
    const df = parseDockerfile('# escape=x\nRUN a \\\n b\n');
    assert.equal(df.directives.escape, '\\');
    assert.deepEqual(errors(df), [["invalid escape character 'x': use \\ or `", 1, 1]]);
    assert.equal(script(df.instructions[0]), 'a  b');
  });

  test('a directive needs a value', () => {
    const df = parseDockerfile('# syntax=\nFROM a\n');
    assert.equal(df.directives.syntax, undefined);
    assert.equal(df.comments[0].directive, false);
  });
});

describe('continuation lines', () => {
  test('escape and newline removed, next line appended as is (leading whitespace kept)', () => {
    const df = parseDockerfile('RUN apt-get update \\\n    && apt-get install -y curl\n');
    const i = only(df);
    assert.equal(script(i), 'apt-get update     && apt-get install -y curl');
    assert.deepEqual(i.span, sp(1, 1, 2, 31));
  });

  test('no whitespace around the escape joins the words', () => {
    assert.equal(script(only(parseDockerfile('RUN ab\\\ncd\n'))), 'abcd');
  });

  test('blanks after the escape still continue the line', () => {
    assert.equal(script(only(parseDockerfile('RUN a \\  \t\n b\n'))), 'a  b');
  });

  test('comment lines and empty lines inside a continuation are dropped', () => {
    const df = parseDockerfile('RUN a \\\n# one\n\n   # two\n  \n  b\nUSER x\n');
    assert.equal(df.instructions.length, 2);
    assert.equal(script(df.instructions[0]), 'a   b');
    assert.deepEqual(df.instructions[0].span, sp(1, 1, 6, 4));
    assert.deepEqual(df.comments, []);
    assert.equal(df.instructions[1].span.start.line, 7);
  });

  test('an escaped escape at the end is not a continuation', () => {
    const df = parseDockerfile('RUN echo a\\\\\nUSER x\n');
    assert.equal(df.instructions.length, 2);
    assert.equal(script(df.instructions[0]), 'echo a\\\\');
  });

  test('an escape alone on a line continues', () => {
    const df = parseDockerfile('RUN a \\\n\\\nb\n');
    assert.equal(script(only(df)), 'a b');
  });

  test('a trailing escape on a comment line is comment text', () => {
    const df = parseDockerfile('# note \\\nFROM a\n');
    assert.equal(df.comments[0].text, ' note \\');
    assert.equal(only(df).keyword, 'FROM');
  });

  test('continuation at end of file ends the instruction', () => {
    const df = parseDockerfile('RUN a \\\n');
    assert.equal(script(only(df)), 'a');
    assert.deepEqual(df.errors, []);
  });

  test('the backtick escape continues lines and backslash is literal', () => {
    const df = parseDockerfile('# escape=`\nRUN dir C:\\ `\n  && echo done\n');
    assert.equal(script(only(df)), 'dir C:\\   && echo done');
  });

  test('keyword split across a continuation is joined (BuildKit does)', () => {
    const i = only(parseDockerfile('RU\\\nN echo hi\n'));
    assert.equal(i.keyword, 'RUN');
    assert.equal(script(i), 'echo hi');
  });

  test('leading whitespace before the keyword is allowed', () => {
    const i = only(parseDockerfile('   run echo\n'));
    assert.equal(i.keyword, 'RUN');
    assert.equal(i.keywordRaw, 'run');
    assert.deepEqual(i.keywordSpan, sp(1, 4, 1, 7));
  });

  test('offsetToPosition maps every script offset to its file position', () => {
    const src = 'RUN set -e; \\\n  # comment\n    echo "a" \\\n\n  && echo b\n';
    const i = only(parseDockerfile(src));
    const c = cmd(i).command;
    assert.equal(c.form, 'shell');
    if (c.form !== 'shell') return;
    assert.equal(c.script, 'set -e;     echo "a"   && echo b');
    const lines = src.split('\n');
    for (let o = 0; o < c.script.length; o++) {
      const p = c.offsetToPosition(o);
      assert.equal(lines[p.line - 1][p.column - 1], c.script[o], `offset ${o}`);
    }
    assert.deepEqual(c.offsetToPosition(0), { line: 1, column: 5 });
    assert.deepEqual(c.offsetToPosition(8), { line: 3, column: 1 });
    assert.deepEqual(c.offsetToPosition(12), { line: 3, column: 5 });
    assert.deepEqual(c.offsetToPosition(c.script.indexOf('&&')), { line: 5, column: 3 });
    assert.deepEqual(c.offsetToPosition(c.script.length), { line: 5, column: 12 });
    assert.deepEqual(c.span, sp(1, 5, 5, 12));
  });
});

describe('keywords, unknown instructions, recovery', () => {
  test('keywords are case-insensitive', () => {
    const df = parseDockerfile('from a\nRuN x\n');
    assert.deepEqual(
      df.instructions.map((i) => [i.keyword, i.keywordRaw]),
      [
        ['FROM', 'from'],
        ['RUN', 'RuN'],
      ],
    );
  });

  test('unknown keyword: UNKNOWN instruction with a problem, parsing continues', () => {
    const df = parseDockerfile('FROM a\nFOO bar baz\nRUN x\n');
    const g = df.instructions[1] as GenericInstruction;
    assert.equal(g.keyword, 'UNKNOWN');
    assert.equal(g.keywordRaw, 'FOO');
    assert.deepEqual(g.args, ['bar', 'baz']);
    assert.deepEqual(g.argSpans, [sp(2, 5, 2, 8), sp(2, 9, 2, 12)]);
    assert.deepEqual(errors(df), [['unknown instruction: FOO', 2, 1]]);
    assert.equal(df.instructions[2].keyword, 'RUN');
  });

  test('several broken instructions each give a problem; the rest is parsed', () => {
    const df = parseDockerfile('FROM\nCOPY onlyone\nENV\nHEALTHCHECK FOO\nUSER app\nONBUILD\n');
    assert.deepEqual(
      df.instructions.map((i) => i.keyword),
      ['FROM', 'COPY', 'ENV', 'HEALTHCHECK', 'USER', 'ONBUILD'],
    );
    assert.deepEqual(
      errors(df).map(([, l, c]) => [l, c]),
      [
        [1, 1],
        [2, 6],
        [3, 1],
        [4, 13],
        [6, 1],
      ],
    );
  });

  test('trailing whitespace is trimmed from the arguments', () => {
    const i = only(parseDockerfile('RUN echo hi   \t\n'));
    assert.equal(i.rawArgs, 'echo hi');
    assert.deepEqual(i.argsSpan, sp(1, 5, 1, 12));
    assert.deepEqual(i.span, sp(1, 1, 1, 16));
  });

  test('an unquoted # inside an instruction is part of the arguments', () => {
    assert.equal(script(only(parseDockerfile('RUN echo a # not a comment\n'))), 'echo a # not a comment');
  });
});

describe('flags', () => {
  test('--name=value and bare --name, with spans; the rest is rawArgs', () => {
    const i = only(parseDockerfile('COPY --from=build --link --chown="app user" a b\n')) as CopyInstruction;
    assert.deepEqual(
      i.flags.map((f) => [f.name, f.value]),
      [
        ['from', 'build'],
        ['link', null],
        ['chown', 'app user'],
      ],
    );
    assert.deepEqual(
      i.flags.map((f) => f.span),
      [sp(1, 6, 1, 18), sp(1, 19, 1, 25), sp(1, 26, 1, 44)],
    );
    assert.equal(i.rawArgs, 'a b');
    assert.deepEqual(i.argsSpan, sp(1, 45, 1, 48));
  });

  test('unknown and future flags are kept', () => {
    const i = only(parseDockerfile('RUN --network=none --security=insecure --future-thing=1 make\n'));
    assert.deepEqual(
      i.flags.map((f) => f.name),
      ['network', 'security', 'future-thing'],
    );
    assert.equal(script(i), 'make');
  });

  test('flags across continuation lines', () => {
    const i = only(parseDockerfile('RUN --mount=type=cache,target=/a \\\n    --mount=type=secret,id=x \\\n    make\n'));
    assert.deepEqual(
      i.flags.map((f) => [f.value, f.span]),
      [
        ['type=cache,target=/a', sp(1, 5, 1, 33)],
        ['type=secret,id=x', sp(2, 5, 2, 29)],
      ],
    );
    assert.equal(script(i), 'make');
    assert.deepEqual(i.argsSpan, sp(3, 5, 3, 9));
  });

  test('-- ends the flags; a single dash is an argument', () => {
    let i = only(parseDockerfile('RUN --x -- --not-a-flag\n'));
    assert.deepEqual(
      i.flags.map((f) => f.name),
      ['x'],
    );
    assert.equal(script(i), '--not-a-flag');
    i = only(parseDockerfile('RUN -x --y\n'));
    assert.deepEqual(i.flags, []);
    assert.equal(script(i), '-x --y');
  });

  test('flags are only read for FROM/RUN/COPY/ADD/HEALTHCHECK', () => {
    const i = only(parseDockerfile('WORKDIR --x\n')) as GenericInstruction;
    assert.deepEqual(i.flags, []);
    assert.deepEqual(i.args, ['--x']);
  });
});

describe('exec and shell form', () => {
  test('JSON array with whitespace and escapes is exec form', () => {
    const i = only(parseDockerfile('CMD [ "nginx" ,"-g",\t"daemon off;", "a\\"b\\\\c\\u0041\\n" ]\n'));
    const c = cmd(i).command;
    assert.equal(c.form, 'exec');
    if (c.form === 'exec') {
      assert.deepEqual(c.args, ['nginx', '-g', 'daemon off;', 'a"b\\cA\n']);
      assert.deepEqual(c.span, sp(1, 5, 1, 56));
    }
  });

  test('empty JSON array is exec form with no arguments', () => {
    const c = cmd(only(parseDockerfile('ENTRYPOINT []\n'))).command;
    assert.deepEqual(c.form === 'exec' && c.args, []);
  });

  test('not valid JSON (single quotes, missing comma, unclosed) is shell form', () => {
    for (const a of ["['a']", '["a" "b"]', '["a"', '[a]', '["a",]']) {
      const c = cmd(only(parseDockerfile(`CMD ${a}\n`))).command;
      assert.equal(c.form, 'shell', a);
    }
  });

  test('a JSON array with a non-string is a problem', () => {
    const df = parseDockerfile('CMD ["a", 1]\nUSER x\n');
    assert.deepEqual(errors(df), [['CMD: a JSON array must contain only strings', 1, 5]]);
    assert.equal(df.instructions.length, 2);
  });

  test('JSON form across continuation lines', () => {
    const c = cmd(only(parseDockerfile('ENTRYPOINT ["a", \\\n  "b"]\n'))).command;
    assert.deepEqual(c.form === 'exec' && c.args, ['a', 'b']);
    assert.deepEqual(c.span, sp(1, 12, 2, 7));
  });

  test('SHELL must be JSON', () => {
    const df = parseDockerfile('SHELL /bin/bash -c\n');
    assert.deepEqual(errors(df), [['SHELL needs its arguments in JSON form, e.g. SHELL ["/bin/sh", "-c"]', 1, 7]]);
  });
});

describe('FROM', () => {
  function from(src: string): FromInstruction {
    const i = parseDockerfile(src).instructions[0];
    assert.equal(i.keyword, 'FROM');
    return i as FromInstruction;
  }

  test('platform, image parts and alias with spans', () => {
    const f = from('FROM --platform=linux/amd64 registry.example.com:5000/team/app:1.2@sha256:abc As Build\n');
    assert.equal(f.platform, 'linux/amd64');
    assert.deepEqual(f.image, {
      raw: 'registry.example.com:5000/team/app:1.2@sha256:abc',
      registry: 'registry.example.com:5000',
      name: 'team/app',
      tag: '1.2',
      digest: 'sha256:abc',
    });
    assert.equal(f.alias, 'Build');
    assert.deepEqual(f.aliasSpan, sp(1, 82, 1, 87));
  });

  test('registry rule: dot, colon, localhost or upper case in the first segment', () => {
    assert.deepEqual(from('FROM nginx').image, { raw: 'nginx', name: 'nginx' });
    assert.deepEqual(from('FROM library/nginx:1.25').image, { raw: 'library/nginx:1.25', name: 'library/nginx', tag: '1.25' });
    assert.equal(from('FROM localhost/app').image.registry, 'localhost');
    assert.equal(from('FROM host:5000/app').image.registry, 'host:5000');
    assert.equal(from('FROM host:5000/app').image.name, 'app');
    assert.equal(from('FROM Registry/app').image.registry, 'Registry');
    assert.equal(from('FROM docker.io/library/alpine').image.name, 'library/alpine');
  });

  test('${VAR} stays opaque', () => {
    assert.deepEqual(from('FROM ${IMG:-nginx:1}').image, { raw: '${IMG:-nginx:1}', name: '${IMG:-nginx:1}' });
    assert.deepEqual(from('FROM ${REG}/app:${TAG}').image, { raw: '${REG}/app:${TAG}', name: '${REG}/app', tag: '${TAG}' });
    assert.deepEqual(from('FROM $IMG').image, { raw: '$IMG', name: '$IMG' });
  });

  test('missing image and extra words are problems', () => {
    let df = parseDockerfile('FROM\n');
    assert.deepEqual(errors(df), [['FROM needs an image name', 1, 1]]);
    assert.deepEqual((df.instructions[0] as FromInstruction).image, { raw: '', name: '' });
    df = parseDockerfile('FROM --platform=x\n');
    assert.deepEqual(errors(df), [['FROM needs an image name', 1, 1]]);
    df = parseDockerfile('FROM a b\n');
    assert.deepEqual(errors(df), [["FROM takes an image and optionally 'AS name'", 1, 8]]);
    df = parseDockerfile('FROM a AS 1bad\n');
    assert.equal(df.errors[0].span.start.column, 11);
  });
});

describe('COPY and ADD', () => {
  function copy(src: string): CopyInstruction {
    const i = parseDockerfile(src).instructions[0];
    assert.ok(i.keyword === 'COPY' || i.keyword === 'ADD');
    return i as CopyInstruction;
  }

  test('shell form: last word is dest, quotes removed from each word, spans', () => {
    const df = parseDockerfile('COPY a "b" \'c d\' /dst/\n');
    const c = df.instructions[0] as CopyInstruction;
    // BuildKit splits on blanks first, then unquotes each word: 'c and d' are broken words.
    assert.deepEqual(c.sources, ['a', 'b', "'c", "d'"]);
    assert.deepEqual(errors(df), [
      ['unterminated quote', 1, 12],
      ['unterminated quote', 1, 15],
    ]);
    assert.equal(c.form, 'shell');
    const c2 = copy('ADD  src1   src2 /dst\n');
    assert.deepEqual(c2.sources, ['src1', 'src2']);
    assert.equal(c2.dest, '/dst');
    assert.deepEqual(c2.sourceSpans, [sp(1, 6, 1, 10), sp(1, 13, 1, 17)]);
    assert.deepEqual(c2.destSpan, sp(1, 18, 1, 22));
  });

  test('JSON form keeps spaces', () => {
    const c = copy('COPY ["a b", "c", "/d e/"]\n');
    assert.equal(c.form, 'exec');
    assert.deepEqual(c.sources, ['a b', 'c']);
    assert.equal(c.dest, '/d e/');
    assert.deepEqual(c.sourceSpans, [sp(1, 7, 1, 12), sp(1, 14, 1, 17)]);
    assert.deepEqual(c.destSpan, sp(1, 19, 1, 26));
  });

  test('sources over continuation lines', () => {
    const c = copy('COPY a \\\n  b \\\n  /dst\n');
    assert.deepEqual(c.sourceSpans, [sp(1, 6, 1, 7), sp(2, 3, 2, 4)]);
    assert.deepEqual(c.destSpan, sp(3, 3, 3, 7));
  });

  test('a heredoc as destination is a problem', () => {
    const df = parseDockerfile('COPY a <<EOF\nx\nEOF\n');
    assert.deepEqual(errors(df), [['COPY cannot take a heredoc as its destination', 1, 8]]);
  });

  test('fewer than two words is a problem', () => {
    const df = parseDockerfile('COPY onlyone\nADD\n');
    assert.deepEqual(errors(df), [
      ['COPY needs at least one source and a destination', 1, 6],
      ['ADD needs at least one source and a destination', 2, 4],
    ]);
    assert.equal((df.instructions[0] as CopyInstruction).dest, 'onlyone');
  });
});

describe('ENV and LABEL', () => {
  function kv(src: string): KeyValueInstruction {
    const df = parseDockerfile(src);
    return df.instructions[0] as KeyValueInstruction;
  }

  test('several pairs; double quotes process escapes, single quotes are literal', () => {
    const e = kv('ENV A=1 B="two words" C=\'lit $x \\n\' D="q\\"q" E=a\\ b F="x\\ny"\n');
    assert.deepEqual(
      e.pairs.map((p) => [p.key, p.value]),
      [
        ['A', '1'],
        ['B', 'two words'],
        ['C', 'lit $x \\n'],
        ['D', 'q"q'],
        ['E', 'a b'],
        ['F', 'x\\ny'],
      ],
    );
    assert.deepEqual(e.pairs[0].span, sp(1, 5, 1, 8));
    assert.deepEqual(e.pairs[1].span, sp(1, 9, 1, 22));
  });

  test('legacy form: one pair, the value is the rest of the line', () => {
    const e = kv('ENV PATH /usr/local/bin:$PATH  more\n');
    assert.deepEqual(
      e.pairs.map((p) => [p.key, p.value]),
      [['PATH', '/usr/local/bin:$PATH  more']],
    );
    assert.deepEqual(e.pairs[0].span, sp(1, 5, 1, 36));
  });

  test('ENV with no value and a word without = are problems', () => {
    let df = parseDockerfile('ENV ONLYKEY\n');
    assert.deepEqual(errors(df), [['ENV ONLYKEY has no value: write ENV name=value', 1, 5]]);
    df = parseDockerfile('ENV A=1 B\n');
    assert.deepEqual(errors(df), [["ENV: 'B' has no '=': write name=value", 1, 9]]);
    assert.equal((df.instructions[0] as KeyValueInstruction).pairs.length, 1);
  });

  test('LABEL with quoted keys and continuation', () => {
    const l = kv('LABEL "com.example.vendor"="ACME Inc" \\\n      version=1.0\n');
    assert.equal(l.keyword, 'LABEL');
    assert.deepEqual(
      l.pairs.map((p) => [p.key, p.value, p.span.start.line]),
      [
        ['com.example.vendor', 'ACME Inc', 1],
        ['version', '1.0', 2],
      ],
    );
  });

  test('unterminated quote is a problem', () => {
    const df = parseDockerfile('ENV A="x\n');
    assert.deepEqual(errors(df), [['unterminated quote', 1, 5]]);
  });
});

describe('ARG', () => {
  test('several declarations with and without defaults', () => {
    const a = only(parseDockerfile('ARG a b=1 c="x y" d=\n')) as ArgInstruction;
    assert.deepEqual(
      a.args.map((d) => [d.name, d.defaultValue]),
      [
        ['a', undefined],
        ['b', '1'],
        ['c', 'x y'],
        ['d', ''],
      ],
    );
    assert.equal('defaultValue' in a.args[0], false);
    assert.deepEqual(
      a.args.map((d) => d.span),
      [sp(1, 5, 1, 6), sp(1, 7, 1, 10), sp(1, 11, 1, 18), sp(1, 19, 1, 21)],
    );
  });

  test('empty ARG and blank name are problems', () => {
    assert.deepEqual(errors(parseDockerfile('ARG\n')), [['ARG needs at least one name', 1, 1]]);
    assert.deepEqual(errors(parseDockerfile('ARG =x\n')), [['ARG: a name cannot be empty', 1, 5]]);
  });
});

describe('HEALTHCHECK', () => {
  test('NONE', () => {
    const h = only(parseDockerfile('HEALTHCHECK none\n')) as HealthcheckInstruction;
    assert.equal(h.none, true);
    assert.equal(h.command, null);
  });

  test('flags then CMD in shell and exec form', () => {
    let h = only(parseDockerfile('HEALTHCHECK --interval=5s --retries=3 CMD curl -f http://x/ || exit 1\n')) as HealthcheckInstruction;
    assert.equal(h.none, false);
    assert.deepEqual(
      h.flags.map((f) => [f.name, f.value]),
      [
        ['interval', '5s'],
        ['retries', '3'],
      ],
    );
    assert.equal(h.command?.form === 'shell' && h.command.script, 'curl -f http://x/ || exit 1');
    assert.deepEqual(h.command?.span, sp(1, 43, 1, 70));
    h = only(parseDockerfile('HEALTHCHECK CMD ["/bin/check", "--fast"]\n')) as HealthcheckInstruction;
    assert.deepEqual(h.command?.form === 'exec' && h.command.args, ['/bin/check', '--fast']);
  });

  test('anything else is a problem', () => {
    assert.deepEqual(errors(parseDockerfile('HEALTHCHECK\n')), [['HEALTHCHECK needs NONE or CMD followed by a command', 1, 1]]);
    assert.deepEqual(errors(parseDockerfile('HEALTHCHECK curl x\n')), [
      ["HEALTHCHECK: unknown type 'curl' (expected CMD or NONE)", 1, 13],
    ]);
    assert.deepEqual(errors(parseDockerfile('HEALTHCHECK NONE x\n')), [['HEALTHCHECK NONE takes no arguments', 1, 18]]);
    assert.deepEqual(errors(parseDockerfile('HEALTHCHECK CMD\n')), [['HEALTHCHECK CMD needs a command', 1, 13]]);
  });
});

describe('ONBUILD', () => {
  test('payload parsed with real positions', () => {
    const o = only(parseDockerfile('ONBUILD  COPY --chown=a . /app\n')) as OnbuildInstruction;
    const inner = o.inner as CopyInstruction;
    assert.equal(inner.keyword, 'COPY');
    assert.deepEqual(inner.keywordSpan, sp(1, 10, 1, 14));
    assert.deepEqual(inner.flags[0].span, sp(1, 15, 1, 24));
    assert.deepEqual(inner.destSpan, sp(1, 27, 1, 31));
    assert.equal(o.rawArgs, 'COPY --chown=a . /app');
  });

  test('ONBUILD ONBUILD, FROM and empty payload are problems', () => {
    let df = parseDockerfile('ONBUILD ONBUILD RUN x\n');
    assert.deepEqual(errors(df), [['ONBUILD ONBUILD is not allowed', 1, 9]]);
    assert.equal((df.instructions[0] as OnbuildInstruction).inner, null);
    df = parseDockerfile('ONBUILD FROM x\n');
    assert.deepEqual(errors(df), [['FROM is not allowed as an ONBUILD trigger', 1, 9]]);
    df = parseDockerfile('ONBUILD\n');
    assert.deepEqual(errors(df), [['ONBUILD needs an instruction to run later', 1, 1]]);
  });
});

describe('generic instructions', () => {
  test('EXPOSE and VOLUME words; VOLUME JSON', () => {
    const df = parseDockerfile('EXPOSE 80/tcp  443\nVOLUME /a /b\nVOLUME ["/c d", "/e"]\n');
    const [e, v1, v2] = df.instructions as GenericInstruction[];
    assert.deepEqual(e.args, ['80/tcp', '443']);
    assert.deepEqual(e.argSpans, [sp(1, 8, 1, 14), sp(1, 16, 1, 19)]);
    assert.deepEqual(v1.args, ['/a', '/b']);
    assert.deepEqual(v2.args, ['/c d', '/e']);
    assert.deepEqual(v2.argSpans, [sp(3, 9, 3, 15), sp(3, 17, 3, 21)]);
  });

  test('USER/WORKDIR/STOPSIGNAL/MAINTAINER: one trimmed string, quotes kept', () => {
    const df = parseDockerfile('USER  app:app \nWORKDIR "/my dir"\nSTOPSIGNAL SIGTERM\nMAINTAINER Jo <jo@x>\n');
    assert.deepEqual(
      (df.instructions as GenericInstruction[]).map((i) => [i.keyword, i.args]),
      [
        ['USER', ['app:app']],
        ['WORKDIR', ['"/my dir"']],
        ['STOPSIGNAL', ['SIGTERM']],
        ['MAINTAINER', ['Jo <jo@x>']],
      ],
    );
    assert.deepEqual((df.instructions[0] as GenericInstruction).argSpans, [sp(1, 7, 1, 14)]);
  });

  test('missing argument is a problem', () => {
    assert.deepEqual(errors(parseDockerfile('USER\nEXPOSE\n')), [
      ['USER needs exactly one argument', 1, 1],
      ['EXPOSE needs at least one argument', 2, 1],
    ]);
  });
});

describe('heredocs', () => {
  test('RUN <<EOF: body, spans, command is the RUN line', () => {
    const df = parseDockerfile('RUN <<EOF\napt-get update\napt-get install -y x\nEOF\nUSER a\n');
    assert.deepEqual(df.errors, []);
    const r = df.instructions[0];
    assert.equal(script(r), '<<EOF');
    assert.equal(r.rawArgs, '<<EOF');
    assert.deepEqual(r.span, sp(1, 1, 4, 4));
    assert.equal(r.heredocs.length, 1);
    const h = r.heredocs[0];
    assert.deepEqual(
      { d: h.delimiter, q: h.quoted, t: h.stripTabs, b: h.body, term: h.terminated, fd: h.fd },
      { d: 'EOF', q: false, t: false, b: 'apt-get update\napt-get install -y x', term: true, fd: undefined },
    );
    assert.deepEqual(h.markerSpan, sp(1, 5, 1, 10));
    assert.deepEqual(h.bodySpan, sp(2, 1, 4, 4));
    assert.equal(df.instructions[1].span.start.line, 5);
  });

  test('several heredocs: bodies follow in marker order', () => {
    const df = parseDockerfile('COPY <<A <<B /dst/\nB\nA\nA\nB\n');
    const c = only(df) as CopyInstruction;
    assert.deepEqual(
      c.heredocs.map((h) => [h.delimiter, h.body, h.bodySpan.start.line, h.bodySpan.end.line]),
      [
        ['A', 'B', 2, 3],
        ['B', 'A', 4, 5],
      ],
    );
    assert.deepEqual(c.sources, ['A', 'B']);
    assert.equal(c.dest, '/dst/');
    assert.deepEqual(c.sourceSpans, [sp(1, 6, 1, 9), sp(1, 10, 1, 13)]);
  });

  test('<<- strips leading tabs from body and terminator', () => {
    const h = only(parseDockerfile('RUN <<-EOF\n\techo a\n\t\techo b\n  x\n\tEOF\n')).heredocs[0];
    assert.equal(h.stripTabs, true);
    assert.equal(h.body, 'echo a\necho b\n  x');
    assert.equal(h.terminated, true);
    assert.deepEqual(h.bodySpan, sp(2, 1, 5, 5));
  });

  test('without <<- a tab-indented terminator is body text', () => {
    const df = parseDockerfile('RUN <<EOF\n\tEOF\nEOF\n');
    assert.equal(only(df).heredocs[0].body, '\tEOF');
  });

  test('quoted and partly quoted delimiters', () => {
    const cases: [string, string, boolean][] = [
      ['<<"EOF"', 'EOF', true],
      ["<<'EOF'", 'EOF', true],
      ['<<E"O"F', 'EOF', true],
      ["<<eo'f'", 'eof', true],
      ['<<EOF', 'EOF', false],
      ['<<\\EOF', 'EOF', false],
    ];
    for (const [marker, delimiter, quoted] of cases) {
      const df = parseDockerfile(`RUN ${marker}\nbody\n${delimiter}\nUSER x\n`);
      assert.deepEqual(df.errors, [], marker);
      assert.equal(df.instructions.length, 2, marker);
      const h = df.instructions[0].heredocs[0];
      assert.deepEqual([h.delimiter, h.quoted, h.body], [delimiter, quoted, 'body'], marker);
    }
  });

  test('fd prefixes', () => {
    const h = only(parseDockerfile('RUN 3<<EOF cat <&3\nx\nEOF\n')).heredocs[0];
    assert.equal(h.fd, 3);
    assert.deepEqual(h.markerSpan, sp(1, 5, 1, 11));
  });

  test('interpreter and commands around the marker, redirections after', () => {
    for (const line of ['RUN <<EOF python3', 'RUN python3 <<EOF', 'RUN <<EOF bash -ex', 'RUN <<EOF > /file', 'RUN cat <<EOF | sh']) {
      const df = parseDockerfile(`${line}\nprint(1)\nEOF\nUSER x\n`);
      const r = df.instructions[0];
      assert.equal(script(r), line.slice(4), line);
      assert.deepEqual(
        r.heredocs.map((h) => [h.delimiter, h.body]),
        [['EOF', 'print(1)']],
        line,
      );
      assert.equal(df.instructions[1].keyword, 'USER');
    }
  });

  test('<<< is a here-string, not a heredoc', () => {
    const df = parseDockerfile('RUN cat <<<EOF\nUSER x\n');
    assert.deepEqual(df.instructions[0].heredocs, []);
    assert.equal(df.instructions.length, 2);
  });

  test('markers inside quotes, exec form, CMD and glued words are not heredocs', () => {
    for (const src of ['RUN echo "<<EOF"\n', 'RUN ["cat", "<<EOF"]\n', 'CMD cat <<EOF\n', 'RUN cat<<EOF\n', 'ENTRYPOINT <<EOF\n']) {
      const df = parseDockerfile(src + 'USER x\n');
      assert.equal(df.instructions.length, 2, src);
      assert.deepEqual(df.instructions[0].heredocs, [], src);
    }
  });

  test('heredoc marker after a continuation; body starts after the last continued line', () => {
    const df = parseDockerfile('RUN --mount=type=cache,target=/x \\\n  <<EOF\necho\nEOF\n');
    const r = only(df);
    assert.deepEqual(r.heredocs[0].markerSpan, sp(2, 3, 2, 8));
    assert.deepEqual(r.heredocs[0].bodySpan, sp(3, 1, 4, 4));
  });

  test('empty body', () => {
    const h = only(parseDockerfile('RUN <<EOF\nEOF\n')).heredocs[0];
    assert.equal(h.body, '');
    assert.equal(h.terminated, true);
  });

  test('heredoc in ONBUILD RUN', () => {
    const df = parseDockerfile('ONBUILD RUN <<EOF\necho later\nEOF\nUSER x\n');
    const o = df.instructions[0] as OnbuildInstruction;
    assert.equal(o.inner?.heredocs[0].body, 'echo later');
    assert.deepEqual(o.inner?.heredocs[0].markerSpan, sp(1, 13, 1, 18));
    assert.deepEqual(o.span, sp(1, 1, 3, 4));
    assert.deepEqual(o.inner?.span, sp(1, 9, 3, 4));
    assert.equal(df.instructions[1].keyword, 'USER');
  });

  test('unterminated heredoc: body to end of file, problem at the marker', () => {
    const df = parseDockerfile('FROM a\nRUN <<EOF\necho 1\nUSER x\n');
    assert.equal(df.instructions.length, 2);
    const h = df.instructions[1].heredocs[0];
    assert.equal(h.terminated, false);
    assert.equal(h.body, 'echo 1\nUSER x');
    assert.deepEqual(h.bodySpan, sp(3, 1, 4, 7));
    assert.deepEqual(errors(df), [["unterminated heredoc: no line 'EOF' before the end of the file", 2, 5]]);
    assert.deepEqual(df.instructions[1].span, sp(2, 1, 4, 7));
  });

  test('heredoc body lines are not parsed as instructions or comments', () => {
    const df = parseDockerfile('RUN <<EOF\n# comment\nFROM x \\\nEOF\n');
    assert.deepEqual(df.comments, []);
    assert.equal(only(df).heredocs[0].body, '# comment\nFROM x \\');
  });
});

describe('fixtures', () => {
  function fixture(name: string): Dockerfile {
    return parseDockerfile(readFileSync(new URL(name, FIXTURES), 'utf8'), name);
  }

  test('multi-stage Go build', () => {
    const df = fixture('multistage.Dockerfile');
    assert.deepEqual(df.errors, []);
    assert.equal(df.directives.syntax, 'docker/dockerfile:1.7');
    assert.equal(df.directives.check, 'skip=JSONArgsRecommended');
    assert.deepEqual(
      df.instructions.map((i) => [i.keyword, i.span.start.line, i.span.end.line]),
      [
        ['ARG', 3, 3],
        ['ARG', 4, 4],
        ['FROM', 6, 6],
        ['WORKDIR', 7, 7],
        ['RUN', 8, 10],
        ['COPY', 11, 11],
        ['ARG', 12, 12],
        ['RUN', 13, 16],
        ['FROM', 18, 18],
        ['LABEL', 19, 20],
        ['COPY', 21, 21],
        ['USER', 22, 22],
        ['EXPOSE', 23, 23],
        ['HEALTHCHECK', 24, 24],
        ['ENTRYPOINT', 25, 25],
      ],
    );
    const build = df.instructions[2] as FromInstruction;
    assert.deepEqual([build.platform, build.image.name, build.image.tag, build.alias], ['$BUILDPLATFORM', 'golang', '${GO_VERSION}-alpine', 'build']);
    const run = df.instructions[7] as CommandInstruction;
    assert.equal(
      script(run),
      'CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH     go build -trimpath -o /out/app ./cmd/app',
    );
    assert.deepEqual((df.instructions[6] as ArgInstruction).args.map((a) => a.name), ['TARGETOS', 'TARGETARCH']);
    assert.deepEqual(
      (df.instructions[9] as KeyValueInstruction).pairs.map((p) => [p.key, p.value]),
      [
        ['org.opencontainers.image.title', 'app'],
        ['org.opencontainers.image.licenses', 'MIT'],
      ],
    );
    assert.equal((df.instructions[8] as FromInstruction).image.raw, '${BASE}');
    assert.deepEqual(df.comments.filter((c) => !c.directive), []);
  });

  test('Windows with escape=` and PowerShell', () => {
    const df = fixture('windows.Dockerfile');
    assert.deepEqual(df.errors, []);
    assert.equal(df.directives.escape, '`');
    assert.deepEqual(
      df.instructions.map((i) => i.keyword),
      ['FROM', 'SHELL', 'ENV', 'RUN', 'WORKDIR', 'COPY', 'CMD'],
    );
    const env = df.instructions[2] as KeyValueInstruction;
    assert.deepEqual(
      env.pairs.map((p) => [p.key, p.value]),
      [
        ['GIT_VERSION', '2.44.0'],
        ['GIT_HOME', 'C:\\git'],
      ],
    );
    assert.equal(
      script(df.instructions[3]),
      'Invoke-WebRequest -Uri https://example.invalid/git-$env:GIT_VERSION.zip -OutFile git.zip;     Expand-Archive git.zip -DestinationPath C:\\git;     Remove-Item git.zip -Force',
    );
    assert.deepEqual((df.instructions[4] as GenericInstruction).args, ['C:\\app']);
    const copy = df.instructions[5] as CopyInstruction;
    assert.deepEqual([copy.sources, copy.dest], [['app\\'], 'C:\\app\\']);
    const c = cmd(df.instructions[6]).command;
    assert.deepEqual(c.form === 'exec' && c.args, ['C:\\app\\run.exe']);
  });

  test('heredoc collection', () => {
    const df = fixture('heredocs.Dockerfile');
    assert.deepEqual(df.errors, []);
    assert.deepEqual(
      df.instructions.map((i) => [i.keyword, i.span.start.line, i.span.end.line, i.heredocs.map((h) => h.delimiter).join(',')]),
      [
        ['FROM', 1, 1, ''],
        ['RUN', 2, 5, 'EOT'],
        ['COPY', 6, 12, 'one.conf,two.conf'],
        ['RUN', 13, 15, 'EOF'],
        ['RUN', 16, 18, 'EOF'],
        ['ONBUILD', 19, 21, 'EOF'],
        ['RUN', 22, 24, 'PY'],
        ['CMD', 25, 25, ''],
      ],
    );
    const copy = df.instructions[2] as CopyInstruction;
    assert.deepEqual(
      copy.heredocs.map((h) => [h.quoted, h.body]),
      [
        [false, '[one]\nvalue=$HOME'],
        [true, '[two]\nvalue=$HOME'],
      ],
    );
    assert.equal(df.instructions[1].heredocs[0].body, '\tapt-get update\n\tapt-get install -y vim');
    assert.equal(df.instructions[3].heredocs[0].body, 'echo tabbed');
    assert.equal(df.instructions[4].heredocs[0].fd, 3);
    assert.equal(script(df.instructions[6]), 'python3 <<PY');
  });
});
