/** Shared walk for the label-schema value rules (DL3051–DL3056, DL3058). */
import type { LabelType } from '../../../lint/config.js';
import type { KeyValue } from '../../../dockerfile/ast.js';
import type { LintModel, RuleContext } from '../types.js';

/**
 * Reports each LABEL pair whose key has one of `types` in the schema and whose value fails `valid`.
 * Hadolint runs one rule per schema label, so a LABEL gets at most one finding per label key.
 */
export function checkLabelValues(
  model: LintModel,
  ctx: RuleContext,
  types: readonly LabelType[] | 'any',
  valid: (value: string) => boolean,
  message: (pair: KeyValue, type: LabelType) => string,
): void {
  const schema = model.config.labelSchema;
  // No schema (the default): no label has a type to check.
  if (Object.keys(schema).length === 0) return;
  for (const entry of model.entriesOf('LABEL')) {
    const instruction = entry.instruction;
    if (entry.onbuild) continue;
    const reported = new Set<string>();
    for (const pair of instruction.pairs) {
      if (!Object.hasOwn(schema, pair.key) || reported.has(pair.key)) continue;
      const type = schema[pair.key] as LabelType;
      if (types !== 'any' && !types.includes(type)) continue;
      if (valid(pair.value)) continue;
      reported.add(pair.key);
      ctx.report(instruction, message(pair, type), pair.span);
    }
  }
}
