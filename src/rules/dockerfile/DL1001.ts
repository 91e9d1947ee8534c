import { parsePragma } from '../../lint/pragmas.js';
import type { DockerfileRule } from './types.js';

export const rule: DockerfileRule = {
  meta: {
    id: 'DL1001',
    severity: 'ignore',
    title: 'Avoid inline ignore pragmas',
    rationale:
      'An inline `# hadolint ignore=` comment silences a check for one instruction, and such exceptions tend to ' +
      'accumulate unnoticed. Teams that want every exception to live in the shared configuration can enable this ' +
      'rule to list them.',
    remediation:
      'Fix the finding the pragma hides, or move the exception into the configuration file (`ignored` or ' +
      '`override`) where it is reviewed once for the whole project.',
    docsAnchor: 'dl1001',
    tags: ['hadolint', 'pragma'],
    examples: {
      bad: [
        {
          code: 'FROM debian:12\n# hadolint ignore=DL3008\nRUN apt-get update && apt-get install -y curl\n',
          config: { override: { info: ['DL1001'] } },
          note: 'The rule is off by default; enable it with a severity override.',
        },
      ],
      good: [
        {
          code: 'FROM debian:12\n# hadolint global ignore=DL3008\nRUN apt-get update && apt-get install -y curl\n',
          config: { override: { info: ['DL1001'] } },
          note: 'Global and stage pragmas are not inline exceptions.',
        },
      ],
    },
  },
  check(model, context) {
    const comments = model.dockerfile.comments;
    for (let i = 0; i < comments.length; i++) {
      const comment = comments[i]!;
      if (comment.directive) continue;
      // Every pragma form names its tool; skip the pragma regexes for prose comments.
      if (comment.text.indexOf('hadolint') < 0 && comment.text.indexOf('docksec') < 0) continue;
      // Same syntax as the linter's pragma reader: an invalid pragma is silently not a pragma.
      const pragma = parsePragma(comment.text);
      if (pragma === null || pragma.kind !== 'ignore') continue;
      const codes = pragma.codes;
      context.report(
        comment,
        `Inline pragma silences ${codes.join(', ')} for the next instruction; prefer fixing it or configuring the exception centrally`,
        comment.span,
      );
    }
  },
};
