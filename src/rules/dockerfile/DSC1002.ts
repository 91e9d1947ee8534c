import type { Instruction } from '../../dockerfile/ast.js';
import type { DockerfileRule } from './types.js';

/**
 * Flags BuildKit's Dockerfile frontend accepts per instruction (stable and labs syntax). Instructions not
 * listed take no flags at all.
 */
export const KNOWN_FLAGS: Readonly<Record<string, readonly string[]>> = {
  FROM: ['platform'],
  RUN: ['mount', 'network', 'security', 'device'],
  COPY: ['from', 'chown', 'chmod', 'link', 'parents', 'exclude'],
  ADD: ['chown', 'chmod', 'link', 'keep-git-dir', 'checksum', 'exclude', 'unpack'],
  HEALTHCHECK: ['interval', 'timeout', 'start-period', 'start-interval', 'retries'],
};

export const rule: DockerfileRule = {
  meta: {
    id: 'DSC1002',
    severity: 'warning',
    title: 'Use only flags BuildKit knows for the instruction',
    rationale:
      'BuildKit stops the build at a flag it does not know (a typo such as `--chmown`, or a flag of another ' +
      'instruction such as `RUN --from`). Hadolint either rejects the whole file or silently treats the flag as ' +
      'part of the command; docksec keeps linting and points at the flag.',
    remediation: 'Fix the spelling, or remove the flag. Flags are lower-case: `--chown`, not `--CHOWN`.',
    docsAnchor: 'dsc1002',
    tags: ['docksec', 'buildkit'],
    examples: {
      bad: [
        { code: 'FROM alpine:3.20\nCOPY --chmown=app:app . /app\n' },
        { code: 'FROM alpine:3.20\nRUN --from=builder echo hi\n' },
        { code: 'FROM alpine:3.20\nONBUILD COPY --bogus=1 . /app\n', note: 'ONBUILD payloads are checked too.' },
      ],
      good: [
        { code: 'FROM alpine:3.20\nCOPY --chown=app:app --chmod=644 . /app\n' },
        { code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/root/.cache --network=none echo hi\n' },
        { code: 'FROM alpine:3.20\nHEALTHCHECK --interval=30s --start-interval=2s CMD true\n' },
      ],
    },
  },
  check(model, context) {
    const checkFlags = (instruction: Instruction, anchor: Instruction): void => {
      if (instruction.flags.length === 0) return;
      const known = KNOWN_FLAGS[instruction.keyword] ?? [];
      for (const flag of instruction.flags) {
        if (known.includes(flag.name)) continue;
        const accepted = known.length > 0 ? `it accepts ${known.map((k) => `--${k}`).join(', ')}` : 'it takes no flags';
        context.report(anchor, `${instruction.keyword} does not know the flag --${flag.name}; ${accepted}`, flag.span);
      }
    };
    for (let entryIndex = 0; entryIndex < model.entries.length; entryIndex++) {
      const entry = model.entries[entryIndex]!;
      if (entry.instruction.flags.length === 0) continue; // most instructions
      if (entry.onbuild) checkFlags(entry.instruction, entry.wrapper ?? entry.instruction);
      else if (entry.instruction.keyword !== 'ONBUILD') checkFlags(entry.instruction, entry.instruction);
    }
  },
};
