/**
 * Which shell runs a RUN (Hadolint reference §1.8): `/bin/sh -c` by default, replaced by `SHELL [...]` for
 * the rest of the stage, or by a `# hadolint shell=NAME` pragma. A pragma before the first FROM and before
 * any ARG/ENV/SHELL sets the default for every stage. A stage whose FROM names an earlier alias starts
 * with that stage's shell. ONBUILD payloads form their own sequence (Hadolint checks them in a separate
 * pass that only sees other payloads), starting from the default shell.
 */
import type { Instruction } from '../dockerfile/ast.js';
import type { Entry, LintModel } from '../rules/dockerfile/types.js';
import { collectPragmas } from './pragmas.js';
import { hasForeignShebang, isUncheckableShell } from './shellcheck.js';

export const DEFAULT_SHELL = '/bin/sh -c';

/** PowerShell or cmd: a shell whose scripts are not POSIX shell (the names Hadolint's ShellCheck step skips). */
export function isWindowsShell(shellName: string): boolean {
  return isUncheckableShell(shellName);
}

const shellsByModel = new WeakMap<LintModel, Map<Entry, string>>();

/** The shell (as written in SHELL, joined with spaces, or the pragma's name) that runs this entry. */
export function stageShell(model: LintModel, entry: Entry): string {
  let shells = shellsByModel.get(model);
  if (!shells) {
    shells = computeShells(model);
    shellsByModel.set(model, shells);
  }
  return shells.get(entry) ?? DEFAULT_SHELL;
}

/**
 * False when ShellCheck must not see the script: a Windows shell (`pwsh`, `powershell`, `cmd`) or a
 * script whose `#!` line names something other than sh/bash/ksh (a python heredoc, say).
 */
export function isShellCheckable(shellName: string, scriptText: string): boolean {
  return !isUncheckableShell(shellName) && !hasForeignShebang(scriptText);
}

/** The shell a SHELL instruction sets (its words joined with spaces); null for other instructions. */
export function shellOfInstruction(instruction: Instruction): string | null {
  if (instruction.keyword !== 'SHELL') return null;
  const command = instruction.command;
  return command.form === 'exec' ? command.args.join(' ') : command.script;
}

function computeShells(model: LintModel): Map<Entry, string> {
  const result = new Map<Entry, string>();
  const pragmas = collectPragmas(model.dockerfile).filter((p) => p.kind === 'shell' && p.shell !== undefined);
  let pragmaIndex = 0;
  let defaultShell = DEFAULT_SHELL;
  let sawFrom = false;
  let sawStateInstruction = false;
  let current = defaultShell;
  let onbuildShell = defaultShell;
  const finalShellOfStage = new Map<number, string>();

  for (const entry of model.entries) {
    const line = (entry.wrapper ?? entry.instruction).span.start.line;
    while (pragmaIndex < pragmas.length && pragmas[pragmaIndex]!.line < line) {
      const shell = pragmas[pragmaIndex++]!.shell!;
      if (!sawFrom && !sawStateInstruction) {
        defaultShell = shell;
        onbuildShell = shell;
      }
      current = shell;
    }
    const instruction = entry.instruction;
    if (entry.onbuild) {
      onbuildShell = shellOfInstruction(instruction) ?? onbuildShell;
      result.set(entry, onbuildShell);
      continue;
    }
    if (instruction.keyword === 'FROM') {
      sawFrom = true;
      const parent = entry.stage?.parent;
      current = parent ? (finalShellOfStage.get(parent.index) ?? defaultShell) : defaultShell;
    } else {
      if (!sawFrom && (instruction.keyword === 'ARG' || instruction.keyword === 'ENV' || instruction.keyword === 'SHELL')) {
        sawStateInstruction = true;
      }
      current = shellOfInstruction(instruction) ?? current;
    }
    if (entry.stage) finalShellOfStage.set(entry.stage.index, current);
    result.set(entry, current);
  }
  return result;
}
