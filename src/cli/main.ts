#!/usr/bin/env node
/**
 * The `docksec` entry point. Subcommands are imported lazily so that `docksec lint` does not pay for
 * loading the bench code (start-up time matters for one-file runs from editors and hooks).
 */
import { EXIT_OK, EXIT_USAGE, reportError, UsageError } from './errors.js';
import { readVersion } from './version.js';
import { writeStdout } from './stdout.js';

export interface CommandModule {
  summary: string;
  help: string;
  run(argv: readonly string[]): Promise<number>;
}

/** Subcommands: name -> loader. Other commands (bench, image, compose, run) register here. */
export const COMMANDS: Record<string, { summary: string; load: () => Promise<CommandModule> }> = {
  lint: { summary: 'Lint Dockerfiles (a drop-in for hadolint)', load: loadLintCommand },
  parse: { summary: 'Show how a Dockerfile is parsed', load: () => import('./parse-command.js') },
  bench: { summary: 'Audit a Docker host against the CIS Docker Benchmark', load: () => import('./bench-command.js') },
};

/**
 * The bundle (dist/bundle/docksec.mjs) runs `lint` from lint.cjs with its build-time V8 code cache (see
 * code-cache.ts); the tsc build, or a bundle without lint.cjs, imports the ES module.
 */
async function loadLintCommand(): Promise<CommandModule> {
  if (import.meta.url.endsWith('/docksec.mjs')) {
    const { loadBundledCommand } = await import('./code-cache.js');
    // Dynamic imports of the script resolve from here, the bundle directory, as the ES chunks' do.
    const command = loadBundledCommand<CommandModule>('lint', import.meta.url, (specifier) => import(specifier));
    if (command) return command;
  }
  return import('./lint-command.js');
}

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `Usage: docksec <command> [options]

Audit Docker security: Dockerfiles, hosts, images and compose files.

Commands:
${lines.join('\n')}

Run 'docksec <command> --help' for a command's options. 'docksec --version' prints the version.`;
}

export async function main(argv: readonly string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    process.stderr.write(`${usage()}\n`);
    return EXIT_USAGE;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    if (first === 'help' && rest[0] && COMMANDS[rest[0]]) {
      writeStdout(`${(await COMMANDS[rest[0]]!.load()).help}\n`);
    } else writeStdout(`${usage()}\n`);
    return EXIT_OK;
  }
  if (first === '--version' || first === '-v') {
    writeStdout(`docksec ${readVersion()}\n`);
    return EXIT_OK;
  }
  const command = COMMANDS[first];
  if (!command) {
    throw new UsageError(
      first.startsWith('-')
        ? `unknown option ${first}; give a command first (see 'docksec --help')`
        : `unknown command '${first}' (see 'docksec --help')`,
    );
  }
  return (await command.load()).run(rest);
}

/** Runs `main` as the program: the exit status, errors reported on stderr as one line. */
export function runMain(argv: readonly string[]): Promise<number> {
  return main(argv).catch(reportError);
}

// Run only as the program, not when imported (tests import `main`; the CommonJS launcher, see
// launcher.ts, imports this file and calls runMain itself).
const invokedAs = process.argv[1] ?? '';
const launched = (globalThis as Record<symbol, unknown>)[Symbol.for('docksec.launcher')] === true;
if (!launched && (/(?:^|[\\/])(main\.js|docksec(?:\.mjs)?)$/.test(invokedAs) || import.meta.url === `file://${invokedAs}`)) {
  runMain(process.argv.slice(2)).then((status) => {
    process.exitCode = status;
  });
}
