/** Output formats by name, shared by every command (`-f/--format`). */
import type { RuleMeta } from '../core/rule-meta.js';
import type { ReportFormatter } from './types.js';
import * as checkstyle from './checkstyle.js';
import * as codacy from './codacy.js';
import * as codeclimate from './codeclimate.js';
import * as gitlabCodeclimate from './gitlab_codeclimate.js';
import * as gnu from './gnu.js';
import * as json from './json.js';
import * as junit from './junit.js';
import * as sarif from './sarif.js';
import * as sonarqube from './sonarqube.js';
import * as tty from './tty.js';

export type { LintReport, ReportOptions, ReportFormatter, ToolInfo } from './types.js';

import { FORMAT_NAMES } from './names.js';
export { FORMAT_NAMES };

export type FormatName = (typeof FORMAT_NAMES)[number];

export const reporters: Readonly<Record<FormatName, ReportFormatter>> = {
  tty: tty.format,
  json: json.format,
  checkstyle: checkstyle.format,
  codeclimate: codeclimate.format,
  gitlab_codeclimate: gitlabCodeclimate.format,
  gnu: gnu.format,
  codacy: codacy.format,
  sonarqube: sonarqube.format,
  sarif: sarif.format,
  junit: junit.format,
};

export function isFormatName(name: string): name is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(name);
}

/** The formatter for a name, or undefined for an unknown name (the CLI turns that into a usage error). */
export function getReporter(name: string): ReportFormatter | undefined {
  return isFormatName(name) ? reporters[name] : undefined;
}

/** Rule metadata keyed by id, for `ReportOptions.rules`. */
export function ruleMetaMap(metas: Iterable<RuleMeta>): Map<string, RuleMeta> {
  const map = new Map<string, RuleMeta>();
  for (const meta of metas) map.set(meta.id, meta);
  return map;
}
