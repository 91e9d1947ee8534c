/**
 * docker-bench-security's log JSON shape (`{dockerbenchsecurity, start, tests[{id, desc, results[]}],
 * checks, score, end}`), for tools that already parse it. Unlike docker-bench, values are escaped
 * (JSON.stringify) and every selected check is present, even with no containers.
 *
 * Status mapping: PASS→PASS, FAIL→WARN, MANUAL→NOTE, INFO/NOT_APPLICABLE/UNKNOWN→INFO (the reason says which).
 */
import type { CheckStatus } from '../../core/check-result.js';
import type { BenchReport, BenchResult } from '../evaluate.js';
import { SECTION_TITLES } from '../registry.js';

type DbsResult = 'PASS' | 'WARN' | 'INFO' | 'NOTE';

const DBS_RESULT: Record<CheckStatus, DbsResult> = {
  PASS: 'PASS',
  FAIL: 'WARN',
  MANUAL: 'NOTE',
  INFO: 'INFO',
  NOT_APPLICABLE: 'INFO',
  UNKNOWN: 'INFO',
};

function epochSeconds(iso: string): number {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? 0 : Math.floor(ms / 1000);
}

function dbsEntry(r: BenchResult): Record<string, unknown> {
  const entry: Record<string, unknown> = {
    id: r.id,
    desc: `${r.title} (${r.automated ? 'Automated' : 'Manual'})`,
    result: DBS_RESULT[r.status],
  };
  const flagged = r.items.filter((i) => i.status === r.status && r.status !== 'PASS');
  const label = r.status === 'NOT_APPLICABLE' ? `Not applicable: ${r.reason ?? ''}` : r.status === 'UNKNOWN' ? `Unknown: ${r.reason ?? ''}` : r.reason;
  if (flagged.length > 0) {
    entry['details'] = `${label ?? r.title}: ${flagged.map((i) => i.object).join(' ')}`;
    entry['items'] = flagged.map((i) => i.object);
  } else if (label && r.status !== 'PASS') {
    entry['details'] = label;
  }
  if (r.status !== 'PASS') entry['remediation'] = r.remediation;
  return entry;
}

export function formatDockerBenchJson(report: BenchReport): string {
  const sections = new Map<string, BenchResult[]>();
  for (const r of report.results) {
    const list = sections.get(r.section) ?? [];
    list.push(r);
    sections.set(r.section, list);
  }
  const tests = [...sections.entries()].map(([id, results]) => ({
    id,
    desc: SECTION_TITLES[id] ?? `Section ${id}`,
    results: results.map(dbsEntry),
  }));
  const out = {
    dockerbenchsecurity: report.benchmark,
    start: epochSeconds(report.started),
    tests,
    checks: report.results.length,
    score: report.score.score,
    end: epochSeconds(report.finished),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
