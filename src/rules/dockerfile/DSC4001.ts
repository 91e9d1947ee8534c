import type { GenericInstruction, Instruction } from '../../dockerfile/ast.js';
import type { DockerfileRule, Stage } from './types.js';
import { finalStage, stageChain } from './util/dsc.js';

/** `root`, `0` (any number of zeros), with or without a group: `root:root`, `0:0`, `root:0`, `0:wheel`. */
export function isRootUserSpec(spec: string): boolean {
  const user = spec.split(':')[0]!.trim();
  return user === 'root' || /^0+$/.test(user);
}

/** Variables visible at a point of the stage chain: ARG defaults and ENV values seen so far. */
function substitute(text: string, vars: ReadonlyMap<string, string>): string | undefined {
  let unresolved = false;
  const out = text.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::?([-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_m, braced, op, word, bare) => {
    const name = (braced ?? bare) as string;
    const value = vars.get(name);
    if (op === '-') return value !== undefined && value !== '' ? value : (word as string);
    if (op === '+') return value !== undefined && value !== '' ? (word as string) : '';
    if (value === undefined) unresolved = true;
    return value ?? '';
  });
  return unresolved || out.includes('$') ? undefined : out;
}

function unquote(text: string): string {
  return text.trim().replace(/^(["'])(.*)\1$/, '$2');
}

interface EffectiveUser {
  /** The USER instruction in force, or none when the chain never sets one. */
  instruction?: GenericInstruction;
  stage?: Stage;
  /** The user spec after variable substitution; undefined when it cannot be resolved. */
  spec?: string;
}

/** The USER in force at the end of `stage`: its own last USER, else the nearest parent stage's. */
function effectiveUser(stage: Stage, globalDefaults: ReadonlyMap<string, string>): EffectiveUser {
  const chain = stageChain(stage).reverse(); // oldest ancestor first, so later values win
  const vars = new Map<string, string>();
  let result: EffectiveUser = {};
  for (const s of chain) {
    for (const instruction of s.instructions) {
      if (instruction.keyword === 'ARG') {
        for (const a of instruction.args) {
          // `ARG X` without a value inside a stage takes the default of a global `ARG X=...`.
          const value = a.defaultValue ?? globalDefaults.get(a.name);
          if (value !== undefined) vars.set(a.name, value);
        }
      } else if (instruction.keyword === 'ENV') {
        for (const p of instruction.pairs) vars.set(p.key, p.value);
      } else if (instruction.keyword === 'USER') {
        result = { instruction, stage: s, spec: substitute(unquote(instruction.args[0] ?? ''), vars) };
      }
    }
  }
  return result;
}

/** Base images that document a non-root default user in their tag (distroless `:nonroot`, ...). */
function baseImageIsNonRoot(stage: Stage): boolean {
  const root = stageChain(stage).at(-1)!;
  const ref = root.resolvedImage;
  return /non-?root|rootless/i.test(`${ref.name}:${ref.tag ?? ''}`);
}

export const rule: DockerfileRule = {
  meta: {
    id: 'DSC4001',
    severity: 'warning',
    profile: 'cis',
    title: 'The final stage should run as a non-root user',
    rationale:
      'Containers run as the image\'s last USER, and as root when no USER is set. A process running as root ' +
      'inside the container turns any code-execution bug into full control of the container and makes ' +
      'kernel or runtime escapes far more damaging (CIS Docker Benchmark 4.1).',
    remediation:
      'Create an unprivileged user and switch to it at the end of the final stage, e.g. ' +
      '`RUN useradd --system --uid 10001 app` then `USER 10001`. Do the steps that need root before it.',
    docsAnchor: 'dsc4001',
    tags: ['docksec', 'cis-4.1', 'security'],
    examples: {
      bad: [
        { code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nCMD ["curl", "--version"]\n', note: 'No USER at all: the container runs as root.' },
        { code: 'FROM node:20 AS base\nUSER node\n\nFROM base\nUSER 0:0\nCMD ["node", "server.js"]\n', note: 'The last USER is root, written as a UID.' },
        { code: 'FROM alpine:3.20 AS base\nUSER root\n\nFROM base\nCMD ["sh"]\n', note: 'Inherited through `FROM base`.' },
      ],
      good: [
        { code: 'FROM debian:12\nRUN useradd --system --uid 10001 app\nUSER 10001\nCMD ["/app"]\n' },
        { code: 'FROM node:20 AS base\nUSER node\n\nFROM base\nCOPY . /app\nCMD ["node", "/app/server.js"]\n', note: 'The USER of the parent stage is inherited.' },
        { code: 'FROM debian:12\nARG APP_USER\nUSER $APP_USER\n', note: 'A USER that depends on a build argument without default cannot be judged.' },
      ],
    },
  },
  check(model, context) {
    const stage = finalStage(model);
    if (stage === undefined) return;
    const globalDefaults = new Map<string, string>();
    for (const a of model.globalArgs) if (a.defaultValue !== undefined) globalDefaults.set(a.name, a.defaultValue);
    const user = effectiveUser(stage, globalDefaults);
    if (user.instruction === undefined) {
      if (baseImageIsNonRoot(stage)) return;
      context.report(
        stage.from,
        'The final stage never sets USER, so its containers run as root; add a USER with an unprivileged account',
        stage.from.span,
      );
      return;
    }
    if (user.spec === undefined || !isRootUserSpec(user.spec)) return;
    const written = user.instruction.args[0] ?? '';
    const inFinal = user.stage === stage;
    const anchor: Instruction = inFinal ? user.instruction : stage.from;
    const where = inFinal ? '' : ` (inherited from line ${user.instruction.span.start.line})`;
    context.report(
      anchor,
      `The final stage runs as root (USER ${written})${where}; switch to an unprivileged user at the end`,
      inFinal ? (user.instruction.argSpans[0] ?? user.instruction.argsSpan) : stage.from.span,
    );
  },
};
