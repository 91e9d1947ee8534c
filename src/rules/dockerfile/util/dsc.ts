/**
 * Helpers for docksec's own Dockerfile rules (DSC4xxx, DSC5xxx). Unlike the Hadolint rules, these look
 * through command wrappers (`sudo`, `env`, `xargs`, ...) and compare command basenames, since a lint for
 * insecure flags should not be dodged by writing `/usr/bin/curl` or `sudo curl`.
 */
import type { Span } from '../../../core/finding.js';
import type { Instruction } from '../../../dockerfile/ast.js';
import { basename, isFlagWord } from '../../../shell/commands.js';
import type { ShellCommand, ShellWord } from '../../../shell/types.js';
import type { LintModel, RunScript, Stage } from '../types.js';

/** A RUN (top level or ONBUILD payload) with its parsed shell (the model's shared list, `model.runs()`). */
export type { RunScript } from '../types.js';

/** A command as it runs once wrappers are peeled off: `sudo -E env X=1 /usr/bin/curl -k` is `curl -k`. */
export interface EffectiveCommand {
  /** Basename of the program. */
  name: string;
  args: string[];
  words: ShellWord[];
  /** Environment assignments: prefix ones (no word) and those given to `env` (with their word). */
  assignments: ReadonlyArray<{ text: string; word?: ShellWord }>;
  command: ShellCommand;
}

/** Wrappers that run their first non-option argument, with the short/long options that take a value. */
const WRAPPERS: ReadonlyMap<string, { valueFlags: string[]; positional?: number }> = new Map(Object.entries({
  sudo: { valueFlags: ['u', 'g', 'C', 'D', 'h', 'p', 'r', 't', 'U', 'T', 'user', 'group', 'chdir', 'host', 'prompt', 'role', 'type', 'other-user', 'command-timeout', 'close-from'] },
  doas: { valueFlags: ['u', 'C'] },
  env: { valueFlags: ['u', 'C', 'S', 'unset', 'chdir', 'split-string'] },
  xargs: { valueFlags: ['a', 'd', 'E', 'e', 'I', 'i', 'L', 'l', 'n', 'P', 's', 'arg-file', 'delimiter', 'eof', 'replace', 'max-lines', 'max-args', 'max-procs', 'max-chars', 'process-slot-var'] },
  nice: { valueFlags: ['n', 'adjustment'] },
  nohup: { valueFlags: [] },
  time: { valueFlags: ['f', 'o', 'format', 'output'] },
  timeout: { valueFlags: ['s', 'k', 'signal', 'kill-after'], positional: 1 },
  stdbuf: { valueFlags: ['i', 'o', 'e', 'input', 'output', 'error'] },
  eatmydata: { valueFlags: [] },
  chronic: { valueFlags: [] },
  retry: { valueFlags: ['t', 'd', 'times', 'delay'] },
}));

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** The command with wrappers peeled off. Not cached: rules get them once per file from `runCommands`. */
export function effective(cmd: ShellCommand): EffectiveCommand {
  // basename() strips trailing slashes with a regex; a name without any slash is its own basename.
  let name = cmd.name.includes('/') ? basename(cmd.name) : cmd.name;
  let words = cmd.words;
  // `command X`, `busybox X`, `exec -c X`: the model names the command X but keeps X among the arguments.
  const own = firstNonFlag(words);
  if (own !== -1 && words[own]!.value === cmd.name) words = words.slice(own + 1);
  let assignments: Array<{ text: string; word?: ShellWord }> | null = null;
  for (let i = 0; i < cmd.assignments.length; i++) (assignments ??= []).push({ text: cmd.assignments[i]! });
  for (let depth = 0; depth < 6; depth++) {
    const wrapper = WRAPPERS.get(name);
    if (wrapper === undefined) break;
    let i = 0;
    let positional = wrapper.positional ?? 0;
    for (; i < words.length; i++) {
      const value = words[i]!.value;
      if (value === '--') {
        i++;
        break;
      }
      if (name === 'env' && ASSIGNMENT.test(value)) {
        (assignments ??= []).push({ text: value, word: words[i]! });
        continue;
      }
      if (isFlagWord(value)) {
        const flag = value.startsWith('--') ? value.slice(2) : value.slice(-1);
        if (!value.includes('=') && wrapper.valueFlags.includes(flag) && (value.startsWith('--') || value.length === 2)) i++;
        continue;
      }
      if (positional > 0) {
        positional--;
        continue;
      }
      break;
    }
    if (i >= words.length) return { name, args: [], words: [], assignments: assignments ?? NO_ASSIGNMENTS, command: cmd };
    name = basename(words[i]!.value);
    words = words.slice(i + 1);
  }
  // Without a wrapper the words are the command's own, and so are their values.
  const args = words === cmd.words ? cmd.args : valuesOf(words);
  return { name, args, words, assignments: assignments ?? NO_ASSIGNMENTS, command: cmd };
}

const NO_ASSIGNMENTS: EffectiveCommand['assignments'] = Object.freeze([]);

function firstNonFlag(words: readonly ShellWord[]): number {
  for (let i = 0; i < words.length; i++) if (!isFlagWord(words[i]!.value)) return i;
  return -1;
}

function valuesOf(words: readonly ShellWord[]): string[] {
  const values: string[] = [];
  for (let i = 0; i < words.length; i++) values.push(words[i]!.value);
  return values;
}

/**
 * One command of a RUN, both as the shell model names it (`command`, what `command-names.ts` indexes)
 * and as it runs once wrappers are peeled off (`cmd`): one object serves both per-file indexes.
 */
export interface RunCommand {
  run: RunScript;
  command: ShellCommand;
  cmd: EffectiveCommand;
  /** Position in `runCommands(model)`. */
  index: number;
  /**
   * The words of `cmd` holding `=`, `::` or `_pkgverify_level`, in order: the only ones that can write a
   * setting (`check_certificate=off`, `Acquire::...`, `%_pkgverify_level none`); most commands have none.
   */
  settingWords: readonly ShellWord[];
}

/** Every effective command of every RUN, in file order; computed once per file. */
export function runCommands(model: LintModel): readonly RunCommand[] {
  return model.derived(indexCommands).all;
}

const NO_RUN_COMMANDS: readonly RunCommand[] = Object.freeze([]);

/** The effective commands named `name` (`curl`), in file order; from a per-file index. */
export function runCommandsNamed(model: LintModel, name: string): readonly RunCommand[] {
  return model.derived(indexCommands).byName.get(name) ?? NO_RUN_COMMANDS;
}

/**
 * The effective commands, in file order, named one of `names` or that have a word holding `=`, `::`
 * or `_pkgverify_level`: what a rule needs to look at when it checks some tools' options and, in any
 * command, words that write a setting (`check_certificate=off`, `Acquire::...`, `%_pkgverify_level none`).
 * Such words are rare (about one command in twenty), so the rules skip most commands; in those they
 * look at `settingWords` only.
 */
export function runCommandsToScan(model: LintModel, names: Iterable<string>): readonly RunCommand[] {
  const index = model.derived(indexCommands);
  // Merged as found (the same pairwise merges as mergeInFileOrder): most files have none of the names,
  // and then the answer is the shared settingWriters list with nothing allocated.
  let merged: readonly RunCommand[] = index.settingWriters;
  for (const name of names) {
    const list = index.byName.get(name);
    if (list !== undefined) merged = mergeTwo(merged, list);
  }
  return merged;
}

/** The effective commands whose name passes `named`, in file order. */
export function runCommandsNamedWhere(model: LintModel, named: (name: string) => boolean): readonly RunCommand[] {
  const lists: (readonly RunCommand[])[] = [];
  model.derived(indexCommands).byName.forEach((list, name) => {
    if (named(name)) lists.push(list);
  });
  return mergeInFileOrder(lists);
}

/** One list of the commands in `lists` (each in file order), in file order, without duplicates. */
function mergeInFileOrder(lists: readonly (readonly RunCommand[])[]): readonly RunCommand[] {
  if (lists.length === 0) return NO_RUN_COMMANDS;
  // Pairwise linear merges: there are two or three short lists, and no comparator calls this way.
  let merged = lists[0]!;
  for (let l = 1; l < lists.length; l++) merged = mergeTwo(merged, lists[l]!);
  return merged;
}

/** Two lists in file order merged into one; a command in both (named and writing a setting) once. */
function mergeTwo(a: readonly RunCommand[], b: readonly RunCommand[]): readonly RunCommand[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: RunCommand[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x.index < y.index) {
      out.push(x);
      i++;
    } else if (x.index > y.index) {
      out.push(y);
      j++;
    } else {
      out.push(x);
      i++;
      j++;
    }
  }
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

export interface CommandIndex {
  /** Every command, in file order. */
  all: RunCommand[];
  /** The same, grouped by effective name (`cmd.name`). */
  byName: Map<string, RunCommand[]>;
  /** The same, grouped by the name the shell model gives (`command.name`); see `command-names.ts`. */
  byWrittenName: Map<string, RunCommand[]>;
  /** The commands with setting words (`RunCommand.settingWords`; see `runCommandsToScan`). */
  settingWriters: RunCommand[];
  /** The commands with prefix or `env` assignments (`cmd.assignments`): what `envNames` reads. */
  assigning: RunCommand[];
}

/**
 * The file's commands indexed by effective and by written name; read as `model.derived(indexCommands)`
 * (computed once per file; called directly, not through a wrapper, as every rule asks for it). Both
 * `command-names.ts` (every rule's "does the file run X?" gate) and the helpers here read it: every file
 * needs both indexes, and one pass over the commands with one object per command costs less than two.
 */
export function indexCommands(model: LintModel): CommandIndex {
  const all: RunCommand[] = [];
  const byName = new Map<string, RunCommand[]>();
  const byWrittenName = new Map<string, RunCommand[]>();
  const settingWriters: RunCommand[] = [];
  const assigning: RunCommand[] = [];
  const runs = model.runs();
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r]!;
    const commands = run.commands;
    const scanWords = mayHoldSetting(run.text);
    for (let c = 0; c < commands.length; c++) {
      const command = commands[c]!;
      const cmd = effective(command);
      const settingWords = scanWords ? settingWordsOf(cmd.words) : NO_WORDS;
      const one: RunCommand = { run, command, cmd, index: all.length, settingWords };
      all.push(one);
      const named = byName.get(cmd.name);
      if (named === undefined) byName.set(cmd.name, [one]);
      else named.push(one);
      const written = byWrittenName.get(command.name);
      if (written === undefined) byWrittenName.set(command.name, [one]);
      else written.push(one);
      if (settingWords.length !== 0) settingWriters.push(one);
      if (cmd.assignments.length !== 0) assigning.push(one);
    }
  }
  return { all, byName, byWrittenName, settingWriters, assigning };
}

const NO_WORDS: readonly ShellWord[] = Object.freeze([]);

/** A word holding `=`, `::` or `_pkgverify_level`: one regex search per word instead of one `includes` per needle. */
const SETTING_NEEDLE = /=|::|_pkgverify_level/;

/**
 * Whether some word of a RUN with this text may hold `=`, `::` or `_pkgverify_level` (a necessary
 * condition): a word's value is made of its source text's characters (quotes, backslashes and blanks may
 * drop out, `${`, `}` and `VAR` come in), except that `$'...'` escapes make new ones. So without `=`, `:`
 * and `_` in the text (RUNs with 29% of the corpus's words) no word needs to be searched.
 */
function mayHoldSetting(text: string): boolean {
  return text.includes('=') || text.includes(':') || text.includes('_') || text.includes("$'");
}

/** The words holding one of the needles; NO_WORDS when none does. */
function settingWordsOf(words: readonly ShellWord[]): readonly ShellWord[] {
  let found: ShellWord[] | null = null;
  for (let w = 0; w < words.length; w++) if (SETTING_NEEDLE.test(words[w]!.value)) (found ??= []).push(words[w]!);
  return found ?? NO_WORDS;
}

/** The first non-option arguments (a subcommand like `update`), skipping values of the named options. */
export function positionals(cmd: EffectiveCommand, valueFlags: readonly string[] = []): string[] {
  const result: string[] = [];
  for (let i = 0; i < cmd.args.length; i++) {
    const arg = cmd.args[i]!;
    if (arg === '--') {
      result.push(...cmd.args.slice(i + 1));
      break;
    }
    if (!isFlagWord(arg)) {
      result.push(arg);
      continue;
    }
    const flag = arg.startsWith('--') ? arg.slice(2) : arg.slice(-1);
    if (!arg.includes('=') && valueFlags.includes(flag) && (arg.startsWith('--') || arg.length === 2)) i++;
  }
  return result;
}

/** The word that is long option `--name` (or `--name=...`), or a short cluster containing `letter`. */
export function findOption(cmd: EffectiveCommand, longNames: readonly string[], shortLetters = ''): ShellWord | undefined {
  for (let w = 0; w < cmd.words.length; w++) {
    const word = cmd.words[w]!;
    const v = word.value;
    if (v === '--') return undefined;
    if (v.startsWith('--')) {
      const eq = v.indexOf('=');
      if (longNames.includes(eq === -1 ? v.slice(2) : v.slice(2, eq))) return word;
    } else if (shortLetters !== '' && SHORT_CLUSTER.test(v)) {
      // An ASCII cluster: each character is one letter.
      for (let i = 1; i < v.length; i++) if (shortLetters.includes(v[i]!)) return word;
    }
  }
  return undefined;
}

const SHORT_CLUSTER = /^-[A-Za-z0-9]+$/;

/** `false`, `0`, `no`, `off` (any case): how tools spell "disabled". */
export function isFalsy(value: string): boolean {
  return /^(false|0|no|off|n)$/i.test(value.trim());
}

/** An environment variable set by the Dockerfile: ENV, ARG default, or within a RUN. */
export interface EnvSetting {
  anchor: Instruction;
  source: 'ENV' | 'ARG' | 'RUN';
  name: string;
  value: string;
  span: Span;
}

/**
 * Every place the Dockerfile sets an environment variable: ENV pairs, ARG defaults (build-time
 * environment of the RUNs after them), prefix/`env`/`export`-style assignments in RUN, and bare
 * `NAME=value` statements in RUN text (the command model has no node for those).
 */
export function envSettings(model: LintModel, names?: ReadonlySet<string>): EnvSetting[] {
  const index = model.derived(buildEnvIndex);
  const result: EnvSetting[] = [];
  // Most files set none of the names a rule asks for: answered from the names alone, with no settings made.
  if (names !== undefined && !hasAny(index.names, names) && !anyAssignedInText(model, index, names)) return result;
  // Indexed loops here and below: these run over every RUN of every file, mostly before V8 has
  // optimised them, where for-of pays for an iterator object per loop.
  const declared = (index.declared ??= declaredSettings(model));
  const runs = (index.runs ??= runEnvironments(model));
  for (let i = 0; i < declared.length; i++) {
    const setting = declared[i]!;
    if (names === undefined || names.has(setting.name)) result.push(setting);
  }
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r]!;
    let structured = false;
    for (let i = 0; i < run.structured.length; i++) {
      const setting = run.structured[i]!;
      if (names !== undefined && !names.has(setting.name)) continue;
      result.push(setting);
      structured = true;
    }
    if (structured) continue;
    // Bare `NAME=value` statements count only when the structured ones give none of the wanted names.
    // A bare assignment to NAME needs `NAME=` in the text: without it the text need not be scanned.
    if (names !== undefined && !assignsAny(run, names)) continue;
    for (const setting of bareAssignments(run)) if (names === undefined || names.has(setting.name)) result.push(setting);
  }
  return result;
}

/**
 * True when some RUN text has `NAME=` for one of `names`, NAME not preceded by a name character: what
 * `addAssignedNames` would find for NAME. Answered per name and remembered; a few native searches per
 * wanted name cost less than collecting every name written before an `=` in every RUN.
 */
function anyAssignedInText(model: LintModel, index: EnvIndex, names: ReadonlySet<string>): boolean {
  for (const name of names) {
    let found = index.textAssigned.get(name);
    if (found === undefined) {
      found = textAssigns((index.allText ??= joinRunTexts(model.runs())), name);
      index.textAssigned.set(name, found);
    }
    if (found) return true;
  }
  return false;
}

/**
 * Every RUN text, newline-separated: one native search per wanted name instead of one per name and RUN.
 * A `NAME=` needle holds no newline, so no match spans two RUNs, and a newline before a match is, like a
 * RUN's start, not a name character.
 */
function joinRunTexts(runs: readonly RunScript[]): string {
  let text = '';
  for (let r = 0; r < runs.length; r++) text += (r === 0 ? '' : '\n') + runs[r]!.text;
  return text;
}

function textAssigns(text: string, name: string): boolean {
  const needle = name + '=';
  let at = text.indexOf(needle);
  // Searched first: the text rarely has it, and then the name need not be checked character by character.
  if (at === -1 || name === '') return false;
  for (let i = 0; i < name.length; i++) if (!isNameChar(name.charCodeAt(i))) return false;
  for (; at !== -1; at = text.indexOf(needle, at + 1)) {
    if (at === 0 || !isNameChar(text.charCodeAt(at - 1))) return true;
  }
  return false;
}

/** True when the RUN text has `NAME=` for one of `names` (NAME not preceded by another name character). */
function assignsAny(runEnv: RunEnv, names: ReadonlySet<string>): boolean {
  if (runEnv.assigned === null) {
    const found = new Set<string>();
    addAssignedNames(runEnv.run.text, found);
    runEnv.assigned = found;
  }
  return runEnv.assigned.size > 0 && hasAny(runEnv.assigned, names);
}

function hasAny(present: ReadonlySet<string>, wanted: ReadonlySet<string>): boolean {
  for (const name of wanted) if (present.has(name)) return true;
  return false;
}

/** Adds the names written right before an `=` in `text`: a superset of what bare assignments set. */
function addAssignedNames(text: string, to: Set<string>): void {
  for (let eq = text.indexOf('='); eq !== -1; eq = text.indexOf('=', eq + 1)) {
    let start = eq;
    while (start > 0 && isNameChar(text.charCodeAt(start - 1))) start--;
    if (start < eq) to.add(text.slice(start, eq));
  }
}

/** `[A-Za-z0-9_]`. */
function isNameChar(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x5f;
}

/**
 * Every setting of the file, unfiltered, computed once per file: several rules ask for a name or two
 * each, and rescanning every command (and the RUN text with a regex) per rule was a hot spot.
 */
interface EnvIndex {
  /** Every name that is declared or assigned by a command in a RUN. */
  names: Set<string>;
  /** ENV pairs and ARG defaults, in file order; made once some rule's names are in the file. */
  declared: EnvSetting[] | null;
  /** Per RUN, its settings; made once some rule's names are in the file (`runEnvironments`). */
  runs: RunEnv[] | null;
  /** Per name asked for: whether some RUN text has it written before an `=` (`anyAssignedInText`). */
  textAssigned: Map<string, boolean>;
  /** The RUN texts joined (`joinRunTexts`), made on the first `anyAssignedInText` search. */
  allText: string | null;
}

interface RunEnv {
  run: RunScript;
  /** Prefix, `env` and `export`-style assignments, in command order. */
  structured: EnvSetting[];
  /** Bare `NAME=value` statements read from the text; computed only when a rule needs them. */
  bare: EnvSetting[] | null;
  /** The names written right before an `=` in the text (`addAssignedNames`); computed on first use. */
  assigned: ReadonlySet<string> | null;
}

const DECLARING_NAMES = ['export', 'declare', 'typeset', 'local', 'readonly'];
const DECLARING: ReadonlySet<string> = new Set(DECLARING_NAMES);
const BARE_ASSIGNMENT = /(?:^|[\s;&|(])([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|'[^']*'|[^\s;&|)]*)/g;
const NO_SETTINGS: EnvSetting[] = [];

/** ENV pairs and ARG defaults as settings, in file order; made only once a rule's names are in the file. */
function declaredSettings(model: LintModel): EnvSetting[] {
  const declared: EnvSetting[] = [];
  const entries = model.entries;
  for (let e = 0; e < entries.length; e++) {
    const entry = entries[e]!;
    const instruction = entry.instruction;
    if (instruction.keyword === 'ENV') {
      const anchor = entry.wrapper ?? instruction;
      const pairs = instruction.pairs;
      for (let i = 0; i < pairs.length; i++) {
        const pair = pairs[i]!;
        declared.push({ anchor, source: 'ENV', name: pair.key, value: pair.value, span: pair.span });
      }
    } else if (instruction.keyword === 'ARG') {
      const anchor = entry.wrapper ?? instruction;
      const args = instruction.args;
      for (let i = 0; i < args.length; i++) {
        const arg = args[i]!;
        if (arg.defaultValue !== undefined) declared.push({ anchor, source: 'ARG', name: arg.name, value: arg.defaultValue, span: arg.span });
      }
    }
  }
  return declared;
}

/**
 * The names the file's settings set, without the settings themselves: spans and values are only worth
 * making for the few files that set a name some rule asks for (`runEnvironments` does that then).
 */
function buildEnvIndex(model: LintModel): EnvIndex {
  // The names ENV pairs and ARG defaults set (what `declaredSettings` would list).
  const names = new Set<string>();
  const envs = model.entriesOf('ENV');
  for (let e = 0; e < envs.length; e++) {
    const pairs = envs[e]!.instruction.pairs;
    for (let i = 0; i < pairs.length; i++) names.add(pairs[i]!.key);
  }
  const argEntries = model.entriesOf('ARG');
  for (let e = 0; e < argEntries.length; e++) {
    const args = argEntries[e]!.instruction.args;
    for (let i = 0; i < args.length; i++) if (args[i]!.defaultValue !== undefined) names.add(args[i]!.name);
  }
  // The names RUN commands assign (what `runEnvironments` lists as structured settings), found through
  // the command index: prefix/`env` assignments, and `export`-style commands by name.
  const index = model.derived(indexCommands);
  for (let c = 0; c < index.assigning.length; c++) {
    const assignments = index.assigning[c]!.cmd.assignments;
    for (let i = 0; i < assignments.length; i++) names.add(nameOfAssignment(assignments[i]!.text));
  }
  for (let d = 0; d < DECLARING_NAMES.length; d++) {
    const commands = index.byWrittenName.get(DECLARING_NAMES[d]!);
    if (commands === undefined) continue;
    for (let c = 0; c < commands.length; c++) {
      const words = commands[c]!.command.words;
      for (let w = 0; w < words.length; w++) if (ASSIGNMENT.test(words[w]!.value)) names.add(nameOfAssignment(words[w]!.value));
    }
  }
  return { names, declared: null, runs: null, textAssigned: new Map(), allText: null };
}

function nameOfAssignment(text: string): string {
  return text.slice(0, text.indexOf('='));
}

/** Per RUN, its prefix, `env` and `export`-style assignments as settings, in command order. */
function runEnvironments(model: LintModel): RunEnv[] {
  const runs: RunEnv[] = [];
  const commands = runCommands(model);
  let next = 0;
  const allRuns = model.runs();
  for (let r = 0; r < allRuns.length; r++) {
    const run = allRuns[r]!;
    let structured = NO_SETTINGS;
    // runCommands lists each run's commands together, in run order.
    for (; next < commands.length && commands[next]!.run === run; next++) {
      const cmd = commands[next]!.cmd;
      const command = cmd.command;
      for (let i = 0; i < cmd.assignments.length; i++) {
        const a = cmd.assignments[i]!;
        if (structured === NO_SETTINGS) structured = [];
        structured.push(runSetting(run, a.text, a.word?.span ?? command.span));
      }
      if (DECLARING.has(command.name)) {
        for (const w of command.words) {
          if (!ASSIGNMENT.test(w.value)) continue;
          if (structured === NO_SETTINGS) structured = [];
          structured.push(runSetting(run, w.value, w.span));
        }
      }
    }
    runs.push({ run, structured, bare: null, assigned: null });
  }
  return runs;
}

function runSetting(run: RunScript, text: string, span: Span): EnvSetting {
  const eq = text.indexOf('=');
  return { anchor: run.anchor, source: 'RUN', name: text.slice(0, eq), value: text.slice(eq + 1), span };
}

function bareAssignments(runEnv: RunEnv): EnvSetting[] {
  if (runEnv.bare !== null) return runEnv.bare;
  const { run } = runEnv;
  const bare: EnvSetting[] = [];
  if (run.text !== '') {
    for (const m of run.text.matchAll(BARE_ASSIGNMENT)) {
      const value = m[2]!.replace(/^(["'])(.*)\1$/, '$2');
      bare.push({ anchor: run.anchor, source: 'RUN', name: m[1]!, value, span: run.entry.instruction.span });
    }
  }
  runEnv.bare = bare;
  return bare;
}

/** The last stage: what `docker build` produces by default. */
export function finalStage(model: LintModel): Stage | undefined {
  return model.stages[model.stages.length - 1];
}

/** The stage and the stages it builds upon through `FROM <alias>`, nearest first (cycle-safe). */
export function stageChain(stage: Stage): Stage[] {
  const chain: Stage[] = [];
  for (let s: Stage | undefined = stage; s !== undefined && !chain.includes(s); s = s.parent) chain.push(s);
  return chain;
}

/** `secretvalue` → `se***`; short values are not even partly shown. Never returns the full value. */
export function maskSecret(value: string): string {
  return value.length > 4 ? `${[...value].slice(0, 2).join('')}***` : '***';
}

/** Span from the start of one span to the end of another. */
export function joinSpans(a: Span, b: Span): Span {
  return { start: a.start, end: b.end };
}
