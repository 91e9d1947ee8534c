import { evidenceFor } from '../../runtime/model.js';
import { containerCheck, containerExample, fail, notApplicable, pass, section5Meta } from './per-container.js';

export const check = containerCheck(
  section5Meta({
    cisId: '5.20',
    slug: 'container-no-shared-propagation',
    title: "Ensure that the mount propagation mode is not set to shared",
    rationale:
      'With shared propagation, mounts made inside the container appear on the host (and the other way round), so a container can change what the host and other containers see.',
    remediation: 'Use the default `rprivate` (or `slave`) propagation; do not pass `:shared`/`:rshared` or `bind-propagation=shared`.',
    checkExamples: [
      {
        note: 'shared bind mount',
        snapshot: containerExample({ Mounts: [{ Type: 'bind', Source: '/mnt/data', Destination: '/data', RW: true, Propagation: 'shared' }] }),
        expect: 'FAIL',
      },
      { note: 'no mounts', snapshot: containerExample({ Mounts: [] }), expect: 'NOT_APPLICABLE' },
      { note: 'volume with default propagation', snapshot: {}, expect: 'PASS' },
    ],
  }),
  (c) => {
    const evidence = [evidenceFor(c, 'mounts')];
    if (c.mounts.length === 0) return notApplicable('no mounts');
    const shared = c.mounts.filter((m) => m.propagation === 'shared' || m.propagation === 'rshared');
    if (shared.length > 0) {
      const shown = shared.map((m) => `${m.source || m.volumeName || '?'}:${m.target}:${m.propagation}`).join(', ');
      return fail(`mount propagation is shared: ${shown}`, shown, evidence);
    }
    return pass(c.mounts.map((m) => `${m.target}:${m.propagation || 'default'}`).join(', '), evidence);
  },
);
