import type { DockerfileRule } from './types.js';

const RESERVED_PREFIXES = ['com.docker.', 'io.docker.', 'org.dockerproject.'];

/** Why a label key breaks Docker's key guidelines, or null when it is fine. */
export function labelKeyProblem(key: string): string | null {
  if (!/^[a-z]/.test(key)) return 'must start with a lower-case letter';
  if (!/[a-z0-9]$/.test(key)) return 'must end with a lower-case letter or digit';
  if (/[^a-z0-9._/-]/.test(key)) return 'may only contain lower-case letters, digits, ".", "-", "_" and "/"';
  if (key.includes('..') || key.includes('--')) return 'must not contain ".." or "--"';
  const reserved = RESERVED_PREFIXES.find((p) => key.startsWith(p));
  if (reserved) return `uses the reserved namespace "${reserved}"`;
  return null;
}

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3048',
    severity: 'style',
    title: 'Use valid label keys',
    rationale:
      "Docker's label guidelines ask for lower-case, reverse-DNS style keys and reserve the com.docker.*, io.docker.* and org.dockerproject.* namespaces. Tools that read labels may ignore or misread other keys.",
    remediation: 'Rename the key, e.g. `org.opencontainers.image.version` instead of `Version`.',
    docsAnchor: 'dl3048',
    tags: ['hadolint'],
    examples: {
      bad: [
        { code: 'FROM debian:12\nLABEL Version="1.0"\n' },
        { code: 'FROM debian:12\nLABEL com.docker.thing="x"\n' },
      ],
      good: [{ code: 'FROM debian:12\nLABEL org.opencontainers.image.version="1.0"\n' }],
    },
  },
  check(model, ctx) {
    const entryList = model.entriesOf('LABEL');
    for (let entryIndex = 0; entryIndex < entryList.length; entryIndex++) {
      const entry = entryList[entryIndex]!;
      const instruction = entry.instruction;
      if (entry.onbuild) continue;
      for (const pair of instruction.pairs) {
        const problem = labelKeyProblem(pair.key);
        if (!problem) continue;
        ctx.report(instruction, `label key '${pair.key}' ${problem}`, pair.span);
        break; // one finding per LABEL, as Hadolint reports
      }
    }
  },
};
