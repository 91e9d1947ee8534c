import type { DockerfileRule } from './types.js';

const MAX_PORT = 65535;

/** Port numbers of one EXPOSE word (`80`, `80/tcp`, `8000-8100/udp`); variable parts are not judged. */
function numericPorts(word: string): number[] {
  const ports = word.split('/')[0] ?? '';
  return ports
    .split('-')
    .filter((part) => /^[0-9]+$/.test(part))
    .map((part) => Number(part));
}

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3011',
    severity: 'error',
    title: 'Expose only valid port numbers',
    rationale: 'TCP and UDP ports range from 0 to 65535; a larger number in EXPOSE is a typo and the build fails.',
    remediation: 'Correct the port number (and both ends of a range) to at most 65535.',
    docsAnchor: 'dl3011',
    tags: ['hadolint'],
    examples: {
      bad: [{ code: 'FROM nginx:1.27\nEXPOSE 80 80800\n' }, { code: 'FROM nginx:1.27\nEXPOSE 8000-70000/tcp\n' }],
      good: [{ code: 'FROM nginx:1.27\nEXPOSE 80 443/tcp 8000-8100/udp ${PORT}\n' }],
    },
  },
  check(model, context) {
    const entryList = model.entriesOf('EXPOSE');
    for (let entryIndex = 0; entryIndex < entryList.length; entryIndex++) {
      const entry = entryList[entryIndex]!;
      const instruction = entry.instruction;
      if (entry.onbuild) continue;
      const bad = instruction.args
        .map((word, index) => ({ word, index }))
        .filter(({ word }) => numericPorts(word).some((port) => port > MAX_PORT));
      if (bad.length === 0) continue;
      const words = bad.map(({ word }) => `'${word}'`).join(', ');
      context.report(
        instruction,
        `EXPOSE ${words}: port numbers must be between 0 and ${MAX_PORT}`,
        instruction.argSpans[bad[0]!.index] ?? instruction.argsSpan,
      );
    }
  },
};
