import type { DockerfileRule, Stage } from './types.js';

function namesStage(reference: string, stage: Stage): boolean {
  if (/^[0-9]+$/.test(reference)) return Number(reference) === stage.index;
  return stage.alias !== undefined && stage.alias.toLowerCase() === reference.toLowerCase();
}

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3049',
    severity: 'info',
    title: 'Set every label the label schema requires',
    rationale:
      'The configured label schema lists labels every image must carry (owner, source, version...). Images missing them are hard to trace back to their source and owners.',
    remediation:
      'Add a LABEL for the missing key in each stage that produces an image, or in a stage the others are built FROM.',
    docsAnchor: 'dl3049',
    tags: ['hadolint', 'labels'],
    examples: {
      bad: [{ code: 'FROM debian:12\nLABEL other="x"\n', config: { labelSchema: { maintainer: 'text' } } }],
      good: [
        { code: 'FROM debian:12\nLABEL maintainer="team@example.com"\n', config: { labelSchema: { maintainer: 'text' } } },
        {
          code: 'FROM debian:12 AS build\nRUN make\nFROM debian:12\nCOPY --from=build /out /out\nLABEL maintainer="team@example.com"\n',
          config: { labelSchema: { maintainer: 'text' } },
          note: 'a stage only used as a COPY --from source is excused',
        },
      ],
    },
  },
  check(model, ctx) {
    const labels = Object.keys(model.config.labelSchema).sort();
    if (labels.length === 0) return;
    const missing: { stage: Stage; label: string }[] = [];
    for (const label of labels) {
      const good = new Set<Stage>();
      const bad = new Set<Stage>();
      let current: Stage | null = null;
      for (const entry of model.entries) {
        if (entry.onbuild) continue;
        const instruction = entry.instruction;
        if (instruction.keyword === 'FROM') {
          current = entry.stage;
          if (!current) continue;
          // Built FROM a stage that has the label: inherited.
          (current.parent && good.has(current.parent) ? good : bad).add(current);
        } else if (instruction.keyword === 'COPY') {
          const from = instruction.flags.find((f) => f.name === 'from')?.value;
          if (from == null) continue;
          // Stages that only feed files to others do not need the label; they may be named by alias
          // (case-insensitively, as BuildKit) or by index (docs/compatibility.md, DL3049).
          for (const stage of [...bad]) if (namesStage(from, stage)) bad.delete(stage);
        } else if (instruction.keyword === 'LABEL' && current) {
          if (instruction.pairs.some((p) => p.key === label)) {
            good.add(current);
            bad.delete(current);
            // The stage it is built on is then only a base of a labelled image (Hadolint excuses it too).
            if (current.parent) bad.delete(current.parent);
          }
        }
      }
      for (const stage of bad) missing.push({ stage, label });
    }
    missing.sort((a, b) => a.stage.index - b.stage.index);
    for (const { stage, label } of missing) {
      const name = stage.alias ? `stage '${stage.alias}'` : `the stage from '${stage.from.image.raw}'`;
      ctx.report(stage.from, `${name} lacks the label '${label}' required by the label schema`, stage.from.keywordSpan);
    }
  },
};
