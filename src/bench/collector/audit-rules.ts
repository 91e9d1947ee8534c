/**
 * Structural parsing of audit rules as `auditctl -l` prints them or as rules files declare them
 * (audit spec §0.7): `-w P -p perms -k key`, `-W P`, `-a|-A list,action -F field=value ...`, `-D`.
 * Pure; coverage decisions belong to the checks.
 */
import type { AuditRule } from '../snapshot.js';

/** Splits a line the way a shell would for these simple rules: quotes group, backslash escapes. */
export function tokenizeRuleLine(line: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let inToken = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"' && i + 1 < line.length) current += line[++i];
      else current += ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      inToken = true;
    } else if (ch === '\\' && i + 1 < line.length) {
      current += line[++i];
      inToken = true;
    } else if (/\s/.test(ch)) {
      if (inToken) tokens.push(current);
      current = '';
      inToken = false;
    } else {
      current += ch;
      inToken = true;
    }
  }
  if (inToken) tokens.push(current);
  return tokens;
}

/** Parses one rule line; blank and `#` lines give undefined. */
export function parseAuditRule(line: string, source: string): AuditRule | undefined {
  const text = line.trim();
  if (text === '' || text.startsWith('#')) return undefined;
  const tokens = tokenizeRuleLine(text);
  const rule: AuditRule = { text, source, kind: 'other' };
  const fields: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = (): string | undefined => (i + 1 < tokens.length ? tokens[++i] : undefined);
    switch (token) {
      case '-w':
      case '-W': {
        rule.kind = token === '-w' ? 'watch' : 'unwatch';
        const path = next();
        if (path !== undefined) rule.path = path;
        break;
      }
      case '-p': {
        const perms = next();
        if (perms !== undefined) rule.permissions = perms;
        break;
      }
      case '-k': {
        const key = next();
        if (key !== undefined) rule.key = key;
        break;
      }
      case '-a':
      case '-A': {
        rule.kind = 'syscall';
        const spec = next() ?? '';
        // Both orders are accepted by auditctl: `always,exit` and `exit,always`.
        for (const part of spec.split(',')) {
          if (part === 'always' || part === 'never') rule.action = part;
          else if (part !== '') rule.list = part;
        }
        break;
      }
      case '-F': {
        const field = next();
        if (field === undefined) break;
        fields.push(field);
        const match = /^([a-z_]+)(=|!=)(.*)$/i.exec(field);
        if (match && match[2] === '=') {
          const [, name, , value] = match;
          if (name === 'path') rule.path = value!;
          else if (name === 'dir') rule.dir = value!;
          else if (name === 'exe') rule.exe = value!;
          else if (name === 'perm') rule.permissions = value!;
          else if (name === 'key') rule.key = value!;
        }
        break;
      }
      case '-D':
        rule.kind = 'delete-all';
        break;
      default:
        // `-S syscall`, `-b`, `-e`, `-f`... take one value: skip it so it is not read as an option.
        if (/^-[SbefrCi]$/.test(token)) next();
        break;
    }
  }
  if (fields.length > 0) rule.fields = fields;
  return rule;
}

/** Parses a whole listing or rules file. `auditctl -l` prints `No rules` for an empty set. */
export function parseAuditRules(text: string, source: string): AuditRule[] {
  const rules: AuditRule[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === 'No rules') continue;
    const rule = parseAuditRule(line, source);
    if (rule) rules.push(rule);
  }
  return rules;
}

/** augenrules order for rules.d (`ls -v`): numbers compare as numbers, so `9-a.rules` precedes `10-b.rules`. */
export function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
