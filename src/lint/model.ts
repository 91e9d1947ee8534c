/**
 * The lint model rules read (contract in `rules/dockerfile/types.ts`): stages with their parents and
 * ARG-resolved images, the flat entry list (ONBUILD payloads unwrapped), and the shell commands of every
 * RUN/CMD/ENTRYPOINT/SHELL/HEALTHCHECK, parsed lazily and cached. `shell()` throws `ShellNotReadyError` for a script
 * only tree-sitter can parse until `await initShell()` has finished (see `lint/linter.ts`).
 */
import type { Position } from '../core/finding.js';
import type {
  ArgDeclaration,
  CommandForm,
  Comment,
  Dockerfile,
  Heredoc,
  Instruction,
} from '../dockerfile/ast.js';
import { parseMountFlag } from '../dockerfile/mounts.js';
import { resolveImageRef } from '../dockerfile/substitution.js';
import type { Entry, EntryOf, LintModel, Mount, RunScript, Stage } from '../rules/dockerfile/types.js';
import { basename, nonFlagArgs, hasFlag } from '../shell/commands.js';
import { parseShellDetailed, parseShellFast, scriptPositionMapper, type PositionMapper } from '../shell/shell.js';
import type { ShellCommand, ShellScript } from '../shell/types.js';
import type { LintConfig } from './config.js';
import { isWindowsShell, shellOfInstruction, stageShell } from './shell-dialect.js';

/** Interpreters whose heredoc input or shebang script is shell text. */
export const SHELL_INTERPRETERS: ReadonlySet<string> = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh']);

interface ShellSource {
  text: string;
  map: PositionMapper;
}

interface CachedShell {
  script: ShellScript | null;
  text: string | null;
}

export function buildLintModel(df: Dockerfile, config: LintConfig): LintModel {
  const globalArgs: ArgDeclaration[] = [];
  const stages: Stage[] = [];
  const entries: Entry[] = [];
  const argDefaults = new Map<string, string | undefined>();
  let current: Stage | null = null;

  for (const instruction of df.instructions) {
    if (instruction.keyword === 'FROM') {
      const resolvedImage = resolveImageRef(instruction.image, argDefaults);
      const stage: Stage = { index: stages.length, from: instruction, resolvedImage, instructions: [] };
      if (instruction.alias !== undefined) stage.alias = instruction.alias;
      const parent = findParent(stages, instruction.image.raw, resolvedImage.raw);
      if (parent) stage.parent = parent;
      stages.push(stage);
      current = stage;
    } else if (current) {
      current.instructions.push(instruction);
    } else if (instruction.keyword === 'ARG') {
      for (const declaration of instruction.args) {
        globalArgs.push(declaration);
        // A later `ARG V` without a default keeps the earlier default, as BuildKit does.
        if (declaration.defaultValue !== undefined || !argDefaults.has(declaration.name)) {
          argDefaults.set(declaration.name, declaration.defaultValue);
        }
      }
    }
    entries.push({ instruction, stage: current, onbuild: false });
    if (instruction.keyword === 'ONBUILD' && instruction.inner) {
      entries.push({ instruction: instruction.inner, stage: current, onbuild: true, wrapper: instruction });
    }
  }

  let lines: string[] | null = null;
  const sourceLine: SourceLine = (line) => (lines ??= df.text.split('\n'))[line - 1] ?? '';
  const shellCache = new Map<Instruction, CachedShell>();
  const mountCache = new Map<Instruction, Mount[]>();

  let entryOf: Map<Instruction, Entry> | null = null;
  // The shell of an entry is /bin/sh, a SHELL instruction's or a `shell=` pragma's: without a Windows
  // SHELL or any shell pragma (most files), no script needs the per-entry shell computation.
  const mayChangeShell = entries.some(setsWindowsShell) || commentsMention(df.comments, 'shell');
  /** True for a shell-form script that a Windows shell (`SHELL ["powershell", ...]`, `cmd`) runs. */
  const runsInWindowsShell = (instruction: Instruction): boolean => {
    if (!mayChangeShell) return false;
    if (!('command' in instruction) || !instruction.command || instruction.command.form !== 'shell') return false;
    if (instruction.keyword === 'SHELL') return false;
    entryOf ??= new Map(entries.map((entry) => [entry.instruction, entry]));
    const entry = entryOf.get(instruction);
    return entry !== undefined && isWindowsShell(stageShell(model, entry));
  };

  const shellOf = (instruction: Instruction): CachedShell => {
    // Most instructions run no shell: answered without a cache entry (the linter asks for every one).
    if (!SHELL_KEYWORDS.has(instruction.keyword)) return NO_SHELL;
    let cached = shellCache.get(instruction);
    if (!cached) {
      const source = shellSource(instruction, sourceLine);
      if (!source || source.text === null) cached = NO_SHELL;
      else if (runsInWindowsShell(instruction)) {
        // PowerShell/cmd text is not POSIX shell: what the POSIX subset parser reads as simple commands
        // is kept (Hadolint's ShellCheck parser reads those too), anything else yields no commands, as
        // ShellCheck's parser rejects it. Running a bash grammar's error recovery over it would invent
        // commands out of PowerShell syntax.
        cached = { script: parseShellFast(source.text, source.map)?.script ?? WINDOWS_SCRIPT_NOT_MODELLED, text: source.text };
      } else cached = { script: parseShellDetailed(source.text, source.map).script, text: source.text };
      shellCache.set(instruction, cached);
    }
    return cached;
  };

  const model: LintModel = {
    dockerfile: df,
    config,
    globalArgs,
    stages,
    entries,
    shell: (instruction) => shellOf(instruction).script,
    shellText: (instruction) => shellOf(instruction).text,
    mounts(instruction) {
      let cached = mountCache.get(instruction);
      if (!cached) {
        cached = instruction.keyword === 'RUN' ? parseMounts(instruction) : [];
        mountCache.set(instruction, cached);
      }
      return cached;
    },
    entriesOf<K extends Instruction['keyword']>(keyword: K): readonly EntryOf<K>[] {
      byKeyword ??= indexByKeyword(entries);
      return (byKeyword.get(keyword) ?? NO_ENTRIES) as readonly EntryOf<K>[];
    },
    runs: () => (runList ??= collectRuns(model.entriesOf('RUN'), shellOf)),
    derived<T>(compute: (model: LintModel) => T): T {
      // A file uses at most a handful of derived values but asks for them ~50 times: a scan of a short
      // array costs less than Map lookups keyed by function in code that is mostly not yet optimised.
      for (let i = 0; i < derivedKeys.length; i++) if (derivedKeys[i] === compute) return derivedValues[i] as T;
      const value = compute(model);
      derivedKeys.push(compute);
      derivedValues.push(value);
      return value;
    },
  };
  // Filled on first use (the methods above only run after buildLintModel has returned).
  let byKeyword: Map<string, Entry[]> | null = null;
  let runList: RunScript[] | null = null;
  const derivedKeys: ((model: LintModel) => unknown)[] = [];
  const derivedValues: unknown[] = [];
  return model;
}

const NO_ENTRIES: readonly Entry[] = Object.freeze([]);

/** The keywords `shellSource` reads shell text for; every other instruction has no shell. */
const SHELL_KEYWORDS: ReadonlySet<string> = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'HEALTHCHECK']);
const NO_SHELL: CachedShell = Object.freeze({ script: null, text: null });

function indexByKeyword(entries: readonly Entry[]): Map<string, Entry[]> {
  const index = new Map<string, Entry[]>();
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    const list = index.get(entry.instruction.keyword);
    if (list === undefined) index.set(entry.instruction.keyword, [entry]);
    else list.push(entry);
  }
  return index;
}

function collectRuns(runEntries: readonly Entry[], shellOf: (instruction: Instruction) => CachedShell): RunScript[] {
  const result: RunScript[] = [];
  for (let i = 0; i < runEntries.length; i++) {
    const entry = runEntries[i]!;
    const instruction = entry.instruction;
    const cached = shellOf(instruction);
    const script = cached.script;
    result.push({
      entry,
      anchor: entry.wrapper ?? instruction,
      script,
      commands: script === null ? [] : script.commands,
      text: cached.text ?? '',
    });
  }
  return result;
}

function commentsMention(comments: readonly Comment[], word: string): boolean {
  for (let i = 0; i < comments.length; i++) if (comments[i]!.text.includes(word)) return true;
  return false;
}

function setsWindowsShell(entry: Entry): boolean {
  const shell = shellOfInstruction(entry.instruction);
  return shell !== null && isWindowsShell(shell);
}

/** A Windows-shell script outside the POSIX subset: no commands (see `runsInWindowsShell`). */
const WINDOWS_SCRIPT_NOT_MODELLED: ShellScript = Object.freeze({ commands: [], hasPipe: false, ok: false }) as ShellScript;

/** The earlier stage whose alias the FROM image (as written or ARG-resolved) names; stage names are case-insensitive in BuildKit. */
function findParent(stages: Stage[], image: string, resolved: string): Stage | undefined {
  if (stages.length === 0) return undefined;
  const written = image.toLowerCase();
  const substituted = resolved.toLowerCase();
  for (let i = stages.length - 1; i >= 0; i--) {
    const alias = stages[i]!.alias?.toLowerCase();
    if (alias !== undefined && (alias === written || alias === substituted)) return stages[i];
  }
  return undefined;
}

function parseMounts(instruction: Instruction): Mount[] {
  const mounts: Mount[] = [];
  for (const flag of instruction.flags) {
    if (flag.name.toLowerCase() !== 'mount' || flag.value === null) continue;
    try {
      mounts.push(parseMountFlag(flag.value));
    } catch {
      // A malformed mount is the parser's/linter's finding to report; the model just leaves it out.
    }
  }
  return mounts;
}

/** The text to parse as shell for an instruction (text null: the instruction runs a non-shell program). */
function shellSource(instruction: Instruction, sourceLine: SourceLine): { text: string | null; map: PositionMapper } | null {
  switch (instruction.keyword) {
    case 'RUN':
    case 'CMD':
    case 'ENTRYPOINT':
    case 'SHELL':
      return commandSource(instruction.command, instruction.heredocs, sourceLine);
    case 'HEALTHCHECK':
      return instruction.command ? commandSource(instruction.command, instruction.heredocs, sourceLine) : null;
    default:
      return null;
  }
}

function commandSource(command: CommandForm, heredocs: Heredoc[], sourceLine: SourceLine): { text: string | null; map: PositionMapper } {
  if (command.form === 'exec') {
    // Hadolint joins the JSON list with spaces and parses that; positions stay at the instruction.
    const at = command.span.start;
    return { text: command.args.join(' '), map: () => at };
  }
  const lineMap: PositionMapper = (offset) => command.offsetToPosition(offset);
  if (heredocs.length === 0) return { text: command.script, map: lineMap };
  return heredocSource(command.script, lineMap, heredocs, sourceLine);
}

interface MarkerRange {
  start: number;
  end: number;
}

/** Heredocs beyond this many on one line are not attributed to commands (real files use one or two). */
const MAX_ATTRIBUTED_HEREDOCS = 64;

/**
 * Where each heredoc marker (`<<EOF`, `3<<-"EOF"`) sits in the instruction line, one per heredoc. A
 * candidate whose position matches the heredoc's marker span wins (so `echo "<<X"` is not mistaken
 * for a marker); otherwise candidates are taken in order.
 */
function findMarkers(line: string, map: PositionMapper, heredocs: Heredoc[]): MarkerRange[] {
  const candidates: Array<MarkerRange & { arrows: number }> = [];
  const pattern = /(\d*)<<(?!<)-?[ \t]*(?:"[^"]*"|'[^']*'|\\?[^\s;&|<>()]+)+/g;
  for (let match = pattern.exec(line); match; match = pattern.exec(line)) {
    candidates.push({ start: match.index, end: match.index + match[0].length, arrows: match.index + match[1]!.length });
  }
  const used = new Set<number>();
  const markers: MarkerRange[] = [];
  const limit = Math.min(heredocs.length, MAX_ATTRIBUTED_HEREDOCS);
  for (let h = 0; h < limit; h++) {
    const want = heredocs[h]!.markerSpan.start;
    const samePlace = (offset: number): boolean => {
      const p = map(offset);
      return p.line === want.line && p.column === want.column;
    };
    let chosen = candidates.findIndex((c, i) => !used.has(i) && (samePlace(c.start) || samePlace(c.arrows)));
    if (chosen === -1) chosen = candidates.findIndex((_, i) => !used.has(i));
    if (chosen === -1) break;
    used.add(chosen);
    markers.push(candidates[chosen]!);
  }
  return markers;
}

/**
 * Heredoc RUNs (BuildKit): with nothing but markers/redirections on the line, the first body is the
 * script (unless a shebang names another interpreter). With a command on the line, the line is shell
 * and a body is shell too only when it feeds a shell (`bash <<EOF`, not `python3 <<EOF`, `cat <<EOF`).
 */
function heredocSource(
  line: string,
  lineMap: PositionMapper,
  heredocs: Heredoc[],
  sourceLine: SourceLine,
): ShellSource | { text: null; map: PositionMapper } {
  const markers = findMarkers(line, lineMap, heredocs);
  let masked = line;
  for (const marker of markers) {
    masked = masked.slice(0, marker.start) + ' '.repeat(marker.end - marker.start) + masked.slice(marker.end);
  }
  const parsed = parseShellDetailed(masked, lineMap);
  const located = parsed.located;

  if (located.length === 0) {
    const first = heredocs[0]!;
    if (!isShellShebang(first.body)) return { text: null, map: lineMap };
    return { text: first.body, map: bodyMapper(first, sourceLine) };
  }

  const parts: string[] = [masked];
  const segments: Array<{ start: number; map: PositionMapper }> = [{ start: 0, map: lineMap }];
  let length = masked.length;
  markers.forEach((marker, index) => {
    const heredoc = heredocs[index];
    if (!heredoc) return;
    const owner = ownerOf(masked, marker, located);
    if (!owner || !feedsShell(owner)) return;
    parts.push('\n', heredoc.body);
    segments.push({ start: length + 1, map: bodyMapper(heredoc, sourceLine) });
    length += 1 + heredoc.body.length;
  });
  if (segments.length === 1) return { text: masked, map: lineMap };
  const map: PositionMapper = (offset) => {
    let segment = segments[0]!;
    for (const candidate of segments) if (candidate.start <= offset) segment = candidate;
    return segment.map(offset - segment.start);
  };
  return { text: parts.join(''), map };
}

/** Text between a command and its heredoc marker may hold only words and redirections, no separators. */
function sameCommand(between: string): boolean {
  return !/[;|()\n]|&(?![\d>-])/.test(between.replace(/[<>]&/g, ''));
}

type Located = ReturnType<typeof parseShellDetailed>['located'][number];

/** The command a marker feeds: the one it follows (`bash <<EOF`) or precedes (`<<EOF python3`). */
function ownerOf(masked: string, marker: MarkerRange, located: Located[]): ShellCommand | null {
  const before = located.filter((c) => c.start < marker.start).sort((a, b) => b.start - a.start);
  for (const candidate of before) {
    if (sameCommand(masked.slice(Math.min(candidate.end, marker.start), marker.start))) return candidate.command;
  }
  const after = located.filter((c) => c.start >= marker.end).sort((a, b) => a.start - b.start)[0];
  if (after && sameCommand(masked.slice(marker.end, after.start))) return after.command;
  return null;
}

/** `bash`, `sh -e`, `bash -s arg`: the shell reads its commands from the heredoc. `sh -c x`, `sh f.sh` do not. */
function feedsShell(command: ShellCommand): boolean {
  if (!SHELL_INTERPRETERS.has(basename(command.name))) return false;
  // `3<<EOF bash /dev/fd/3`: the script file is the heredoc itself.
  if (command.args.some((arg) => /^\/dev\/(fd\/\d+|stdin)$/.test(arg))) return true;
  if (hasFlag(command, 'c')) return false;
  let operands = nonFlagArgs(command);
  // `busybox sh`: args still start with the applet name.
  if (operands.length > 0 && basename(operands[0]!) === basename(command.name) && command.args[0] === operands[0]) {
    operands = operands.slice(1);
  }
  return operands.length === 0 || hasFlag(command, 's');
}

/** False when the body starts with a shebang for something other than a shell (`#!/usr/bin/env python3`). */
export function isShellShebang(body: string): boolean {
  const firstLine = body.replace(/^\s+/, '').split('\n', 1)[0] ?? '';
  if (!firstLine.startsWith('#!')) return true;
  const interpreter = shebangInterpreter(firstLine);
  return interpreter !== null && SHELL_INTERPRETERS.has(interpreter);
}

/** The interpreter a shebang line names (`#!/usr/bin/env -S python3 -u` → `python3`). */
export function shebangInterpreter(shebang: string): string | null {
  const words = shebang.slice(2).trim().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return null;
  let at = 0;
  let program = basename(words[at]!);
  if (program === 'env' || program === 'busybox') {
    at++;
    while (at < words.length && (words[at]!.startsWith('-') || (program === 'env' && words[at]!.includes('=')))) at++;
    if (at >= words.length) return null;
    program = basename(words[at]!);
  }
  return program;
}

/** Returns the 1-based line of the Dockerfile text ('' past the end). */
type SourceLine = (line: number) => string;

/** Maps offsets in a heredoc body to the body's lines in the file, adding back tabs that `<<-` stripped. */
function bodyMapper(heredoc: Heredoc, sourceLine: SourceLine): PositionMapper {
  const inBody = scriptPositionMapper(heredoc.body);
  const lineOffset = heredoc.bodySpan.start.line - 1;
  return (offset): Position => {
    const position = inBody(offset);
    const line = position.line + lineOffset;
    const stripped = heredoc.stripTabs ? /^\t*/.exec(sourceLine(line))![0].length : 0;
    return { line, column: position.column + stripped };
  };
}
