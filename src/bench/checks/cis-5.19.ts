import { evidenceFor } from '../../runtime/model.js';
import { containerCheck, containerExample, manual, pass, section5Meta } from './per-container.js';

export const check = containerCheck(
  section5Meta({
    cisId: '5.19',
    slug: 'container-ulimit-override-reviewed',
    title: 'Ensure that the default ulimit is overwritten at runtime if needed',
    scoring: 'N',
    rationale:
      'Per-container ulimits override the daemon defaults. An override should be deliberate: raising limits (open files, processes) can let one container exhaust host resources.',
    remediation: 'Only pass `--ulimit` where the daemon default does not fit; review each override.',
    checkExamples: [
      { note: 'ulimit override', snapshot: containerExample({ HostConfig: { Ulimits: [{ Name: 'nofile', Soft: 1048576, Hard: 1048576 }] } }), expect: 'MANUAL' },
      { note: 'daemon defaults', snapshot: {}, expect: 'PASS' },
    ],
  }),
  (c) => {
    const evidence = [evidenceFor(c, 'ulimits')];
    if (c.ulimits.length === 0) return pass('daemon default ulimits', evidence);
    const shown = c.ulimits.map((u) => `${u.name}=${u.soft}:${u.hard}`).join(', ');
    return manual('ulimits overridden: confirm the override is needed', shown, evidence);
  },
);
