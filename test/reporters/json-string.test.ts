import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { encodeJsonString } from '../../src/reporters/util.js';

/**
 * The specification of encodeJsonString in terms of JSON.stringify: the same escapes, except that
 * backspace and form feed are written as \u0008 and \u000c (as aeson writes them).
 */
function reference(value: string): string {
  return JSON.stringify(value).replace(/\\(.)/g, (escape, ch: string) =>
    ch === 'b' ? '\\u0008' : ch === 'f' ? '\\u000c' : escape,
  );
}

test('encodeJsonString: quotes, backslashes, control characters, surrogate pairs and lone surrogates', () => {
  assert.equal(encodeJsonString(''), '""');
  assert.equal(encodeJsonString('plain text'), '"plain text"');
  assert.equal(encodeJsonString('a"b\\c'), '"a\\"b\\\\c"');
  assert.equal(encodeJsonString('l1\nl2\r\t\b\f\u0001'), '"l1\\nl2\\r\\t\\u0008\\u000c\\u0001"');
  assert.equal(encodeJsonString('emoji \u{1F433} ok'), '"emoji \u{1F433} ok"');
  assert.equal(encodeJsonString('lone \ud800 and \udc00x'), '"lone \\ud800 and \\udc00x"');
  assert.equal(encodeJsonString('\ud83d'), '"\\ud83d"');
});

test('encodeJsonString agrees with JSON.stringify (b/f aside) on any string', () => {
  const chars = fc.constantFrom('a', 'é', '"', '\\', '\n', '\r', '\t', '\b', '\f', '\u0000', '\u001f', '\ud83d', '\udc33', '\u{1F433}', ' ', '/');
  fc.assert(
    fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.array(chars).map((a) => a.join(''))), (value) => {
      assert.equal(encodeJsonString(value), reference(value));
    }),
    { numRuns: 2000 },
  );
});
