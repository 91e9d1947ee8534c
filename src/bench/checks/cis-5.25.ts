import { evidenceFor } from '../../runtime/model.js';
import { containerCheck, containerExample, fail, pass, section5Meta } from './per-container.js';

export const check = containerCheck(
  section5Meta({
    cisId: '5.25',
    slug: 'container-default-cgroup',
    title: 'Ensure that cgroup usage is confirmed',
    rationale:
      'Containers normally run under the daemon’s cgroup parent, where its resource policy applies. A custom `--cgroup-parent` can move a container outside those limits.',
    remediation: 'Remove `--cgroup-parent` unless a reviewed resource policy requires it (see also the daemon-wide 2.10).',
    checkExamples: [
      { note: 'custom cgroup parent', snapshot: containerExample({ HostConfig: { CgroupParent: '/custom' } }), expect: 'FAIL' },
      { note: 'default cgroup', snapshot: {}, expect: 'PASS' },
    ],
  }),
  (c) => {
    const evidence = [evidenceFor(c, 'cgroupParent')];
    if (c.cgroupParent !== '') return fail('runs under a custom cgroup parent', `CgroupParent=${c.cgroupParent}`, evidence);
    return pass('daemon default cgroup parent', evidence);
  },
);
