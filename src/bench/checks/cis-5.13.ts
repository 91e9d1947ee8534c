import { evidenceFor } from '../../runtime/model.js';
import { containerCheck, containerExample, fail, pass, section5Meta } from './per-container.js';

export const check = containerCheck(
  section5Meta({
    cisId: '5.13',
    slug: 'container-readonly-rootfs',
    title: "Ensure that the container's root filesystem is mounted as read only",
    rationale:
      'A read-only root filesystem stops an intruder from planting binaries or altering the application, and makes the places a container writes to explicit (volumes, tmpfs).',
    remediation: 'Run with `--read-only` (compose: `read_only: true`) and give writable paths their own volume or `--tmpfs`.',
    checkExamples: [
      { note: 'writable root', snapshot: containerExample({ HostConfig: { ReadonlyRootfs: false } }), expect: 'FAIL' },
      { note: 'read-only root', snapshot: {}, expect: 'PASS' },
    ],
  }),
  (c) => {
    const evidence = [evidenceFor(c, 'readonlyRootfs')];
    return c.readonlyRootfs ? pass(undefined, evidence) : fail('root filesystem is writable', 'ReadonlyRootfs=false', evidence);
  },
);
