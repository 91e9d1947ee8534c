import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fromInspect, volumesByName } from '../../src/runtime/from-inspect.js';
import { effectiveCaps, effectiveNoNewPrivileges, effectiveSeccomp, isRootUserString, normaliseHostPath, resolvedBindings } from '../../src/runtime/effective.js';
import { evidenceFor, parseSecurityOptions } from '../../src/runtime/model.js';

const ID = 'f'.repeat(64);

function inspect(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    Id: ID,
    Name: '/app',
    Image: 'sha256:abc',
    State: { Status: 'created', Running: false, Pid: 0 },
    AppArmorProfile: '',
    HostConfig: {
      NetworkMode: 'default',
      PortBindings: { '22/tcp': [{ HostIp: '', HostPort: '2222' }], '53/udp': [{ HostIp: '::', HostPort: '53' }] },
      RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 3 },
      CapAdd: ['sys_admin', 'CAP_NET_ADMIN'],
      CapDrop: ['net_raw'],
      SecurityOpt: ['seccomp:unconfined', 'label=disable', 'no-new-privileges=false', 'apparmor=custom'],
      Privileged: false,
      PidMode: 'host',
      IpcMode: 'container:db',
      UTSMode: 'host',
      UsernsMode: '',
      CgroupParent: '/x',
      Memory: 0,
      CpuShares: 512,
      PidsLimit: null,
      Devices: [{ PathOnHost: '/dev/fuse', PathInContainer: '/dev/fuse', CgroupPermissions: 'rwm' }],
      Ulimits: [{ Name: 'nofile', Soft: 10, Hard: 20 }],
      ReadonlyRootfs: true,
      PublishAllPorts: true,
      Init: null,
    },
    Mounts: [
      { Type: 'bind', Source: '/var/run/docker.sock', Destination: '/sock', RW: true, Propagation: 'rshared' },
      { Type: 'volume', Name: 'data', Source: '/var/lib/docker/volumes/data/_data', Destination: '/data', Driver: 'local', RW: false, Propagation: '' },
    ],
    Config: { User: '0:0', Image: 'busybox', ExposedPorts: { '22/tcp': {}, '80/tcp': {} }, Env: ['A=1'], Labels: { l: 'v' }, Healthcheck: { Test: ['NONE'] } },
    NetworkSettings: { Ports: {}, Networks: { bridge: { NetworkID: '' } } },
    ExecIDs: ['e1'],
    ...overrides,
  };
}

describe('fromInspect', () => {
  it('normalises every section 5 field with its origin', () => {
    const c = fromInspect(inspect(), { document: '/engine/containers/fff' });
    assert.equal(c.name, 'app');
    assert.equal(c.id, ID);
    assert.equal(c.state, 'created');
    assert.equal(c.user, '0:0');
    assert.deepEqual(c.capAdd, ['CAP_SYS_ADMIN', 'CAP_NET_ADMIN']);
    assert.deepEqual(c.capDrop, ['CAP_NET_RAW']);
    assert.equal(c.securityOpt.seccomp, 'unconfined');
    assert.deepEqual(c.securityOpt.labels, ['disable']);
    assert.equal(c.securityOpt.noNewPrivileges, false);
    assert.equal(c.securityOpt.apparmor, 'custom');
    assert.equal(c.pidMode, 'host');
    assert.equal(c.ipcMode, 'container:db');
    assert.equal(c.utsMode, 'host');
    assert.equal(c.cgroupParent, '/x');
    assert.equal(c.memory, 0);
    assert.equal(c.cpuShares, 512);
    assert.equal(c.pidsLimit, null);
    assert.deepEqual(c.devices, [{ hostPath: '/dev/fuse', containerPath: '/dev/fuse', permissions: 'rwm' }]);
    assert.deepEqual(c.ulimits, [{ name: 'nofile', soft: 10, hard: 20 }]);
    assert.equal(c.readonlyRootfs, true);
    assert.deepEqual(c.restartPolicy, { name: 'on-failure', maxRetries: 3 });
    assert.deepEqual(c.healthcheck, { test: ['NONE'] });
    assert.equal(c.mounts[0]!.propagation, 'rshared');
    assert.equal(c.mounts[0]!.readOnly, false);
    assert.equal(c.mounts[1]!.readOnly, true);
    assert.equal(c.mounts[1]!.volumeName, 'data');
    assert.deepEqual(c.execIds, ['e1']);
    assert.deepEqual(c.networks, [{ name: 'bridge' }]);
    assert.equal(c.origin.privileged?.pointer, 'HostConfig.Privileged');
    assert.equal(evidenceFor(c, 'memory'), '/engine/containers/fff#HostConfig.Memory');
  });

  it('uses configured bindings for stopped containers and live ones for running containers', () => {
    const stopped = fromInspect(inspect());
    assert.equal(stopped.portsFrom, 'config');
    assert.deepEqual(
      stopped.ports.map((p) => `${p.hostIp}|${p.hostPort}|${p.containerPort}/${p.proto}`).sort(),
      ['::|53|53/udp', '|2222|22/tcp'],
    );
    const running = fromInspect(
      inspect({
        State: { Status: 'running', Running: true, Pid: 99 },
        NetworkSettings: { Ports: { '22/tcp': [{ HostIp: '0.0.0.0', HostPort: '2222' }, { HostIp: '::', HostPort: '2222' }], '80/tcp': null }, Networks: {} },
      }),
    );
    assert.equal(running.portsFrom, 'runtime');
    assert.equal(running.pid, 99);
    assert.deepEqual(running.ports.map((p) => p.hostIp), ['0.0.0.0', '::']);
  });

  it('resolves empty host addresses and -P through the network and exposed ports', () => {
    const c = fromInspect(inspect());
    const viaNetwork = resolvedBindings(c, () => '10.0.0.5');
    assert.deepEqual(viaNetwork.find((b) => b.containerPort === 22)?.hostIps, ['10.0.0.5']);
    const wildcard = resolvedBindings(c, () => undefined);
    assert.deepEqual(wildcard.find((b) => b.containerPort === 22)?.hostIps, ['0.0.0.0', '::']);
    // PublishAllPorts adds 80/tcp (22/tcp is already bound).
    assert.deepEqual(wildcard.filter((b) => b.containerPort === 80).map((b) => b.hostPort), ['']);
  });

  it('sees through local volumes created with o=bind', () => {
    const volumes = volumesByName({ Volumes: [{ Name: 'data', Driver: 'local', Options: { type: 'none', o: 'bind', device: '/etc' } }] });
    const c = fromInspect(inspect(), { volumes });
    assert.equal(c.mounts[1]!.hostPath, '/etc');
  });

  it('leaves absent fields undefined (rules report UNKNOWN) and never throws on junk', () => {
    const c = fromInspect({ Id: ID, Name: '/bare' });
    assert.equal(c.memory, undefined);
    assert.equal(c.pidsLimit, undefined);
    assert.equal(c.state, 'unknown');
    fc.assert(
      fc.property(fc.anything(), (junk) => {
        const model = fromInspect(junk);
        assert.equal(typeof model.name, 'string');
      }),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('Id', 'Name', 'HostConfig', 'Config', 'State', 'Mounts', 'NetworkSettings'), fc.anything()), (doc) => {
        fromInspect(doc);
      }),
    );
  });
});

describe('effective settings', () => {
  const base = fromInspect(inspect({ HostConfig: { CapAdd: null, CapDrop: null, SecurityOpt: null } }));
  it('capabilities follow moby TweakCapabilities', () => {
    assert.equal(effectiveCaps(base).size, 14);
    assert.ok(effectiveCaps({ ...base, privileged: true }).has('CAP_SYS_MODULE'));
    const all = effectiveCaps({ ...base, capAdd: ['ALL'], capDrop: ['CAP_SYS_ADMIN'] });
    assert.ok(all.has('CAP_SYS_MODULE') && !all.has('CAP_SYS_ADMIN'));
    assert.deepEqual([...effectiveCaps({ ...base, capAdd: ['CAP_CHOWN'], capDrop: ['ALL'] })], ['CAP_CHOWN']);
    const mixed = effectiveCaps({ ...base, capAdd: ['CAP_NET_RAW'], capDrop: ['CAP_NET_RAW', 'CAP_MKNOD'] });
    assert.ok(mixed.has('CAP_NET_RAW') && !mixed.has('CAP_MKNOD'), 'add wins over drop');
  });
  it('seccomp: option, privileged, daemon profile, no support', () => {
    assert.equal(effectiveSeccomp(base, 'builtin').mode, 'default');
    assert.equal(effectiveSeccomp(base, 'unconfined').mode, 'unconfined');
    assert.equal(effectiveSeccomp(base, null).mode, 'unconfined');
    assert.equal(effectiveSeccomp(base, undefined).mode, undefined);
    assert.equal(effectiveSeccomp({ ...base, privileged: true }, 'builtin').mode, 'unconfined');
    assert.equal(effectiveSeccomp({ ...base, securityOpt: parseSecurityOptions(['seccomp=/p.json']) }, 'builtin').mode, 'custom');
  });
  it('no-new-privileges: container option overrides the daemon, Go booleans', () => {
    assert.equal(effectiveNoNewPrivileges(base, true).value, true);
    assert.equal(effectiveNoNewPrivileges({ ...base, securityOpt: parseSecurityOptions(['no-new-privileges:F']) }, true).value, false);
    assert.equal(effectiveNoNewPrivileges({ ...base, securityOpt: parseSecurityOptions(['no-new-privileges']) }, false).value, true);
    assert.deepEqual(parseSecurityOptions(['no-new-privileges=maybe']).invalid, ['no-new-privileges=maybe']);
  });
  it('root user strings', () => {
    for (const u of ['', 'root', '0', '00', '0:0', '0:1000', 'root:staff', ' 0 ']) assert.equal(isRootUserString(u), true, u);
    for (const u of ['1000', '1000:0', '65534']) assert.equal(isRootUserString(u), false, u);
    assert.equal(isRootUserString('app'), undefined);
  });
  it('host paths are normalised lexically and /var/run folds into /run', () => {
    assert.equal(normaliseHostPath('/var/run/docker.sock'), '/run/docker.sock');
    assert.equal(normaliseHostPath('//etc/'), '/etc');
    assert.equal(normaliseHostPath('/usr/../etc/./x'), '/etc/x');
    assert.equal(normaliseHostPath('/'), '/');
  });
});
