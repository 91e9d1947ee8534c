/**
 * Small helpers shared by the DL3030–DL4006 rules, on top of `src/shell/commands.ts`. They follow the
 * Hadolint command model (flags derived from words, "has any of these args" is an OR test) and keep
 * the words, so findings can point at the offending word. Every function here is pure.
 */
import type { Instruction } from '../../../dockerfile/ast.js';
import type { ShellCommand, ShellWord } from '../../../shell/types.js';
import { hasArg, hasFlag, isFlagWord } from '../../../shell/commands.js';
import type { Entry, LintModel, RunScript } from '../types.js';

/** The instruction a finding should be anchored at: the ONBUILD line for payloads. */
export { anchorOf } from './rules-a.js';

/**
 * Hadolint runs "ONBUILD: yes" rules twice: once over the normal instructions and once over ONBUILD
 * payloads only, with separate state. Stateful rules call their pass function once per list.
 * Computed once per file (several rules ask); do not mutate the lists.
 */
export function passes(model: LintModel): { normal: readonly Entry[]; onbuild: readonly Entry[] } {
  return model.derived(splitPasses);
}

function splitPasses(model: LintModel): { normal: Entry[]; onbuild: Entry[] } {
  const normal: Entry[] = [];
  const onbuild: Entry[] = [];
  const entries = model.entries;
  for (let i = 0; i < entries.length; i++) (entries[i]!.onbuild ? onbuild : normal).push(entries[i]!);
  return { normal, onbuild };
}

export function hasAnyFlag(cmd: ShellCommand, names: readonly string[]): boolean {
  return hasFlag(cmd, ...names);
}

/** Hadolint's `cmdHasArgs`: the name matches and ANY of the words is an argument. */
export function cmdHasAnyArg(cmd: ShellCommand, names: string | readonly string[], words: readonly string[]): boolean {
  const nameOk = typeof names === 'string' ? cmd.name === names : names.includes(cmd.name);
  return nameOk && hasArg(cmd, ...words);
}

/** Arguments that are not flag words, with their words (for spans). */
export function nonFlagWords(cmd: ShellCommand): ShellWord[] {
  return cmd.words.filter((w) => !isFlagWord(w.value));
}

/** The word after the first short-flag word that contains `letter` (`-u 1000`), if any. */
export function shortFlagValue(cmd: ShellCommand, letter: string): ShellWord | undefined {
  const index = cmd.words.findIndex(
    (w) => w.value.startsWith('-') && !w.value.startsWith('--') && w.value.slice(1).includes(letter),
  );
  return index >= 0 ? cmd.words[index + 1] : undefined;
}


/** True when the RUN has a cache or tmpfs mount whose target contains one of `needles`. */
export function hasCacheMountContaining(model: LintModel, instruction: Instruction, needles: readonly string[]): boolean {
  return model
    .mounts(instruction)
    .some((m) => (m.type === 'cache' || m.type === 'tmpfs') && needles.some((n) => (m.target ?? '').includes(n)));
}

/** Removes every leading and trailing `"` and `'` (Hadolint's `dropAround` on quotes). */
export function stripQuotes(text: string): string {
  return text.replace(/^["']+/, '').replace(/["']+$/, '');
}



/** `a`, `a and b`, `a, b and c` — for naming several offenders in one message. */
export function listWords(words: readonly string[]): string {
  const quoted = words.map((w) => `'${w}'`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

/** Every RUN (ONBUILD payloads included) that has a shell script, in file order; shared by the rules. */
export function runEntries(model: LintModel): readonly RunScript[] {
  return model.derived(collectShellRuns);
}

function collectShellRuns(model: LintModel): RunScript[] {
  const result: RunScript[] = [];
  const runs = model.runs();
  for (let i = 0; i < runs.length; i++) if (runs[i]!.script !== null) result.push(runs[i]!);
  return result;
}
