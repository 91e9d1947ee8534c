/**
 * Scores of a bench run (audit spec §0.2): docker-bench's unweighted score, a percentage and a coverage
 * figure that keeps UNKNOWN-heavy runs from looking perfect, and status counts overall and per section.
 */
import type { CheckResult, CheckStatus } from '../core/check-result.js';

export type StatusCounts = Record<CheckStatus, number>;

export interface ScoreFigures {
  /** +1 per PASS, −1 per FAIL, over the counted checks. */
  score: number;
  /** 100 × PASS / (PASS + FAIL), one decimal; null when no check passed or failed. */
  percent: number | null;
  /** (PASS + FAIL) / (counted checks − NOT_APPLICABLE), as a fraction 0..1 with three decimals; null when nothing applies. */
  coverage: number | null;
  /** Number of counted checks. */
  checks: number;
  counts: StatusCounts;
}

export interface BenchScore extends ScoreFigures {
  /** Status counts over every reported check (scored or not). */
  all: StatusCounts;
  /** Status counts per section, over every reported check. */
  sections: Record<string, StatusCounts>;
  /** Failing items across all checks (one check with 10 failing containers counts 10). */
  failingItems: number;
  /** Community checks, scored separately when enabled. */
  community?: ScoreFigures;
}

export function emptyCounts(): StatusCounts {
  return { PASS: 0, FAIL: 0, INFO: 0, MANUAL: 0, NOT_APPLICABLE: 0, UNKNOWN: 0 };
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function scoreFigures(results: readonly Pick<CheckResult, 'status'>[]): ScoreFigures {
  const counts = emptyCounts();
  for (const r of results) counts[r.status]++;
  const decided = counts.PASS + counts.FAIL;
  const applicable = results.length - counts.NOT_APPLICABLE;
  return {
    score: counts.PASS - counts.FAIL,
    percent: decided === 0 ? null : round((100 * counts.PASS) / decided, 1),
    coverage: applicable <= 0 ? null : round(decided / applicable, 3),
    checks: results.length,
    counts,
  };
}

/** `community` marks results of community checks; they are scored apart, and only when `communityScored`. */
export function scoreResults(
  results: readonly (CheckResult & { community?: boolean })[],
  communityScored: boolean,
): BenchScore {
  const scored = results.filter((r) => r.scored && !r.community);
  const all = emptyCounts();
  const sections: Record<string, StatusCounts> = {};
  let failingItems = 0;
  for (const r of results) {
    all[r.status]++;
    (sections[r.section] ??= emptyCounts())[r.status]++;
    failingItems += r.items.filter((i) => i.status === 'FAIL').length;
  }
  const score: BenchScore = { ...scoreFigures(scored), all, sections, failingItems };
  if (communityScored) score.community = scoreFigures(results.filter((r) => r.community));
  return score;
}
