import { describeBinding } from '../../runtime/effective.js';
import { evidenceFor } from '../../runtime/model.js';
import { containerCheck, containerExample, manual, pass, section5Meta } from './per-container.js';

export const check = containerCheck(
  section5Meta({
    cisId: '5.9',
    slug: 'container-needed-ports-only',
    title: 'Ensure that only needed ports are open on the container',
    scoring: 'N',
    rationale:
      'Each published port is reachable attack surface. `-P` publishes every port the image exposes, including ones the service does not need.',
    remediation: 'Publish only the ports the service needs with explicit `-p` mappings; avoid `-P/--publish-all`.',
    checkExamples: [
      { note: 'port published', snapshot: {}, expect: 'MANUAL' },
      { note: 'nothing published', snapshot: containerExample({ NetworkSettings: { Ports: { '80/tcp': null } } }), expect: 'PASS' },
    ],
  }),
  (c, context) => {
    const bindings = context.runtime.bindingsOf(c);
    const evidence = [evidenceFor(c, 'ports'), evidenceFor(c, 'publishAllPorts')];
    if (bindings.length === 0) return pass('no published ports', evidence);
    const shown = bindings.map(describeBinding).join(', ');
    const why = c.publishAllPorts ? 'publishes all exposed ports (-P): confirm each is needed' : 'confirm each published port is needed';
    return manual(why, shown, evidence);
  },
);
