/**
 * Which commands a file's RUNs run at all, computed once per file. Most rules are about one tool (apt-get,
 * yum, pip, ...) that most files never run; checking the name here lets such a rule skip the file instead
 * of testing every command of every RUN.
 */
import type { LintModel } from '../types.js';

/** Names (`ShellCommand.name`, as the shell model gives them) of every command of every RUN, ONBUILD payloads included. */
export function runCommandNames(model: LintModel): ReadonlySet<string> {
  return model.derived(collectNames);
}

function collectNames(model: LintModel): Set<string> {
  const names = new Set<string>();
  const runs = model.runs();
  for (let r = 0; r < runs.length; r++) {
    const commands = runs[r]!.commands;
    for (let c = 0; c < commands.length; c++) names.add(commands[c]!.name);
  }
  return names;
}

/** True when some RUN runs a command with one of these names. */
export function runsCommand(model: LintModel, ...names: string[]): boolean {
  const present = runCommandNames(model);
  for (const name of names) if (present.has(name)) return true;
  return false;
}

/** True when some RUN runs a command whose name passes `test`. */
export function runsCommandWhere(model: LintModel, test: (name: string) => boolean): boolean {
  for (const name of runCommandNames(model)) if (test(name)) return true;
  return false;
}
