/**
 * Bench results as shared `Finding`s, so the command-independent SARIF and JUnit reporters can print
 * them: one finding per FAIL/UNKNOWN item (or per check when it has no items), rule id `cis-<id>`.
 */
import type { Finding } from '../../core/finding.js';
import type { RuleMeta } from '../../core/rule-meta.js';
import type { Severity } from '../../core/severity.js';
import type { LintReport, ReportOptions } from '../../reporters/types.js';
import { format as sarifFormat } from '../../reporters/sarif.js';
import { format as junitFormat } from '../../reporters/junit.js';
import type { BenchReport, BenchResult } from '../evaluate.js';
import { CHECKS } from '../registry.js';

function severityOf(result: BenchResult, status: 'FAIL' | 'UNKNOWN'): Severity {
  if (status === 'UNKNOWN') return 'info';
  return result.scored || result.community ? 'error' : 'warning';
}

export function benchFindings(report: BenchReport): Finding[] {
  const findings: Finding[] = [];
  for (const r of report.results) {
    const ruleId = `cis-${r.id}`;
    const flagged = r.items.filter((i) => i.status === 'FAIL' || i.status === 'UNKNOWN');
    if (flagged.length > 0) {
      for (const item of flagged) {
        const status = item.status as 'FAIL' | 'UNKNOWN';
        const why = item.reason ?? item.detail ?? r.reason ?? status;
        findings.push({
          ruleId,
          severity: severityOf(r, status),
          message: `${r.title}: ${status === 'UNKNOWN' ? 'could not check: ' : ''}${why}`,
          file: item.object,
          line: 1,
          column: 1,
          object: item.object,
        });
      }
    } else if (r.status === 'FAIL' || r.status === 'UNKNOWN') {
      findings.push({
        ruleId,
        severity: severityOf(r, r.status),
        message: `${r.title}: ${r.status === 'UNKNOWN' ? 'could not check: ' : ''}${r.reason ?? r.status}`,
        file: report.host.endpoint,
        line: 1,
        column: 1,
        object: report.host.endpoint,
      });
    }
  }
  return findings;
}

/** Rule metadata for the reporters (SARIF `tool.driver.rules`), ids in the report's benchmark numbering. */
function ruleMetas(report: BenchReport): Map<string, RuleMeta> {
  const bySlug = new Map(CHECKS.map((c) => [c.meta.slug, c.meta]));
  const map = new Map<string, RuleMeta>();
  for (const r of report.results) {
    const meta = bySlug.get(r.slug);
    map.set(`cis-${r.id}`, {
      id: `cis-${r.id}`,
      severity: r.scored ? 'error' : 'warning',
      title: r.title,
      rationale: meta?.rationale ?? r.title,
      remediation: r.remediation,
      docsAnchor: meta?.docsAnchor ?? `cis-${r.id.replace(/\./g, '-')}`,
      examples: { bad: [], good: [] },
      tags: [`cis-${r.cisId}`, r.slug],
    });
  }
  return map;
}

function asLintReport(report: BenchReport): LintReport {
  const findings = benchFindings(report);
  return { tool: report.tool, files: [...new Set(findings.map((f) => f.file))], findings, errors: [] };
}

export function formatSarif(report: BenchReport, options: Partial<ReportOptions> = {}): string {
  return sarifFormat(asLintReport(report), { color: false, rules: ruleMetas(report), ...options });
}

export function formatJunit(report: BenchReport, options: Partial<ReportOptions> = {}): string {
  return junitFormat(asLintReport(report), { color: false, rules: ruleMetas(report), ...options });
}
