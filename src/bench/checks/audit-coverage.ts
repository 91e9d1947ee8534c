/**
 * The shared decision of the audit-rule checks 1.1.3–1.1.18 (audit spec §0.7 "Audit rules" and §1.1.3–18):
 * resolve the check's targets, replay the rules in order (`-D` clears, `-W` removes a watch), and find the
 * first exit-list rule matching each target: `always` covers it, `never` excludes it. Not a check module.
 */
import type { CheckItem } from '../../core/check-result.js';
import type { BenchCheck, BenchCheckMeta, CheckOutcome, EvalContext } from '../check.js';
import type { AuditRule, HostEvidence } from '../snapshot.js';
import { parseAuditRule } from '../collector/audit-rules.js';
import {
  fail, fromItems, isOutcome, item, lookupFile, needHost, notApplicable, realOf, unknown, wpathOf,
} from './host-common.js';

export interface AuditTarget {
  /** Host path as named (shown in the report). */
  path: string;
  /** Executables: compared by real path, and `-F exe=` rules count. */
  binary?: boolean;
}

export interface AuditTargets {
  targets: AuditTarget[];
  /** Extra context shown with the result (unit drop-ins, runtime notes). */
  notes?: string[];
  evidence?: string[];
}

export type TargetResolver = (context: EvalContext, host: HostEvidence) => AuditTargets | CheckOutcome;

/** A rule as it stands after replaying deletions, canonicalised for matching. */
interface ActiveRule {
  rule: AuditRule;
  action: 'always' | 'never';
  /** `-w` watches (recursive when a directory). */
  watch?: string;
  path?: string;
  dir?: string;
  exe?: string;
  /** Field filters other than path/dir/exe/key (a bare `never` with none matches everything). */
  otherFilters: number;
}

function activeRules(host: HostEvidence, rules: readonly AuditRule[]): ActiveRule[] {
  let active: ActiveRule[] = [];
  for (const rule of rules) {
    switch (rule.kind) {
      case 'delete-all':
        active = [];
        break;
      case 'unwatch': {
        if (rule.path === undefined) break;
        const target = wpathOf(host, rule.path);
        active = active.filter((a) => a.watch !== target);
        break;
      }
      case 'watch':
        if (rule.path !== undefined) active.push({ rule, action: 'always', watch: wpathOf(host, rule.path), otherFilters: 0 });
        break;
      case 'syscall': {
        // Only the exit list carries file-access rules that can cover a target.
        if (rule.list !== 'exit' || (rule.action !== 'always' && rule.action !== 'never')) break;
        const entry: ActiveRule = {
          rule,
          action: rule.action,
          otherFilters: (rule.fields ?? []).filter((f) => !/^(path|dir|exe|key)=/.test(f)).length,
        };
        if (rule.path !== undefined) entry.path = wpathOf(host, rule.path);
        if (rule.dir !== undefined) entry.dir = realOf(host, rule.dir);
        if (rule.exe !== undefined) entry.exe = realOf(host, rule.exe);
        active.push(entry);
        break;
      }
      default:
        break;
    }
  }
  return active;
}

const within = (target: string, dir: string) => dir === '/' || target === dir || target.startsWith(`${dir}/`);

function matches(rule: ActiveRule, target: string, binary: boolean): boolean {
  if (rule.watch !== undefined) return within(target, rule.watch);
  if (rule.path !== undefined) return rule.path === target;
  if (rule.dir !== undefined) return within(target, rule.dir);
  if (rule.exe !== undefined) return binary && rule.exe === target;
  return rule.action === 'never' && rule.otherFilters === 0;
}

function describeRule(rule: AuditRule): string {
  const extras = [rule.permissions ? `perms ${rule.permissions}` : '', rule.key ? `key ${rule.key}` : ''].filter(Boolean).join(', ');
  return `"${rule.text}" (${rule.source}${extras ? `; ${extras}` : ''})`;
}

/** Whether the audit rules could be in force, or the outcome that stops evaluation (§0.7 step 1). */
function ruleSource(host: HostEvidence): { rules: AuditRule[]; caveat?: string; unverified?: string } | CheckOutcome {
  if (!host.auditRules.ok) return unknown(`audit rules could not be read: ${host.auditRules.reason}`);
  const rules = host.auditRules.value;
  if (host.auditSource === 'auditctl') return { rules };
  const ruleFiles = Object.values(host.files).filter((f) => f.exists && /^\/etc\/audit\/(audit\.rules$|rules\.d\/)/.test(f.path));
  if (rules.length === 0 && ruleFiles.length === 0) return fail('no audit rules: auditctl unavailable and no rules files in /etc/audit', ['/host/auditRules']);
  const auditd = host.auditdRunning;
  if (auditd?.ok === true && auditd.value === false)
    return fail('audit rules are only declared in /etc/audit and no auditd process runs: rules not loaded', ['/host/auditdRunning']);
  if (auditd?.ok === true) return { rules, caveat: 'rules read from /etc/audit files (auditd runs); not verified loaded' };
  return { rules, unverified: `rules read from /etc/audit files; whether auditd loaded them is unknown (${auditd && !auditd.ok ? auditd.reason : 'auditd state not collected'})` };
}

/** Evaluate coverage of the resolved targets. */
export function evaluateAudit(context: EvalContext, resolve: TargetResolver): CheckOutcome {
  const host = needHost(context);
  if (isOutcome(host)) return host;
  const resolved = resolve(context, host);
  if (isOutcome(resolved)) return resolved;
  const source = ruleSource(host);
  if (isOutcome(source)) return source;
  const active = activeRules(host, source.rules);
  const items: CheckItem[] = resolved.targets.map((target) => {
    const canonical = target.binary ? realOf(host, target.path) : wpathOf(host, target.path);
    const shown = canonical === target.path ? target.path : `${target.path} (${canonical})`;
    const decider = active.find((rule) => matches(rule, canonical, target.binary === true));
    if (!decider) return item(target.path, 'FAIL', `no audit rule covers ${shown}`, undefined, ['/host/auditRules']);
    const why = describeRule(decider.rule);
    if (decider.action === 'never') return item(target.path, 'FAIL', `${shown} is excluded by a never rule ${why}`, undefined, ['/host/auditRules']);
    if (source.unverified) return item(target.path, 'UNKNOWN', `covered by ${why}, but ${source.unverified}`, undefined, ['/host/auditRules']);
    return item(target.path, 'PASS', source.caveat ? `covered (${source.caveat})` : undefined, `covered by ${why}`, ['/host/auditRules']);
  });
  const outcome = fromItems(items, 'audit target(s)', notApplicable('no audit target'));
  const evidence = [...(resolved.evidence ?? []), ...(resolved.notes ?? []).map((n) => `note: ${n}`)];
  if (evidence.length > 0) outcome.evidence = evidence;
  return outcome;
}

export function auditCheck(meta: BenchCheckMeta, resolve: TargetResolver): BenchCheck {
  return { meta, evaluate: (context) => evaluateAudit(context, resolve) };
}

/**
 * Targets that exist among `paths` (unknown existence still counts: coverage does not depend on it);
 * NOT_APPLICABLE with `naReason` when none exists.
 */
export function existingTargets(host: HostEvidence, paths: readonly string[], naReason: string, binary = false): AuditTargets | CheckOutcome {
  const targets: AuditTarget[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    const found = lookupFile(host, path);
    if (found.kind === 'absent') continue;
    const key = binary ? realOf(host, path) : wpathOf(host, path);
    if (seen.has(key)) continue;
    seen.add(key);
    targets.push(binary ? { path, binary } : { path });
  }
  return targets.length === 0 ? notApplicable(naReason) : { targets };
}

/** Shared example snapshots: `rules` as declared in a rules file with auditd running. */
export function auditExample(rules: string[], host: Record<string, unknown> = {}): Record<string, unknown> {
  const parsed = rules.map((text) => parseAuditRule(text, 'auditctl -l')!);
  return {
    host: {
      value: {
        auditSource: 'auditctl',
        auditRules: { ok: true, value: parsed },
        ...host,
      },
    },
  };
}
