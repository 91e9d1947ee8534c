import type { DockerfileRule, Entry, LintModel } from './types.js';
import { anchorOf, passes } from './util/rules-b.js';
import { runsCommand } from './util/command-names.js';

function checkPass(model: LintModel, entries: readonly Entry[], report: (entry: Entry) => void): void {
  const seen = new Set<string>();
  for (let entryIndex = 0; entryIndex < entries.length; entryIndex++) {
    const entry = entries[entryIndex]!;
    const instruction = entry.instruction;
    // The ONBUILD pass never sees FROM, so its tool set spans the file (as in Hadolint).
    if (instruction.keyword === 'FROM') seen.clear();
    if (instruction.keyword !== 'RUN') continue;
    const commands = model.shell(instruction)?.commands ?? [];
    let usesTool = false;
    for (let i = 0; i < commands.length; i++) {
      const name = commands[i]!.name;
      if (name !== 'curl' && name !== 'wget') continue;
      seen.add(name);
      usesTool = true;
    }
    if (usesTool && seen.size >= 2) report(entry);
  }
}

export const rule: DockerfileRule = {
  meta: {
    id: 'DL4001',
    severity: 'warning',
    title: 'Use either wget or curl, not both',
    rationale: 'Both tools do the same job. Installing and using both adds an unnecessary package to the image and its attack surface.',
    remediation: 'Pick one download tool for the stage and use it everywhere.',
    docsAnchor: 'dl4001',
    tags: ['hadolint', 'onbuild'],
    examples: {
      bad: [{ code: 'FROM debian:12\nRUN wget -q https://example.com/a\nRUN curl -fsSO https://example.com/b\n' }],
      good: [
        { code: 'FROM debian:12\nRUN curl -fsSO https://example.com/a\nRUN curl -fsSO https://example.com/b\n' },
        { code: 'FROM debian:12 AS a\nRUN wget -q https://example.com/a\nFROM debian:12\nRUN curl -fsSO https://example.com/b\n', note: 'each stage is judged on its own' },
      ],
    },
  },
  check(model, ctx) {
    // Nothing to check in a file whose RUNs never run the tool.
    if (!runsCommand(model, 'curl') || !runsCommand(model, 'wget')) return;
    const { normal, onbuild } = passes(model);
    for (const pass of [normal, onbuild]) {
      checkPass(model, pass, (entry) => ctx.report(anchorOf(entry), 'this stage uses both wget and curl; settle on one of them'));
    }
  },
};
