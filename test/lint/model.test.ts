import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Instruction } from '../../src/dockerfile/ast.js';
import { parseDockerfile } from '../../src/dockerfile/parser.js';
import { defaultLintConfig } from '../../src/lint/config.js';
import { buildLintModel, isShellShebang, shebangInterpreter } from '../../src/lint/model.js';
import { isShellCheckable, stageShell } from '../../src/lint/shell-dialect.js';
import type { LintModel } from '../../src/rules/dockerfile/types.js';
import { initShell } from '../../src/shell/shell.js';

before(async () => {
  await initShell();
});

function model(lines: string[]): LintModel {
  return buildLintModel(parseDockerfile(lines.join('\n') + '\n'), defaultLintConfig());
}

/** The instruction starting on `line` (ONBUILD payloads included). */
function at(m: LintModel, line: number, onbuild = false): Instruction {
  const entry = m.entries.find((e) => e.instruction.span.start.line === line && e.onbuild === onbuild);
  assert.ok(entry, `no instruction on line ${line}`);
  return entry.instruction;
}

function commandsOf(m: LintModel, line: number, onbuild = false): string[] | null {
  const script = m.shell(at(m, line, onbuild));
  return script ? script.commands.map((c) => [c.name, ...c.args].join(' ')) : null;
}

describe('lint model: stages', () => {
  it('indexes stages, keeps aliases and links parents by alias (case-insensitive)', () => {
    const m = model(['FROM debian:12 AS Build', 'RUN make', 'FROM build AS test', 'FROM alpine', 'COPY --from=build /a /b', 'FROM BUILD']);
    assert.deepEqual(
      m.stages.map((s) => [s.index, s.alias, s.parent?.index, s.instructions.map((i) => i.keyword)]),
      [
        [0, 'Build', undefined, ['RUN']],
        [1, 'test', 0, []],
        [2, undefined, undefined, ['COPY']],
        [3, undefined, 0, []],
      ],
    );
  });

  it('resolves FROM images with ARG defaults declared before the first FROM', () => {
    const m = model([
      'ARG REGISTRY=registry.example.com',
      'ARG BASE=debian',
      'ARG TAG',
      'ARG BASE',
      'FROM ${REGISTRY}/${BASE}:${TAG:-12}',
      'ARG LATE=nope',
      'FROM $BASE:${TAG:+set}${LATE}',
      'FROM scratch',
    ]);
    assert.deepEqual(m.globalArgs.map((a) => [a.name, a.defaultValue]), [
      ['REGISTRY', 'registry.example.com'],
      ['BASE', 'debian'],
      ['TAG', undefined],
      ['BASE', undefined],
    ]);
    const [first, second, third] = m.stages;
    assert.equal(first!.resolvedImage.registry, 'registry.example.com');
    assert.equal(first!.resolvedImage.name, 'debian');
    assert.equal(first!.resolvedImage.tag, '12');
    assert.equal(first!.from.image.raw, '${REGISTRY}/${BASE}:${TAG:-12}');
    // TAG has no value, so `${TAG:+set}` is empty; LATE is declared inside a stage and stays as written.
    assert.equal(second!.resolvedImage.name, 'debian');
    assert.equal(second!.resolvedImage.tag, '${LATE}');
    assert.equal(third!.resolvedImage.raw, 'scratch');
  });

  it('links a parent through an ARG-resolved name', () => {
    const m = model(['ARG STAGE=builder', 'FROM alpine AS builder', 'FROM ${STAGE}']);
    assert.equal(m.stages[1]!.parent, m.stages[0]);
  });
});

describe('lint model: entries', () => {
  it('lists every instruction in order with its stage; ONBUILD gives wrapper then payload', () => {
    const m = model(['ARG V=1', 'FROM alpine', 'ONBUILD RUN cd /x', 'ONBUILD COPY a b', 'USER app']);
    assert.deepEqual(
      m.entries.map((e) => [e.instruction.keyword, e.stage?.index ?? null, e.onbuild, e.wrapper?.span.start.line]),
      [
        ['ARG', null, false, undefined],
        ['FROM', 0, false, undefined],
        ['ONBUILD', 0, false, undefined],
        ['RUN', 0, true, 3],
        ['ONBUILD', 0, false, undefined],
        ['COPY', 0, true, 4],
        ['USER', 0, false, undefined],
      ],
    );
    assert.deepEqual(commandsOf(m, 3, true), ['cd /x']);
    assert.equal(m.shell(at(m, 3)), null, 'the ONBUILD wrapper itself has no shell');
  });
});

describe('lint model: shell()', () => {
  it('parses shell-form RUN with positions across continuation lines', () => {
    const m = model(['FROM alpine', 'RUN apk add --no-cache curl && \\', '    rm -rf /tmp/*']);
    const script = m.shell(at(m, 2))!;
    assert.deepEqual(script.commands.map((c) => c.name), ['apk', 'rm']);
    assert.deepEqual(script.commands[0]!.span.start, { line: 2, column: 5 });
    assert.deepEqual(script.commands[1]!.span.start, { line: 3, column: 5 });
    assert.deepEqual(script.commands[1]!.words[1]!.span, { start: { line: 3, column: 12 }, end: { line: 3, column: 18 } });
  });

  it('joins exec form with spaces and places it at the instruction', () => {
    const m = model(['FROM alpine', 'CMD ["sh", "-c", "echo hi | cat"]', 'ENTRYPOINT ["/entry.sh"]']);
    assert.equal(m.shellText(at(m, 2)), 'sh -c echo hi | cat');
    const cmd = m.shell(at(m, 2))!;
    assert.deepEqual(cmd.commands.map((c) => c.name), ['sh', 'cat']);
    assert.equal(cmd.hasPipe, true);
    assert.equal(cmd.commands[1]!.span.start.line, 2);
    assert.deepEqual(commandsOf(m, 3), ['/entry.sh']);
  });

  it('covers SHELL and HEALTHCHECK CMD, not HEALTHCHECK NONE or other instructions', () => {
    const m = model([
      'FROM alpine',
      'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
      'HEALTHCHECK --interval=5s CMD curl -f http://localhost/ || exit 1',
      'FROM alpine',
      'HEALTHCHECK NONE',
      'ENV A=1',
    ]);
    assert.deepEqual(commandsOf(m, 2), ['/bin/bash -o pipefail -c']);
    assert.deepEqual(commandsOf(m, 3), ['curl -f http://localhost/', 'exit 1']);
    assert.equal(m.shell(at(m, 5)), null);
    assert.equal(m.shell(at(m, 6)), null);
    assert.equal(m.shellText(at(m, 6)), null);
  });

  it('reads PowerShell stages only as far as the POSIX subset goes', () => {
    const m = model([
      'FROM mcr.microsoft.com/windows/servercore:ltsc2022',
      'SHELL ["powershell", "-Command", "$ErrorActionPreference = \'Stop\';"]',
      "RUN New-Item -ItemType Directory -Path C:/app",
      "RUN $newPath = ('{0};{1}' -f $env:ProgramFiles, $env:PATH); [Environment]::SetEnvironmentVariable('PATH', $newPath)",
      'CMD ["powershell", "-Command", "Start-Sleep 5"]',
      'FROM alpine',
      "RUN $newPath = ('{0};{1}' -f $env:ProgramFiles, $env:PATH)",
    ]);
    // simple word lists read the same in both languages (ShellCheck, so Hadolint, sees them too)
    assert.deepEqual(commandsOf(m, 3), ['New-Item -ItemType Directory -Path C:/app']);
    // PowerShell syntax is not bash with errors: no commands are invented from it
    assert.deepEqual(m.shell(at(m, 4)), { commands: [], hasPipe: false, ok: false });
    // exec form does not go through SHELL
    assert.deepEqual(commandsOf(m, 5), ['powershell -Command Start-Sleep 5']);
    // a later POSIX stage is parsed as shell again (here with syntax errors, yet with what can be read)
    assert.equal(m.shell(at(m, 7))!.ok, false);
    assert.notEqual(m.shell(at(m, 7))!.commands.length, 0);
  });

  it('caches per instruction', () => {
    const m = model(['FROM alpine', 'RUN a && b']);
    assert.equal(m.shell(at(m, 2)), m.shell(at(m, 2)));
  });
});

describe('lint model: heredoc dialects', () => {
  it('uses the body when the RUN line only holds the marker, with real body lines', () => {
    const m = model(['FROM debian', 'RUN <<EOF', 'apt-get update', '  apt-get install -y curl', 'EOF']);
    assert.equal(m.shellText(at(m, 2)), 'apt-get update\n  apt-get install -y curl');
    const script = m.shell(at(m, 2))!;
    assert.deepEqual(script.commands.map((c) => [c.name, c.span.start.line, c.span.start.column]), [
      ['apt-get', 3, 1],
      ['apt-get', 4, 3],
    ]);
  });

  it('treats marker-plus-redirection lines like marker-only lines', () => {
    const m = model(['FROM debian', 'RUN <<EOF > /log', 'make', 'EOF']);
    assert.deepEqual(commandsOf(m, 2), ['make']);
  });

  it('is not shell when the body starts with a non-shell shebang, and is with a shell one', () => {
    const m = model([
      'FROM debian',
      'RUN <<EOF',
      '#!/usr/bin/env python3',
      'print(1)',
      'EOF',
      'RUN <<EOF',
      '#!/bin/bash',
      'set -e',
      'EOF',
    ]);
    assert.equal(m.shell(at(m, 2)), null);
    assert.equal(m.shellText(at(m, 2)), null);
    assert.deepEqual(commandsOf(m, 6), ['set -e']);
  });

  it('includes bodies fed to a shell, positioned on the body lines', () => {
    const m = model(['FROM debian', 'RUN bash -e <<EOF', 'apt-get update', 'EOF']);
    const script = m.shell(at(m, 2))!;
    assert.deepEqual(script.commands.map((c) => [c.name, c.span.start.line]), [
      ['bash', 2],
      ['apt-get', 3],
    ]);
  });

  it('leaves out bodies fed to other interpreters, cat or a shell running a file or -c', () => {
    const m = model([
      'FROM debian',
      'RUN python3 <<EOF',
      'import os',
      'EOF',
      'RUN <<EOF python3',
      'print(2)',
      'EOF',
      'RUN cat <<EOF > /etc/app.conf',
      'key = value',
      'EOF',
      'RUN sh -c "echo hi" <<EOF',
      'rm -rf /',
      'EOF',
    ]);
    assert.deepEqual(commandsOf(m, 2), ['python3']);
    assert.deepEqual(commandsOf(m, 5), ['python3']);
    assert.deepEqual(commandsOf(m, 8), ['cat']);
    assert.deepEqual(commandsOf(m, 11), ['sh -c echo hi']);
  });

  it('decides per marker when a line holds several heredocs', () => {
    const m = model(['FROM debian', 'RUN cat <<A > /x && sh <<B', 'not a command', 'A', 'echo from-b', 'B']);
    assert.deepEqual(commandsOf(m, 2), ['cat', 'sh', 'echo from-b']);
  });

  it('ignores marker-like text in quotes and accounts for tabs stripped by <<-', () => {
    const m = model(['FROM debian', 'RUN echo "<<X" && bash <<EOF', 'ls', 'EOF', 'RUN <<-EOF', '\t\tapt-get x', '\tEOF']);
    assert.deepEqual(commandsOf(m, 2), ['echo <<X', 'bash', 'ls']);
    assert.deepEqual(m.shell(at(m, 5))!.commands[0]!.span, { start: { line: 6, column: 3 }, end: { line: 6, column: 12 } });
  });

  it('treats a shell reading /dev/fd/N as fed by the heredoc', () => {
    const m = model(['FROM debian', 'RUN 3<<EOF bash /dev/fd/3', 'echo hi', 'EOF']);
    assert.deepEqual(commandsOf(m, 2), ['bash /dev/fd/3', 'echo hi']);
  });

  it('handles heredocs in ONBUILD payloads', () => {
    const m = model(['FROM debian', 'ONBUILD RUN <<X', 'echo hi', 'X']);
    assert.deepEqual(commandsOf(m, 2, true), ['echo hi']);
  });

  it('reads shebang interpreters', () => {
    assert.equal(shebangInterpreter('#!/usr/bin/env -S python3 -u'), 'python3');
    assert.equal(shebangInterpreter('#!/usr/bin/env FOO=1 node'), 'node');
    assert.equal(shebangInterpreter('#!/bin/busybox sh'), 'sh');
    assert.equal(shebangInterpreter('#!'), null);
    assert.equal(isShellShebang('echo hi'), true);
    assert.equal(isShellShebang('#!/bin/dash\necho'), true);
    assert.equal(isShellShebang('#!/usr/bin/perl\nprint'), false);
  });
});

describe('lint model: mounts()', () => {
  it('parses every --mount flag of a RUN and nothing elsewhere', () => {
    const m = model([
      'FROM alpine',
      'RUN --mount=type=cache,target=/root/.cache --mount=type=secret,id=tok,dst=/run/secrets/tok --network=none make',
      'COPY a b',
    ]);
    assert.deepEqual(m.mounts(at(m, 2)), [
      { type: 'cache', target: '/root/.cache', options: {} },
      { type: 'secret', target: '/run/secrets/tok', options: { id: 'tok' } },
    ]);
    assert.deepEqual(m.mounts(at(m, 3)), []);
  });
});

describe('shell dialect', () => {
  function shells(lines: string[]): Array<[number, string]> {
    const m = model(lines);
    return m.entries
      .filter((e) => e.instruction.keyword === 'RUN')
      .map((e) => [(e.wrapper ?? e.instruction).span.start.line, stageShell(m, e)]);
  }

  it('defaults to /bin/sh -c, follows SHELL within the stage and resets at FROM', () => {
    assert.deepEqual(
      shells(['FROM a', 'RUN x', 'SHELL ["/bin/bash", "-c"]', 'RUN y', 'FROM b', 'RUN z']),
      [
        [2, '/bin/sh -c'],
        [4, '/bin/bash -c'],
        [6, '/bin/sh -c'],
      ],
    );
  });

  it('inherits the shell of the parent stage', () => {
    assert.deepEqual(shells(['FROM a AS base', 'SHELL ["/bin/bash", "-c"]', 'FROM base', 'RUN x']), [[4, '/bin/bash -c']]);
  });

  it('applies a pragma at the top to every stage, and a later one to the current stage only', () => {
    assert.deepEqual(shells(['# hadolint shell=zsh', 'FROM a', 'RUN x', 'FROM b', 'RUN y']), [
      [3, 'zsh'],
      [5, 'zsh'],
    ]);
    assert.deepEqual(shells(['ARG X=1', '# hadolint shell=zsh', 'FROM a', 'RUN x']), [[4, '/bin/sh -c']]);
    assert.deepEqual(shells(['FROM a', '# hadolint shell=pwsh', 'RUN x', 'FROM b', 'RUN y']), [
      [3, 'pwsh'],
      [5, '/bin/sh -c'],
    ]);
  });

  it('tracks ONBUILD payloads in their own sequence', () => {
    assert.deepEqual(shells(['FROM a', 'SHELL ["/bin/bash", "-c"]', 'ONBUILD RUN x']), [[3, '/bin/sh -c']]);
  });

  it('skips Windows shells and foreign shebangs for ShellCheck', () => {
    assert.equal(isShellCheckable('/bin/sh -c', 'apt-get update'), true);
    assert.equal(isShellCheckable('pwsh -Command', 'Write-Host hi'), false);
    assert.equal(isShellCheckable('cmd /S /C', 'dir'), false);
    assert.equal(isShellCheckable('/bin/sh -c', '#!/usr/bin/env python3\nprint(1)'), false);
    assert.equal(isShellCheckable('/bin/sh -c', '#!/bin/bash\nls'), true);
  });
});

describe('lint model: hostile input', () => {
  it('stays fast with thousands of heredocs, marker look-alikes and huge bodies', () => {
    const cases = [
      'FROM a\nRUN ' + Array.from({ length: 1000 }, (_, i) => `cat <<A${i}`).join(' && ') + '\n' +
        Array.from({ length: 1000 }, (_, i) => `x\nA${i}`).join('\n') + '\n',
      'FROM a\nRUN echo ' + '"<<X" '.repeat(10000) + '&& bash <<EOF\nls\nEOF\n',
      'FROM a\nRUN <<EOF\n' + 'echo hi\n'.repeat(20000) + 'EOF\n',
    ];
    const expected = [1000, 3, 20000];
    cases.forEach((text, index) => {
      const started = performance.now();
      const m = buildLintModel(parseDockerfile(text), defaultLintConfig());
      const count = m.entries.reduce((sum, e) => sum + (m.shell(e.instruction)?.commands.length ?? 0), 0);
      assert.equal(count, expected[index]);
      assert.ok(performance.now() - started < 10_000, `case ${index} too slow`);
    });
  });
});
