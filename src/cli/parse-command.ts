/** `docksec parse FILE [--json]`: shows how docksec reads a Dockerfile (for debugging rules and reports). */
import type { Instruction } from '../dockerfile/ast.js';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from './errors.js';
import { writeStdout } from './stdout.js';

export const summary = 'Show how a Dockerfile is parsed (instructions, flags, heredocs, errors)';

export const help = `Usage: docksec parse [--json] FILE

Print the instructions docksec reads from FILE ('-' for standard input): one line per instruction
with its position, or with --json the parse tree (stable shape, see docs/parse-json.md).
Exit status: 0 parsed cleanly, 1 syntax errors were found, 2 usage or input error.`;

function describe(instruction: Instruction, indent = ''): string[] {
  const { line, column } = instruction.span.start;
  const flags = instruction.flags.map((f) => (f.value === null ? `--${f.name}` : `--${f.name}=${f.value}`));
  const head = `${indent}${line}:${column} ${instruction.keyword}${flags.length ? ' ' + flags.join(' ') : ''}`;
  const lines = [instruction.keyword === 'ONBUILD' ? head : `${head} ${instruction.rawArgs}`.trimEnd()];
  for (const h of instruction.heredocs) {
    lines.push(`${indent}  heredoc <<${h.delimiter} lines ${h.bodySpan.start.line}-${h.bodySpan.end.line}${h.terminated ? '' : ' (unterminated)'}`);
  }
  if (instruction.keyword === 'ONBUILD' && instruction.inner) lines.push(...describe(instruction.inner, `${indent}  `));
  return lines;
}

export async function run(argv: readonly string[]): Promise<number> {
  let json = false;
  const files: string[] = [];
  for (const arg of argv) {
    if (arg === '--help' || arg === '-h') {
      writeStdout(`${help}\n`);
      return EXIT_OK;
    }
    if (arg === '--json') json = true;
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg} (see 'docksec parse --help')`);
    else files.push(arg);
  }
  if (files.length !== 1) throw new UsageError('parse takes exactly one FILE');
  const file = files[0]!;
  const { readDockerfileText, describeReadError } = await import('../lint/input.js');
  let text: string;
  try {
    text = await readDockerfileText(file);
  } catch (error) {
    throw new UsageError(`${file}: ${describeReadError(error)}`);
  }
  const { parseDockerfile } = await import('../dockerfile/parser.js');
  const df = parseDockerfile(text, file);
  if (json) {
    const { toParseJson } = await import('../dockerfile/json.js');
    writeStdout(`${JSON.stringify(toParseJson(df), null, 2)}\n`);
  } else {
    const out: string[] = [];
    if (df.directives.syntax) out.push(`# syntax=${df.directives.syntax}`);
    if (df.directives.escape !== '\\') out.push(`# escape=${df.directives.escape}`);
    if (df.directives.check) out.push(`# check=${df.directives.check}`);
    for (const instruction of df.instructions) out.push(...describe(instruction));
    for (const e of df.errors) out.push(`${file}:${e.span.start.line}:${e.span.start.column}: ${e.message}`);
    writeStdout(out.length ? `${out.join('\n')}\n` : '');
  }
  return df.errors.length > 0 ? EXIT_FINDINGS : EXIT_OK;
}
