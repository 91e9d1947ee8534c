import type { Span } from '../../core/finding.js';
import type { CopyInstruction } from '../../dockerfile/ast.js';
import type { ShellCommand } from '../../shell/types.js';
import type { DockerfileRule, Stage } from './types.js';
import { baseName, flagValue, isArchiveName, isFlagWord, operands } from './util/rules-a.js';
import { runsAnyCommand, runsCommand } from './util/command-names.js';

interface CopiedArchive {
  copy: CopyInstruction;
  name: string;
  span: Span;
}

const DECOMPRESSOR_NAMES = ['unzip', 'gunzip', 'bunzip2', 'unlzma', 'unxz', 'zgz', 'uncompress', 'zcat', 'gzcat'];
const DECOMPRESSORS = new Set(DECOMPRESSOR_NAMES);

/** `tar -xf`, `tar --extract`, `tar --get`, and the old dash-less style `tar xzf`. */
function isTarExtract(command: ShellCommand): boolean {
  if (command.name !== 'tar') return false;
  const first = command.args[0];
  if (first !== undefined && /^[A-Za-z]*x[A-Za-z]*$/.test(first) && !first.startsWith('-')) return true;
  return command.args.some(
    (arg) => arg === '--extract' || arg === '--get' || (isFlagWord(arg) && !arg.startsWith('--') && arg.includes('x')),
  );
}

/** Archives a COPY brings in: its target name when that is an archive, else each archive source. */
function archivesOf(copy: CopyInstruction): CopiedArchive[] {
  if (isArchiveName(copy.dest)) return [{ copy, name: baseName(copy.dest), span: copy.destSpan }];
  const seen = new Set<string>();
  const result: CopiedArchive[] = [];
  copy.sources.forEach((source, index) => {
    const name = baseName(source);
    if (!isArchiveName(name) || seen.has(name)) return;
    seen.add(name);
    result.push({ copy, name, span: copy.sourceSpans[index] ?? copy.argsSpan });
  });
  return result;
}

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3010',
    severity: 'info',
    title: 'Use ADD to unpack a local archive',
    rationale:
      'Copying a tar archive and extracting it in a later RUN stores the archive in one layer and its contents in ' +
      'another, so the image carries the data twice. ADD unpacks a local tar archive in a single layer.',
    remediation: 'Replace `COPY app.tar.gz /tmp/` + `RUN tar -xzf /tmp/app.tar.gz` with `ADD app.tar.gz /opt/app/`.',
    docsAnchor: 'dl3010',
    tags: ['hadolint', 'image-size'],
    examples: {
      bad: [
        { code: 'FROM debian:12\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt\n' },
        {
          code: 'FROM debian:12 AS build\nCOPY src.tgz /src/\nRUN tar xzf /src/src.tgz\nFROM debian:12\n',
          note: 'Every stage is checked, and the old `tar xzf` option style is recognised.',
        },
      ],
      good: [
        { code: 'FROM debian:12\nADD app.tar.gz /opt/\n' },
        { code: 'FROM debian:12\nCOPY app.tar.gz /srv/downloads/\n', note: 'Archives that are only shipped are fine.' },
      ],
    },
  },
  check(model, context) {
    if (model.entriesOf('COPY').length === 0) return; // findings are about copied archives
    // ... that a RUN extracts: without tar or a decompressor in any RUN there is nothing to find.
    if (!runsCommand(model, 'tar') && !runsAnyCommand(model, DECOMPRESSOR_NAMES)) return;
    const copied = new Map<Stage | null, CopiedArchive[]>();
    const found: CopiedArchive[] = [];
    for (let entryIndex = 0; entryIndex < model.entries.length; entryIndex++) {
      const entry = model.entries[entryIndex]!;
      const instruction = entry.instruction;
      if (entry.onbuild) continue;
      if (instruction.keyword === 'COPY') {
        if (flagValue(instruction, 'from') !== undefined) continue;
        const list = copied.get(entry.stage) ?? [];
        list.push(...archivesOf(instruction));
        copied.set(entry.stage, list);
        continue;
      }
      if (instruction.keyword !== 'RUN') continue;
      const pending = copied.get(entry.stage);
      if (pending === undefined || pending.length === 0) continue;
      const extractors = (model.shell(instruction)?.commands ?? []).filter(
        (command) => isTarExtract(command) || DECOMPRESSORS.has(command.name),
      );
      if (extractors.length === 0) continue;
      const extractedNames = new Set(extractors.flatMap((command) => operands(command).map((w) => baseName(w.value))));
      const remaining: CopiedArchive[] = [];
      for (const archive of pending) {
        if (extractedNames.has(archive.name)) found.push(archive);
        else remaining.push(archive);
      }
      copied.set(entry.stage, remaining);
    }
    found.sort((a, b) => a.copy.span.start.line - b.copy.span.start.line);
    for (const archive of found) {
      context.report(
        archive.copy,
        `'${archive.name}' is copied and then extracted in a later RUN; ADD can unpack it in one layer`,
        archive.span,
      );
    }
  },
};
