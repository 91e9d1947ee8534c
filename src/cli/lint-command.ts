/**
 * `docksec lint [options] PATH...`: Hadolint's command line (same flags, config, exit statuses 0/1) plus
 * directories, `--exclude` and ShellCheck control. Usage errors exit 2 (Hadolint uses 1 for those).
 */
import { writeFileSync } from 'node:fs';
import { preferBaselineWasmCompiler } from '../shell/wasm-tuning.js';
import { tuneForBatch } from './batch-tuning.js';
import type { Finding } from '../core/finding.js';
import type { FailureThreshold, Severity } from '../core/severity.js';
import { failsThreshold } from '../core/severity.js';
import { RULE_PROFILES, type LabelType } from '../lint/config.js';
import {
  ConfigFileError,
  FAILURE_THRESHOLDS,
  isLintFormat,
  LINT_FORMATS,
  loadLintConfig,
  parseLabelRequirement,
  type PartialLintConfig,
} from '../lint/config-file.js';
import type { ReportFormatter } from '../reporters/types.js';
import { EXIT_FINDINGS, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, UsageError } from './errors.js';
import { readVersion } from './version.js';
import { stdoutIsTerminal, writeStdout } from './stdout.js';

export const summary = 'Lint Dockerfiles (a drop-in for hadolint)';

export const help = `Usage: docksec lint [options] PATH...

Lint Dockerfiles for errors, security and best practices. Accepts hadolint's options and
configuration (.hadolint.yaml); exit status 1 when a finding is at or above the failure threshold.

PATH is a Dockerfile, '-' for standard input, or a directory searched recursively for
Dockerfile, Containerfile, *.Dockerfile, Dockerfile.* ... (honouring .gitignore).

Options:
  -f, --format FORMAT          output format, repeatable: ${LINT_FORMATS.join(', ')} (default tty)
  -o, --output FILE            write the output of the matching --format to FILE (repeatable, paired by position)
  -c, --config FILE            configuration file (default: search .docksec.yaml, .hadolint.yaml, ...)
  -t, --failure-threshold LEVEL
                               fail on findings at or above LEVEL: error, warning, info (default), style, ignore, none
      --no-fail                always exit 0 when linting succeeded
      --ignore CODE            ignore a rule (repeatable)
      --error CODE             report a rule as error (repeatable); likewise --warning, --info, --style
      --trusted-registry REG   allow FROM images from this registry only (enables DL3026; repeatable)
      --require-label LABEL:TYPE
                               require a label (text, url, spdx, hash, rfc3339, semver, email; repeatable)
      --strict-labels          forbid labels not listed with --require-label / label-schema
      --disable-ignore-pragma  do not honour '# hadolint ignore=' and similar comments
      --file-path-in-report P  show P as the file name in the report
      --no-color               plain output (also NO_COLOR)
      --exclude GLOB           skip files and directories matching GLOB while walking directories (repeatable)
      --profile NAME           also run docksec's opt-in rules: cis (CIS Docker Benchmark section 4:
                               DSC4001 non-root USER, DSC4006 HEALTHCHECK, ...), all; repeatable
      --shellcheck PATH        the shellcheck executable to use (default: found on PATH)
      --no-shellcheck          do not run shellcheck on RUN scripts
  -V, --verbose                print which configuration is used to stderr
  -v, --version                print the version
  -h, --help                   print this help

Exit status: 0 clean (or --no-fail, or a codeclimate/codacy format), 1 findings at or above the
threshold or a syntax error, 2 usage or input error, 3 internal error.`;

interface LintArgs {
  paths: string[];
  cli: PartialLintConfig;
  formats: string[];
  outputs: string[];
  configPath?: string;
  exclude: string[];
  filePathInReport?: string;
  shellcheck?: boolean | string;
  help: boolean;
  version: boolean;
}

const VALUE_OPTIONS: Record<string, string> = {
  '-f': 'format',
  '--format': 'format',
  '-o': 'output',
  '--output': 'output',
  '-c': 'config',
  '--config': 'config',
  '-t': 'failure-threshold',
  '--failure-threshold': 'failure-threshold',
  '--failure-theshold': 'failure-threshold', // the misspelling older hadolint releases accepted
  '--ignore': 'ignore',
  '--error': 'error',
  '--warning': 'warning',
  '--info': 'info',
  '--style': 'style',
  '--trusted-registry': 'trusted-registry',
  '--require-label': 'require-label',
  '--file-path-in-report': 'file-path-in-report',
  '--exclude': 'exclude',
  '--shellcheck': 'shellcheck',
  '--profile': 'profile',
};

const SWITCHES: Record<string, string> = {
  '--no-fail': 'no-fail',
  '--no-color': 'no-color',
  '--strict-labels': 'strict-labels',
  '--disable-ignore-pragma': 'disable-ignore-pragma',
  '-V': 'verbose',
  '--verbose': 'verbose',
  '-v': 'version',
  '--version': 'version',
  '-h': 'help',
  '--help': 'help',
  '--no-shellcheck': 'no-shellcheck',
};

export function parseLintArgs(argv: readonly string[]): LintArgs {
  const args: LintArgs = { paths: [], cli: {}, formats: [], outputs: [], exclude: [], help: false, version: false };
  const cli = args.cli;
  const push = (key: 'ignored' | 'trustedRegistries', value: string): void => {
    cli[key] = [...(cli[key] ?? []), value];
  };
  const labels: Record<string, LabelType> = {};
  let onlyPaths = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (onlyPaths || arg === '-' || !arg.startsWith('-')) {
      args.paths.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPaths = true;
      continue;
    }
    let name = arg;
    let inlineValue: string | undefined;
    if (arg.startsWith('--') && arg.includes('=')) {
      name = arg.slice(0, arg.indexOf('='));
      inlineValue = arg.slice(arg.indexOf('=') + 1);
    } else if (!arg.startsWith('--') && arg.length > 2 && VALUE_OPTIONS[arg.slice(0, 2)]) {
      name = arg.slice(0, 2); // `-fjson`
      inlineValue = arg.slice(2);
    }
    const switchName = SWITCHES[name];
    if (switchName && inlineValue === undefined) {
      switch (switchName) {
        case 'no-fail': cli.noFail = true; break;
        case 'no-color': cli.noColor = true; break;
        case 'strict-labels': cli.strictLabels = true; break;
        case 'disable-ignore-pragma': cli.disableIgnorePragma = true; break;
        case 'verbose': cli.verbose = true; break;
        case 'version': args.version = true; break;
        case 'help': args.help = true; break;
        case 'no-shellcheck': args.shellcheck = false; break;
      }
      continue;
    }
    const option = VALUE_OPTIONS[name];
    if (!option) throw new UsageError(`unknown option ${name} (see 'docksec lint --help')`);
    let value = inlineValue;
    if (value === undefined) {
      if (i + 1 >= argv.length) throw new UsageError(`option ${name} needs a value`);
      value = argv[++i]!;
    }
    switch (option) {
      case 'format':
        if (!isLintFormat(value)) throw new UsageError(`unknown format '${value}'; use one of ${LINT_FORMATS.join(', ')}`);
        args.formats.push(value);
        break;
      case 'output': args.outputs.push(value); break;
      case 'config': args.configPath = value; break;
      case 'failure-threshold':
        if (!(FAILURE_THRESHOLDS as readonly string[]).includes(value)) {
          throw new UsageError(`invalid failure threshold '${value}'; use one of ${FAILURE_THRESHOLDS.join(', ')}`);
        }
        cli.failureThreshold = value as FailureThreshold;
        break;
      case 'ignore': push('ignored', value); break;
      case 'profile':
        for (const profile of value.split(',')) {
          if (!(RULE_PROFILES as readonly string[]).includes(profile)) {
            throw new UsageError(`unknown profile '${profile}'; use one of ${RULE_PROFILES.join(', ')}`);
          }
          cli.profiles = [...(cli.profiles ?? []), profile];
        }
        break;
      case 'error':
      case 'warning':
      case 'info':
      case 'style': {
        const severity = option as Severity;
        cli.override = { ...cli.override, [severity]: [...(cli.override?.[severity] ?? []), value] };
        break;
      }
      case 'trusted-registry': push('trustedRegistries', value); break;
      case 'require-label': {
        const parsed = parseLabelRequirement(value);
        if (!parsed) throw new UsageError(`invalid --require-label '${value}'; use LABEL:TYPE with TYPE one of text, url, spdx, hash, rfc3339, semver, email`);
        labels[parsed[0]] = parsed[1];
        cli.labelSchema = { ...labels };
        break;
      }
      case 'file-path-in-report': args.filePathInReport = value; break;
      case 'exclude': args.exclude.push(value); break;
      case 'shellcheck': args.shellcheck = value; break;
    }
  }
  if (args.formats.length > 0) cli.formats = [...args.formats];
  if (args.shellcheck !== undefined) cli.shellcheck = args.shellcheck;
  return args;
}

/** Exit status for a finished run, per Hadolint's rules (plus 2/3 for input and internal errors). */
export function exitStatus(
  findings: readonly Finding[],
  options: { formats: readonly string[]; noFail: boolean; threshold: FailureThreshold; inputErrors: number; internalErrors: number },
): number {
  if (options.internalErrors > 0) return EXIT_INTERNAL;
  if (options.inputErrors > 0) return EXIT_USAGE;
  if (options.noFail) return EXIT_OK;
  if (options.formats.some((f) => f === 'codeclimate' || f === 'codacy')) return EXIT_OK;
  return findings.some((f) => failsThreshold(f.severity, options.threshold)) ? EXIT_FINDINGS : EXIT_OK;
}

export async function run(argv: readonly string[]): Promise<number> {
  const args = parseLintArgs(argv);
  if (args.help) {
    writeStdout(`${help}\n`);
    return EXIT_OK;
  }
  if (args.version) {
    writeStdout(`docksec ${readVersion()}\n`);
    return EXIT_OK;
  }
  if (args.paths.length === 0) {
    process.stderr.write(`docksec: no Dockerfile given\n\n${help}\n`);
    return EXIT_USAGE;
  }
  // Baseline WASM compiler for the bash grammar, if a script ever needs it (see shell/wasm-tuning.ts).
  preferBaselineWasmCompiler();

  let loaded;
  try {
    loaded = await loadLintConfig({
      cwd: process.cwd(),
      env: process.env,
      cli: args.cli,
      ...(args.configPath !== undefined ? { configPath: args.configPath } : {}),
    });
  } catch (error) {
    if (error instanceof ConfigFileError) throw new UsageError(error.message);
    throw error;
  }
  for (const warning of loaded.warnings) process.stderr.write(`docksec: ${warning}\n`);
  const config = loaded.config;
  // Formats given on the command line replace those from the file/environment, so `-f X -o F` pairs as written.
  if (args.formats.length > 0) config.formats = [...args.formats];
  if (config.verbose) {
    process.stderr.write(loaded.file ? `Configuration file used: ${loaded.file}\n` : 'No configuration file found; using defaults\n');
  }

  const { expandPaths } = await import('../lint/files.js');
  const expanded = await expandPaths(args.paths, { exclude: args.exclude });
  if (expanded.errors.length > 0) {
    const first = expanded.errors[0]!;
    throw new UsageError(`${first.file}: ${first.message}`);
  }

  const [{ lintFilesParallel }, { allRules }] = await Promise.all([
    import('../lint/parallel.js'),
    import('../rules/dockerfile/index.js'),
    tuneForBatch(expanded.files.length),
  ]);
  const shellcheck = await shellCheckRunner(config.shellcheck);
  const formats = config.formats.length > 0 ? config.formats : ['tty'];
  // Large inputs are spread over worker threads (same output, same order); see lint/parallel.ts.
  const result = await lintFilesParallel(expanded.files, config, {
    shellcheck,
    keepSources: formats.includes('sarif'),
  });
  for (const e of [...result.errors, ...result.internalErrors]) process.stderr.write(`docksec: ${e.file}: ${e.message}\n`);

  const report = {
    tool: { name: 'docksec', version: readVersion() },
    files: result.files,
    findings: result.findings,
    errors: result.errors,
  };
  const rules = new Map(allRules.map((r) => [r.meta.id, r.meta]));
  for (let i = 0; i < Math.max(formats.length, args.outputs.length); i++) {
    const format = formats[i] ?? 'tty';
    const output = args.outputs[i];
    if (!isLintFormat(format)) throw new UsageError(`unknown format '${format}'`);
    // Only the reporters in use are loaded (start-up time).
    const { format: formatter } = (await import(`../reporters/${format}.js`)) as { format: ReportFormatter };
    const color = output === undefined && !config.noColor && stdoutIsTerminal();
    const text = formatter(report, {
      color,
      cwd: process.cwd(),
      rules,
      sources: result.sources,
      ...(args.filePathInReport !== undefined ? { filePathInReport: args.filePathInReport } : {}),
    });
    if (output === undefined) writeStdout(text);
    else {
      try {
        writeFileSync(output, text);
      } catch (error) {
        throw new UsageError(`cannot write ${output}: ${(error as Error).message}`);
      }
    }
  }

  return exitStatus(result.findings, {
    formats,
    noFail: config.noFail,
    threshold: config.failureThreshold,
    inputErrors: result.errors.length,
    internalErrors: result.internalErrors.length,
  });
}

/** A ShellCheck runner, or null when disabled or unavailable (then one notice on stderr, on first use). */
async function shellCheckRunner(setting: boolean | string) {
  if (setting === false) return null;
  const { locateShellCheck, createProcessRunner } = await import('../lint/shellcheck-process.js');
  const executable = locateShellCheck(setting);
  const notice = (message: string): void => {
    process.stderr.write(`${message}\n`);
  };
  if (executable === null) {
    if (typeof setting === 'string') throw new UsageError(`--shellcheck ${setting}: not an executable file`);
    let told = false;
    return {
      async check(scripts: readonly unknown[]) {
        if (!told) {
          told = true;
          notice('docksec: shellcheck is not installed (not on PATH); RUN scripts were not checked with it. Install shellcheck, or pass --no-shellcheck to silence this.');
        }
        return scripts.map(() => []);
      },
    };
  }
  return createProcessRunner(executable, { onNotice: notice });
}
