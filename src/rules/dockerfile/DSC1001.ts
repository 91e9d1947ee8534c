import type { Comment } from '../../dockerfile/ast.js';
import type { DockerfileRule } from './types.js';

/** Anchor for a finding about the file as a whole, when there is no instruction to point at. */
const START_OF_FILE: Comment = {
  text: '',
  span: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
  directive: false,
};

export const rule: DockerfileRule = {
  meta: {
    id: 'DSC1001',
    severity: 'error',
    title: 'A Dockerfile needs at least one instruction',
    rationale:
      'A file with nothing but blanks and comments cannot be built: BuildKit rejects it. Usually the file was ' +
      'truncated, emptied by a bad merge, or the wrong path was given to the linter. Hadolint reports nothing ' +
      'for such a file; docksec flags it so that an empty input is not mistaken for a clean one.',
    remediation: 'Restore the instructions (at least a `FROM`), or stop linting the file.',
    docsAnchor: 'dsc1001',
    tags: ['docksec', 'meta'],
    examples: {
      bad: [{ code: '' }, { code: '# only a comment\n\n' }],
      good: [{ code: 'FROM alpine:3.20\n' }],
    },
  },
  check(model, context) {
    const df = model.dockerfile;
    // A file that failed to parse already has DL1000 findings; saying "empty" as well would mislead.
    if (df.instructions.length > 0 || df.errors.length > 0) return;
    context.report(START_OF_FILE, 'The Dockerfile has no instructions', START_OF_FILE.span);
  },
};
