import type { SeverityOrOff } from './severity.js';

/** Where rule documentation lives; every rule's `docsUrl` is this plus `#` and its anchor. */
export const DOCS_BASE_URL = 'https://github.com/docksec/docksec/blob/main/docs/rules.md';

/** A runnable example: linted by the test suite, must (bad) or must not (good) produce the rule's finding. */
export interface RuleExample {
  /** Dockerfile (or other input) text. */
  code: string;
  /** Lint config options the example needs (e.g. trusted registries, label schema). */
  config?: Record<string, unknown>;
  /** Optional explanation shown in the docs. */
  note?: string;
}

/** Metadata every rule carries beside its logic. */
export interface RuleMeta {
  /** Stable id: `DL3008`, `DSC4001`, `cis-5.5`. Never reused for another meaning. */
  id: string;
  /** Default severity; `ignore` means off unless enabled by an override. */
  severity: SeverityOrOff;
  /** One line: what the rule wants. */
  title: string;
  /** Why it matters, in a few sentences. */
  rationale: string;
  /** How to fix it. */
  remediation: string;
  /** Anchor in docs (lower-case id, e.g. `dl3008`). */
  docsAnchor: string;
  /** Examples that the test suite runs: each bad one must trigger the rule, each good one must not. */
  examples: { bad: RuleExample[]; good: RuleExample[] };
  /** Free-form tags: `hadolint`, `cis-4.1`, `supply-chain`, ... */
  tags?: string[];
  /**
   * Opt-in profile that enables this rule (`cis`). Such a rule is off unless the profile is selected
   * (`--profile cis`, config `profiles: [cis]`, `DOCKSEC_PROFILES`) or its severity is overridden, so that
   * `docksec lint` reports exactly Hadolint's findings by default. `severity` is the severity when on.
   */
  profile?: string;
}

export function docsUrl(meta: Pick<RuleMeta, 'docsAnchor'>): string {
  return `${DOCS_BASE_URL}#${meta.docsAnchor}`;
}
