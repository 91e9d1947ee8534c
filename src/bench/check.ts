/**
 * The contract of a bench check: one module per CIS recommendation under `src/bench/checks/`
 * (`cis-5.5.ts`, ...), a pure function of the evaluation context built from a snapshot.
 */
import type { CheckItem, CheckStatus } from '../core/check-result.js';
import type { RuleMeta } from '../core/rule-meta.js';
import type { Snapshot } from './snapshot.js';
import type { RuntimeView } from './runtime-view.js';
import type { DaemonView } from './daemon-config.js';

/** How the audit spec scores a check (§0.2): Y scored, N not, Y* scored with a trusted-user list, C community. */
export type Scoring = 'Y' | 'N' | 'Y*' | 'C';

export interface CheckOutcome {
  status: CheckStatus;
  reason?: string;
  /** One item per affected object (container name, image, file, network). */
  items?: CheckItem[];
  evidence?: string[];
}

/**
 * A runnable example: a snapshot fragment (deep-merged over a minimal complete local snapshot by the test
 * harness) and the status the check must return on it.
 */
export interface CheckExample {
  note?: string;
  snapshot: Record<string, unknown>;
  expect: CheckStatus;
}

export interface BenchCheckMeta extends Omit<RuleMeta, 'severity' | 'examples'> {
  /** CIS Docker Benchmark v1.6.0 id (`5.5`, `C.5.3.1`). The 1.5.0 id is derived by the id map. */
  cisId: string;
  /** Stable slug, e.g. `container-not-privileged`. */
  slug: string;
  section: string;
  level: 1 | 2;
  scoring: Scoring;
  /** CIS assessment status. */
  automated: boolean;
  /** Examples the test suite runs: at least one failing (or non-passing) and one passing. */
  checkExamples: CheckExample[];
}

/** The evaluation context: the snapshot plus derived views shared by many checks (built once, pure). */
export interface EvalContext {
  snapshot: Snapshot;
  /** Section 5: normalised containers (explicit exclusions applied) and the daemon facts their rules need. */
  runtime: RuntimeView;
  /** Sections 1–4, 6, 7: effective daemon configuration (§0.6) and target mode (§0.3). */
  daemon: DaemonView;
  /** Trusted docker-group users (1.1.2), when given. */
  trustedUsers?: string[];
}

export interface BenchCheck {
  meta: BenchCheckMeta;
  evaluate(context: EvalContext): CheckOutcome;
}
