/**
 * The docksec library API. Additive: each area exports what other programs may call.
 */

// Findings, severities, rule metadata
export type { Finding, InputError, Position, Span } from './core/finding.js';
export { sortFindings } from './core/finding.js';
export type { Severity, SeverityOrOff, FailureThreshold } from './core/severity.js';
export { SEVERITIES, compareSeverity, failsThreshold } from './core/severity.js';
export type { RuleMeta, RuleExample } from './core/rule-meta.js';
export { docsUrl } from './core/rule-meta.js';

// Dockerfile parsing
export type {
  Dockerfile,
  Instruction,
  Comment,
  Directives,
  Flag,
  Heredoc,
  ImageRef,
  SyntaxProblem,
} from './dockerfile/ast.js';
export { parseDockerfile } from './dockerfile/parser.js';

// Linting
export type { LintConfig, LabelType } from './lint/config.js';
export { defaultLintConfig } from './lint/config.js';
export type { LintOptions, LintResult, LintFilesOptions, LintFilesResult } from './lint/linter.js';
export { lintDockerfile, lintFiles, SYNTAX_ERROR_ID } from './lint/linter.js';
export { loadLintConfig, mergeLintConfig, configFromEnv, parseConfigText, LINT_FORMATS } from './lint/config-file.js';
export type { PartialLintConfig, LoadedConfig } from './lint/config-file.js';
export { parsePragma, BUILDKIT_CHECK_EQUIVALENTS } from './lint/pragmas.js';
export type { Pragma } from './lint/pragmas.js';
export { expandPaths, isDockerfileName } from './lint/files.js';
export type { ShellCheckRunner, ShellCheckScript, ShellCheckComment } from './lint/shellcheck.js';
export { createProcessRunner, locateShellCheck } from './lint/shellcheck-process.js';

// Rules
export type { DockerfileRule, LintModel, RuleContext } from './rules/dockerfile/types.js';
export { allRules } from './rules/dockerfile/index.js';

// Reports
export type { LintReport, ReportOptions, ToolInfo } from './reporters/types.js';
