import type { DockerfileRule } from './types.js';

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3050',
    severity: 'info',
    title: 'Only use labels from the label schema (strict labels)',
    rationale:
      'With strict labels enabled, the label schema is the complete list of allowed labels, so typos and ad-hoc labels are caught before images ship with them.',
    remediation: 'Remove the label, fix its spelling, or add it to the label schema.',
    docsAnchor: 'dl3050',
    tags: ['hadolint', 'labels'],
    examples: {
      bad: [
        {
          code: 'FROM debian:12\nLABEL maintainer="team@example.com" mantainer="oops"\n',
          config: { labelSchema: { maintainer: 'email' }, strictLabels: true },
        },
      ],
      good: [
        {
          code: 'FROM debian:12\nLABEL maintainer="team@example.com"\n',
          config: { labelSchema: { maintainer: 'email' }, strictLabels: true },
        },
      ],
    },
  },
  check(model, ctx) {
    if (!model.config.strictLabels) return;
    const schema = model.config.labelSchema;
    const entryList = model.entriesOf('LABEL');
    for (let entryIndex = 0; entryIndex < entryList.length; entryIndex++) {
      const entry = entryList[entryIndex]!;
      const instruction = entry.instruction;
      if (entry.onbuild) continue;
      const extra = instruction.pairs.find((p) => !Object.hasOwn(schema, p.key));
      if (!extra) continue;
      ctx.report(instruction, `label '${extra.key}' is not in the label schema and strict labels are on`, extra.span);
    }
  },
};
