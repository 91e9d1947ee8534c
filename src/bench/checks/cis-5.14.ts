import { describeBinding, isWildcardAddress } from '../../runtime/effective.js';
import { evidenceFor } from '../../runtime/model.js';
import { containerCheck, containerExample, fail, notApplicable, pass, section5Meta } from './per-container.js';

export const check = containerCheck(
  section5Meta({
    cisId: '5.14',
    slug: 'container-ports-bound-to-interface',
    title: 'Ensure that incoming container traffic is bound to a specific host interface',
    rationale:
      'A port published on 0.0.0.0 or [::] is reachable on every host interface, including public ones. Binding to a specific address limits who can connect.',
    remediation: 'Publish with an explicit address: `-p 127.0.0.1:8080:80` or the address of the intended interface (IPv4 and IPv6 alike).',
    checkExamples: [
      {
        note: 'published on all IPv4 addresses',
        snapshot: containerExample({ NetworkSettings: { Ports: { '80/tcp': [{ HostIp: '0.0.0.0', HostPort: '8080' }] } } }),
        expect: 'FAIL',
      },
      {
        note: 'published on all IPv6 addresses',
        snapshot: containerExample({ NetworkSettings: { Ports: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '8080' }, { HostIp: '::', HostPort: '8080' }] } } }),
        expect: 'FAIL',
      },
      { note: 'nothing published', snapshot: containerExample({ NetworkSettings: { Ports: { '80/tcp': null } } }), expect: 'NOT_APPLICABLE' },
      { note: 'bound to 127.0.0.1', snapshot: {}, expect: 'PASS' },
    ],
  }),
  (c, context) => {
    const bindings = context.runtime.bindingsOf(c);
    const evidence = [evidenceFor(c, 'ports')];
    if (bindings.length === 0) return notApplicable('no published ports');
    const wildcard = bindings.filter((b) => b.hostIps.some(isWildcardAddress));
    if (wildcard.length > 0) {
      const shown = wildcard.map(describeBinding).join(', ');
      return fail(`published on all interfaces: ${shown}`, shown, evidence);
    }
    return pass(bindings.map(describeBinding).join(', '), evidence);
  },
);
