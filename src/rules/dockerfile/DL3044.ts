import type { DockerfileRule } from './types.js';
import type { KeyValue } from '../../dockerfile/ast.js';

/**
 * Variable names a value refers to: `${NAME}` exactly, or a bare `$NAME` (the whole run of name
 * characters, so `$AB` names `AB`, not `A`). Modifier forms such as `${A:-x}` are not counted, as in Hadolint.
 */
function referencedNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(/\$(?:\{([A-Za-z0-9_]+)\}|([A-Za-z0-9_]+))/g)) names.add(m[1] ?? m[2] ?? '');
  return names;
}

/** A reference needs another pair and a `$` in some value; most ENVs have neither. */
function mayCrossReference(pairs: readonly KeyValue[]): boolean {
  if (pairs.length < 2) return false;
  for (let i = 0; i < pairs.length; i++) if (pairs[i]!.value.includes('$')) return true;
  return false;
}

/** Keys of `pairs` referenced in the value of some OTHER pair of the same instruction (linear time). */
function crossReferences(pairs: readonly KeyValue[]): KeyValue[] {
  if (!mayCrossReference(pairs)) return [];
  const refs = pairs.map((p) => referencedNames(p.value));
  const referencingPairs = new Map<string, number>();
  for (const set of refs) for (const name of set) referencingPairs.set(name, (referencingPairs.get(name) ?? 0) + 1);
  return pairs.filter((pair, i) => (referencingPairs.get(pair.key) ?? 0) - (refs[i]?.has(pair.key) ? 1 : 0) > 0);
}

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3044',
    severity: 'error',
    title: 'Do not use a variable in the same ENV that defines it',
    rationale:
      'All pairs of one ENV are expanded with the values from before the instruction. A pair that refers to a variable set by another pair of the same ENV gets the old (often empty) value, not the new one.',
    remediation: 'Split the ENV in two: define the variable first, then use it in a following ENV.',
    docsAnchor: 'dl3044',
    tags: ['hadolint'],
    examples: {
      bad: [{ code: 'FROM debian:12\nENV APP_HOME=/opt/app PATH=$APP_HOME/bin:$PATH\n' }],
      good: [
        { code: 'FROM debian:12\nENV APP_HOME=/opt/app\nENV PATH=$APP_HOME/bin:$PATH\n' },
        {
          code: 'FROM debian:12\nARG APP_HOME=/opt/app\nENV APP_HOME=$APP_HOME PATH=$APP_HOME/bin:$PATH\n',
          note: 'the name already exists from the ARG, so the reference is to that value',
        },
      ],
    },
  },
  check(model, ctx) {
    // Findings come from ENVs whose own pairs refer to each other; without one there is nothing to track.
    if (!model.entriesOf('ENV').some((entry) => !entry.onbuild && mayCrossReference(entry.instruction.pairs))) return;
    // Every ENV key and ARG name declared so far, across all stages, as Hadolint tracks it.
    const defined = new Set<string>();
    for (let entryIndex = 0; entryIndex < model.entries.length; entryIndex++) {
      const entry = model.entries[entryIndex]!;
      if (entry.onbuild) continue;
      const instruction = entry.instruction;
      if (instruction.keyword === 'ARG') {
        for (const arg of instruction.args) defined.add(arg.name);
      } else if (instruction.keyword === 'ENV') {
        const offending = crossReferences(instruction.pairs).filter((p) => !defined.has(p.key));
        for (const pair of instruction.pairs) defined.add(pair.key);
        const first = offending[0];
        if (!first) continue;
        ctx.report(
          instruction,
          `'${first.key}' is defined and also used by another assignment in this same ENV; the use still sees the previous value`,
          first.span,
        );
      }
    }
  },
};
