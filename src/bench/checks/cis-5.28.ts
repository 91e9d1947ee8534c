import { evidenceFor } from '../../runtime/model.js';
import { containerCheck, containerExample, manual, section5Meta } from './per-container.js';

/** Describe how an image reference is pinned. */
export function describeImageReference(ref: string): string {
  if (ref === '' || ref.startsWith('sha256:')) return 'referenced by image id';
  if (ref.includes('@sha256:')) return 'pinned by digest';
  const lastSegment = ref.slice(ref.lastIndexOf('/') + 1);
  const tag = lastSegment.includes(':') ? lastSegment.slice(lastSegment.indexOf(':') + 1) : '';
  if (tag === '') return 'no tag (implicitly latest)';
  if (tag === 'latest') return 'tag latest';
  return `tag ${tag}`;
}

export const check = containerCheck(
  section5Meta({
    cisId: '5.28',
    slug: 'container-image-latest-version',
    title: 'Ensure that Docker commands always make use of the latest version of their image',
    scoring: 'N',
    rationale:
      'Containers keep running the image they were created from; a cached old image or a mutable `latest` tag can leave known vulnerabilities in place long after a fix was published.',
    remediation: 'Pull and rebuild regularly, pin images by digest, and recreate containers when a new image version is released.',
    checkExamples: [
      { note: 'floating latest tag', snapshot: containerExample({ Config: { Image: 'nginx:latest' } }), expect: 'MANUAL' },
      { note: 'pinned tag still needs a freshness review', snapshot: {}, expect: 'MANUAL' },
      { note: 'no containers', snapshot: { engine: { containers: { value: [] } } }, expect: 'NOT_APPLICABLE' },
    ],
  }),
  (c) => manual('confirm the image is the latest version', `${c.image} (${describeImageReference(c.image)})`, [evidenceFor(c, 'image')]),
);
