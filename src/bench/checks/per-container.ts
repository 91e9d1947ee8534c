/**
 * Shared shape of the section 5 checks: one item per audited container, the check taking the worst item
 * status (§0.1). Not a check module itself.
 */
import { aggregateStatus, type CheckItem, type CheckStatus } from '../../core/check-result.js';
import type { ContainerRuntime } from '../../runtime/model.js';
import type { BenchCheck, BenchCheckMeta, CheckOutcome, EvalContext } from '../check.js';

/** What a rule decides about one container (the object name is added by the harness). */
export type ContainerVerdict = Omit<CheckItem, 'object'>;

export type ContainerJudge = (c: ContainerRuntime, context: EvalContext) => ContainerVerdict;

/** A daemon-wide condition checked once containers exist: returns the whole check's outcome to stop early. */
export type Precondition = (context: EvalContext) => CheckOutcome | undefined;

/** Summarise items into the check's reason. */
function summarise(status: CheckStatus, items: readonly CheckItem[]): string | undefined {
  const matching = items.filter((i) => i.status === status);
  const names = matching.slice(0, 5).map((i) => i.object).join(', ') + (matching.length > 5 ? ', ...' : '');
  switch (status) {
    case 'FAIL':
      return `${matching.length} of ${items.length} container(s) fail: ${names}`;
    case 'UNKNOWN':
      return `could not decide for ${matching.length} container(s): ${matching[0]?.reason ?? 'evidence missing'}`;
    case 'MANUAL':
      return `${matching.length} container(s) need review: ${names}`;
    case 'NOT_APPLICABLE':
      return matching[0]?.reason ?? 'not applicable to any container';
    default:
      return undefined;
  }
}

/**
 * Run `judge` over every audited container. Containers that could not be listed make the check UNKNOWN;
 * no containers at all make it NOT_APPLICABLE.
 */
export function evaluatePerContainer(context: EvalContext, judge: ContainerJudge, precondition?: Precondition): CheckOutcome {
  const containers = context.runtime.containers;
  if (!containers.ok) return { status: 'UNKNOWN', reason: `containers could not be listed: ${containers.reason}` };
  if (containers.value.length === 0) return { status: 'NOT_APPLICABLE', reason: 'no containers' };
  const blocked = precondition?.(context);
  if (blocked) return blocked;
  const items: CheckItem[] = containers.value.map((c) => ({ object: c.name, ...judge(c, context) }));
  const status = aggregateStatus(items);
  const outcome: CheckOutcome = { status, items };
  const reason = summarise(status, items);
  if (reason) outcome.reason = reason;
  return outcome;
}

/** Build a per-container check from its metadata and its rule. */
export function containerCheck(meta: BenchCheckMeta, judge: ContainerJudge, precondition?: Precondition): BenchCheck {
  return { meta, evaluate: (context) => evaluatePerContainer(context, judge, precondition) };
}

/** An example fragment that changes the base snapshot's first container (merged element-wise). */
export function containerExample(inspect: Record<string, unknown>): Record<string, unknown> {
  return { engine: { containers: { value: [inspect] } } };
}

/** An example fragment that also replaces the daemon's `/info` values. */
export function infoExample(info: Record<string, unknown>, inspect?: Record<string, unknown>): Record<string, unknown> {
  const fragment: Record<string, unknown> = { engine: { info: { value: info } } };
  if (inspect) (fragment['engine'] as Record<string, unknown>)['containers'] = { value: [inspect] };
  return fragment;
}

export const pass = (detail?: string, evidence?: string[]): ContainerVerdict => ({
  status: 'PASS',
  ...(detail ? { detail } : {}),
  ...(evidence ? { evidence } : {}),
});

export const fail = (reason: string, detail?: string, evidence?: string[]): ContainerVerdict => ({
  status: 'FAIL',
  reason,
  ...(detail ? { detail } : {}),
  ...(evidence ? { evidence } : {}),
});

export const unknown = (reason: string, evidence?: string[]): ContainerVerdict => ({
  status: 'UNKNOWN',
  reason,
  ...(evidence ? { evidence } : {}),
});

export const notApplicable = (reason: string): ContainerVerdict => ({ status: 'NOT_APPLICABLE', reason });

export const manual = (reason: string, detail?: string, evidence?: string[]): ContainerVerdict => ({
  status: 'MANUAL',
  reason,
  ...(detail ? { detail } : {}),
  ...(evidence ? { evidence } : {}),
});

/** Common metadata defaults for section 5 (all CIS "Manual" in 1.6.0, §0.8). */
export function section5Meta(
  meta: Omit<BenchCheckMeta, 'id' | 'section' | 'automated' | 'docsAnchor' | 'level' | 'scoring'> &
    Partial<Pick<BenchCheckMeta, 'level' | 'scoring' | 'automated'>>,
): BenchCheckMeta {
  return {
    id: `cis-${meta.cisId}`,
    section: '5',
    level: 1,
    scoring: 'Y',
    automated: false,
    docsAnchor: `cis-${meta.cisId.toLowerCase().replace(/\./g, '-')}`,
    ...meta,
  };
}
