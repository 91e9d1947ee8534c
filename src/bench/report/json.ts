/**
 * docksec's own bench JSON (schemaVersion 1, documented in docs/bench-json.md). Stable field order, no
 * undefined fields, evidence kept.
 */
import type { BenchReport } from '../evaluate.js';

export function formatJson(report: BenchReport): string {
  const out = {
    schemaVersion: report.schemaVersion,
    benchmark: report.benchmark,
    version: report.tool.version,
    tool: report.tool,
    host: report.host,
    started: report.started,
    finished: report.finished,
    excludedContainers: report.excludedContainers,
    vanishedContainers: report.vanishedContainers,
    score: report.score,
    results: report.results.map((r) => ({
      id: r.id,
      cisId: r.cisId,
      slug: r.slug,
      title: r.title,
      section: r.section,
      level: r.level,
      scored: r.scored,
      community: r.community,
      automated: r.automated,
      status: r.status,
      reason: r.reason ?? null,
      remediation: r.remediation,
      evidence: r.evidence ?? [],
      items: r.items.map((i) => ({
        object: i.object,
        status: i.status,
        reason: i.reason ?? null,
        detail: i.detail ?? null,
        evidence: i.evidence ?? [],
      })),
    })),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
