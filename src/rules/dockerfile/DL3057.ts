import type { DockerfileRule, RuleContext, Stage } from './types.js';

function reportUnhealthy(ctx: RuleContext, stage: Stage): void {
  ctx.report(stage.from, `stage from '${stage.from.image.raw}' has no HEALTHCHECK`, stage.from.keywordSpan);
}

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3057',
    severity: 'ignore',
    title: 'Define a HEALTHCHECK',
    rationale:
      'Without a HEALTHCHECK the engine only knows whether the main process runs, not whether the service works, so orchestrators cannot replace a hung container.',
    remediation: 'Add a `HEALTHCHECK CMD ...` that probes the service (or `HEALTHCHECK NONE` to state it is deliberate).',
    docsAnchor: 'dl3057',
    tags: ['hadolint'],
    examples: {
      bad: [{ code: 'FROM nginx:1.25\nCOPY site /usr/share/nginx/html\n', note: 'off by default; enable it with a severity override' }],
      good: [
        { code: 'FROM nginx:1.25\nHEALTHCHECK CMD ["curl", "-f", "http://localhost/"]\n' },
        { code: 'FROM nginx:1.25 AS base\nHEALTHCHECK CMD ["curl", "-f", "http://localhost/"]\nFROM base\nCOPY site /usr/share/nginx/html\n', note: 'inherited from the parent stage' },
      ],
    },
  },
  check(model, ctx) {
    if (model.entriesOf('HEALTHCHECK').length === 0) {
      // No HEALTHCHECK anywhere (most files): every stage lacks one, reported in stage order as below.
      for (let s = 0; s < model.stages.length; s++) reportUnhealthy(ctx, model.stages[s]!);
      return;
    }
    // A stage inherits the HEALTHCHECK of the stage it is built FROM (docs/compatibility.md, DL3057).
    const healthy = new Set<Stage>();
    const unhealthy = new Set<Stage>();
    let current: Stage | null = null;
    for (let entryIndex = 0; entryIndex < model.entries.length; entryIndex++) {
      const entry = model.entries[entryIndex]!;
      if (entry.onbuild) continue;
      const instruction = entry.instruction;
      if (instruction.keyword === 'FROM') {
        current = entry.stage;
        if (!current) continue;
        if (current.parent && healthy.has(current.parent)) healthy.add(current);
        else unhealthy.add(current);
      } else if (instruction.keyword === 'HEALTHCHECK' && current) {
        healthy.add(current);
        unhealthy.delete(current);
        // The stages this one is built on are only bases of a checked image, as in Hadolint.
        for (let base = current.parent; base && unhealthy.has(base); base = base.parent) {
          unhealthy.delete(base);
          healthy.add(base);
        }
      }
    }
    for (const stage of [...unhealthy].sort((a, b) => a.index - b.index)) reportUnhealthy(ctx, stage);
  },
};
