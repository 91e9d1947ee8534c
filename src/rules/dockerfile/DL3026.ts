import type { ImageRef } from '../../dockerfile/ast.js';
import type { DockerfileRule, Stage } from './types.js';
import { parseImageRef } from '../../dockerfile/substitution.js';
import { flagValue, isOpaque, stagesUpTo } from './util/rules-a.js';

/** `*` allows all, `*.example.com` is a suffix, `registry.*` a prefix, anything else an exact host. */
function registryMatches(registry: string, pattern: string): boolean {
  const host = registry.toLowerCase();
  const want = pattern.toLowerCase();
  if (want === '*') return true;
  if (want.startsWith('*')) return host.endsWith(want.slice(1));
  if (want.endsWith('*')) return host.startsWith(want.slice(0, -1));
  return host === want;
}

type Verdict = { allowed: true } | { allowed: false; registry: string };

function judge(image: ImageRef, aliases: Stage[], trusted: string[]): Verdict {
  if (image.registry === undefined && aliases.some((s) => s.alias?.toLowerCase() === image.name.toLowerCase())) {
    return { allowed: true };
  }
  // An unresolved variable may name any registry: not judged.
  if (isOpaque(image.name) || isOpaque(image.registry ?? '')) return { allowed: true };
  const allows = (registry: string): boolean => trusted.some((pattern) => registryMatches(registry, pattern));
  if (image.registry !== undefined) {
    return allows(image.registry) ? { allowed: true } : { allowed: false, registry: image.registry };
  }
  if (image.name === 'scratch' || allows('docker.io') || allows('hub.docker.com')) return { allowed: true };
  return { allowed: false, registry: 'docker.io' };
}

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3026',
    severity: 'error',
    title: 'Use images only from trusted registries',
    rationale:
      'Base images and copied-from images run with full trust in the build. Restricting them to approved ' +
      'registries keeps unreviewed or typo-squatted images out of the supply chain.',
    remediation:
      'Pull the image through an approved registry (mirror it if needed), or add the registry to ' +
      '`trustedRegistries` after review. Only active when `trustedRegistries` is configured.',
    docsAnchor: 'dl3026',
    tags: ['hadolint', 'supply-chain', 'config'],
    examples: {
      bad: [
        { code: 'FROM quay.io/org/tool:1.0\n', config: { trustedRegistries: ['registry.example.com'] } },
        {
          code: 'FROM registry.example.com/base:1\nCOPY --from=ghcr.io/org/bin:2 /bin/tool /usr/local/bin/\n',
          config: { trustedRegistries: ['registry.example.com'] },
        },
      ],
      good: [
        {
          code: 'FROM registry.example.com/base:1 AS build\nFROM build\nCOPY --from=build /a /a\n',
          config: { trustedRegistries: ['*.example.com'] },
        },
        { code: 'FROM debian:12\n', config: { trustedRegistries: ['docker.io'] } },
      ],
    },
  },
  check(model, context) {
    const trusted = model.config.trustedRegistries;
    if (trusted.length === 0) return;
    for (const entry of model.entries) {
      const instruction = entry.instruction;
      if (entry.onbuild) continue;
      const known = stagesUpTo(model.stages, entry.stage, true);
      if (instruction.keyword === 'FROM') {
        const stage = model.stages.find((s) => s.from === instruction);
        if (stage === undefined) continue;
        const verdict = judge(stage.resolvedImage, stagesUpTo(model.stages, stage, false), trusted);
        if (verdict.allowed) continue;
        context.report(
          instruction,
          `Base image '${stage.resolvedImage.raw}' comes from '${verdict.registry}', which is not a trusted registry`,
          instruction.argsSpan,
        );
      } else if (instruction.keyword === 'COPY') {
        const from = flagValue(instruction, 'from');
        if (from === undefined) continue;
        // A stage number is not an image (Hadolint would treat `--from=0` as a Docker Hub image).
        if (/^[0-9]+$/.test(from.value) && Number(from.value) < known.length) continue;
        const verdict = judge(parseImageRef(from.value), known, trusted);
        if (verdict.allowed) continue;
        context.report(
          instruction,
          `COPY --from='${from.value}' pulls from '${verdict.registry}', which is not a trusted registry`,
          from.span,
        );
      } else if (instruction.keyword === 'RUN') {
        for (const mount of model.mounts(instruction)) {
          if ((mount.type !== 'cache' && mount.type !== 'bind') || mount.from === undefined) continue;
          if (/^[0-9]+$/.test(mount.from) && Number(mount.from) < known.length) continue;
          const verdict = judge(parseImageRef(mount.from), known, trusted);
          if (verdict.allowed) continue;
          const flag = instruction.flags.find((f) => f.name === 'mount' && (f.value ?? '').includes(mount.from ?? ''));
          context.report(
            instruction,
            `RUN --mount from='${mount.from}' pulls from '${verdict.registry}', which is not a trusted registry`,
            flag?.span ?? instruction.argsSpan,
          );
        }
      }
    }
  },
};
