import type { CopyInstruction } from '../../dockerfile/ast.js';
import type { DockerfileRule } from './types.js';

const URL_SOURCE = /^[a-z][a-z0-9+.-]*:\/\//i;
/** Tar archives (optionally compressed) that ADD unpacks: the one job COPY cannot do. */
const ARCHIVE = /\.(tar|tar\.(gz|bz2|xz|zst|lz|lzma|z)|tgz|tbz2?|txz|tzst|tlz)$/i;

/** Git sources: `git@host:repo`, `git://`, `ssh://...`, or URLs naming a `.git` repository (with `#ref`). */
function isGitSource(source: string): boolean {
  return /^git@/.test(source) || /^(git|ssh|git\+https?):\/\//i.test(source) || /\.git(#.*)?$/i.test(source) || /\.git\/?#/.test(source);
}

export const rule: DockerfileRule = {
  meta: {
    id: 'DSC4009',
    severity: 'warning',
    profile: 'cis',
    title: 'Use COPY instead of ADD, and pin remote ADD sources with --checksum',
    rationale:
      'ADD silently unpacks local tar archives and fetches URLs, so what lands in the image depends on file ' +
      'contents and on a remote server rather than on what the line says. For plain local files COPY does the ' +
      'same job predictably (CIS Docker Benchmark 4.9). A URL fetched without `--checksum` is taken on trust: ' +
      'a compromised or changed server changes the image with no error.',
    remediation:
      'Use `COPY` for local files and directories. Keep `ADD` for unpacking a local tar archive, for git ' +
      'sources, and for URLs pinned with `ADD --checksum=sha256:<digest> <url> <dest>` (or download with ' +
      'curl and verify the hash in the same RUN).',
    docsAnchor: 'dsc4009',
    tags: ['docksec', 'cis-4.9', 'supply-chain', 'onbuild'],
    examples: {
      bad: [
        { code: 'FROM alpine:3.20\nADD app.conf /etc/app/app.conf\n' },
        { code: 'FROM alpine:3.20\nADD https://example.com/tool-1.2.3.tar.gz /opt/\n', note: 'A remote download without `--checksum`.' },
        { code: 'FROM alpine:3.20\nONBUILD ADD . /src\n' },
      ],
      good: [
        { code: 'FROM alpine:3.20\nCOPY app.conf /etc/app/app.conf\n' },
        { code: 'FROM alpine:3.20\nADD rootfs.tar.gz /\n', note: 'Unpacking a local archive is what ADD is for.' },
        {
          code:
            'FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tar.gz /opt/\nADD https://github.com/moby/buildkit.git#v0.14.1 /src\n',
          note: 'Pinned download; git sources are resolved by BuildKit.',
        },
      ],
    },
  },
  check(model, context) {
    for (const entry of model.entries) {
      const instruction = entry.instruction;
      if (instruction.keyword !== 'ADD') continue;
      const add: CopyInstruction = instruction;
      const anchor = entry.wrapper ?? add;
      const hasChecksum = add.flags.some((f) => f.name === 'checksum' && f.value !== null && f.value !== '');
      const keepGit = add.flags.some((f) => f.name === 'keep-git-dir');
      const local: number[] = [];
      add.sources.forEach((source, i) => {
        // Variables, heredoc bodies and git sources cannot be judged or are legitimate ADD uses.
        if (source.includes('$') || source.startsWith('<<') || keepGit || isGitSource(source)) return;
        if (URL_SOURCE.test(source)) {
          if (!hasChecksum)
            context.report(
              anchor,
              `ADD downloads ${source} without --checksum, so the content is not verified; pin it with --checksum=sha256:...`,
              add.sourceSpans[i],
            );
          return;
        }
        if (!ARCHIVE.test(source)) local.push(i);
      });
      if (local.length === 0) continue;
      const names = local.map((i) => add.sources[i]!).join(', ');
      const first = add.sourceSpans[local[0]!];
      const last = add.sourceSpans[local[local.length - 1]!];
      context.report(
        anchor,
        `ADD of local ${local.length === 1 ? 'path' : 'paths'} ${names} does nothing COPY cannot; use COPY`,
        first && last ? { start: first.start, end: last.end } : add.argsSpan,
      );
    }
  },
};
