/**
 * The per-file indexes the lint model shares with the rules (`entriesOf`, `runs`, `derived`) and the
 * helpers built on them must say exactly what a full walk of the model says: rules skip work based on
 * them, so a missing entry or command would silently lose findings.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import { parseDockerfile } from '../../src/dockerfile/parser.js';
import { defaultLintConfig } from '../../src/lint/config.js';
import { buildLintModel } from '../../src/lint/model.js';
import type { LintModel } from '../../src/rules/dockerfile/types.js';
import { runCommandsByName, firstPerRun, runCommandNames, runsCommand, type NamedCommand } from '../../src/rules/dockerfile/util/command-names.js';
import { effective, envSettings, runCommands, runCommandsNamed, runCommandsNamedWhere, runCommandsToScan } from '../../src/rules/dockerfile/util/dsc.js';
import { passes, runEntries } from '../../src/rules/dockerfile/util/rules-b.js';
import { runSteps } from '../../src/rules/dockerfile/util/rules-a.js';
import { initShell } from '../../src/shell/shell.js';

function dockerfilesUnder(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...dockerfilesUnder(path));
    else if (/Dockerfile/i.test(name)) found.push(path);
  }
  return found.sort();
}

const root = fileURLToPath(new URL('../../../', import.meta.url));
const SOURCES = [...dockerfilesUnder(join(root, 'test/fixtures/corpus')), ...dockerfilesUnder(join(root, 'examples'))];

function modelOf(text: string): LintModel {
  return buildLintModel(parseDockerfile(text), defaultLintConfig());
}

/** What the indexes must agree with: plain walks of `entries` and `shell()`. */
function checkIndexes(model: LintModel): void {
  const keywords = new Set(model.entries.map((e) => e.instruction.keyword));
  for (const keyword of [...keywords, 'RUN', 'COPY', 'USER', 'HEALTHCHECK']) {
    assert.deepEqual(model.entriesOf(keyword as never), model.entries.filter((e) => e.instruction.keyword === keyword), keyword);
  }

  const runs = model.entries.filter((e) => e.instruction.keyword === 'RUN');
  assert.deepEqual(model.runs().map((r) => r.entry), runs);
  for (const run of model.runs()) {
    assert.equal(run.anchor, run.entry.wrapper ?? run.entry.instruction);
    assert.equal(run.script, model.shell(run.entry.instruction));
    assert.deepEqual(run.commands, run.script?.commands ?? []);
    assert.equal(run.text, model.shellText(run.entry.instruction) ?? '');
  }
  assert.equal(model.runs(), model.runs(), 'computed once');
  assert.deepEqual(runSteps(model, false).map((s) => s.entry), runs.filter((e) => !e.onbuild));
  assert.deepEqual(runEntries(model).map((r) => r.entry), runs.filter((e) => model.shell(e.instruction) !== null));
  const { normal, onbuild } = passes(model);
  assert.deepEqual(normal, model.entries.filter((e) => !e.onbuild));
  assert.deepEqual(onbuild, model.entries.filter((e) => e.onbuild));

  const allCommands = model.runs().flatMap((r) => r.commands);
  assert.deepEqual([...runCommandNames(model)].sort(), [...new Set(allCommands.map((c) => c.name))].sort());
  for (const name of ['apt-get', 'curl', 'no-such-tool']) assert.equal(runsCommand(model, name), allCommands.some((c) => c.name === name));
  const allNamed = model.runs().flatMap((run) => run.commands.map((command) => ({ run, command })));
  // The index's entries also carry the effective command (they are shared with dsc.ts's index): compare the named part.
  const namedPart = (list: readonly NamedCommand[]): NamedCommand[] => list.map(({ run, command }) => ({ run, command }));
  for (const name of ['apt-get', 'apk', 'cd', 'curl', 'no-such-tool']) {
    assert.deepEqual(namedPart(runCommandsByName(model, name)), allNamed.filter((c) => c.command.name === name), name);
    const hasArgs = (c: { args: string[] }): boolean => c.args.length > 0;
    for (const withOnbuild of [true, false]) {
      const expected = model.runs().flatMap((run) => {
        if (!withOnbuild && run.entry.onbuild) return [];
        const command = run.commands.find((c) => c.name === name && hasArgs(c));
        return command === undefined ? [] : [{ run, command }];
      });
      assert.deepEqual(namedPart(firstPerRun(model, name, withOnbuild, hasArgs)), expected, `${name} first per run`);
    }
  }

  const listed = runCommands(model);
  assert.deepEqual(listed.map((c) => c.cmd.command), allCommands);
  listed.forEach((one, i) => {
    assert.equal(one.index, i);
    assert.equal(one.command, one.cmd.command);
  });
  for (const name of ['curl', 'apt-get', 'git', 'no-such-tool']) {
    assert.deepEqual(runCommandsNamed(model, name), listed.filter((c) => c.cmd.name === name));
  }
  assert.deepEqual(runCommandsNamedWhere(model, (n) => n.startsWith('pip')), listed.filter((c) => c.cmd.name.startsWith('pip')));
  const holdsSetting = (v: string): boolean => v.includes('=') || v.includes('::') || v.includes('_pkgverify_level');
  const writesSetting = (values: string[]): boolean => values.some(holdsSetting);
  for (const one of listed) assert.deepEqual(one.settingWords, one.cmd.words.filter((w) => holdsSetting(w.value)), 'setting words');
  assert.deepEqual(
    runCommandsToScan(model, ['wget', 'apt']),
    listed.filter((c) => c.cmd.name === 'wget' || c.cmd.name === 'apt' || writesSetting(c.cmd.args)),
  );
}

describe('lint model indexes', () => {
  before(async () => {
    await initShell();
  });

  it('agree with full walks on every fixture and example Dockerfile', () => {
    assert.ok(SOURCES.length > 40, `found ${SOURCES.length} files`);
    for (const path of SOURCES) {
      try {
        checkIndexes(modelOf(readFileSync(path, 'utf8')));
      } catch (error) {
        (error as Error).message = `${path}: ${(error as Error).message}`;
        throw error;
      }
    }
  });

  it('agree with full walks on generated Dockerfiles (ONBUILD payloads, SHELL, commands behind wrappers)', () => {
    const line = fc.constantFrom(
      'FROM alpine:3.20 AS base',
      'FROM base',
      'ARG V=1',
      'ENV A=1 B=$A',
      'USER 1000',
      'COPY --from=base /a /b',
      'COPY a.tar /x/',
      'RUN apt-get update && apt-get install -y curl',
      'RUN sudo /usr/bin/curl -k https://x && wget -q y',
      'RUN env PIP_TRUSTED_HOST=x pip install --trusted-host h a',
      "RUN echo 'check_certificate=off' >> ~/.wgetrc; X=1",
      // Setting words whose needle the text only spells with quotes, escapes or an ANSI-C escape in between.
      String.raw`RUN printf '%s' Acquire:'':x %_pkg"verify"_level\ none $'\x3d' x\:\:y`,
      'RUN ["apt-get", "install", "x"]',
      'ONBUILD RUN apk add --no-cache git',
      'ONBUILD ENV NODE_TLS_REJECT_UNAUTHORIZED=0',
      'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
      'HEALTHCHECK CMD curl -f http://localhost/',
      'CMD ["node", "app.js"]',
      '# hadolint shell=bash',
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 14 }), (lines) => {
        checkIndexes(modelOf(lines.join('\n') + '\n'));
      }),
      { numRuns: 150, seed: 20261128 },
    );
  });

  it('derived() computes once per model and keys by the function', () => {
    const model = modelOf('FROM alpine\nRUN echo hi\n');
    let calls = 0;
    const count = (m: LintModel): number => {
      calls++;
      return m.entries.length;
    };
    assert.equal(model.derived(count), 2);
    assert.equal(model.derived(count), 2);
    assert.equal(calls, 1);
    assert.equal(modelOf('FROM alpine\n').derived(count), 1, 'another model computes its own');
    assert.equal(calls, 2);
  });

  it('envSettings finds ENV, ARG, prefix, env-wrapper, export and bare assignments, and nothing for absent names', () => {
    const model = modelOf(
      [
        'FROM alpine',
        'ARG GIT_SSL_NO_VERIFY=1',
        'ENV PYTHONHTTPSVERIFY=0',
        'RUN NODE_TLS_REJECT_UNAUTHORIZED=0 node a.js',
        'RUN sudo env PIP_TRUSTED_HOST=h pip install x',
        'RUN export YARN_STRICT_SSL=false',
        'RUN cd /x; NPM_CONFIG_STRICT_SSL="false"',
        '',
      ].join('\n'),
    );
    const found = (name: string): string[] => envSettings(model, new Set([name])).map((s) => `${s.source}:${s.name}=${s.value}@${s.anchor.span.start.line}`);
    assert.deepEqual(found('GIT_SSL_NO_VERIFY'), ['ARG:GIT_SSL_NO_VERIFY=1@2']);
    assert.deepEqual(found('PYTHONHTTPSVERIFY'), ['ENV:PYTHONHTTPSVERIFY=0@3']);
    assert.deepEqual(found('NODE_TLS_REJECT_UNAUTHORIZED'), ['RUN:NODE_TLS_REJECT_UNAUTHORIZED=0@4']);
    assert.deepEqual(found('PIP_TRUSTED_HOST'), ['RUN:PIP_TRUSTED_HOST=h@5']);
    assert.deepEqual(found('YARN_STRICT_SSL'), ['RUN:YARN_STRICT_SSL=false@6']);
    assert.deepEqual(found('NPM_CONFIG_STRICT_SSL'), ['RUN:NPM_CONFIG_STRICT_SSL=false@7']);
    assert.deepEqual(found('NOT_SET_ANYWHERE'), []);
    // A name that only ends another name (`XNPM_CONFIG_STRICT_SSL=`) is not an assignment to it.
    assert.deepEqual(envSettings(modelOf('FROM a\nRUN XPIP_TRUSTED_HOST=1\n'), new Set(['PIP_TRUSTED_HOST'])), []);
  });

  it('effective() peels wrappers, and reuses the command\'s own arguments when there is none', () => {
    const model = modelOf('FROM a\nRUN sudo -u root env A=1 /usr/bin/curl -k x && curl -s y && constructor z\n');
    const [wrapped, plain, odd] = model.runs()[0]!.commands.map(effective);
    assert.equal(wrapped!.name, 'curl');
    assert.deepEqual(wrapped!.args, ['-k', 'x']);
    assert.deepEqual(wrapped!.assignments.map((a) => a.text), ['A=1']);
    assert.equal(plain!.name, 'curl');
    assert.equal(plain!.args, plain!.command.args);
    assert.deepEqual(plain!.assignments, []);
    // Not a wrapper, even though it is the name of an Object.prototype property.
    assert.equal(odd!.name, 'constructor');
    assert.deepEqual(odd!.args, ['z']);
  });
});
