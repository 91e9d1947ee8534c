import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CommandInstruction } from '../../src/dockerfile/ast.js';
import { parseDockerfile } from '../../src/dockerfile/parser.js';
import { substitute, parseImageRef } from '../../src/dockerfile/substitution.js';

/** CPU milliseconds used by `fn` (wall time would count other processes on a busy CI machine). */
function cpuMs(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/**
 * The time budget scaled to this machine: a fixed reference workload (split into lines and build one small
 * object per line, which is what any parser must at least do) is timed, and the budget is the larger of the
 * nominal limit and `factor` times the reference.
 */
function budget(text: string, nominalMs: number, factor: number): number {
  const reference = cpuMs(() => {
    const lines = text.split('\n');
    const out: { n: number; s: string }[] = [];
    for (const l of lines) out.push({ n: l.length, s: l.slice(0, 4) });
    if (out.length < 0) throw new Error('unreachable');
  });
  return Math.max(nominalMs, factor * reference);
}

const TYPICAL = `FROM debian:bookworm-slim AS build
ARG VERSION=1.2.3
ENV PATH=/usr/local/bin:$PATH LANG=C.UTF-8
# install tools
RUN apt-get update \\
    && apt-get install -y --no-install-recommends ca-certificates curl git make gcc libc6-dev \\
    && rm -rf /var/lib/apt/lists/*
COPY --chown=app:app src/ /app/src/
WORKDIR /app
RUN <<EOF
set -eux
make -j"$(nproc)" build VERSION="$VERSION"
EOF
EXPOSE 8080
USER app
CMD ["/app/bin/server", "--port", "8080"]
`;

test('a 20 MB file parses within the time budget', () => {
  const text = TYPICAL.repeat(Math.ceil(20e6 / TYPICAL.length));
  let instructions = 0;
  const limit = budget(text, 2000, 12);
  const ms = cpuMs(() => {
    instructions = parseDockerfile(text).instructions.length;
  });
  assert.equal(instructions, 10 * Math.ceil(20e6 / TYPICAL.length));
  console.log(`20 MB: ${ms.toFixed(0)} ms CPU, budget ${limit.toFixed(0)} ms`);
  assert.ok(ms < limit, `20 MB took ${ms.toFixed(0)} ms CPU, budget ${limit.toFixed(0)} ms`);
});

test('10,000 continuation lines: one instruction, positions exact, fast', () => {
  const text = 'RUN echo start \\\n' + '    && echo line \\\n'.repeat(10000) + '    && echo end\n';
  let ms = 0;
  const df = (() => {
    let result = parseDockerfile('');
    ms = cpuMs(() => {
      result = parseDockerfile(text);
    });
    return result;
  })();
  assert.ok(ms < 2000, `${ms} ms`);
  assert.equal(df.instructions.length, 1);
  const run = df.instructions[0] as CommandInstruction;
  assert.deepEqual(run.span.end, { line: 10002, column: 16 });
  assert.equal(run.command.form, 'shell');
  if (run.command.form === 'shell') {
    const end = run.command.script.lastIndexOf('end');
    assert.deepEqual(run.command.offsetToPosition(end), { line: 10002, column: 13 });
    assert.deepEqual(run.command.offsetToPosition(run.command.script.indexOf('line')), { line: 2, column: 13 });
  }
});

test('one 20 MB line, and a 100,000-line heredoc that never ends, are bounded', () => {
  let ms = cpuMs(() => {
    const df = parseDockerfile('RUN ' + 'a'.repeat(20e6) + '\n');
    assert.equal(df.instructions[0].rawArgs.length, 20e6);
  });
  assert.ok(ms < 2000, `long line ${ms} ms`);
  ms = cpuMs(() => {
    const df = parseDockerfile('FROM a\nRUN <<EOF\n' + 'echo x\n'.repeat(100000));
    assert.equal(df.instructions.length, 2);
    assert.equal(df.instructions[1].heredocs[0].terminated, false);
    assert.deepEqual(
      df.errors.map((e) => [e.message, e.span.start.line, e.span.start.column]),
      [["unterminated heredoc: no line 'EOF' before the end of the file", 2, 5]],
    );
    assert.deepEqual(df.instructions[1].span.end, { line: 100002, column: 7 });
  });
  assert.ok(ms < 2000, `heredoc ${ms} ms`);
});

test('pathological constructs stay linear and never overflow the stack', () => {
  const cases = [
    'ENV ' + '"'.repeat(200000),
    'ENV a="' + '\\"'.repeat(200000),
    'COPY ' + '<<A '.repeat(50000) + '/dst\n' + 'A\n'.repeat(50000),
    'RUN ' + "'\"".repeat(100000),
    'FROM ' + '${'.repeat(100000),
    'ONBUILD '.repeat(100000) + 'RUN x',
    'RUN ' + '--a '.repeat(100000),
    'CMD [' + '"a",'.repeat(100000) + '1]',
    'CMD ' + '['.repeat(100000),
    '\\\n'.repeat(100000),
    '#'.repeat(100000) + '\n' + '# escape=`\n'.repeat(1000),
    'LABEL ' + 'a=b '.repeat(100000),
    'ARG ' + '"'.repeat(100001),
    'HEALTHCHECK ' + '--x '.repeat(50000) + 'CMD ' + '"'.repeat(50000),
  ];
  for (const text of cases) {
    const ms = cpuMs(() => {
      const df = parseDockerfile(text);
      assert.ok(df.instructions.length >= 0);
    });
    assert.ok(ms < 2000, `${JSON.stringify(text.slice(0, 20))}: ${ms} ms`);
  }
  const ms = cpuMs(() => {
    substitute('${A:-'.repeat(100000), () => undefined);
    substitute('$'.repeat(100000) + '{'.repeat(100000), () => 'x');
    parseImageRef('${'.repeat(100000) + ':' + '/'.repeat(100000));
  });
  assert.ok(ms < 2000, `substitution ${ms} ms`);
});

test('ONBUILD chains do not recurse', () => {
  const df = parseDockerfile('ONBUILD '.repeat(100000) + 'RUN x\n');
  assert.equal(df.instructions.length, 1);
  assert.deepEqual(
    df.errors.map((e) => [e.message, e.span.start.column]),
    [['ONBUILD ONBUILD is not allowed', 9]],
  );
});

test('binary data: one located problem, no instructions, fast', () => {
  const bytes = new Uint8Array(5e6);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) & 0xff;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  let errorCount = 0;
  const ms = cpuMs(() => {
    const df = parseDockerfile(text);
    assert.deepEqual(df.instructions, []);
    errorCount = df.errors.length;
    assert.deepEqual(df.errors[0].span.start, { line: 1, column: 1 });
  });
  assert.equal(errorCount, 1);
  assert.ok(ms < 2000, `${ms} ms`);
});

test('invalid UTF-8 throughout parses on with replacement characters', () => {
  const bytes = new Uint8Array([...Buffer.from('FROM alpine\nRUN echo '), 0xc3, 0x28, 0xff, ...Buffer.from('\nUSER a\n')]);
  const df = parseDockerfile(new TextDecoder().decode(bytes));
  assert.deepEqual(df.errors, []);
  assert.deepEqual(
    df.instructions.map((i) => i.keyword),
    ['FROM', 'RUN', 'USER'],
  );
  assert.equal(df.instructions[1].rawArgs, 'echo \uFFFD(\uFFFD');
});
