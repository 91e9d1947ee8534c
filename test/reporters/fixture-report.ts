/** A fixed report shared by the reporter tests: findings in two files, a parse error, a ShellCheck finding. */
import type { RuleMeta } from '../../src/core/rule-meta.js';
import type { LintReport } from '../../src/reporters/types.js';

export const SOURCES = new Map<string, string>([
  ['Dockerfile', 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN cd /tmp && echo $HOME\nUSER root\n'],
  ['web/Dockerfile', 'FROM node:20\nRUN curl -k https://example.com/x.sh | sh\nCOPY . /app\nFROM\n'],
]);

export const REPORT: LintReport = {
  tool: { name: 'docksec', version: '0.1.0' },
  files: ['Dockerfile', 'clean/Dockerfile', 'web/Dockerfile'],
  findings: [
    {
      ruleId: 'DL3008',
      severity: 'warning',
      message: 'Pin the version of apt package "curl" (curl=<version>)',
      file: 'Dockerfile',
      line: 2,
      column: 1,
      region: { start: { line: 2, column: 41 }, end: { line: 2, column: 45 } },
      sourceLanguage: 'dockerfile',
    },
    {
      ruleId: 'DL3003',
      severity: 'warning',
      message: 'Use WORKDIR to switch to a directory',
      file: 'Dockerfile',
      line: 3,
      column: 1,
      region: { start: { line: 3, column: 5 }, end: { line: 3, column: 12 } },
    },
    {
      ruleId: 'SC2086',
      severity: 'info',
      message: 'Double quote to prevent globbing and word splitting.',
      file: 'Dockerfile',
      line: 3,
      column: 1,
      region: { start: { line: 3, column: 24 }, end: { line: 3, column: 29 } },
      sourceLanguage: 'sh',
    },
    {
      ruleId: 'DSC4001',
      severity: 'warning',
      message: 'The final stage runs as root (USER root)',
      file: 'Dockerfile',
      line: 4,
      column: 1,
    },
    {
      ruleId: 'DSC5001',
      severity: 'warning',
      message: 'curl -k turns off TLS certificate checks',
      file: 'web/Dockerfile',
      line: 2,
      column: 1,
      region: { start: { line: 2, column: 10 }, end: { line: 2, column: 12 } },
    },
    {
      ruleId: 'DL3045',
      severity: 'style',
      message: 'COPY to a relative path without WORKDIR',
      file: 'web/Dockerfile',
      line: 3,
      column: 1,
    },
    {
      ruleId: 'DL1000',
      severity: 'error',
      message: 'FROM needs an image\nbut the line ends',
      file: 'web/Dockerfile',
      line: 4,
      column: 5,
    },
  ],
  errors: [],
};

export const EMPTY_REPORT: LintReport = { tool: { name: 'docksec', version: '0.1.0' }, files: ['Dockerfile'], findings: [], errors: [] };

function meta(id: string, severity: RuleMeta['severity'], title: string): RuleMeta {
  return {
    id,
    severity,
    title,
    rationale: `Why ${id} matters.`,
    remediation: `How to fix ${id}.`,
    docsAnchor: id.toLowerCase(),
    examples: { bad: [], good: [] },
    tags: ['test'],
  };
}

export const RULES = new Map<string, RuleMeta>(
  [
    meta('DL3008', 'warning', 'Pin versions in apt-get install'),
    meta('DL3003', 'warning', 'Use WORKDIR to switch to a directory'),
    meta('DSC4001', 'warning', 'Final stage must not run as root'),
    meta('DSC5001', 'warning', 'curl must verify TLS certificates'),
    meta('DL3045', 'style', 'COPY to a relative destination needs WORKDIR'),
  ].map((m) => [m.id, m]),
);

export const FIXED_TIME = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));
