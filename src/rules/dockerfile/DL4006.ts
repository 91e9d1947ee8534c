import type { DockerfileRule, LintModel } from './types.js';
import type { Instruction } from '../../dockerfile/ast.js';
import { basename, hasArg, hasFlag } from '../../shell/commands.js';

const NON_POSIX_PREFIXES = ['pwsh', 'powershell', 'cmd'];
const PIPEFAIL_SHELLS = ['bash', 'zsh', 'ash'];

const NO_PIPEFAIL = 'this RUN uses a pipe but the shell has no -o pipefail, so a failure before the last command is ignored';

type ShellState = 'pipefail' | 'no-pipefail' | 'not-posix';

/** What a SHELL instruction means for pipe failures, decided as Hadolint does. */
function shellState(model: LintModel, instruction: Instruction): ShellState {
  const text = model.shellText(instruction) ?? '';
  if (NON_POSIX_PREFIXES.some((p) => text.startsWith(p))) return 'not-posix';
  const commands = model.shell(instruction)?.commands ?? [];
  const enables = commands.some(
    (c) => PIPEFAIL_SHELLS.includes(basename(c.name)) && hasFlag(c, 'o') && hasArg(c, 'pipefail'),
  );
  return enables ? 'pipefail' : 'no-pipefail';
}

export const rule: DockerfileRule = {
  meta: {
    id: 'DL4006',
    severity: 'warning',
    title: 'Set -o pipefail before RUN with a pipe',
    rationale:
      'A pipeline reports only the status of its last command, so `curl ... | tar x` succeeds even when the download fails, and the build carries on with a broken result.',
    remediation:
      'Add `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before the RUN (on Alpine/busybox use `/bin/ash`).',
    docsAnchor: 'dl4006',
    tags: ['hadolint'],
    examples: {
      bad: [
        { code: 'FROM debian:12\nRUN curl -fsSL https://example.com/x.tgz | tar xz\n' },
        { code: 'FROM debian:12\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/x.tgz | tar xz\n', note: 'only bash, zsh and ash count' },
      ],
      good: [
        { code: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/x.tgz | tar xz\n' },
        { code: 'FROM debian:12\nRUN curl -fsSL https://example.com/x.tgz || true\n', note: '|| is not a pipe' },
      ],
    },
  },
  check(model, ctx) {
    // Findings are about top-level RUNs with a pipe; most files have none.
    if (!model.runs().some((run) => !run.entry.onbuild && run.script?.hasPipe === true)) return;
    if (model.entriesOf('SHELL').length === 0) {
      // No SHELL anywhere (most files): every top-level RUN runs /bin/sh, which has no pipefail.
      const runs = model.runs();
      for (let i = 0; i < runs.length; i++) {
        const run = runs[i]!;
        if (run.entry.onbuild || run.script?.hasPipe !== true) continue;
        ctx.report(run.entry.instruction, NO_PIPEFAIL);
      }
      return;
    }
    let state: ShellState = 'no-pipefail';
    for (let entryIndex = 0; entryIndex < model.entries.length; entryIndex++) {
      const entry = model.entries[entryIndex]!;
      if (entry.onbuild) continue;
      const instruction = entry.instruction;
      if (instruction.keyword === 'FROM') state = 'no-pipefail';
      else if (instruction.keyword === 'SHELL') state = shellState(model, instruction);
      else if (instruction.keyword === 'RUN' && state === 'no-pipefail' && model.shell(instruction)?.hasPipe) {
        ctx.report(instruction, NO_PIPEFAIL);
      }
    }
  },
};
