/** Small queries over the shell model that Dockerfile rules share. */
import type { ShellCommand, ShellScript } from './types.js';

/** True when the command has any of the flags (`'y'`, `'no-install-recommends'`, ...). */
export function hasFlag(cmd: ShellCommand, ...names: string[]): boolean {
  // Index loops, no closure: rules call this for most commands, mostly before V8 has optimised it.
  const flags = cmd.flags;
  for (let i = 0; i < flags.length; i++) if (names.includes(flags[i]!)) return true;
  return false;
}

/** True when any of the words is one of the command's arguments (OR semantics, like Hadolint). */
export function hasArg(cmd: ShellCommand, ...words: string[]): boolean {
  const args = cmd.args;
  for (let i = 0; i < args.length; i++) if (words.includes(args[i]!)) return true;
  return false;
}

/** True when the command has at least one argument. */
export function hasAnyArg(cmd: ShellCommand): boolean {
  return cmd.args.length > 0;
}

/** An argument that counts as a flag word: starts with `-` but is not `-` or `--`. */
export function isFlagWord(arg: string): boolean {
  return arg.length > 1 && arg.startsWith('-') && arg !== '--';
}

/**
 * Arguments without the flag words. A flag named in `valueFlags` (`'t'`, `'target-release'`) also drops
 * the next word when its value is written separately (`-t stable`, `--target-release stable`); an inline
 * value (`--target-release=stable`, `-tstable`) never drops the next word. In a short cluster only the
 * last letter can take the next word (`-yt stable`).
 */
export function nonFlagArgs(cmd: ShellCommand, valueFlags: readonly string[] = []): string[] {
  const result: string[] = [];
  const args = cmd.args;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!isFlagWord(arg)) {
      result.push(arg);
      continue;
    }
    if (valueFlags.length === 0) continue;
    if (arg.startsWith('--')) {
      if (!arg.includes('=') && valueFlags.includes(arg.slice(2))) i++;
    } else if (valueFlags.includes(arg.slice(-1))) {
      i++;
    }
  }
  return result;
}

/** The arguments after the first occurrence of `word` (empty when it is not an argument). */
export function argsAfter(cmd: ShellCommand, word: string): string[] {
  const at = cmd.args.indexOf(word);
  return at === -1 ? [] : cmd.args.slice(at + 1);
}

/** Commands whose name is one of `names` (compared verbatim, as Hadolint does). */
export function commandsNamed(script: ShellScript | null | undefined, ...names: string[]): ShellCommand[] {
  if (!script) return [];
  const found: ShellCommand[] = [];
  const commands = script.commands;
  for (let i = 0; i < commands.length; i++) if (names.includes(commands[i]!.name)) found.push(commands[i]!);
  return found;
}

/** Index of the first command matching the predicate, or -1. */
export function firstIndex(
  script: ShellScript | null | undefined,
  predicate: (cmd: ShellCommand) => boolean,
): number {
  return script ? script.commands.findIndex(predicate) : -1;
}

/** Last path segment of a command name (`/usr/bin/bash` → `bash`). */
export function basename(name: string): string {
  const trimmed = name.replace(/\/+$/, '');
  const slash = trimmed.lastIndexOf('/');
  return slash === -1 ? trimmed : trimmed.slice(slash + 1);
}
