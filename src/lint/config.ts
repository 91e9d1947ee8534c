import type { FailureThreshold, Severity } from '../core/severity.js';

/** Label types of Hadolint's `label-schema`. */
export type LabelType = 'text' | 'url' | 'spdx' | 'hash' | 'rfc3339' | 'semver' | 'email';

/** The effective lint configuration (Hadolint's keys, merged from defaults, environment, file and CLI). */
export interface LintConfig {
  /** Codes dropped everywhere. */
  ignored: string[];
  /** Severity overrides; if a code is in several lists, error > warning > info > style. */
  override: Partial<Record<Severity, string[]>>;
  trustedRegistries: string[];
  labelSchema: Record<string, LabelType>;
  strictLabels: boolean;
  disableIgnorePragma: boolean;
  failureThreshold: FailureThreshold;
  noFail: boolean;
  noColor: boolean;
  /** Output formats (first is the default one). */
  formats: string[];
  verbose: boolean;
  /** ShellCheck: `false` to disable, or a path; `true` means look it up on PATH. */
  shellcheck: boolean | string;
  /** Opt-in rule profiles to enable (`cis`, or `all` for every profile). */
  profiles: string[];
}

/** Rule profiles `--profile` accepts. */
export const RULE_PROFILES = ['cis', 'all'] as const;

export function defaultLintConfig(): LintConfig {
  return {
    ignored: [],
    override: {},
    trustedRegistries: [],
    labelSchema: {},
    strictLabels: false,
    disableIgnorePragma: false,
    failureThreshold: 'info',
    noFail: false,
    noColor: false,
    formats: [],
    verbose: false,
    shellcheck: true,
    profiles: [],
  };
}
