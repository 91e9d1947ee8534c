/** Finding severities, ordered as Hadolint orders them (error is the most severe). */
export type Severity = 'error' | 'warning' | 'info' | 'style';

/** A severity, or `ignore` (rule switched off), as used by rule defaults and overrides. */
export type SeverityOrOff = Severity | 'ignore';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'style'];

const RANK: Record<SeverityOrOff, number> = { error: 4, warning: 3, info: 2, style: 1, ignore: 0 };

/** Positive when `a` is more severe than `b`. */
export function compareSeverity(a: SeverityOrOff, b: SeverityOrOff): number {
  return RANK[a] - RANK[b];
}

/** Failure threshold semantics of Hadolint: a finding fails when its severity is at or above the threshold. */
export type FailureThreshold = Severity | 'ignore' | 'none';

export function failsThreshold(severity: Severity, threshold: FailureThreshold): boolean {
  if (threshold === 'ignore' || threshold === 'none') return true;
  return RANK[severity] >= RANK[threshold];
}

export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}
