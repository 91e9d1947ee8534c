/**
 * Human output: one block per section, a coloured status per check, one line per affected container,
 * then a summary with counts and both scores.
 */
import type { CheckStatus } from '../../core/check-result.js';
import type { BenchReport } from '../evaluate.js';
import { SECTION_TITLES } from '../registry.js';

const COLOURS: Record<CheckStatus, string> = {
  PASS: '\x1b[32m',
  FAIL: '\x1b[31m',
  UNKNOWN: '\x1b[33m',
  MANUAL: '\x1b[36m',
  INFO: '\x1b[34m',
  NOT_APPLICABLE: '\x1b[2m',
};
const RESET = '\x1b[0m';
const BOLD = '\x1b[1m';

const LABEL: Record<CheckStatus, string> = {
  PASS: 'PASS',
  FAIL: 'FAIL',
  UNKNOWN: 'UNKN',
  MANUAL: 'MANL',
  INFO: 'INFO',
  NOT_APPLICABLE: 'N/A ',
};

export interface TtyOptions {
  color: boolean;
  /** Also list passing items (default: only items that are not PASS/NOT_APPLICABLE). */
  verbose?: boolean;
}

/** Strip control characters from text that came from the daemon (container names, labels...). */
function clean(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}

export function formatTty(report: BenchReport, options: TtyOptions): string {
  const paint = (status: CheckStatus, text: string): string => (options.color ? `${COLOURS[status]}${text}${RESET}` : text);
  const bold = (text: string): string => (options.color ? `${BOLD}${text}${RESET}` : text);
  const lines: string[] = [];
  const host = report.host;
  lines.push(bold(`docksec bench: CIS Docker Benchmark v${report.benchmark}`));
  lines.push(`Target: ${clean(host.endpoint)}${host.name ? ` (${clean(host.name)})` : ''}${host.serverVersion ? `, engine ${clean(host.serverVersion)}` : ''}`);
  lines.push(`Collected: ${report.started}`);
  if (report.excludedContainers.length > 0) lines.push(`Excluded containers: ${report.excludedContainers.map(clean).join(', ')}`);
  if (report.vanishedContainers.length > 0) {
    lines.push(`Removed during the audit (not audited): ${report.vanishedContainers.map((id) => clean(id.slice(0, 12))).join(', ')}`);
  }
  let section: string | undefined;
  for (const r of report.results) {
    if (r.section !== section) {
      section = r.section;
      lines.push('', bold(`[${section}] ${SECTION_TITLES[section] ?? `Section ${section}`}`));
    }
    const tags = [r.level === 2 ? 'L2' : 'L1', r.community ? 'community' : r.scored ? 'scored' : 'not scored'].join(', ');
    lines.push(`${paint(r.status, `[${LABEL[r.status]}]`)} ${r.id} - ${r.title} (${tags})`);
    if (r.reason && r.status !== 'PASS') lines.push(`       ${clean(r.reason)}`);
    for (const item of r.items) {
      if (!options.verbose && (item.status === 'PASS' || item.status === 'NOT_APPLICABLE')) continue;
      const text = [item.reason, item.detail && item.detail !== item.reason ? item.detail : undefined].filter(Boolean).join(': ');
      lines.push(`       * ${paint(item.status, LABEL[item.status].trim())} ${clean(item.object)}${text ? `: ${clean(text)}` : ''}`);
    }
  }
  const s = report.score;
  const counts = (c: Record<CheckStatus, number>): string =>
    (['PASS', 'FAIL', 'UNKNOWN', 'MANUAL', 'INFO', 'NOT_APPLICABLE'] as CheckStatus[]).map((k) => `${k} ${c[k]}`).join(', ');
  lines.push('', bold('Summary'));
  lines.push(`Checks: ${report.results.length} (${counts(s.all)})`);
  lines.push(`Scored checks: ${s.checks} (${counts(s.counts)})`);
  lines.push(`Score: ${s.score} (docker-bench style: +1 PASS, -1 FAIL)`);
  lines.push(
    `Percent: ${s.percent === null ? 'n/a' : `${s.percent}%`} of decided scored checks pass; coverage ${s.coverage === null ? 'n/a' : `${Math.round(s.coverage * 1000) / 10}%`} of applicable scored checks decided`,
  );
  lines.push(`Failing items: ${s.failingItems}`);
  if (s.community) lines.push(`Community score: ${s.community.score} (${counts(s.community.counts)})`);
  return `${lines.join('\n')}\n`;
}
