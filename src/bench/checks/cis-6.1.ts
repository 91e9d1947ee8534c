import type { BenchCheck } from '../check.js';
import { cisMeta, info } from './host-common.js';
import { auditedImages, NO_IMAGES } from './images-common.js';

export const check: BenchCheck = {
  meta: cisMeta({
    cisId: '6.1',
    slug: 'ops-image-sprawl',
    title: 'Ensure that image sprawl is avoided',
    level: 1,
    scoring: 'N',
    automated: false,
    rationale: 'Unused and dangling images waste space and keep old, vulnerable software one `docker run` away. An inventory shows what can be removed.',
    remediation: 'Remove images no container uses (`docker image prune -a` after review) and keep only the tags you deploy.',
    checkExamples: [
      { note: 'inventory', snapshot: {}, expect: 'INFO' },
      { note: 'no images', snapshot: NO_IMAGES, expect: 'NOT_APPLICABLE' },
      { note: 'images not listed', snapshot: { engine: { images: { ok: false, reason: 'timeout' } } }, expect: 'UNKNOWN' },
    ],
  }),
  evaluate(context) {
    const images = auditedImages(context);
    if (!Array.isArray(images)) return images;
    const containers = context.snapshot.engine.containers.ok ? (context.snapshot.engine.containers.value as Array<{ Image?: unknown }>) : undefined;
    const used = new Set((containers ?? []).map((c) => c.Image).filter((id): id is string => typeof id === 'string'));
    const inUse = images.filter((i) => i.Id !== undefined && used.has(i.Id)).length;
    const dangling = images.filter((i) => (i.RepoTags ?? []).every((t) => t === '<none>:<none>')).length;
    const usage = containers ? `${inUse} in use by containers, ${images.length - inUse} unused` : 'container usage unknown (containers not listed)';
    return info(`${images.length} image(s): ${usage}, ${dangling} dangling`, ['/engine/images', '/engine/containers#Image']);
  },
};
