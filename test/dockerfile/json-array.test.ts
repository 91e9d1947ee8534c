import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readJsonStringArray } from '../../src/dockerfile/parser.js';

test('readJsonStringArray reads what JSON.stringify writes: values and the span of each string', () => {
  fc.assert(
    fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 6 }), fc.constantFrom('', ' ', '\t', '\n '), (values, ws) => {
      const elements = values.map((v) => JSON.stringify(v));
      const text = `[${ws}${elements.join(`${ws},${ws}`)}${ws}] trailing`;
      const read = readJsonStringArray(text, 0, text.length);
      assert.ok(read !== null && typeof read === 'object');
      assert.deepEqual(read.values, values);
      assert.deepEqual(
        read.spans.map((s) => text.slice(s.start, s.end)),
        elements,
      );
    }),
    { numRuns: 1000 },
  );
});

test('readJsonStringArray: escapes, non-arrays and unterminated input', () => {
  const read = (t: string) => readJsonStringArray(t, 0, t.length);
  assert.deepEqual(read('["a\\"b", "\\u00e9\\n", "plain"]'), {
    values: ['a"b', 'é\n', 'plain'],
    spans: [{ start: 1, end: 7 }, { start: 9, end: 19 }, { start: 21, end: 28 }],
  });
  assert.equal(read('["a", "b"'), null);
  assert.equal(read('["a\\x"]'), null);
  assert.equal(read('echo [x]'), null);
  assert.equal(typeof read('["a", 1]'), 'symbol');
});
