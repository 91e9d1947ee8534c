import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMountFlag } from '../../src/dockerfile/mounts.js';

test('default type is bind; target aliases', () => {
  assert.deepEqual(parseMountFlag('target=/src'), { type: 'bind', target: '/src', options: {} });
  assert.deepEqual(parseMountFlag('dst=/a').target, '/a');
  assert.deepEqual(parseMountFlag('destination=/b').target, '/b');
});

test('cache mount with from, source and other keys kept in options', () => {
  assert.deepEqual(parseMountFlag('type=cache,target=/root/.cache,from=builder,source=/cache,id=pip,sharing=locked'), {
    type: 'cache',
    target: '/root/.cache',
    from: 'builder',
    options: { source: '/cache', id: 'pip', sharing: 'locked' },
  });
  assert.deepEqual(parseMountFlag('type=bind,src=go.sum,dst=go.sum,ro').options, { src: 'go.sum', ro: '' });
});

test('keys and type are case-insensitive; blanks around fields ignored', () => {
  assert.deepEqual(parseMountFlag(' Type=SECRET , ID=npmrc ,Target=/run/secrets/npmrc'), {
    type: 'secret',
    target: '/run/secrets/npmrc',
    options: { id: 'npmrc' },
  });
});

test('CSV quoting: commas and quotes inside quoted fields', () => {
  assert.deepEqual(parseMountFlag('type=bind,"source=a,b",target=/x').options, { source: 'a,b' });
  assert.deepEqual(parseMountFlag('"target=/say ""hi"""').target, '/say "hi"');
});

test('empty value and stray commas', () => {
  assert.deepEqual(parseMountFlag(''), { type: 'bind', options: {} });
  assert.deepEqual(parseMountFlag(',,type=tmpfs,,'), { type: 'tmpfs', options: {} });
  assert.deepEqual(parseMountFlag('type=ssh,"unterminated'), { type: 'ssh', options: { unterminated: '' } });
});
