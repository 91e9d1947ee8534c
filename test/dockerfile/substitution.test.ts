import { describe, it, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseImageRef, resolveImageRef, substitute } from '../../src/dockerfile/substitution.js';
import type { ImageRef } from '../../src/dockerfile/ast.js';

const vars: Record<string, string> = { A: 'alpha', EMPTY: '', TAG: '1.25', REG: 'registry.example.com' };
const lookup = (name: string): string | undefined => vars[name];

test('plain references', () => {
  assert.equal(substitute('$A-${A}/x', lookup), 'alpha-alpha/x');
  assert.equal(substitute('${A}_$A_x', lookup), 'alpha_$A_x');
  assert.equal(substitute('$1 $@ ${9}', lookup), '$1 $@ ${9}');
});

test('unknown references are kept as written', () => {
  assert.equal(substitute('$NOPE ${NOPE} ${NOPE:?must be set} ${NOPE?x}', lookup), '$NOPE ${NOPE} ${NOPE:?must be set} ${NOPE?x}');
});

test('default and alternative forms, with and without colon', () => {
  assert.equal(substitute('${NOPE:-d} ${EMPTY:-d} ${A:-d}', lookup), 'd d alpha');
  assert.equal(substitute('${NOPE-d} ${EMPTY-d} ${A-d}', lookup), 'd  alpha');
  assert.equal(substitute('${NOPE:+x} ${EMPTY:+x} ${A:+x}', lookup), '  x');
  assert.equal(substitute('${NOPE+x} ${EMPTY+x} ${A+x}', lookup), ' x x');
  assert.equal(substitute('${A:?err} ${EMPTY:?err}', lookup), 'alpha ${EMPTY:?err}');
  assert.equal(substitute('${NOPE:-${A}:${TAG}}', lookup), 'alpha:1.25');
});

test('escapes and quotes follow BuildKit word processing', () => {
  assert.equal(substitute('\\$A \\${A}', lookup), '$A ${A}');
  assert.equal(substitute("'$A' \"$A\" \"\\$A\"", lookup), '$A alpha $A');
  assert.equal(substitute('`$A', lookup, '`'), '$A');
  assert.equal(substitute('a\\', lookup), 'a');
});

test('unsupported expansions are copied unchanged', () => {
  assert.equal(substitute('${A#al}/${A/a/b}', lookup), '${A#al}/${A/a/b}');
  assert.equal(substitute('${A', lookup), '${A');
  assert.equal(substitute('${', lookup), '${');
  assert.equal(substitute('$', lookup), '$');
});

test('parseImageRef splits registry, name, tag and digest', () => {
  assert.deepEqual(parseImageRef(' nginx '), { raw: 'nginx', name: 'nginx' });
  assert.deepEqual(parseImageRef('nginx:1.25-alpine'), { raw: 'nginx:1.25-alpine', name: 'nginx', tag: '1.25-alpine' });
  assert.deepEqual(parseImageRef('nginx@sha256:0123'), { raw: 'nginx@sha256:0123', name: 'nginx', digest: 'sha256:0123' });
  assert.deepEqual(parseImageRef('ghcr.io/org/app:v1@sha256:ab'), {
    raw: 'ghcr.io/org/app:v1@sha256:ab',
    registry: 'ghcr.io',
    name: 'org/app',
    tag: 'v1',
    digest: 'sha256:ab',
  });
  assert.deepEqual(parseImageRef('localhost:5000/app'), { raw: 'localhost:5000/app', registry: 'localhost:5000', name: 'app' });
  assert.deepEqual(parseImageRef('org/app'), { raw: 'org/app', name: 'org/app' });
  assert.deepEqual(parseImageRef('${REG}/app:${TAG:-latest}'), {
    raw: '${REG}/app:${TAG:-latest}',
    name: '${REG}/app',
    tag: '${TAG:-latest}',
  });
  assert.deepEqual(parseImageRef('scratch'), { raw: 'scratch', name: 'scratch' });
  assert.deepEqual(parseImageRef(''), { raw: '', name: '' });
});

test('resolveImageRef substitutes ARG values and splits again', () => {
  const args = new Map<string, string | undefined>([
    ['REG', 'registry.example.com'],
    ['TAG', '1.25'],
    ['UNSET', undefined],
  ]);
  assert.deepEqual(resolveImageRef(parseImageRef('${REG}/app:${TAG}'), args), {
    raw: 'registry.example.com/app:1.25',
    registry: 'registry.example.com',
    name: 'app',
    tag: '1.25',
  });
  assert.deepEqual(resolveImageRef(parseImageRef('${UNSET:-alpine:3.20}'), args), { raw: 'alpine:3.20', name: 'alpine', tag: '3.20' });
  assert.deepEqual(resolveImageRef(parseImageRef('$UNSET'), args), { raw: '$UNSET', name: '$UNSET' });
  const plain = parseImageRef('nginx');
  assert.equal(resolveImageRef(plain, args), plain);
});

test('substitute never throws and is identity on text without $, quotes or escapes', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (s) => {
      const out = substitute(s, lookup);
      assert.equal(typeof out, 'string');
      if (!/[$'"\\]/.test(s)) assert.equal(out, s);
    }),
    { numRuns: 2000 },
  );
});

test('parseImageRef reassembles to its input', () => {
  fc.assert(
    fc.property(fc.stringMatching(/^[a-z0-9.:/@${}_-]{0,40}$/), (s) => {
      const r = parseImageRef(s);
      const rebuilt =
        (r.registry !== undefined ? r.registry + '/' : '') +
        r.name +
        (r.tag !== undefined ? ':' + r.tag : '') +
        (r.digest !== undefined ? '@' + r.digest : '');
      assert.equal(rebuilt, s.trim());
    }),
    { numRuns: 2000 },
  );
});

describe('parseImageRef without $', () => {
  /** The brace-unaware reading of the same rules, written the slow way: first/last index by a scan. */
  function reference(text: string): ImageRef {
    const raw = text.trim();
    const scan = (ch: string, from: number, to: number, last: boolean): number => {
      let found = -1;
      for (let i = from; i < to; i++) if (raw[i] === ch) { if (!last) return i; found = i; }
      return found;
    };
    const ref: ImageRef = { raw, name: raw };
    let end = raw.length;
    const at = scan('@', 0, end, false);
    if (at >= 0) {
      ref.digest = raw.slice(at + 1);
      end = at;
    }
    let nameStart = 0;
    const slash = scan('/', 0, end, false);
    if (slash > 0) {
      const first = raw.slice(0, slash);
      if (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase()) {
        ref.registry = first;
        nameStart = slash + 1;
      }
    }
    const lastSlash = scan('/', nameStart, end, true);
    const colon = scan(':', lastSlash >= 0 ? lastSlash + 1 : nameStart, end, true);
    if (colon >= 0) {
      ref.tag = raw.slice(colon + 1, end);
      end = colon;
    }
    ref.name = raw.slice(nameStart, end);
    return ref;
  }

  it('splits like a plain character scan', () => {
    const chars = fc.constantFrom('a', 'B', '/', ':', '@', '.', ' ', 'localhost', '{', '}', '1');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 14 }), (parts) => {
        const text = parts.join('');
        assert.deepEqual(parseImageRef(text), reference(text));
      }),
      { numRuns: 3000 },
    );
    assert.deepEqual(parseImageRef('reg.io:5000/team/app:1.2@sha256:ab'), {
      raw: 'reg.io:5000/team/app:1.2@sha256:ab', name: 'team/app', registry: 'reg.io:5000', tag: '1.2', digest: 'sha256:ab',
    });
  });
});
