/**
 * `gitlab_codeclimate`: one JSON array of Code Climate issues, each with a `fingerprint`: the hex SHA-1 of
 * the issue's own compact JSON (as Hadolint computes it, so fingerprints match Hadolint's).
 */
import { createHash } from 'node:crypto';
import type { LintReport, ReportOptions } from './types.js';
import { toIssue } from './codeclimate.js';
import { encodeSortedJson } from './util.js';

export function format(report: LintReport, options: ReportOptions): string {
  const issues = report.findings.map((f) => {
    const issue = toIssue(f, options);
    const fingerprint = createHash('sha1').update(encodeSortedJson(issue), 'utf8').digest('hex');
    return { ...issue, fingerprint };
  });
  return encodeSortedJson(issues);
}
