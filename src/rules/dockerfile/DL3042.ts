import type { DockerfileRule, Entry, LintModel, Stage } from './types.js';
import type { ShellCommand } from '../../shell/types.js';
import { anchorOf, hasCacheMountContaining, passes } from './util/rules-b.js';
import { runsPipOrPython } from './util/command-names.js';

const TRUTHY = ['1', 'true', 'True', 'TRUE', 'on', 'On', 'ON', 'yes', 'Yes', 'YES'];

function hasSequence(args: readonly string[], sequence: readonly string[]): boolean {
  for (let i = 0; i + sequence.length <= args.length; i++) {
    if (sequence.every((word, k) => args[i + k] === word)) return true;
  }
  return false;
}

/** pip install as DL3013 detects it: `pip…` (not pipenv) with `install`, or `python… -m pip install`. */
export function isPipInstall(cmd: ShellCommand): boolean {
  if (cmd.name.startsWith('pip') && !cmd.name.startsWith('pipenv')) return cmd.args.includes('install');
  return cmd.name.startsWith('python') && hasSequence(cmd.args, ['-m', 'pip', 'install']);
}

/** pipx and pipenv manage their own caches; Hadolint leaves them alone. */
function isPipWrapper(cmd: ShellCommand): boolean {
  return ['pipx', 'pipenv'].some(
    (w) => cmd.name.includes(w) || (cmd.name.startsWith('python') && hasSequence(cmd.args, ['-m', w])),
  );
}

/** `PIP_NO_CACHE_DIR=<truthy…>` at its first occurrence in the RUN text (Hadolint compares a prefix). */
function runTextDisablesCache(text: string): boolean {
  const at = text.indexOf('PIP_NO_CACHE_DIR=');
  if (at < 0) return false;
  const value = text.slice(at + 'PIP_NO_CACHE_DIR='.length);
  return TRUTHY.some((t) => value.startsWith(t));
}

function checkPass(model: LintModel, entries: readonly Entry[], report: (entry: Entry, cmd: ShellCommand) => void): void {
  // Stages that set PIP_NO_CACHE_DIR via ENV; a stage inherits from the stage it is built FROM
  // (docs/compatibility.md, DL3042). The ONBUILD pass never sees FROM and uses one scope.
  const disabled = new Map<Stage | null, boolean>();
  let current: Stage | null = null;
  for (let entryIndex = 0; entryIndex < entries.length; entryIndex++) {
    const entry = entries[entryIndex]!;
    const instruction = entry.instruction;
    if (instruction.keyword === 'FROM' && !entry.onbuild) {
      current = entry.stage;
      disabled.set(current, current?.parent ? disabled.get(current.parent) ?? false : false);
    } else if (instruction.keyword === 'ENV') {
      const pair = instruction.pairs.find((p) => p.key === 'PIP_NO_CACHE_DIR');
      if (pair && TRUTHY.includes(pair.value)) disabled.set(current, true);
    } else if (instruction.keyword === 'RUN') {
      if (disabled.get(current) === true) continue;
      const script = model.shell(instruction);
      if (!script) continue;
      if (runTextDisablesCache(model.shellText(instruction) ?? '')) continue;
      const offender = script.commands.find(
        (c) => isPipInstall(c) && !c.args.includes('--no-cache-dir') && !isPipWrapper(c),
      );
      if (!offender) continue;
      if (hasCacheMountContaining(model, instruction, ['.cache/pip'])) continue;
      report(entry, offender);
    }
  }
}

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3042',
    severity: 'warning',
    title: 'Use pip install --no-cache-dir',
    rationale:
      "pip keeps a cache of downloaded wheels in the user's home directory. In an image it is never reused and only makes the layer larger.",
    remediation:
      'Add `--no-cache-dir` to `pip install`, set `ENV PIP_NO_CACHE_DIR=1` earlier in the stage, or mount the cache with `RUN --mount=type=cache,target=/root/.cache/pip`.',
    docsAnchor: 'dl3042',
    tags: ['hadolint', 'onbuild', 'pip'],
    examples: {
      bad: [
        { code: 'FROM python:3.12\nRUN pip install requests==2.31.0\n' },
        { code: 'FROM python:3.12\nRUN python3 -m pip install requests==2.31.0\n' },
      ],
      good: [
        { code: 'FROM python:3.12\nRUN pip install --no-cache-dir requests==2.31.0\n' },
        { code: 'FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install requests==2.31.0\n' },
        { code: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install requests==2.31.0\n' },
      ],
    },
  },
  check(model, ctx) {
    // Nothing to check in a file whose RUNs never run the tool.
    if (!runsPipOrPython(model)) return;
    const { normal, onbuild } = passes(model);
    for (const pass of [normal, onbuild]) {
      checkPass(model, pass, (entry, cmd) =>
        ctx.report(
          anchorOf(entry),
          `\`${cmd.name.startsWith('python') ? `${cmd.name} -m pip` : cmd.name} install\` keeps pip's download cache in the layer; add --no-cache-dir`,
          cmd.span,
        ),
      );
    }
  },
};
