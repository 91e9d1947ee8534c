import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import {
  argsAfter,
  basename,
  commandsNamed,
  firstIndex,
  hasAnyArg,
  hasArg,
  hasFlag,
  nonFlagArgs,
} from '../../src/shell/commands.js';
import { deriveFlags, initShell, MAX_SCRIPT_LENGTH, parseShell, parseShellDetailed } from '../../src/shell/shell.js';
import type { ShellCommand } from '../../src/shell/types.js';

before(async () => {
  await initShell();
});

/** `name arg arg` per command, for compact expectations. */
function summary(script: string): string[] {
  return parseShell(script).commands.map((c) => [c.name, ...c.args].join(' '));
}

function only(script: string): ShellCommand {
  const commands = parseShell(script).commands;
  assert.equal(commands.length, 1, `expected one command in ${script}`);
  return commands[0]!;
}

describe('parseShell: command extraction', () => {
  it('lists apt-get chains once each, in source order', () => {
    assert.deepEqual(
      summary('apt-get update && apt-get install -y --no-install-recommends curl=7.88 && rm -rf /var/lib/apt/lists/*'),
      ['apt-get update', 'apt-get install -y --no-install-recommends curl=7.88', 'rm -rf /var/lib/apt/lists/*'],
    );
  });

  it('finds commands in pipelines and sets hasPipe (not for ||)', () => {
    const piped = parseShell('curl -sL https://x | bash -');
    assert.deepEqual(piped.commands.map((c) => c.name), ['curl', 'bash']);
    assert.equal(piped.hasPipe, true);
    assert.equal(parseShell('a || b').hasPipe, false);
    assert.equal(parseShell('a |& b').hasPipe, true);
    assert.equal(parseShell('echo "a | b"').hasPipe, false);
  });

  it('finds commands in subshells, $(...), backticks and braces, outer first', () => {
    assert.deepEqual(summary('(cd /src && make) ; echo $(date +%s) `whoami`; { ls; }'), [
      'cd /src',
      'make',
      'echo ${VAR} ${VAR}',
      'date +%s',
      'whoami',
      'ls',
    ]);
  });

  it('finds commands in if/elif/else, for, while, case and function bodies', () => {
    assert.deepEqual(
      summary('if [ -f x ]; then rm -f x; elif true; then :; else touch x; fi; for i in a b; do echo $i; done'),
      ['rm -f x', 'true', ':', 'touch x', 'echo ${i}'],
    );
    assert.deepEqual(summary('while read l; do x "$l"; done < f; case $a in b) y;; esac; f() { g; }'), [
      'read l',
      'x ${l}',
      'y',
      'g',
    ]);
  });

  it('skips prefix assignments into assignments and ignores assignment-only statements', () => {
    const cmd = only('FOO=1 BAR="x y" DEBIAN_FRONTEND=noninteractive apt-get install -y tzdata');
    assert.equal(cmd.name, 'apt-get');
    assert.deepEqual(cmd.assignments, ['FOO=1', 'BAR=x y', 'DEBIAN_FRONTEND=noninteractive']);
    assert.deepEqual(cmd.args, ['install', '-y', 'tzdata']);
    assert.deepEqual(summary('A=1; B=$(id -u)'), ['id -u']);
  });

  it('keeps names verbatim; sudo/env/xargs/time keep their own name', () => {
    assert.deepEqual(summary('/usr/bin/apt-get update'), ['/usr/bin/apt-get update']);
    assert.deepEqual(summary('sudo -E apt-get install foo; env X=1 pip install y; find . | xargs rm'), [
      'sudo -E apt-get install foo',
      'env X=1 pip install y',
      'find .',
      'xargs rm',
    ]);
  });

  it('unwraps command/builtin/busybox/exec but keeps the argument list', () => {
    const [commandV, wrapped, exec, execA, busybox, builtin] = parseShell(
      'command -v curl; command apt-get install x; exec gosu app; exec -a name nginx -g x; busybox wget y; builtin cd /',
    ).commands;
    assert.equal(commandV!.name, 'command');
    assert.deepEqual(commandV!.args, ['-v', 'curl']);
    assert.equal(wrapped!.name, 'apt-get');
    assert.deepEqual(wrapped!.args, ['apt-get', 'install', 'x']);
    assert.equal(exec!.name, 'gosu');
    assert.deepEqual(exec!.args, ['gosu', 'app']);
    assert.equal(execA!.name, 'nginx');
    assert.deepEqual(execA!.args, ['-a', 'name', 'nginx', '-g', 'x']);
    assert.equal(busybox!.name, 'wget');
    assert.equal(builtin!.name, 'cd');
  });

  it('gives no command for a non-literal first word, but still looks inside it', () => {
    assert.deepEqual(summary('$PM install x; "$CMD" y; ${TOOL} z; command $X'), []);
    assert.deepEqual(summary('$(which pip) install x'), ['which pip']);
  });

  it('lists declaration and unset commands under their keyword', () => {
    assert.deepEqual(summary('export A=1 B; unset X; local y=$z'), ['export A=1 B', 'unset X', 'local y=${z}']);
  });

  it('keeps arguments that tree-sitter parks in a redirect', () => {
    assert.deepEqual(summary('echo >/tmp/x foo bar'), ['echo foo bar']);
    assert.deepEqual(summary('cmd 2>&1 >/dev/null arg'), ['cmd arg']);
  });

  it('includes commands of command substitutions inside heredocs and after them', () => {
    assert.deepEqual(summary('cat <<EOF > /x\n$(inner) ok\nEOF\nafter'), ['cat', 'inner', 'after']);
  });

  it('does not parse strings passed to sh -c', () => {
    assert.deepEqual(summary('sh -c "apt-get update"'), ['sh -c apt-get update']);
  });
});

describe('parseShell: words', () => {
  it('removes quotes and normalises expansions', () => {
    const cmd = parseShell(`echo 'a b' "q\\"x\\$y" a\\ b c$X \${Y:-d}z "$@" $1 $'t\\tx' $((1+2)) \`id\` "$(id -u)" ~/x *.txt {a,b}`).commands[0]!;
    assert.deepEqual(cmd.args, [
      'a b',
      'q"x$y',
      'a b',
      'c${X}',
      '${Y}z',
      '${@}',
      '${1}',
      't\tx',
      '${VAR}',
      '${VAR}',
      '${VAR}',
      '~/x',
      '*.txt',
      '{a,b}',
    ]);
    assert.deepEqual(
      cmd.words.map((w) => w.dynamic),
      [false, false, false, true, true, true, true, false, true, true, true, false, false, false],
    );
    assert.equal(cmd.words[0]!.raw, "'a b'");
  });

  it('keeps backslashes inside double quotes unless they escape a special character', () => {
    assert.deepEqual(only('printf "a\\nb \\\\ \\`"').args, ['a\\nb \\ `']);
  });

  it('reports word and command spans as 1-based positions, end exclusive, across lines', () => {
    const [install, rm] = parseShell('apt-get install a \\\n  b && \\\n  rm -rf x').commands;
    assert.deepEqual(install!.span, { start: { line: 1, column: 1 }, end: { line: 2, column: 4 } });
    assert.deepEqual(install!.words[2]!.span, { start: { line: 2, column: 3 }, end: { line: 2, column: 4 } });
    assert.deepEqual(rm!.span, { start: { line: 3, column: 3 }, end: { line: 3, column: 11 } });
  });

  it('maps positions through the given mapper', () => {
    const cmd = only('ls -la');
    assert.deepEqual(cmd.span.start, { line: 1, column: 1 });
    const mapped = parseShell('ls -la', (offset) => ({ line: 7, column: 10 + offset })).commands[0]!;
    assert.deepEqual(mapped.span, { start: { line: 7, column: 10 }, end: { line: 7, column: 16 } });
    assert.deepEqual(mapped.words[0]!.span, { start: { line: 7, column: 13 }, end: { line: 7, column: 16 } });
  });

  it('counts columns in UTF-16 code units', () => {
    const [, second] = parseShell('echo é 😀; ls').commands;
    assert.deepEqual(second!.span.start, { line: 1, column: 12 });
  });
});

describe('parseShell: flags', () => {
  it('derives flags as Hadolint does', () => {
    assert.deepEqual(only('apt-get -qq update').flags, ['q', 'q']);
    assert.deepEqual(only('wget -nv --foo=bar --baz - -- x').flags, ['n', 'v', 'foo', 'baz']);
    assert.deepEqual(deriveFlags(['-', '--', 'a-b', '--x=1=2']), ['x']);
  });
});

describe('parseShell: errors and limits', () => {
  it('marks syntax errors with ok=false but keeps what parsed', () => {
    const broken = parseShell('apt-get update && ( echo $(( ');
    assert.equal(broken.ok, false);
    assert.deepEqual(broken.commands.map((c) => c.name).slice(0, 1), ['apt-get']);
    assert.equal(parseShell('a && b').ok, true);
  });

  it('cuts scripts over the size limit and reports ok=false', () => {
    const big = 'true && '.repeat(Math.ceil(MAX_SCRIPT_LENGTH / 8) + 10) + 'true';
    const started = performance.now();
    const result = parseShell(big);
    assert.equal(result.ok, false);
    assert.ok(performance.now() - started < 30_000);
  });

  it('handles deep nesting without a stack overflow', () => {
    const deep = '$('.repeat(3000) + 'x' + ')'.repeat(3000);
    const result = parseShell(`echo ${deep}`);
    assert.equal(result.commands[0]!.name, 'echo');
  });

  it('returns offsets with parseShellDetailed', () => {
    const { located } = parseShellDetailed('a; bb c');
    assert.deepEqual(
      located.map((l) => [l.start, l.end, l.nameStart, l.nameEnd]),
      [
        [0, 1, 0, 1],
        [3, 7, 3, 5],
      ],
    );
  });

  it('never throws and keeps spans inside the script (property)', () => {
    const alphabet = fc.constantFrom(...'ab $(){}`\'"\\|&;<>\n\t-=#*~!x1'.split(''), 'if ', 'then ', 'fi', '<<EOF\n', 'EOF\n', 'é');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }).map((parts) => parts.join('')), (script) => {
        const lines = script.split('\n');
        const result = parseShell(script);
        const inside = (p: { line: number; column: number }): boolean =>
          p.line >= 1 && p.line <= lines.length && p.column >= 1 && p.column <= lines[p.line - 1]!.length + 1;
        for (const cmd of result.commands) {
          assert.ok(inside(cmd.span.start) && inside(cmd.span.end), JSON.stringify({ script, span: cmd.span }));
          for (const word of cmd.words) assert.ok(inside(word.span.start) && inside(word.span.end));
          assert.equal(cmd.args.length, cmd.words.length);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('command helpers', () => {
  const script = (): ReturnType<typeof parseShell> =>
    parseShell('apt-get update && apt-get install -y -t stable --target-release=x foo bar && apt-get clean');

  it('hasFlag / hasArg (OR) / hasAnyArg', () => {
    const [update, install] = script().commands;
    assert.equal(hasFlag(install!, 'y'), true);
    assert.equal(hasFlag(install!, 'q', 'target-release'), true);
    assert.equal(hasFlag(update!, 'y'), false);
    assert.equal(hasArg(install!, 'nope', 'foo'), true);
    assert.equal(hasArg(install!, 'nope'), false);
    assert.equal(hasAnyArg(update!), true);
    assert.equal(hasAnyArg(only('ls')), false);
  });

  it('nonFlagArgs drops flag words and separate values of value flags', () => {
    const install = script().commands[1]!;
    assert.deepEqual(nonFlagArgs(install), ['install', 'stable', 'foo', 'bar']);
    assert.deepEqual(nonFlagArgs(install, ['t', 'target-release']), ['install', 'foo', 'bar']);
    assert.deepEqual(nonFlagArgs(only('pip install --index-url http://x pkg - --'), ['index-url']), ['install', 'pkg', '-', '--']);
    assert.deepEqual(nonFlagArgs(only('apt-get install -yt stable x'), ['t']), ['install', 'x']);
  });

  it('argsAfter, commandsNamed, firstIndex, basename', () => {
    const parsed = script();
    assert.deepEqual(argsAfter(parsed.commands[1]!, 'stable'), ['--target-release=x', 'foo', 'bar']);
    assert.deepEqual(argsAfter(parsed.commands[1]!, 'missing'), []);
    assert.equal(commandsNamed(parsed, 'apt-get').length, 3);
    assert.equal(commandsNamed(null, 'apt-get').length, 0);
    assert.equal(firstIndex(parsed, (c) => hasArg(c, 'clean')), 2);
    assert.equal(firstIndex(parsed, (c) => c.name === 'yum'), -1);
    assert.equal(basename('/usr/bin/bash'), 'bash');
    assert.equal(basename('bash'), 'bash');
  });
});

describe('parseShell: speed', () => {
  it('parses thousands of typical RUN scripts per second', () => {
    const samples = [
      'apt-get update && apt-get install -y --no-install-recommends curl ca-certificates && rm -rf /var/lib/apt/lists/*',
      'pip install --no-cache-dir -r requirements.txt',
      'npm ci && npm run build',
    ];
    const started = performance.now();
    for (let i = 0; i < 3000; i++) parseShell(samples[i % samples.length]!);
    const perSecond = 3000 / ((performance.now() - started) / 1000);
    assert.ok(perSecond > 2000, `only ${Math.round(perSecond)} scripts/s`);
  });
});
