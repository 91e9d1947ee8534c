/**
 * `RUN --mount=...` values, read the way BuildKit reads them: a CSV record of `key=value` (or bare `key`)
 * fields, keys case-insensitive, `type` defaulting to `bind`.
 */
import type { Mount } from '../rules/dockerfile/types.js';

const TARGET_KEYS = new Set(['target', 'dst', 'destination']);

/** Splits one CSV record (RFC 4180 quoting: `"a,b"`, `""` for a quote inside quotes). */
function csvFields(value: string): string[] {
  const fields: string[] = [];
  let i = 0;
  const n = value.length;
  for (;;) {
    if (i < n && value[i] === '"') {
      const parts: string[] = [];
      i++;
      let runStart = i;
      for (;;) {
        const q = value.indexOf('"', i);
        if (q < 0) {
          parts.push(value.slice(runStart));
          i = n;
          break;
        }
        if (value[q + 1] === '"') {
          parts.push(value.slice(runStart, q + 1));
          i = q + 2;
          runStart = i;
          continue;
        }
        parts.push(value.slice(runStart, q));
        i = q + 1;
        break;
      }
      // Text between the closing quote and the next comma is kept (lenient, like a lazy CSV reader).
      const comma = value.indexOf(',', i);
      const tail = comma < 0 ? value.slice(i) : value.slice(i, comma);
      fields.push(parts.join('') + tail);
      if (comma < 0) break;
      i = comma + 1;
      continue;
    }
    const comma = value.indexOf(',', i);
    if (comma < 0) {
      fields.push(value.slice(i));
      break;
    }
    fields.push(value.slice(i, comma));
    i = comma + 1;
  }
  return fields;
}

/** Parses the value of one `--mount` flag. Unknown keys are kept in `options` for the linter to judge. */
export function parseMountFlag(value: string): Mount {
  const mount: Mount = { type: 'bind', options: {} };
  for (const field of csvFields(value)) {
    const trimmed = field.trim();
    if (trimmed === '') continue;
    const eq = trimmed.indexOf('=');
    const key = (eq < 0 ? trimmed : trimmed.slice(0, eq)).trim().toLowerCase();
    const val = eq < 0 ? '' : trimmed.slice(eq + 1).trim();
    if (key === 'type') mount.type = val.toLowerCase();
    else if (TARGET_KEYS.has(key)) mount.target = val;
    else if (key === 'from') mount.from = val;
    else mount.options[key] = val;
  }
  return mount;
}
