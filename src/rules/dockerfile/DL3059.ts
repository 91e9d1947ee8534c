import type { DockerfileRule, LintModel } from './types.js';
import type { Instruction } from '../../dockerfile/ast.js';

/** Flags as an order-independent signature: RUNs with different mounts/network/security stay apart. */
function flagSignature(instruction: Instruction): string {
  return instruction.flags
    .map((f) => `${f.name}=${f.value ?? ''}`)
    .sort()
    .join('\n');
}

function sameFlags(a: Instruction, b: Instruction): boolean {
  // Most RUNs have no flags at all: no signature strings to build then.
  if (a.flags.length === 0 && b.flags.length === 0) return true;
  return flagSignature(a) === flagSignature(b);
}

function commandCount(model: LintModel, instruction: Instruction): number {
  const script = model.shell(instruction);
  if (!script) return 0;
  // A script nothing could be read from (a PowerShell body, say) cannot be called single-command.
  if (!script.ok && script.commands.length === 0) return Number.POSITIVE_INFINITY;
  return script.commands.length;
}

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3059',
    severity: 'info',
    title: 'Merge consecutive simple RUN instructions',
    rationale:
      'Each RUN creates a layer. Several single-command RUNs in a row make the image larger and slower to pull than one RUN that does the same work.',
    remediation: 'Join the commands with `&&` in one RUN (use line continuations for readability).',
    docsAnchor: 'dl3059',
    tags: ['hadolint'],
    examples: {
      bad: [{ code: 'FROM debian:12\nRUN mkdir /app\nRUN chown nobody /app\n' }],
      good: [
        { code: 'FROM debian:12\nRUN mkdir /app && chown nobody /app\n' },
        { code: 'FROM debian:12\nRUN mkdir /app\nRUN --mount=type=cache,target=/root/.cache make\n', note: 'different flags' },
        { code: 'FROM debian:12\nRUN mkdir /app && chown nobody /app\nRUN touch /app/x\n', note: 'one RUN already chains commands' },
      ],
    },
  },
  check(model, ctx) {
    let previous: Instruction | null = null;
    for (let entryIndex = 0; entryIndex < model.entries.length; entryIndex++) {
      const entry = model.entries[entryIndex]!;
      if (entry.onbuild) continue;
      const instruction = entry.instruction;
      if (instruction.keyword !== 'RUN') {
        previous = null;
        continue;
      }
      const prior: Instruction | null = previous;
      previous = instruction;
      if (!prior || !sameFlags(prior, instruction)) continue;
      // Heredoc RUNs are scripts on purpose; suggesting to merge them is noise (docs/compatibility.md, DL3059).
      if (prior.heredocs.length > 0 || instruction.heredocs.length > 0) continue;
      if (commandCount(model, prior) > 1 || commandCount(model, instruction) > 1) continue;
      ctx.report(instruction, `this RUN directly follows another single-command RUN (line ${prior.span.start.line}); merge them into one layer`);
      // The chain keeps comparing against the earlier RUN, as Hadolint keeps its state on a finding.
      previous = prior;
    }
  },
};
