/**
 * Test helper: builds snapshots for check examples by deep-merging a fragment over the base fixture
 * `test/fixtures/bench/base-snapshot.json` (a complete local snapshot with one hardened running
 * container, `web`).
 *
 * Merge rules: objects merge key by key; arrays of objects merge element by element (so `[{...}]` edits
 * the first container); arrays of anything else, and empty arrays, replace the base array; `null` and
 * primitives replace.
 */
import { readFileSync } from 'node:fs';
import type { Snapshot } from '../../src/bench/snapshot.js';

const BASE_PATH = new URL('../../../test/fixtures/bench/base-snapshot.json', import.meta.url);

export function baseSnapshot(): Snapshot {
  return JSON.parse(readFileSync(BASE_PATH, 'utf8')) as Snapshot;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function deepMerge(base: unknown, fragment: unknown): unknown {
  if (Array.isArray(fragment)) {
    if (fragment.length === 0 || !Array.isArray(base) || !fragment.every(isObject)) return structuredClone(fragment);
    const out = structuredClone(base);
    fragment.forEach((value, i) => {
      out[i] = i < base.length ? deepMerge(base[i], value) : structuredClone(value);
    });
    return out;
  }
  if (isObject(fragment)) {
    if (!isObject(base)) return structuredClone(fragment);
    const out: Record<string, unknown> = structuredClone(base);
    for (const [key, value] of Object.entries(fragment)) out[key] = key in base ? deepMerge(base[key], value) : structuredClone(value);
    return out;
  }
  return fragment;
}

export function snapshotWith(fragment: Record<string, unknown>): Snapshot {
  return deepMerge(baseSnapshot(), fragment) as Snapshot;
}
