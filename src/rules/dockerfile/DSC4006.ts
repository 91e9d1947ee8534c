import type { HealthcheckInstruction } from '../../dockerfile/ast.js';
import type { DockerfileRule, Stage } from './types.js';
import { finalStage, stageChain } from './util/dsc.js';

/** The HEALTHCHECK in force at the end of `stage`: its own last one, else the nearest parent stage's. */
function effectiveHealthcheck(stage: Stage): { instruction: HealthcheckInstruction; stage: Stage } | undefined {
  for (const s of stageChain(stage)) {
    const own = s.instructions.filter((i): i is HealthcheckInstruction => i.keyword === 'HEALTHCHECK');
    const last = own[own.length - 1];
    if (last !== undefined) return { instruction: last, stage: s };
  }
  return undefined;
}

export const rule: DockerfileRule = {
  meta: {
    id: 'DSC4006',
    severity: 'info',
    profile: 'cis',
    title: 'The final stage should define a HEALTHCHECK',
    rationale:
      'Without a HEALTHCHECK the engine only knows whether the main process is alive, not whether it still ' +
      'serves. A health check lets Docker, Swarm and monitoring notice a hung service and restart or ' +
      'replace it (CIS Docker Benchmark 4.6). `HEALTHCHECK NONE` switches off a check the base image had.',
    remediation:
      'Add a `HEALTHCHECK CMD ...` to the final stage that probes the service cheaply (e.g. ' +
      '`HEALTHCHECK --interval=30s CMD wget -qO- http://localhost:8080/health || exit 1`). If an orchestrator ' +
      'probes the container instead (Kubernetes), disable this rule for the file.',
    docsAnchor: 'dsc4006',
    tags: ['docksec', 'cis-4.6'],
    examples: {
      bad: [
        { code: 'FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\n' },
        { code: 'FROM nginx:1.27\nHEALTHCHECK NONE\n', note: 'Switching the check off counts as missing.' },
        { code: 'FROM alpine:3.20 AS base\nHEALTHCHECK CMD true\n\nFROM golang:1.23 AS build\nRUN go build -o /app .\n', note: 'Only the final stage matters, and it has none.' },
      ],
      good: [
        { code: 'FROM nginx:1.27\nHEALTHCHECK --interval=30s --timeout=3s CMD curl -fsS http://localhost/ || exit 1\n' },
        { code: 'FROM nginx:1.27 AS base\nHEALTHCHECK CMD curl -fsS http://localhost/ || exit 1\n\nFROM base\nCOPY site/ /usr/share/nginx/html/\n', note: 'Inherited from the parent stage.' },
      ],
    },
  },
  check(model, context) {
    const stage = finalStage(model);
    if (stage === undefined) return;
    const found = effectiveHealthcheck(stage);
    if (found === undefined) {
      context.report(stage.from, 'The final stage has no HEALTHCHECK, so the engine cannot tell a hung service from a healthy one', stage.from.span);
      return;
    }
    if (!found.instruction.none) return;
    const inFinal = found.stage === stage;
    context.report(
      inFinal ? found.instruction : stage.from,
      `HEALTHCHECK NONE${inFinal ? '' : ` (inherited from line ${found.instruction.span.start.line})`} disables health checking for the final stage`,
      inFinal ? found.instruction.argsSpan : stage.from.span,
    );
  },
};
