/**
 * Runs one DSC rule directly on a Dockerfile text: parse -> shell init -> lint model -> rule.check, with
 * nothing else involved (no pragmas, severities or other rules).
 */
import type { Span } from '../../src/core/finding.js';
import { parseDockerfile } from '../../src/dockerfile/parser.js';
import { defaultLintConfig } from '../../src/lint/config.js';
import { buildLintModel } from '../../src/lint/model.js';
import type { DockerfileRule } from '../../src/rules/dockerfile/types.js';
import { initShell } from '../../src/shell/shell.js';

export interface DscHit {
  line: number;
  message: string;
  span?: Span;
}

export async function dscHits(rule: DockerfileRule, text: string): Promise<DscHit[]> {
  await initShell();
  const model = buildLintModel(parseDockerfile(text), defaultLintConfig());
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
