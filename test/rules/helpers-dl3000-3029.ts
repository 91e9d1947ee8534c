/**
 * Runs one Dockerfile rule directly on a text: parse -> shell init -> lint model -> rule.check. No pragmas,
 * severities or other rules are involved, so tests see exactly what the rule reports.
 */
import type { Span } from '../../src/core/finding.js';
import { parseDockerfile } from '../../src/dockerfile/parser.js';
import { defaultLintConfig, type LintConfig } from '../../src/lint/config.js';
import { buildLintModel } from '../../src/lint/model.js';
import type { DockerfileRule } from '../../src/rules/dockerfile/types.js';
import { initShell } from '../../src/shell/shell.js';

export interface RuleHit {
  line: number;
  message: string;
  span?: Span;
}

export async function runRule(
  rule: DockerfileRule,
  text: string,
  config: Partial<LintConfig> | Record<string, unknown> = {},
): Promise<RuleHit[]> {
  await initShell();
  const dockerfile = parseDockerfile(text);
  const model = buildLintModel(dockerfile, { ...defaultLintConfig(), ...(config as Partial<LintConfig>) });
  const hits: RuleHit[] = [];
  rule.check(model, {
    report(anchor, message, span) {
      const hit: RuleHit = { line: anchor.span.start.line, message };
      if (span !== undefined) hit.span = span;
      hits.push(hit);
    },
  });
  return hits;
}

/** Lines of the findings, in the order reported. */
export async function ruleLines(
  rule: DockerfileRule,
  text: string,
  config: Partial<LintConfig> | Record<string, unknown> = {},
): Promise<number[]> {
  return (await runRule(rule, text, config)).map((hit) => hit.line);
}
