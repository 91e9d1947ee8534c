/**
 * Runs one DSC rule directly on a Dockerfile text: parse -> shell init -> lint model -> rule.check, with
 * nothing else involved (no pragmas, severities or other rules). Uses the real `buildLintModel` when it is
 * available, else a small stand-in with the same contract.
 */
import type { Span } from '../../src/core/finding.js';
import type { Dockerfile, Instruction } from '../../src/dockerfile/ast.js';
import { parseDockerfile } from '../../src/dockerfile/parser.js';
import { resolveImageRef } from '../../src/dockerfile/substitution.js';
import { defaultLintConfig, type LintConfig } from '../../src/lint/config.js';
import type { DockerfileRule, Entry, LintModel, Stage } from '../../src/rules/dockerfile/types.js';
import { initShell, parseShell } from '../../src/shell/shell.js';
import type { ShellScript } from '../../src/shell/types.js';

export interface DscHit {
  line: number;
  message: string;
  span?: Span;
}

type ModelBuilder = (df: Dockerfile, config: LintConfig) => LintModel;
let builder: ModelBuilder | undefined;

async function modelBuilder(): Promise<ModelBuilder> {
  if (builder) return builder;
  const specifier = '../../src/lint/model.js';
  try {
    builder = ((await import(specifier)) as { buildLintModel: ModelBuilder }).buildLintModel;
  } catch {
    builder = standInModel;
  }
  return builder;
}

function standInModel(dockerfile: Dockerfile, config: LintConfig): LintModel {
  const globalValues = new Map<string, string | undefined>();
  const globalArgs: LintModel['globalArgs'] = [];
  const stages: Stage[] = [];
  const entries: Entry[] = [];
  let current: Stage | null = null;
  for (const instruction of dockerfile.instructions) {
    if (instruction.keyword === 'FROM') {
      const resolvedImage = resolveImageRef(instruction.image, globalValues);
      const stage: Stage = { index: stages.length, from: instruction, resolvedImage, instructions: [] };
      if (instruction.alias !== undefined) stage.alias = instruction.alias;
      const parent = stages.find((s) => resolvedImage.registry === undefined && s.alias?.toLowerCase() === resolvedImage.name.toLowerCase());
      if (parent) stage.parent = parent;
      stages.push(stage);
      current = stage;
    } else if (current) current.instructions.push(instruction);
    else if (instruction.keyword === 'ARG')
      for (const arg of instruction.args) {
        globalArgs.push(arg);
        globalValues.set(arg.name, arg.defaultValue);
      }
    entries.push({ instruction, stage: current, onbuild: false });
    if (instruction.keyword === 'ONBUILD' && instruction.inner) entries.push({ instruction: instruction.inner, stage: current, onbuild: true, wrapper: instruction });
  }
  const cache = new Map<Instruction, ShellScript | null>();
  const textOf = (instruction: Instruction): string | null => {
    if (!['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'HEALTHCHECK'].includes(instruction.keyword)) return null;
    const command = 'command' in instruction ? instruction.command : null;
    if (!command) return null;
    if (command.form === 'exec') return command.args.join(' ');
    if (command.script.trim().startsWith('<<') && instruction.heredocs[0]) return instruction.heredocs[0].body;
    return command.script;
  };
  return {
    dockerfile,
    config,
    globalArgs,
    stages,
    entries,
    shell(instruction) {
      if (!cache.has(instruction)) {
        const text = textOf(instruction);
        const command = 'command' in instruction ? instruction.command : null;
        const mapper = command && command.form === 'shell' && text === command.script ? (offset: number) => command.offsetToPosition(offset) : undefined;
        cache.set(instruction, text === null ? null : parseShell(text, mapper));
      }
      return cache.get(instruction) ?? null;
    },
    shellText: textOf,
    mounts: () => [],
  };
}

export async function dscHits(rule: DockerfileRule, text: string): Promise<DscHit[]> {
  await initShell();
  const build = await modelBuilder();
  const model = build(parseDockerfile(text), defaultLintConfig());
  const hits: DscHit[] = [];
  rule.check(model, {
    report(anchor, message, span) {
      const hit: DscHit = { line: anchor.span.start.line, message };
      if (span !== undefined) hit.span = span;
      hits.push(hit);
    },
  });
  return hits;
}

export async function dscLines(rule: DockerfileRule, text: string): Promise<number[]> {
  return (await dscHits(rule, text)).map((h) => h.line);
}
