import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDockerfile } from '../../src/dockerfile/parser.js';
import { buildSuppressor, codesSkippedByCheckDirective, parsePragma } from '../../src/lint/pragmas.js';

test('hadolint ignore pragma: codes, spaces around = and commas, trailing # comment', () => {
  assert.deepEqual(parsePragma(' hadolint ignore=DL3008'), { kind: 'ignore', tool: 'hadolint', codes: ['DL3008'] });
  assert.deepEqual(parsePragma('hadolint ignore = DL3008 , SC2086  # because'), {
    kind: 'ignore',
    tool: 'hadolint',
    codes: ['DL3008', 'SC2086'],
  });
  assert.deepEqual(parsePragma(' hadolint ignore=DSC1002')?.codes, ['DSC1002'], 'D, S, C and digits only');
  assert.deepEqual(parsePragma('\thadolint\tglobal ignore=DL3006')?.kind, 'global-ignore');
  assert.deepEqual(parsePragma(' hadolint stage ignore=DL3006,DL3007')?.codes, ['DL3006', 'DL3007']);
});

test('hadolint pragma with a character outside DLSC0-9 is void as a whole', () => {
  for (const text of [
    ' hadolint ignore=dl3008',
    ' hadolint ignore=DL3008,*',
    ' hadolint ignore=DL3008 trailing words',
    ' hadolint ignore=',
    ' hadolint ignore=DL3008 DL3009',
    ' hadolintignore=DL3008',
    ' Hadolint ignore=DL3008',
  ]) {
    assert.equal(parsePragma(text), null, text);
  }
});

test('shell pragma takes the name up to the first blank', () => {
  assert.deepEqual(parsePragma(' hadolint shell=bash'), { kind: 'shell', tool: 'hadolint', codes: [], shell: 'bash' });
  assert.equal(parsePragma(' hadolint shell = /bin/zsh # x')?.shell, '/bin/zsh');
  assert.equal(parsePragma(' hadolint shell=bash extra'), null);
});

test('docksec pragmas accept any rule id and a -- reason', () => {
  assert.deepEqual(parsePragma(' docksec ignore=DSC1002, cis-5.5 -- vendor image, reviewed 2026-01'), {
    kind: 'ignore',
    tool: 'docksec',
    codes: ['DSC1002', 'cis-5.5'],
    reason: 'vendor image, reviewed 2026-01',
  });
  assert.deepEqual(parsePragma(' docksec global ignore=DL3008 # note'), { kind: 'global-ignore', tool: 'docksec', codes: ['DL3008'] });
  assert.equal(parsePragma(' docksec ignore=DL3008 words'), null);
});

test('property: any list of valid codes round-trips through the hadolint pragma', () => {
  const code = fc.stringMatching(/^[DLSC0-9]{1,8}$/);
  fc.assert(
    fc.property(fc.array(code, { minLength: 1, maxLength: 5 }), fc.constantFrom(',', ' ,', ', ', ' , '), (codes, sep) => {
      const pragma = parsePragma(` hadolint ignore=${codes.join(sep)}`);
      assert.deepEqual(pragma?.codes, codes);
    }),
  );
});

function suppressed(text: string, ruleId: string, line: number, disableIgnorePragma = false): boolean {
  return buildSuppressor(parseDockerfile(text, 'Dockerfile'), { disableIgnorePragma }).suppressed(ruleId, line);
}

test('line pragma covers only the instruction directly below it', () => {
  const text = 'FROM debian:12\n# hadolint ignore=DL3008\nRUN apt-get install -y curl\nRUN apt-get install -y git\n';
  assert.equal(suppressed(text, 'DL3008', 3), true);
  assert.equal(suppressed(text, 'DL3008', 4), false);
  assert.equal(suppressed(text, 'DL3015', 3), false);
  const gap = 'FROM debian:12\n# hadolint ignore=DL3008\n\nRUN apt-get install -y curl\n';
  assert.equal(suppressed(gap, 'DL3008', 4), false);
});

test('global pragma applies anywhere; DL1000 is never suppressed; --disable-ignore-pragma turns all off', () => {
  const text = 'FROM debian:12\nRUN apt-get install -y curl\n# hadolint global ignore=DL3008,DL1000\n';
  assert.equal(suppressed(text, 'DL3008', 2), true);
  assert.equal(suppressed(text, 'DL1000', 2), false);
  assert.equal(suppressed(text, 'DL3008', 2, true), false);
});

test('stage pragma: from the line after next up to and including the next FROM line', () => {
  const text = [
    'FROM a:1 AS one', // 1
    '# hadolint stage ignore=DL3007', // 2
    'FROM b:latest AS two', // 3
    'RUN echo', // 4
    'FROM c:latest', // 5
    'RUN echo', // 6
  ].join('\n');
  assert.equal(suppressed(text, 'DL3007', 3), false, 'its own FROM line is not covered');
  assert.equal(suppressed(text, 'DL3007', 4), true);
  assert.equal(suppressed(text, 'DL3007', 5), true, 'the next FROM line is covered');
  assert.equal(suppressed(text, 'DL3007', 6), false);
  assert.equal(suppressed(text, 'DL3007', 1), false);
});

test('# check=skip maps BuildKit check names to rule ids; skip=all only covers mapped checks', () => {
  assert.deepEqual([...codesSkippedByCheckDirective('skip=JSONArgsRecommended,MaintainerDeprecated;error=true')].sort(), ['DL3025', 'DL4000']);
  assert.deepEqual([...codesSkippedByCheckDirective('skip=StageNameCasing')], []);
  const all = codesSkippedByCheckDirective('skip=all');
  assert.ok(all.has('DL3025') && all.has('DL4004') && !all.has('DL3008'));
  const text = '# check=skip=JSONArgsRecommended\nFROM alpine:3.20\nCMD echo hi\n';
  assert.equal(suppressed(text, 'DL3025', 3), true);
  assert.equal(suppressed(text, 'DL3025', 3, true), false);
});
