/** Output formats of `docksec bench` (`-f`). */
import type { BenchReport } from '../evaluate.js';
import { formatDockerBenchJson } from './docker-bench-json.js';
import { formatSarif, formatJunit } from './findings.js';
import { formatJson } from './json.js';
import { formatTty } from './tty.js';

export const BENCH_FORMATS = ['tty', 'json', 'docker-bench-json', 'sarif', 'junit'] as const;
export type BenchFormat = (typeof BENCH_FORMATS)[number];

export function isBenchFormat(name: string): name is BenchFormat {
  return (BENCH_FORMATS as readonly string[]).includes(name);
}

export interface BenchFormatOptions {
  color: boolean;
  verbose?: boolean;
  /** Fixed time for reproducible JUnit output. */
  timestamp?: Date;
}

export function formatBenchReport(report: BenchReport, format: BenchFormat, options: BenchFormatOptions): string {
  switch (format) {
    case 'tty':
      return formatTty(report, { color: options.color, ...(options.verbose ? { verbose: true } : {}) });
    case 'json':
      return formatJson(report);
    case 'docker-bench-json':
      return formatDockerBenchJson(report);
    case 'sarif':
      return formatSarif(report);
    case 'junit':
      return formatJunit(report, options.timestamp ? { timestamp: options.timestamp } : {});
  }
}

export { benchFindings } from './findings.js';
