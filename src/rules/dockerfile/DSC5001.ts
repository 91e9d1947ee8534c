import type { DockerfileRule } from './types.js';
import { findOption, runCommandsNamed } from './util/dsc.js';

export const rule: DockerfileRule = {
  meta: {
    id: 'DSC5001',
    severity: 'warning',
    title: 'Do not turn off TLS verification in curl',
    rationale:
      '`curl -k`/`--insecure` accepts any certificate, so anyone on the network path (a proxy, a hijacked ' +
      'DNS entry, a rogue mirror) can substitute what the build downloads and runs.',
    remediation:
      'Drop `-k`. If the server uses a private CA, install that CA into the image first or pass it with ' +
      '`--cacert /path/ca.pem`; verify downloads with a checksum or signature as well.',
    docsAnchor: 'dsc5001',
    tags: ['docksec', 'supply-chain', 'onbuild'],
    examples: {
      bad: [
        { code: 'FROM alpine:3.20\nRUN curl -fsSLk https://example.com/install.sh -o /tmp/install.sh\n' },
        { code: 'FROM debian:12\nRUN sudo /usr/bin/curl --insecure -o /tmp/x https://example.com/x\n' },
      ],
      good: [
        { code: 'FROM alpine:3.20\nRUN curl -fsSL --cacert /etc/ssl/private-ca.pem https://example.com/x -o /tmp/x\n' },
        { code: 'FROM alpine:3.20\nRUN curl -K /etc/curlrc https://example.com/x\n', note: '`-K` (capital) reads a config file.' },
      ],
    },
  },
  check(model, context) {
    const named = runCommandsNamed(model, 'curl');
    for (let n = 0; n < named.length; n++) {
      const { run, cmd } = named[n]!;
      const word = findOption(cmd, ['insecure', 'proxy-insecure', 'doh-insecure'], 'k');
      if (word === undefined) continue;
      context.report(run.anchor, `curl ${word.value} disables TLS certificate verification for the download`, word.span);
    }
  },
};
