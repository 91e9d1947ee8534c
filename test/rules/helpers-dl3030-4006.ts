/**
 * Runs one Dockerfile rule directly on a text (parse -> shell init -> lint model -> rule.check), with no
 * pragmas, severities or other rules involved, so tests see exactly what the rule reports.
 */
import type { Span } from '../../src/core/finding.js';
import { parseDockerfile } from '../../src/dockerfile/parser.js';
import { defaultLintConfig, type LintConfig } from '../../src/lint/config.js';
import { buildLintModel } from '../../src/lint/model.js';
import type { DockerfileRule } from '../../src/rules/dockerfile/types.js';
import { initShell } from '../../src/shell/shell.js';

export interface Hit {
  line: number;
  message: string;
  span?: Span;
}

export async function hitsOf(
  rule: DockerfileRule,
  text: string,
  config: Partial<LintConfig> | Record<string, unknown> = {},
): Promise<Hit[]> {
  await initShell();
  const model = buildLintModel(parseDockerfile(text), { ...defaultLintConfig(), ...(config as Partial<LintConfig>) });
  const hits: Hit[] = [];
  rule.check(model, {
    report(anchor, message, span) {
      hits.push(span === undefined ? { line: anchor.span.start.line, message } : { line: anchor.span.start.line, message, span });
    },
  });
  return hits;
}

/** Lines of the findings, in the order reported. */
export async function linesOf(
  rule: DockerfileRule,
  text: string,
  config: Partial<LintConfig> | Record<string, unknown> = {},
): Promise<number[]> {
  return (await hitsOf(rule, text, config)).map((h) => h.line);
}

/** Runs several rules on one model (built once), returning the number of findings per rule id. */
export async function countsOf(
  rules: readonly DockerfileRule[],
  text: string,
  config: Partial<LintConfig> | Record<string, unknown> = {},
): Promise<Record<string, number>> {
  await initShell();
  const model = buildLintModel(parseDockerfile(text), { ...defaultLintConfig(), ...(config as Partial<LintConfig>) });
  const counts: Record<string, number> = {};
  for (const rule of rules) {
    counts[rule.meta.id] = 0;
    rule.check(model, { report: () => void (counts[rule.meta.id] = (counts[rule.meta.id] ?? 0) + 1) });
  }
  return counts;
}
