/**
 * Which RUN scripts ShellCheck sees, with the shell and the variables Hadolint gives it (reference §1.8):
 * shell-form RUNs (heredoc bodies included) and ONBUILD RUNs; the stage's shell (`/bin/sh` unless SHELL or
 * a `# hadolint shell=` pragma says otherwise); proxy variables plus ARG/ENV names seen so far in the
 * stage (inherited from the parent stage when FROM names an earlier alias; pre-FROM ARGs are not visible).
 */
import type { Position } from '../core/finding.js';
import type { Instruction } from '../dockerfile/ast.js';
import type { LintModel } from '../rules/dockerfile/types.js';
import { collectPragmas } from './pragmas.js';
import {
  hasForeignShebang,
  isUncheckableShell,
  PREDEFINED_VARIABLES,
  type ShellCheckScript,
} from './shellcheck.js';

export interface LocatedScript {
  script: ShellCheckScript;
  /** Line findings are reported at: the RUN's first line (the ONBUILD line for payloads). */
  anchorLine: number;
}

interface ShellState {
  shell: string;
  vars: string[];
}

function fresh(shell: string): ShellState {
  return { shell, vars: [...PREDEFINED_VARIABLES] };
}

function clone(state: ShellState): ShellState {
  return { shell: state.shell, vars: [...state.vars] };
}

/** Maps 1-based line/column in `text` to an offset. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function positionMapper(instruction: Instruction, text: string): ShellCheckScript['position'] {
  if (instruction.keyword !== 'RUN') return undefined;
  const command = instruction.command;
  const starts = lineStarts(text);
  const bodyMapper = (body: string, firstLine: number, lineOffset: number) => {
    const heredoc = instruction.heredocs.find((h) => h.body === body);
    if (!heredoc) return undefined;
    const lines = body.split('\n').length;
    // Body lines map one to one; columns shift when `<<-` stripped leading tabs (then they are approximate).
    return (line: number, column: number): Position | undefined =>
      line - lineOffset >= 1 && line - lineOffset <= lines ? { line: firstLine + line - lineOffset - 1, column } : undefined;
  };
  if (command.form === 'shell') {
    const script = command.script;
    // The model's text is the RUN line's script (heredoc markers blanked, same length), optionally followed
    // by a newline and the body of a heredoc fed to the shell (`RUN bash <<EOF`).
    if (text.length === script.length || (text.length > script.length && text[script.length] === '\n')) {
      const scriptLines = script.split('\n').length;
      const heredoc = text.length > script.length ? instruction.heredocs.find((h) => h.body === text.slice(script.length + 1)) : undefined;
      const body = heredoc ? bodyMapper(heredoc.body, heredoc.bodySpan.start.line, scriptLines) : undefined;
      return (line, column): Position | undefined => {
        if (line > scriptLines) return body?.(line, column);
        const start = starts[line - 1];
        return start === undefined ? undefined : command.offsetToPosition(Math.min(start + column - 1, script.length));
      };
    }
  }
  const heredoc = instruction.heredocs.find((h) => h.body === text);
  return heredoc ? bodyMapper(heredoc.body, heredoc.bodySpan.start.line, 0) : undefined;
}

function shellOfSHELL(instruction: Instruction): string | null {
  if (instruction.keyword !== 'SHELL') return null;
  const command = instruction.command;
  return command.form === 'exec' ? command.args.join(' ') : command.script;
}

/** Collects the scripts to give ShellCheck, in file order. */
export function collectShellCheckScripts(model: LintModel): LocatedScript[] {
  const out: LocatedScript[] = [];
  const shellPragmas = collectPragmas(model.dockerfile).filter((p) => p.kind === 'shell');
  let pragmaIndex = 0;
  let defaultShell = '/bin/sh';
  let sawFrom = false;
  let sawStateInstruction = false; // ARG/ENV/SHELL before the first FROM
  let current = fresh(defaultShell);
  const stageStates = new Map<number, ShellState>();
  const onbuildState = fresh(defaultShell);

  const applyPragmasBefore = (line: number): void => {
    while (pragmaIndex < shellPragmas.length && shellPragmas[pragmaIndex]!.line < line) {
      const shell = shellPragmas[pragmaIndex++]!.shell!;
      if (!sawFrom && !sawStateInstruction) {
        defaultShell = shell;
        onbuildState.shell = shell;
      }
      current.shell = shell;
    }
  };

  const track = (state: ShellState, instruction: Instruction): void => {
    if (instruction.keyword === 'ARG') {
      // Hadolint registers only the first name of `ARG a=1 b=2` (its parser reads one name per ARG).
      const first = instruction.args[0];
      if (first) state.vars.push(first.name);
    } else if (instruction.keyword === 'ENV') {
      for (const pair of instruction.pairs) state.vars.push(pair.key);
    } else {
      const shell = shellOfSHELL(instruction);
      if (shell !== null) state.shell = shell;
    }
  };

  const consider = (state: ShellState, instruction: Instruction, anchorLine: number): void => {
    if (instruction.keyword !== 'RUN' || instruction.command.form !== 'shell') return;
    if (isUncheckableShell(state.shell)) return;
    const text = model.shellText(instruction);
    if (text === null || text.trim() === '' || hasForeignShebang(text)) return;
    const script: ShellCheckScript = { shell: state.shell, variables: [...state.vars], text };
    const position = positionMapper(instruction, text);
    if (position) script.position = position;
    out.push({ script, anchorLine });
  };

  for (const entry of model.entries) {
    const instruction = entry.instruction;
    applyPragmasBefore((entry.wrapper ?? instruction).span.start.line);
    if (entry.onbuild) {
      // Hadolint checks ONBUILD payloads in a separate pass that only ever sees other ONBUILD payloads.
      track(onbuildState, instruction);
      consider(onbuildState, instruction, (entry.wrapper ?? instruction).span.start.line);
      continue;
    }
    if (instruction.keyword === 'FROM') {
      sawFrom = true;
      const parent = entry.stage?.parent;
      const inherited = parent ? stageStates.get(parent.index) : undefined;
      current = inherited ? clone(inherited) : fresh(defaultShell);
      if (entry.stage) stageStates.set(entry.stage.index, current);
      continue;
    }
    if (!sawFrom && (instruction.keyword === 'ARG' || instruction.keyword === 'ENV' || instruction.keyword === 'SHELL')) {
      sawStateInstruction = true;
    }
    track(current, instruction);
    consider(current, instruction, instruction.span.start.line);
  }
  return out;
}
