import type { DockerfileRule } from './types.js';
import type { ShellCommand, ShellWord } from '../../shell/types.js';
import { anchorOf, cmdHasAnyArg, nonFlagWords, runEntries } from './util/rules-b.js';
import { runsCommand } from './util/command-names.js';

/** Local paths and `.go` files need no version; otherwise a module needs `@version` (not @latest/@none). */
function goTargetPinned(word: string): boolean {
  if (word === '.' || word.startsWith('/') || word.startsWith('.')) return true;
  // Deliberate deviation: `go run main.go` names a local file (docs/compatibility.md, DL3062).
  if (word.endsWith('.go')) return true;
  return word.includes('@') && !word.endsWith('@latest') && !word.endsWith('@none');
}

/**
 * The words to check: when the RUN has a `go run`, only each run's package word (what follows is
 * program arguments); otherwise every package of `go install` / `go get`.
 */
function goTargets(commands: readonly ShellCommand[]): ShellWord[] {
  const runs = commands.filter((c) => cmdHasAnyArg(c, 'go', ['run']));
  if (runs.length > 0) {
    return runs.flatMap((c) => nonFlagWords(c).filter((w, i) => i <= 1 && w.value !== 'run'));
  }
  return commands
    .filter((c) => cmdHasAnyArg(c, 'go', ['install', 'get']))
    .flatMap((c) => nonFlagWords(c).filter((w) => !['install', 'get', 'tool'].includes(w.value)));
}

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3062',
    severity: 'warning',
    title: 'Pin versions in go install, go get and go run',
    rationale:
      'Without a version, the go tool fetches the newest release of the module at build time, so the image changes whenever upstream publishes.',
    remediation: 'Append an explicit version: `go install golang.org/x/tools/gopls@v0.15.3` (not `@latest`).',
    docsAnchor: 'dl3062',
    tags: ['hadolint', 'onbuild', 'go', 'pinning'],
    examples: {
      bad: [
        { code: 'FROM golang:1.22\nRUN go install golang.org/x/tools/gopls@latest\n' },
        { code: 'FROM golang:1.22\nRUN go run github.com/magefile/mage build\n' },
      ],
      good: [
        { code: 'FROM golang:1.22\nRUN go install golang.org/x/tools/gopls@v0.15.3\n' },
        { code: 'FROM golang:1.22\nWORKDIR /src\nRUN go install ./cmd/server\n' },
      ],
    },
  },
  check(model, ctx) {
    // Nothing to check in a file whose RUNs never run the tool.
    if (!runsCommand(model, 'go')) return;
    for (const { entry, commands } of runEntries(model)) {
      // Words with an expansion may hold a version; they are not judged (docs/compatibility.md, DL3062).
      const bad = goTargets(commands).find((w) => !w.value.includes('$') && !goTargetPinned(w.value));
      if (!bad) continue;
      ctx.report(anchorOf(entry), `go module '${bad.value}' is not pinned to a version (use @vX.Y.Z)`, bad.span);
    }
  },
};
