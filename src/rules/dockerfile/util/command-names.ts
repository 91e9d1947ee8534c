/**
 * Which commands a file's RUNs run, computed once per file. Most rules are about one tool (apt-get,
 * yum, pip, ...) that most files never run; checking the name here lets such a rule skip the file, and
 * `runCommandsByName` lets it visit that tool's commands only instead of testing every command of every RUN.
 * The index is dsc.ts's per-file `indexCommands` (by written name); its entries are `RunCommand`s, which are
 * `NamedCommand`s with the effective command added.
 */
import type { ShellCommand } from '../../../shell/types.js';
import type { LintModel, RunScript } from '../types.js';
import { indexCommands } from './dsc.js';

/** A command of a RUN (ONBUILD payloads included) with the RUN it belongs to. */
export interface NamedCommand {
  run: RunScript;
  command: ShellCommand;
}

/**
 * Names (`ShellCommand.name`, as the shell model gives them) of every command of every RUN, ONBUILD payloads
 * included. A new Set per call: the rules ask `runsCommand`/`runsCommandWhere` instead, which read the index.
 */
export function runCommandNames(model: LintModel): ReadonlySet<string> {
  return new Set(model.derived(indexCommands).byWrittenName.keys());
}

const NO_COMMANDS: readonly NamedCommand[] = Object.freeze([]);

/** The commands named `name`, in file order (so those of one RUN are adjacent). */
export function runCommandsByName(model: LintModel, name: string): readonly NamedCommand[] {
  return model.derived(indexCommands).byWrittenName.get(name) ?? NO_COMMANDS;
}

/**
 * Per RUN (in file order), the first command named `name` that passes `test`, with that RUN; top-level
 * RUNs only unless `withOnbuild`. What a rule needs that reports one offending command per RUN.
 */
export function firstPerRun(
  model: LintModel,
  name: string,
  withOnbuild: boolean,
  test: (command: ShellCommand) => boolean,
): NamedCommand[] {
  const list = runCommandsByName(model, name);
  const found: NamedCommand[] = [];
  let done: RunScript | null = null;
  for (let i = 0; i < list.length; i++) {
    const one = list[i]!;
    if (one.run === done || (!withOnbuild && one.run.entry.onbuild)) continue;
    if (!test(one.command)) continue;
    found.push(one);
    done = one.run;
  }
  return found;
}

/** A `firstPerRun` test that takes the first command of the name. */
export const everyCommand = (_command: ShellCommand): boolean => true;

/**
 * True when some RUN runs a command named `name` (or `other`). Fixed parameters, not a rest list: every
 * rule asks this for every file, mostly before V8 optimises it, and a rest list is an array per call.
 */
export function runsCommand(model: LintModel, name: string, other?: string): boolean {
  const present = model.derived(indexCommands).byWrittenName;
  return present.has(name) || (other !== undefined && present.has(other));
}

/** True when some RUN runs a command with one of these names (a rule's constant list, passed as is). */
export function runsAnyCommand(model: LintModel, names: readonly string[]): boolean {
  const present = model.derived(indexCommands).byWrittenName;
  for (let i = 0; i < names.length; i++) if (present.has(names[i]!)) return true;
  return false;
}

/** True when some RUN runs a command whose name passes `test`. */
export function runsCommandWhere(model: LintModel, test: (name: string) => boolean): boolean {
  for (const name of model.derived(indexCommands).byWrittenName.keys()) if (test(name)) return true;
  return false;
}

/** True when some RUN runs a command named pip... or python... (the pip rules' gate); found once per file. */
export function runsPipOrPython(model: LintModel): boolean {
  return model.derived(findPipOrPython);
}

function findPipOrPython(model: LintModel): boolean {
  return runsCommandWhere(model, (name) => name.startsWith('pip') || name.startsWith('python'));
}
