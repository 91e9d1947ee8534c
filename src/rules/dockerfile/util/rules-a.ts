/**
 * Small helpers shared by rules DL1001 and DL3000–DL3029. Kept local to this rule range until the shared
 * `src/shell/commands.ts` helpers land; the semantics follow the shell model in the Hadolint reference (§0.1).
 */
import type { Span } from '../../../core/finding.js';
import type { Instruction } from '../../../dockerfile/ast.js';
import type { ShellCommand, ShellWord } from '../../../shell/types.js';
import { isFlagWord } from '../../../shell/commands.js';
import type { Entry, LintModel, Mount, RuleContext, Stage } from '../types.js';
import { runCommandsByName, type NamedCommand } from './command-names.js';

export { hasArg, hasFlag, isFlagWord } from '../../../shell/commands.js';

/** A RUN entry with its parsed shell commands. */
export interface RunStep {
  entry: Entry;
  commands: ShellCommand[];
  /** Where findings go: the ONBUILD wrapper for payloads, else the RUN itself. */
  anchor: Instruction;
}

/**
 * Every RUN in file order with its commands. `withOnbuild` includes `ONBUILD RUN` payloads (rules that
 * Hadolint also applies to ONBUILD); otherwise they are skipped. Shared by the rules: do not mutate.
 */
export function runSteps(model: LintModel, withOnbuild: boolean): readonly RunStep[] {
  return withOnbuild ? model.runs() : model.derived(topLevelRuns);
}

function topLevelRuns(model: LintModel): RunStep[] {
  const steps: RunStep[] = [];
  const runs = model.runs();
  for (let i = 0; i < runs.length; i++) if (!runs[i]!.entry.onbuild) steps.push(runs[i]!);
  return steps;
}

/** The instruction a finding should be anchored at: the ONBUILD line for payloads. */
export function anchorOf(entry: Entry): Instruction {
  return entry.wrapper ?? entry.instruction;
}

export function countFlag(command: ShellCommand, name: string): number {
  return command.flags.filter((flag) => flag === name).length;
}

/**
 * The arguments that are not flag words, with their words (same rules as `nonFlagArgs` in shell/commands.ts,
 * which returns strings only): for a flag in `valueFlags` written without an inline value (`-t value`,
 * `--target value`, `-yt value`) the following word is its value and is dropped too.
 */
export function operands(command: ShellCommand, valueFlags: readonly string[] = []): ShellWord[] {
  const result: ShellWord[] = [];
  for (let i = 0; i < command.args.length; i++) {
    const arg = command.args[i]!;
    if (isFlagWord(arg)) {
      if (takesSeparateValue(arg, valueFlags)) i++;
      continue;
    }
    result.push(command.words[i] ?? syntheticWord(arg, command.span));
  }
  return result;
}

/** `--name value` (no inline `=`), or a short cluster whose last letter takes a value (`-t v`, `-yt v`). */
function takesSeparateValue(arg: string, valueFlags: readonly string[]): boolean {
  if (arg.startsWith('--')) return !arg.includes('=') && valueFlags.includes(arg.slice(2));
  return valueFlags.includes(arg.slice(-1));
}

function syntheticWord(value: string, span: Span): ShellWord {
  return { value, raw: value, span, dynamic: value.includes('$') };
}

/** Cache or tmpfs mounts whose target contains `fragment`: the directory does not end up in the image. */
export function hasCacheMountOn(mounts: Mount[], fragment: string): boolean {
  return mounts.some(
    (mount) => (mount.type === 'cache' || mount.type === 'tmpfs') && (mount.target ?? '').includes(fragment),
  );
}

/** Removes one layer of surrounding double or single quotes, as Hadolint does for paths. */
export function stripQuotes(text: string): string {
  let result = text;
  if (result.startsWith('"') || result.startsWith("'")) result = result.slice(1);
  if (result.endsWith('"') || result.endsWith("'")) result = result.slice(0, -1);
  return result;
}

/** Last path segment; both `/` and `\` separate (Windows paths), quotes removed first. */
export function baseName(path: string): string {
  const clean = stripQuotes(path);
  const cut = Math.max(clean.lastIndexOf('/'), clean.lastIndexOf('\\'));
  return clean.slice(cut + 1);
}

/** File name endings of the archives ADD unpacks (as Hadolint lists them). */
export const ARCHIVE_EXTENSIONS: readonly string[] = [
  '.tar', '.Z', '.bz2', '.gz', '.lz', '.lzma', '.tZ', '.tb2', '.tbz', '.tbz2', '.tgz', '.tlz', '.tpz', '.txz', '.xz',
];

export function isArchiveName(path: string): boolean {
  const clean = stripQuotes(path);
  return ARCHIVE_EXTENSIONS.some((ext) => clean.endsWith(ext));
}

/** True when a word value still holds an unresolved expansion (`${X}`, `$(...)`): its content is unknown. */
export function isOpaque(value: string): boolean {
  return value.includes('$');
}

/** Formats names for a message: `a`, `a` and `b`, `a`, `b` and 3 more. */
export function listNames(names: string[], limit = 3): string {
  const quoted = names.map((name) => `'${name}'`);
  if (quoted.length <= 1) return quoted.join('');
  if (quoted.length <= limit) return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
  return `${quoted.slice(0, limit).join(', ')} and ${quoted.length - limit} more`;
}

/** How one package manager's pinning rule (DL3008, DL3013, DL3016, DL3018, DL3028) reads a RUN. */
export interface PinningPolicy {
  /** When set, `packages` returns nothing for commands of any other name, so only these are visited. */
  commandName?: string;
  /** The package words one command installs (empty when the command installs nothing). */
  packages(command: ShellCommand): readonly ShellWord[];
  isPinned(word: ShellWord): boolean;
  /** The finding's message, given the unpinned package names (at least one). */
  message(names: string[]): string;
}

/**
 * The pinning rules' shared pass: per RUN (ONBUILD payloads included), the literal package words that are
 * not pinned, reported once at the RUN with the first such word's span. Words holding an expansion may
 * hold a pinned spec and are not judged (docs/compatibility.md).
 */
export function reportUnpinnedPackages(model: LintModel, context: RuleContext, policy: PinningPolicy): void {
  if (policy.commandName !== undefined) {
    reportUnpinnedOf(runCommandsByName(model, policy.commandName), context, policy);
    return;
  }
  // Indexed loops: this runs for every command of every RUN, mostly before V8 has optimised it, where
  // for-of pays for an iterator object per loop.
  const steps = runSteps(model, true);
  for (let s = 0; s < steps.length; s++) {
    const step = steps[s]!;
    let unpinned: ShellWord[] | null = null;
    for (let c = 0; c < step.commands.length; c++) {
      const words = policy.packages(step.commands[c]!);
      for (let w = 0; w < words.length; w++) {
        const word = words[w]!;
        if (word.dynamic || isOpaque(word.value)) continue;
        if (!policy.isPinned(word)) (unpinned ??= []).push(word);
      }
    }
    if (unpinned === null) continue;
    context.report(step.anchor, policy.message(unpinned.map((word) => word.value)), unpinned[0]!.span);
  }
}

/** `reportUnpinnedPackages` over one tool's commands (file order, so those of one RUN are adjacent). */
function reportUnpinnedOf(list: readonly NamedCommand[], context: RuleContext, policy: PinningPolicy): void {
  let i = 0;
  while (i < list.length) {
    const run = list[i]!.run;
    let unpinned: ShellWord[] | null = null;
    for (; i < list.length && list[i]!.run === run; i++) {
      const words = policy.packages(list[i]!.command);
      for (let w = 0; w < words.length; w++) {
        const word = words[w]!;
        if (word.dynamic || isOpaque(word.value)) continue;
        if (!policy.isPinned(word)) (unpinned ??= []).push(word);
      }
    }
    if (unpinned !== null) context.report(run.anchor, policy.message(unpinned.map((word) => word.value)), unpinned[0]!.span);
  }
}

/** No package words (shared, so commands that install nothing cost no allocation). */
export const NO_WORDS: readonly ShellWord[] = Object.freeze([]);

/** The stages whose FROM comes before `stage` (all of them when `stage` is null and `inclusive`). */
export function stagesUpTo(stages: readonly Stage[], stage: Stage | null, inclusive: boolean): Stage[] {
  if (stage === null) return [];
  return stages.filter((s) => (inclusive ? s.index <= stage.index : s.index < stage.index));
}

/** The value of a `--name=value` flag on an instruction, or undefined when absent or bare. */
export function flagValue(instruction: Instruction, name: string): { value: string; span: Span } | undefined {
  for (let i = 0; i < instruction.flags.length; i++) {
    const flag = instruction.flags[i]!;
    if (flag.name !== name) continue;
    return flag.value === null ? undefined : { value: flag.value, span: flag.span };
  }
  return undefined;
}
