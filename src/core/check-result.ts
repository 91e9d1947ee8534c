/**
 * The result model of audits that decide checks (bench, and later image/compose/run audits):
 * unlike lint findings, every check yields a status, including when it could not look.
 */

export type CheckStatus = 'PASS' | 'FAIL' | 'INFO' | 'MANUAL' | 'NOT_APPLICABLE' | 'UNKNOWN';

/** Aggregation order for per-object checks: the check takes the first status any item has. */
export const STATUS_PRECEDENCE: readonly CheckStatus[] = ['FAIL', 'UNKNOWN', 'MANUAL', 'INFO', 'PASS', 'NOT_APPLICABLE'];

export interface CheckItem {
  /** Container name, image reference, file path, network name... */
  object: string;
  status: CheckStatus;
  /** Why: for FAIL what is wrong, for UNKNOWN what could not be read, for NOT_APPLICABLE the precondition. */
  reason?: string;
  /** Human detail (the offending value). */
  detail?: string;
  /** Snapshot pointers backing the decision: `/containers/abc/HostConfig.Privileged`, `file:/etc/docker/daemon.json#/icc`. */
  evidence?: string[];
}

export interface CheckResult {
  /** CIS id in the selected benchmark version (`5.5`). */
  id: string;
  /** Stable slug (`container-not-privileged`). */
  slug: string;
  title: string;
  /** Section number as a string (`5`). */
  section: string;
  level: 1 | 2;
  /** Scored per the audit spec (Y); Y* and community checks are reported as false unless enabled. */
  scored: boolean;
  /** CIS "Automated" vs "Manual" assessment status. */
  automated: boolean;
  status: CheckStatus;
  reason?: string;
  remediation: string;
  items: CheckItem[];
  evidence?: string[];
}

export function aggregateStatus(items: readonly CheckItem[], whenEmpty: CheckStatus = 'NOT_APPLICABLE'): CheckStatus {
  if (items.length === 0) return whenEmpty;
  for (const status of STATUS_PRECEDENCE) if (items.some((i) => i.status === status)) return status;
  return whenEmpty;
}
