import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDockerfile } from '../../src/dockerfile/parser.js';
import { toParseJson } from '../../src/dockerfile/json.js';

test('parse JSON document: version, directives, keyword-specific fields, errors', () => {
  const src = [
    '# syntax=docker/dockerfile:1',
    'ARG BASE=alpine:3.20 EXTRA',
    'FROM --platform=linux/arm64 ${BASE} AS build',
    'ENV A=1 B="x y"',
    'RUN --mount=type=cache,target=/c \\',
    '    make',
    'COPY --from=build ["/out/a b", "/dst/"]',
    'COPY <<EOF /etc/motd',
    'hi',
    'EOF',
    'CMD ["app", "--serve"]',
    'HEALTHCHECK NONE',
    'ONBUILD RUN 3<<-X cat <&3',
    '\tbody',
    '\tX',
    'VOLUME ["/data"]',
    'EXPOSE 80',
    'BOGUS thing',
    '',
  ].join('\n');
  const json = toParseJson(parseDockerfile(src, 'Dockerfile.test'));
  assert.equal(json.version, 1);
  assert.equal(json.file, 'Dockerfile.test');
  assert.deepEqual(json.directives, { escape: '\\', syntax: 'docker/dockerfile:1' });
  assert.deepEqual(json.errors, [{ line: 18, column: 1, endLine: 18, endColumn: 6, message: 'unknown instruction: BOGUS' }]);
  const [arg, from, env, run, copyJson, copyHeredoc, cmd, health, onbuild, volume, expose, bogus] = json.instructions;
  assert.deepEqual(arg, {
    keyword: 'ARG',
    line: 2,
    endLine: 2,
    column: 1,
    flags: [],
    arguments: 'BASE=alpine:3.20 EXTRA',
    heredocs: [],
    args: [{ name: 'BASE', default: 'alpine:3.20' }, { name: 'EXTRA' }],
  });
  assert.deepEqual(from, {
    keyword: 'FROM',
    line: 3,
    endLine: 3,
    column: 1,
    flags: [{ name: 'platform', value: 'linux/arm64' }],
    arguments: '${BASE} AS build',
    heredocs: [],
    image: { raw: '${BASE}', name: '${BASE}' },
    alias: 'build',
    platform: 'linux/arm64',
  });
  assert.deepEqual(env.pairs, [
    { key: 'A', value: '1' },
    { key: 'B', value: 'x y' },
  ]);
  assert.deepEqual([run.line, run.endLine, run.arguments, run.flags], [5, 6, 'make', [{ name: 'mount', value: 'type=cache,target=/c' }]]);
  assert.deepEqual([copyJson.arguments, copyJson.sources, copyJson.dest], [['/out/a b', '/dst/'], ['/out/a b'], '/dst/']);
  assert.deepEqual(copyHeredoc.heredocs, [
    { delimiter: 'EOF', quoted: false, stripTabs: false, body: 'hi', startLine: 9, endLine: 10, terminated: true },
  ]);
  assert.deepEqual([copyHeredoc.arguments, copyHeredoc.sources, copyHeredoc.dest, copyHeredoc.endLine], ['<<EOF /etc/motd', ['EOF'], '/etc/motd', 10]);
  assert.deepEqual(cmd.arguments, ['app', '--serve']);
  assert.deepEqual([health.none, health.arguments], [true, 'NONE']);
  assert.deepEqual(onbuild.inner?.heredocs, [
    { delimiter: 'X', quoted: false, stripTabs: true, fd: 3, body: 'body', startLine: 14, endLine: 15, terminated: true },
  ]);
  assert.deepEqual([onbuild.inner?.keyword, onbuild.inner?.arguments, onbuild.inner?.column, onbuild.endLine], ['RUN', '3<<-X cat <&3', 9, 15]);
  assert.deepEqual([volume.arguments, volume.args], [['/data'], ['/data']]);
  assert.deepEqual([expose.arguments, expose.args], ['80', ['80']]);
  assert.deepEqual([bogus.keyword, bogus.arguments], ['UNKNOWN', 'thing']);
  // The document is plain data: it survives a JSON round trip unchanged.
  assert.deepEqual(JSON.parse(JSON.stringify(json)), json);
});
