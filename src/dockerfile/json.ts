/**
 * The stable JSON shape of `docksec parse FILE --json` (documented in docs/parse-json.md). Changing a field's
 * meaning needs a new `version`; adding fields does not.
 */
import type { Dockerfile, Heredoc, ImageRef, Instruction } from './ast.js';
import { readJsonStringArray } from './parser.js';

export const PARSE_JSON_VERSION = 1;

export interface ParseJsonHeredoc {
  delimiter: string;
  quoted: boolean;
  stripTabs: boolean;
  fd?: number;
  body: string;
  startLine: number;
  endLine: number;
  terminated: boolean;
}

export interface ParseJsonInstruction {
  keyword: string;
  line: number;
  endLine: number;
  column: number;
  flags: { name: string; value: string | null }[];
  arguments: string[] | string;
  heredocs: ParseJsonHeredoc[];
  image?: ImageRef;
  alias?: string;
  platform?: string;
  sources?: string[];
  dest?: string;
  pairs?: { key: string; value: string }[];
  args?: { name: string; default?: string }[] | string[];
  none?: boolean;
  inner?: ParseJsonInstruction | null;
}

export interface ParseJson {
  version: number;
  file: string;
  directives: { syntax?: string; escape: string; check?: string };
  instructions: ParseJsonInstruction[];
  errors: { line: number; column: number; endLine: number; endColumn: number; message: string }[];
}

function heredocJson(h: Heredoc): ParseJsonHeredoc {
  const out: ParseJsonHeredoc = {
    delimiter: h.delimiter,
    quoted: h.quoted,
    stripTabs: h.stripTabs,
    body: h.body,
    startLine: h.bodySpan.start.line,
    endLine: h.bodySpan.end.line,
    terminated: h.terminated,
  };
  if (h.fd !== undefined) out.fd = h.fd;
  return out;
}

function instructionJson(i: Instruction): ParseJsonInstruction {
  const out: ParseJsonInstruction = {
    keyword: i.keyword,
    line: i.span.start.line,
    endLine: i.span.end.line,
    column: i.span.start.column,
    flags: i.flags.map((f) => ({ name: f.name, value: f.value })),
    arguments: i.rawArgs,
    heredocs: i.heredocs.map(heredocJson),
  };
  switch (i.keyword) {
    case 'FROM':
      out.image = { ...i.image };
      if (i.alias !== undefined) out.alias = i.alias;
      if (i.platform !== undefined) out.platform = i.platform;
      break;
    case 'RUN':
    case 'CMD':
    case 'ENTRYPOINT':
    case 'SHELL':
      out.arguments = i.command.form === 'exec' ? [...i.command.args] : i.command.script;
      break;
    case 'HEALTHCHECK':
      out.none = i.none;
      if (i.command) out.arguments = i.command.form === 'exec' ? [...i.command.args] : i.command.script;
      break;
    case 'COPY':
    case 'ADD':
      if (i.form === 'exec') out.arguments = [...i.sources, i.dest];
      out.sources = [...i.sources];
      out.dest = i.dest;
      break;
    case 'ENV':
    case 'LABEL':
      out.pairs = i.pairs.map((p) => ({ key: p.key, value: p.value }));
      break;
    case 'ARG':
      out.args = i.args.map((a) => (a.defaultValue === undefined ? { name: a.name } : { name: a.name, default: a.defaultValue }));
      break;
    case 'ONBUILD':
      out.inner = i.inner ? instructionJson(i.inner) : null;
      break;
    default:
      if (i.keyword === 'VOLUME') {
        const json = readJsonStringArray(i.rawArgs, 0, i.rawArgs.length);
        if (json && typeof json === 'object') out.arguments = [...i.args];
      }
      out.args = [...i.args];
      break;
  }
  return out;
}

/** The `docksec parse --json` document for a parsed file. */
export function toParseJson(df: Dockerfile): ParseJson {
  const directives: ParseJson['directives'] = { escape: df.directives.escape };
  if (df.directives.syntax !== undefined) directives.syntax = df.directives.syntax;
  if (df.directives.check !== undefined) directives.check = df.directives.check;
  return {
    version: PARSE_JSON_VERSION,
    file: df.file,
    directives,
    instructions: df.instructions.map(instructionJson),
    errors: df.errors.map((e) => ({
      line: e.span.start.line,
      column: e.span.start.column,
      endLine: e.span.end.line,
      endColumn: e.span.end.column,
      message: e.message,
    })),
  };
}
