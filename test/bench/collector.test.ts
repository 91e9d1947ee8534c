import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { collectSnapshot } from '../../src/bench/collector/index.js';
import { collectHostEvidence } from '../../src/bench/collector/host.js';
import { parseDaemonArgv, lastFlag, allFlags } from '../../src/bench/collector/daemon-args.js';
import { parseAuditRule } from '../../src/bench/collector/audit-rules.js';
import { decodeIpv6, parseListeningTcp } from '../../src/bench/collector/proc.js';
import { loadSnapshot, saveSnapshot, serializeSnapshot, SnapshotError, withSortedKeys } from '../../src/bench/snapshot-io.js';
import type { HostEvidence, Snapshot, Sourced } from '../../src/bench/snapshot.js';
import { cleanup, createContainer, docker, dockerOk, ensureBusyboxImage, ensureDaemon, runContainer } from '../helpers/docker.js';
import { startRecordingProxy } from '../helpers/engine-proxy.js';

const PREFIX = 'docksec-test-collector-';
const IMAGE = 'docksec-test/busybox:latest';
const work = mkdtempSync(join(tmpdir(), 'docksec-collector-test-'));

function value<T>(source: Sourced<T>, what: string): T {
  if (!source.ok) assert.fail(`${what}: ${source.reason}`);
  return source.value;
}

/** Raw inspect document as the snapshot keeps it. */
type Json = any;

describe('collectSnapshot on the live daemon', () => {
  const ids: Record<string, string> = {};
  let imageId = '';
  let snapshot: Snapshot;

  before(async () => {
    await ensureDaemon();
    await cleanup(PREFIX);
    imageId = await ensureBusyboxImage(IMAGE);
    ids.running = await runContainer(['--name', `${PREFIX}running`, IMAGE, 'sleep', '300']);
    ids.created = await createContainer(['--name', `${PREFIX}created`, IMAGE, 'sleep', '300']);
    ids.exited = await runContainer(['--name', `${PREFIX}exited`, IMAGE, 'sh', '-c', 'exit 3']);
    await dockerOk(['wait', ids.exited]);
    ids.paused = await runContainer(['--name', `${PREFIX}paused`, IMAGE, 'sleep', '300']);
    await dockerOk(['pause', ids.paused]);
    snapshot = await collectSnapshot({ runAuditctl: false, excludedContainers: ['label=skip'] });
  });
  after(async () => {
    await docker(['unpause', `${PREFIX}paused`]);
    await cleanup(PREFIX);
    rmSync(work, { recursive: true, force: true });
  });

  test('lists every container with its inspect document, whatever its state', () => {
    const containers = value(snapshot.engine.containers, 'containers');
    const byId = new Map(containers.map((c: Json) => [c.Id, c]));
    const expected: Record<string, string> = { running: 'running', created: 'created', exited: 'exited', paused: 'paused' };
    for (const [role, status] of Object.entries(expected)) {
      const doc = byId.get(ids[role]!);
      assert.ok(doc, `${role} container missing`);
      assert.equal(doc.State.Status, status, role);
      assert.equal(doc.Name, `/${PREFIX}${role}`);
      assert.equal(doc.Image, imageId);
    }
    assert.equal(byId.get(ids.exited!)!.State.ExitCode, 3);
    assert.deepEqual(snapshot.engine.vanished.filter((id) => Object.values(ids).includes(id)), []);
    assert.deepEqual(snapshot.excludedContainers, ['label=skip']);
  });

  test('keeps the engine documents: version, info, images with history, networks, volumes, plugins, swarm', () => {
    const engine = snapshot.engine;
    assert.equal(engine.endpoint, 'unix:///var/run/docker.sock');
    assert.equal(engine.locality, 'local');
    assert.match(engine.apiVersion ?? '', /^1\.\d+$/);
    assert.equal(value(engine.version, 'version').ApiVersion !== undefined, true);
    assert.equal(typeof value(engine.info, 'info').DockerRootDir, 'string');
    const image = value(engine.images, 'images').find((i: Json) => i.Id === imageId);
    assert.ok(image, 'test image missing');
    assert.ok(image.RepoTags.includes(IMAGE));
    const history = value(engine.imageHistory[imageId]!, 'history');
    assert.equal(history.length, 1);
    assert.ok(value(engine.networks, 'networks').some((n: Json) => n.Name === 'bridge'));
    assert.ok(Array.isArray(value(engine.volumes, 'volumes').Volumes) || value(engine.volumes, 'volumes').Volumes === null);
    assert.ok(Array.isArray(value(engine.plugins, 'plugins')));
    assert.equal(engine.swarm.ok, false);
    assert.match((engine.swarm as { reason: string }).reason, /^not a swarm manager or member \(HTTP 503: This node is not a swarm manager/);
    assert.deepEqual(engine.nodes, { ok: false, reason: `not a swarm manager (${(engine.swarm as { reason: string }).reason})` });
    assert.deepEqual(engine.services, engine.nodes);
    assert.deepEqual(engine.secrets, engine.nodes);
  });

  test('host evidence: dockerd found by socket ownership, the socket stat, container processes from /proc', () => {
    const host = value(snapshot.host, 'host');
    assert.equal(host.root, '/');
    const dockerd = value(host.dockerd, 'dockerd');
    assert.equal(dockerd.identifiedBy, 'socket');
    assert.match(dockerd.exe ?? '', /\/dockerd$/);
    assert.equal(dockerd.argv[0]?.endsWith('dockerd'), true);
    assert.equal(dockerd.uid, 0);
    assert.ok(dockerd.listeningUnix?.includes('/var/run/docker.sock') || dockerd.listeningUnix?.includes('/run/docker.sock'));
    assert.deepEqual(host.apiSockets, ['/var/run/docker.sock']);
    const socket = host.files['/var/run/docker.sock']!;
    assert.equal(socket.exists, true);
    assert.equal(socket.type, 'socket');
    assert.equal(socket.uid, 0);
    const containerd = value(host.containerd, 'containerd');
    assert.match(containerd.exe ?? '', /\/containerd$/);
    // Running container: its processes, read from host /proc by cgroup.
    const processes = value(host.containerProcesses[ids.running!]!, 'running processes');
    const sleeper = processes.find((p) => p.comm === 'sleep');
    assert.ok(sleeper, JSON.stringify(processes));
    assert.deepEqual(sleeper.argv, ['sleep', '300']);
    assert.match(sleeper.status?.Uid ?? '', /^0\s/);
    // Stopped containers have no processes to list.
    assert.equal(host.containerProcesses[ids.exited!], undefined);
    assert.equal(host.containerProcesses[ids.created!], undefined);
    assert.equal(host.auditSource, 'files');
    assert.equal(value(host.mounts, 'mounts').some((m) => m.mountPoint === '/'), true);
    assert.equal(typeof value(host.apparmorEnabled, 'apparmor'), 'boolean');
    assert.ok(Array.isArray(value(host.listening, 'listening')));
  });

  test('a container removed between the list and its inspect is reported as vanished', async () => {
    const victim = await runContainer(['--name', `${PREFIX}victim`, IMAGE, 'sleep', '300']);
    const proxy = await startRecordingProxy({
      socketPath: join(work, 'vanish.sock'),
      beforeReply: async (request) => {
        if (/\/containers\/json\?all=1$/.test(request.url)) await dockerOk(['rm', '-f', victim]);
      },
    });
    try {
      const vanishing = await collectSnapshot({ host: proxy.url, runAuditctl: false });
      assert.ok(vanishing.engine.vanished.includes(victim), `vanished: ${vanishing.engine.vanished.join(',')}`);
      assert.equal(value(vanishing.engine.containers, 'containers').some((c: Json) => c.Id === victim), false);
      assert.ok(value(vanishing.engine.containers, 'containers').some((c: Json) => c.Id === ids.running));
      assert.equal(vanishing.engine.inspectErrors?.[victim], undefined);
      assert.ok(proxy.requests.some((r) => r.url.endsWith(`/containers/${victim}/json`)));
    } finally {
      await proxy.close();
    }
  });

  test('save and load round-trip, with stable key order', async () => {
    const path = join(work, 'snapshot.json');
    await saveSnapshot(path, snapshot);
    const loaded = await loadSnapshot(path);
    assert.deepEqual(loaded, withSortedKeys(snapshot));
    const text = readFileSync(path, 'utf8');
    assert.equal(text, serializeSnapshot(loaded));
    assert.deepEqual(Object.keys(JSON.parse(text)), ['engine', 'excludedContainers', 'finished', 'host', 'schemaVersion', 'started', 'tool']);
  });
});

describe('snapshot loading errors', () => {
  const dir = mkdtempSync(join(tmpdir(), 'docksec-snapshot-io-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const load = async (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    try {
      await loadSnapshot(path);
    } catch (error) {
      assert.ok(error instanceof SnapshotError);
      return error.message.replace(dir, 'DIR');
    }
    return 'loaded';
  };

  test('names the file and the problem', async () => {
    assert.equal(await load('a.json', '{"tool": {}}'), 'DIR/a.json: not a docksec snapshot (missing schemaVersion)');
    assert.equal(await load('b.json', '{"schemaVersion": 7}'), 'DIR/b.json: snapshot schema version 7 is not supported (this docksec reads version 1)');
    assert.equal(await load('c.json', '{\n  "schemaVersion": 1,\n  oops\n}'), 'DIR/c.json:3:3: not a docksec snapshot (invalid JSON: Expected double-quoted property name)');
    const minimal = {
      schemaVersion: 1,
      tool: { name: 'docksec', version: '0.1.0' },
      started: 'x',
      finished: 'y',
      excludedContainers: [],
      engine: { endpoint: 'unix:///var/run/docker.sock', locality: 'local', version: { ok: true, value: {} }, info: { ok: true } },
      host: { ok: false, reason: 'remote' },
    };
    assert.equal(await load('d.json', JSON.stringify(minimal)), 'DIR/d.json: invalid snapshot: /engine/info/value: expected a value when ok is true, found nothing');
    assert.equal(await load('e.json', JSON.stringify([])), 'DIR/e.json: not a docksec snapshot (expected a JSON object, found an array)');
    const missing = await loadSnapshot(join(dir, 'nope.json')).catch((e: Error) => e.message.replace(dir, 'DIR'));
    assert.equal(missing, 'DIR/nope.json: cannot read snapshot: no such file');
  });
});

describe('host evidence from --host-root', () => {
  const root = mkdtempSync(join(tmpdir(), 'docksec-host-root-'));
  const containerId = 'c0ffee'.padEnd(64, '0');
  const put = (path: string, content: string, mode = 0o644) => {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
    chmodSync(full, mode);
  };
  const link = (path: string, target: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    symlinkSync(target, join(root, path));
  };
  const unixTable = (rows: Array<[string, string]>) =>
    `Num       RefCount Protocol Flags    Type St Inode Path\n${rows.map(([inode, path]) => `0000000000000000: 00000002 00000000 00010000 0001 01 ${inode} ${path}`).join('\n')}\n`;
  const procProcess = (pid: number, comm: string, exe: string, argv: string[], extra: { ppid?: number; start?: number; cgroup?: string; fds?: Record<string, string>; unix?: Array<[string, string]> } = {}) => {
    put(`proc/${pid}/stat`, `${pid} (${comm}) S ${extra.ppid ?? 1} ${pid} ${pid} 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 10 0 ${extra.start ?? 500} 0 0\n`);
    put(`proc/${pid}/cmdline`, `${argv.join('\0')}\0`);
    put(`proc/${pid}/status`, `Name:\t${comm}\nUid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\nCapBnd:\t000001ffffffffff\nNoNewPrivs:\t0\nSeccomp:\t0\n`);
    put(`proc/${pid}/environ`, 'PATH=/usr/sbin:/usr/bin\0HOME=/root\0');
    put(`proc/${pid}/cgroup`, extra.cgroup ?? '0::/system.slice/docker.service\n');
    link(`proc/${pid}/exe`, exe);
    mkdirSync(join(root, `proc/${pid}/fd`), { recursive: true });
    for (const [fd, target] of Object.entries(extra.fds ?? {})) link(`proc/${pid}/fd/${fd}`, target);
    put(`proc/${pid}/net/unix`, unixTable(extra.unix ?? []));
  };

  before(() => {
    // Daemon configuration named on argv, TLS material, registry certs.
    put('etc/docker/custom.json', JSON.stringify({ icc: false, tls: true, tlscacert: '/etc/docker/tls/ca.pem', tlscert: '/etc/docker/tls/cert.pem', tlskey: '/etc/docker/tls/key.pem' }), 0o640);
    put('etc/docker/tls/ca.pem', 'CA', 0o444);
    put('etc/docker/tls/cert.pem', 'CERT', 0o444);
    put('etc/docker/tls/key.pem', 'KEY', 0o600);
    put('etc/docker/certs.d/registry.example:5000/ca.crt', 'CRT', 0o444);
    put('etc/docker/certs.d/registry.example:5000/client.key', 'KEY', 0o644);
    chmodSync(join(root, 'etc/docker'), 0o755);
    // /etc/default/docker is an absolute symlink: it must resolve inside the root, not on this machine.
    put('etc/docker/env', 'DOCKER_OPTS="--icc=false"\n', 0o600);
    link('etc/default/docker', '/etc/docker/env');
    // Units: fragment in /lib, drop-in in /etc; docker.socket with ListenStream.
    put('lib/systemd/system/docker.service', '[Service]\nExecStart=/usr/sbin/dockerd -H fd://\n', 0o644);
    put('etc/systemd/system/docker.service.d/override.conf', '[Service]\nEnvironment=X=1\n', 0o600);
    put('lib/systemd/system/docker.socket', '[Socket]\nListenStream=/run/docker.sock\nSocketGroup=docker\n', 0o664);
    // Audit rules: rules.d in natural order, then audit.rules.
    put('etc/audit/rules.d/10-docker.rules', '# docker\n-w /usr/sbin/dockerd -p rwxa -k docker\n-a always,exit -F path=/run/containerd -F perm=wa -k docker\n');
    put('etc/audit/rules.d/9-base.rules', '-D\n-b 8192\n');
    put('etc/audit/audit.rules', '-a exit,never -F dir=/var/lib/docker -k quiet\n-W /etc/docker\n');
    put('etc/group', 'root:x:0:\ndockerusers:x:998:alice,bob\ndocker:x:999:zed\n');
    put('etc/passwd', 'root:x:0:0::/root:/bin/sh\ncarol:x:1002:998::/home/carol:/bin/sh\n');
    put('sys/module/apparmor/parameters/enabled', 'Y\n');
    mkdirSync(join(root, 'sys/fs'), { recursive: true });
    // /var/run -> /run, and the sockets (regular files stand in: only identity and stat matter).
    link('var/run', '../run');
    put('run/docker.sock', '', 0o660);
    put('run/decoy/docker.sock', '', 0o660);
    put('run/containerd/containerd.sock', '', 0o660);
    // procfs: the real dockerd (123), a decoy dockerd whose socket has the same name elsewhere (456),
    // containerd (200), and two processes of a running container (300, 301).
    put('proc/stat', 'cpu  1 2 3\nbtime 1700000000\n');
    procProcess(123, 'dockerd', '/usr/sbin/dockerd', ['/usr/sbin/dockerd', '--config-file', '/etc/docker/custom.json', '-G', 'dockerusers', '--containerd=/run/containerd/containerd.sock', '-H', 'fd://'], {
      fds: { '3': 'socket:[555]', '4': '/dev/null' },
      unix: [['555', '/run/docker.sock'], ['556', '/run/docker/metrics.sock']],
    });
    procProcess(456, 'dockerd', '/usr/local/bin/dockerd', ['dockerd'], { fds: { '3': 'socket:[777]' }, unix: [['777', '/run/decoy/docker.sock']] });
    procProcess(200, 'containerd', '/usr/bin/containerd', ['/usr/bin/containerd', '--config', '/etc/containerd/alt.toml'], { fds: { '5': 'socket:[888]' }, unix: [['888', '/run/containerd/containerd.sock']] });
    procProcess(300, 'sleep', '/bin/busybox', ['sleep', '300'], { cgroup: `0::/system.slice/docker-${containerId}.scope\n` });
    procProcess(301, 'sh', '/bin/busybox', ['sh'], { ppid: 300, cgroup: `0::/system.slice/docker-${containerId}.scope\n` });
    procProcess(1, 'systemd', '/usr/lib/systemd/systemd', ['/sbin/init']);
    put('proc/1/mountinfo', '22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n30 22 8:17 / /var/lib/docker rw,relatime shared:9 - xfs /dev/sdb1 rw\n31 22 0:5 / /mnt/with\\040space rw - tmpfs tmpfs rw\n');
    put('proc/1/net/tcp', '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n   0: 0100007F:0CEA 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1\n   1: 0100007F:1F90 0200007F:0050 01 00000000:00000000 00:00000000 00000000     0        0 2 1\n');
    put('proc/1/net/tcp6', '  sl  local_address rem_address st\n   0: 00000000000000000000000000000000:0976 00000000000000000000000000000000:0000 0A 0\n');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  const collect = () =>
    collectHostEvidence({ hostRoot: root, containers: [{ Id: containerId, State: { Running: true, Pid: 300 } }], info: {} });

  test('finds dockerd by socket identity (not by name), and reads the daemon.json named on its argv', async () => {
    const host = value(await collect(), 'host');
    assert.equal(host.root, root);
    const dockerd = value(host.dockerd, 'dockerd');
    assert.equal(dockerd.pid, 123);
    assert.equal(dockerd.identifiedBy, 'socket');
    assert.equal(dockerd.exe, '/usr/sbin/dockerd');
    assert.equal(dockerd.startTime, 500);
    assert.equal(dockerd.startTimeMs, 1_700_000_005_000);
    assert.deepEqual(dockerd.listeningUnix, ['/run/docker.sock']);
    assert.deepEqual(dockerd.environ, { PATH: '/usr/sbin:/usr/bin', HOME: '/root' });
    assert.equal(host.daemonJsonSource, 'argv');
    const daemonJson = value(host.daemonJson, 'daemon.json');
    assert.equal(daemonJson.path, '/etc/docker/custom.json');
    assert.equal(daemonJson.mode, 0o640);
    assert.equal(JSON.parse(daemonJson.content ?? '{}').icc, false);
    const containerd = value(host.containerd, 'containerd');
    assert.equal(containerd.pid, 200);
    assert.equal(host.containerdSocket, '/run/containerd/containerd.sock');
    // -H fd:// expands to the docker.socket ListenStream path.
    assert.deepEqual(host.apiSockets, ['/run/docker.sock']);
  });

  test('stats every file CIS section 3 names, resolving symlinks inside the root', async () => {
    const host = value(await collect(), 'host');
    const file = (path: string) => {
      const evidence = host.files[path];
      assert.ok(evidence, `${path} not collected; have ${Object.keys(host.files).join(', ')}`);
      return evidence;
    };
    assert.deepEqual([file('/etc/docker').type, file('/etc/docker').mode], ['dir', 0o755]);
    assert.equal(file('/etc/docker/tls/ca.pem').mode, 0o444);
    assert.equal(file('/etc/docker/tls/cert.pem').mode, 0o444);
    assert.equal(file('/etc/docker/tls/key.pem').mode, 0o600);
    assert.equal(file('/etc/docker/certs.d/registry.example:5000/ca.crt').mode, 0o444);
    assert.equal(file('/etc/docker/certs.d/registry.example:5000/client.key').mode, 0o644);
    assert.equal(file('/etc/docker/certs.d/registry.example:5000').type, 'dir');
    const defaults = file('/etc/default/docker');
    assert.equal(defaults.type, 'symlink');
    assert.equal(defaults.realPath, '/etc/docker/env');
    assert.equal(defaults.content, 'DOCKER_OPTS="--icc=false"\n');
    assert.equal(file('/etc/docker/env').mode, 0o600);
    assert.deepEqual([file('/etc/sysconfig/docker').exists, file('/etc/sysconfig/docker').error], [false, undefined]);
    assert.equal(file('/var/run/docker.sock').realPath, '/run/docker.sock');
    assert.equal(file('/run/containerd/containerd.sock').mode, 0o660);
    assert.equal(file('/etc/containerd/alt.toml').exists, false);
    assert.equal(file('/usr/sbin/dockerd').exists, false);
    // Units: the fragment from the first directory that has it, drop-ins from any.
    const service = value(host.units['docker.service']!, 'docker.service');
    assert.equal(service.path, '/lib/systemd/system/docker.service');
    assert.match(service.content ?? '', /ExecStart=\/usr\/sbin\/dockerd -H fd:\/\//);
    assert.equal(value(host.units['docker.socket']!, 'docker.socket').mode, 0o664);
    assert.equal(host.units['containerd.service']!.ok, false);
    assert.deepEqual(host.unitDropIns?.['docker.service']?.map((f) => [f.path, f.mode]), [['/etc/systemd/system/docker.service.d/override.conf', 0o600]]);
  });

  test('parses audit rules structurally, rules.d in natural order then audit.rules', async () => {
    const host = value(await collect(), 'host');
    assert.equal(host.auditSource, 'files');
    const rules = value(host.auditRules, 'audit rules');
    assert.deepEqual(
      rules.map((r) => [r.source.replace(/^\/etc\/audit\//, ''), r.kind, r.path ?? r.dir, r.permissions, r.key, r.list, r.action]),
      [
        ['rules.d/9-base.rules', 'delete-all', undefined, undefined, undefined, undefined, undefined],
        ['rules.d/9-base.rules', 'other', undefined, undefined, undefined, undefined, undefined],
        ['rules.d/10-docker.rules', 'watch', '/usr/sbin/dockerd', 'rwxa', 'docker', undefined, undefined],
        ['rules.d/10-docker.rules', 'syscall', '/run/containerd', 'wa', 'docker', 'exit', 'always'],
        ['audit.rules', 'syscall', '/var/lib/docker', undefined, 'quiet', 'exit', 'never'],
        ['audit.rules', 'unwatch', '/etc/docker', undefined, undefined, undefined, undefined],
      ],
    );
    assert.deepEqual(rules[3]!.fields, ['path=/run/containerd', 'perm=wa']);
    assert.equal(host.files['/etc/audit/rules.d/10-docker.rules']?.exists, true);
    assert.deepEqual(host.auditdRunning, { ok: true, value: false });
  });

  test('group members, container processes, listeners, mounts, LSMs', async () => {
    const host = value(await collect(), 'host');
    // The socket group comes from -G on argv: supplementary members plus primary-group users.
    assert.deepEqual(host.dockerGroupMembers, { ok: true, value: ['alice', 'bob', 'carol'] });
    const processes = value(host.containerProcesses[containerId]!, 'container processes');
    assert.deepEqual(processes.map((p) => [p.pid, p.comm, p.argv, p.exe]), [
      [300, 'sleep', ['sleep', '300'], '/bin/busybox'],
      [301, 'sh', ['sh'], '/bin/busybox'],
    ]);
    assert.equal(processes[0]!.status?.NoNewPrivs, '0');
    assert.deepEqual(host.listening, { ok: true, value: ['127.0.0.1:3306', '[::]:2422'] });
    const mounts = value(host.mounts, 'mounts');
    assert.deepEqual(mounts[1], { mountPoint: '/var/lib/docker', device: '8:17', fsType: 'xfs', source: '/dev/sdb1', options: 'rw,relatime', root: '/', superOptions: 'rw' });
    assert.equal(mounts[2]!.mountPoint, '/mnt/with space');
    assert.deepEqual(host.apparmorEnabled, { ok: true, value: true });
    assert.deepEqual(host.selinuxEnabled, { ok: true, value: false });
    assert.deepEqual(host.systemdIsPid1, { ok: true, value: true });
  });

  test('pidfile fallback when no process can be tied to the socket; ENOENT vs EACCES', async () => {
    unlinkSync(join(root, 'proc/123/fd/3'));
    try {
      const unowned = value(await collect(), 'host');
      assert.equal(unowned.dockerd.ok, false);
      assert.match((unowned.dockerd as { reason: string }).reason, /^dockerd processes 123, 456 found, but none could be tied to \/var\/run\/docker\.sock/);
      put('run/docker.pid', '123\n');
      const when = new Date(1_700_000_100_000);
      utimesSync(join(root, 'run/docker.pid'), when, when);
      const byPidfile = value(await collect(), 'host');
      assert.equal(value(byPidfile.dockerd, 'dockerd').identifiedBy, 'pidfile');
      assert.equal(value(byPidfile.dockerd, 'dockerd').pid, 123);
      // A pidfile older than the process start is stale: not accepted.
      const early = new Date(1_700_000_001_000);
      utimesSync(join(root, 'run/docker.pid'), early, early);
      assert.equal((await collect()).ok && (value(await collect(), 'host').dockerd.ok), false);
    } finally {
      link('proc/123/fd/3', 'socket:[555]');
      rmSync(join(root, 'run/docker.pid'), { force: true });
    }
  });

  test('without /proc under the root, process evidence is unknown with the reason', async () => {
    const bare = mkdtempSync(join(tmpdir(), 'docksec-bare-root-'));
    try {
      mkdirSync(join(bare, 'etc/docker'), { recursive: true });
      writeFileSync(join(bare, 'etc/docker/daemon.json'), '{"live-restore": true}');
      const host: HostEvidence = value(await collectHostEvidence({ hostRoot: bare, containers: [{ Id: containerId, State: { Running: true, Pid: 300 } }] }), 'host');
      const reason = `no process information: ${join(bare, 'proc')} is absent or empty`;
      assert.deepEqual(host.dockerd, { ok: false, reason });
      assert.deepEqual(host.containerProcesses[containerId], { ok: false, reason });
      assert.deepEqual(host.listening, { ok: false, reason });
      assert.equal(host.daemonJsonSource, 'default');
      assert.equal(value(host.daemonJson, 'daemon.json').content, '{"live-restore": true}');
      assert.deepEqual(host.auditRules, { ok: true, value: [] });
      assert.deepEqual(host.apparmorEnabled, { ok: false, reason: `no /sys under ${bare}` });
      assert.deepEqual(host.dockerGroupMembers, { ok: false, reason: '/etc/group: no such file (ENOENT)' });
      assert.equal((await collectHostEvidence({ hostRoot: join(bare, 'missing') })).ok, false);
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});

describe('collector parsers', () => {
  test('dockerd argv with pflag rules', () => {
    const parsed = parseDaemonArgv(['dockerd', '-H', 'fd://', '--host=tcp://0.0.0.0:2376', '--tlsverify', '--icc=false', '-Dlwarn', '--log-level', 'debug', '-l', 'info', '--insecure-registry', 'a:5000', '--insecure-registry=b:5000']);
    assert.deepEqual(allFlags(parsed, 'host'), ['fd://', 'tcp://0.0.0.0:2376']);
    assert.equal(lastFlag(parsed, 'tlsverify'), 'true');
    assert.equal(lastFlag(parsed, 'icc'), 'false');
    assert.equal(lastFlag(parsed, 'debug'), 'true');
    assert.equal(lastFlag(parsed, 'log-level'), 'info');
    assert.deepEqual(allFlags(parsed, 'insecure-registry'), ['a:5000', 'b:5000']);
    // A boolean never swallows the next word.
    assert.deepEqual(parseDaemonArgv(['dockerd', '--tls', '--tlscacert', '/ca.pem']).flags.get('tlscacert'), ['/ca.pem']);
  });

  test('audit rule forms', () => {
    assert.deepEqual(parseAuditRule('-a exit,always -F arch=b64 -S open -F exe=/usr/bin/containerd -k "ctr d"', 'f'), {
      text: '-a exit,always -F arch=b64 -S open -F exe=/usr/bin/containerd -k "ctr d"',
      source: 'f',
      kind: 'syscall',
      list: 'exit',
      action: 'always',
      exe: '/usr/bin/containerd',
      key: 'ctr d',
      fields: ['arch=b64', 'exe=/usr/bin/containerd'],
    });
    assert.equal(parseAuditRule('   # comment', 'f'), undefined);
    assert.equal(parseAuditRule('', 'f'), undefined);
  });

  test('listening TCP decoding', () => {
    assert.deepEqual(parseListeningTcp('h\n 0: 00000000:0016 00000000:0000 0A x\n 1: 0100007F:0035 00000000:0000 0A x\n 2: 0100007F:0050 0100007F:1234 01 x\n', false), ['0.0.0.0:22', '127.0.0.1:53']);
    assert.equal(decodeIpv6('00000000000000000000000001000000'), '::1');
    assert.equal(decodeIpv6('0000000000000000FFFF00000100007F'), '::ffff:127.0.0.1');
  });
});
