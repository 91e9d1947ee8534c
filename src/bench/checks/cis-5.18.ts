import { evidenceFor } from '../../runtime/model.js';
import { containerCheck, containerExample, manual, pass, section5Meta } from './per-container.js';

export const check = containerCheck(
  section5Meta({
    cisId: '5.18',
    slug: 'container-no-host-devices',
    title: 'Ensure that host devices are not directly exposed to containers',
    scoring: 'N',
    rationale:
      'A host device node in a container gives it direct access to hardware or kernel interfaces (disks, GPUs, /dev/mem); with write or mknod rights it can read or corrupt host data.',
    remediation: 'Remove `--device` mappings that are not required; when one is needed, grant the least permissions (`--device /dev/x:/dev/x:r`).',
    checkExamples: [
      {
        note: 'device mapped',
        snapshot: containerExample({ HostConfig: { Devices: [{ PathOnHost: '/dev/fuse', PathInContainer: '/dev/fuse', CgroupPermissions: 'rwm' }] } }),
        expect: 'MANUAL',
      },
      { note: 'no devices', snapshot: {}, expect: 'PASS' },
    ],
  }),
  (c) => {
    const evidence = [evidenceFor(c, 'devices'), evidenceFor(c, 'deviceCgroupRules'), evidenceFor(c, 'deviceRequests'), evidenceFor(c, 'privileged')];
    const parts: string[] = [];
    if (c.privileged) parts.push('privileged: every host device');
    for (const d of c.devices) parts.push(`${d.hostPath}:${d.containerPath}:${d.permissions}`);
    for (const rule of c.deviceCgroupRules) parts.push(/^a\s+\*:\*/.test(rule) ? `cgroup rule "${rule}" (all devices)` : `cgroup rule "${rule}"`);
    for (const request of c.deviceRequests) parts.push(`device request ${request}`);
    if (parts.length === 0) return pass(undefined, evidence);
    return manual('host devices are exposed: confirm each is needed with least permissions', parts.join(', '), evidence);
  },
);
