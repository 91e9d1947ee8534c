/**
 * Sections 1–3 against a real dockerd with a `--host-root` folder: daemon.json, systemd units and drop-ins,
 * /etc/default/docker, audit rules, sockets with chosen owners and modes, and a fake procfs that ties a
 * dockerd to the socket. The API half is the real daemon's, so API evidence (bridge icc, live-restore)
 * takes precedence over the folder's daemon.json, as it must.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { collectSnapshot } from '../../src/bench/collector/index.js';
import { buildEvalContext } from '../../src/bench/evaluate.js';
import { CHECKS } from '../../src/bench/registry.js';
import type { Snapshot } from '../../src/bench/snapshot.js';
import { ensureDaemon } from '../helpers/docker.js';

const isRoot = process.getuid?.() === 0;

function statuses(snapshot: Snapshot, ids: string[], trustedUsers?: string[]): Record<string, string> {
  const context = buildEvalContext(snapshot, trustedUsers ? { trustedUsers } : {});
  const out: Record<string, string> = {};
  for (const id of ids) {
    const check = CHECKS.find((c) => c.meta.cisId === id);
    assert.ok(check, `check ${id} not registered`);
    out[id] = check.evaluate(context).status;
  }
  return out;
}

function reasonOf(snapshot: Snapshot, id: string): string {
  const check = CHECKS.find((c) => c.meta.cisId === id)!;
  return check.evaluate(buildEvalContext(snapshot)).reason ?? '';
}

describe('sections 1-3 on a real dockerd with --host-root', { skip: !isRoot && 'needs root (chown)' }, () => {
  const root = mkdtempSync(join(tmpdir(), 'docksec-test-host-checks-'));
  const put = (path: string, content: string, mode = 0o644, uid = 0, gid = 0) => {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
    chmodSync(full, mode);
    chownSync(full, uid, gid);
  };
  const link = (path: string, target: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    symlinkSync(target, join(root, path));
  };
  const unixTable = (rows: Array<[string, string]>) =>
    `Num       RefCount Protocol Flags    Type St Inode Path\n${rows.map(([inode, path]) => `0000000000000000: 00000002 00000000 00010000 0001 01 ${inode} ${path}`).join('\n')}\n`;
  const procProcess = (pid: number, comm: string, exe: string, argv: string[], extra: { cgroup?: string; fds?: Record<string, string>; unix?: Array<[string, string]>; ppid?: number } = {}) => {
    put(`proc/${pid}/stat`, `${pid} (${comm}) S ${extra.ppid ?? 1} ${pid} ${pid} 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 10 0 500 0 0\n`);
    put(`proc/${pid}/cmdline`, `${argv.join('\0')}\0`);
    put(`proc/${pid}/status`, `Name:\t${comm}\nUid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\n`);
    put(`proc/${pid}/environ`, 'PATH=/usr/sbin:/usr/bin:/sbin:/bin\0HOME=/root\0');
    put(`proc/${pid}/cgroup`, extra.cgroup ?? '0::/system.slice\n');
    link(`proc/${pid}/exe`, exe);
    mkdirSync(join(root, `proc/${pid}/fd`), { recursive: true });
    for (const [fd, target] of Object.entries(extra.fds ?? {})) link(`proc/${pid}/fd/${fd}`, target);
    put(`proc/${pid}/net/unix`, unixTable(extra.unix ?? []));
  };
  const rules = (lines: string[]) => put('etc/audit/rules.d/docker.rules', `${lines.join('\n')}\n`, 0o640);
  const collect = () => collectSnapshot({ hostRoot: root });

  before(async () => {
    await ensureDaemon();
    put('etc/docker/daemon.json', JSON.stringify({ icc: false, 'log-level': 'info', 'live-restore': true, 'userland-proxy': false, 'no-new-privileges': true }));
    chmodSync(join(root, 'etc/docker'), 0o755);
    put('lib/systemd/system/docker.service', '[Service]\nExecStart=/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock\n');
    put('lib/systemd/system/docker.socket', '[Socket]\nListenStream=/run/docker.sock\nSocketMode=0660\nSocketGroup=docker\n');
    put('etc/systemd/system/docker.service.d/override.conf', '[Service]\nLimitNOFILE=1048576\n', 0o644);
    put('etc/default/docker', 'DOCKER_OPTS=""\n');
    put('etc/group', 'root:x:0:\ndocker:x:999:alice\n');
    put('etc/passwd', 'root:x:0:0::/root:/bin/sh\nalice:x:1000:1000::/home/alice:/bin/sh\ncarol:x:1002:999::/home/carol:/bin/sh\n');
    rules(['-w /etc/docker -p wa -k docker', '-w /var/run/docker.sock -p wa -k docker', '-w /run/containerd -p wa -k docker']);
    link('var/run', '../run');
    put('run/docker.sock', '', 0o660, 0, 999);
    put('run/containerd/containerd.sock', '', 0o660);
    put('proc/stat', 'cpu  1 2 3\nbtime 1700000000\n');
    procProcess(1, 'systemd', '/usr/lib/systemd/systemd', ['/sbin/init']);
    put('proc/1/comm', 'systemd\n');
    put('proc/1/mountinfo', '22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n30 22 8:17 / /var/lib/docker rw,relatime shared:9 - xfs /dev/sdb1 rw\n');
    procProcess(123, 'dockerd', '/usr/bin/dockerd', ['/usr/bin/dockerd', '-H', 'fd://', '--containerd=/run/containerd/containerd.sock'], {
      cgroup: '0::/system.slice/docker.service\n',
      fds: { '3': 'socket:[555]' },
      unix: [['555', '/run/docker.sock']],
    });
    procProcess(200, 'containerd', '/usr/bin/containerd', ['/usr/bin/containerd'], { cgroup: '0::/system.slice/containerd.service\n', fds: { '5': 'socket:[888]' }, unix: [['888', '/run/containerd/containerd.sock']] });
    procProcess(50, 'auditd', '/sbin/auditd', ['/sbin/auditd']);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  test('the collected snapshot identifies the fake dockerd and its unit', async () => {
    const snapshot = await collect();
    assert.ok(snapshot.host.ok);
    const host = snapshot.host.value;
    assert.ok(host.dockerd.ok, host.dockerd.ok ? '' : host.dockerd.reason);
    assert.equal(host.dockerd.value.pid, 123);
    const context = buildEvalContext(snapshot);
    assert.equal(context.daemon.mode.kind, 'local');
    assert.equal(context.daemon.get('log-level').source, 'daemon.json');
    // The real daemon's /info decides live-restore, whatever the folder's daemon.json says.
    assert.equal(context.daemon.get('live-restore').source, 'api');
  });

  test('a well-configured folder: exact statuses of sections 1-3', async () => {
    const snapshot = await collect();
    assert.deepEqual(statuses(snapshot, [
      '1.1.1', '1.1.2', '1.1.3', '1.1.4', '1.1.6', '1.1.7', '1.1.9', '1.1.10', '1.1.11', '1.1.13',
      '2.3', '2.4', '2.8', '2.10', '2.14', '2.16',
      '3.1', '3.2', '3.3', '3.4', '3.5', '3.6', '3.7', '3.8', '3.9', '3.14', '3.15', '3.16', '3.17', '3.18', '3.19', '3.20', '3.21', '3.22', '3.23', '3.24',
    ]), {
      '1.1.1': 'PASS', // /var/lib/docker on its own device 8:17
      '1.1.2': 'MANUAL', // alice (member) and carol (primary group) can use the 0660 root:docker socket
      '1.1.3': 'FAIL', // no rule on /usr/bin/dockerd
      '1.1.4': 'PASS', // --containerd on argv names /run/containerd/containerd.sock; its directory is watched
      '1.1.6': 'PASS',
      '1.1.7': 'FAIL', // docker.service runs dockerd; its fragment is not watched
      '1.1.9': 'PASS', // -w /var/run/docker.sock is /run/docker.sock
      '1.1.10': 'FAIL',
      '1.1.11': 'PASS', // a watch on the /etc/docker directory covers daemon.json inside it
      '1.1.13': 'NOT_APPLICABLE',
      '2.3': 'PASS',
      '2.4': 'PASS',
      '2.8': 'FAIL',
      '2.10': 'PASS',
      '2.14': 'PASS', // engine 20.10: decided by daemon.json
      '2.16': 'PASS',
      '3.1': 'PASS', '3.2': 'PASS', '3.3': 'PASS', '3.4': 'PASS', '3.5': 'PASS', '3.6': 'PASS',
      '3.7': 'NOT_APPLICABLE', '3.8': 'NOT_APPLICABLE', '3.9': 'NOT_APPLICABLE', '3.14': 'NOT_APPLICABLE',
      '3.15': 'PASS', '3.16': 'PASS', '3.17': 'PASS', '3.18': 'PASS', '3.19': 'PASS', '3.20': 'PASS',
      '3.21': 'NOT_APPLICABLE', '3.22': 'NOT_APPLICABLE', '3.23': 'PASS', '3.24': 'PASS',
    });
  });

  test('changed modes, owners and rules change exactly the matching checks', async () => {
    chmodSync(join(root, 'lib/systemd/system/docker.service'), 0o666);
    chmodSync(join(root, 'etc/docker/daemon.json'), 0o664);
    chownSync(join(root, 'etc/default/docker'), 1000, 0);
    chmodSync(join(root, 'etc/systemd/system/docker.service.d/override.conf'), 0o600);
    rules(['-w /usr/bin/dockerd -k docker', '-w /etc/docker/daemon.json -p wa', '-w /lib/systemd/system/docker.service', '-w /etc/default/docker']);
    try {
      const snapshot = await collect();
      assert.deepEqual(statuses(snapshot, ['1.1.3', '1.1.6', '1.1.7', '1.1.9', '1.1.10', '1.1.11', '3.1', '3.2', '3.17', '3.18', '3.19', '3.20']), {
        '1.1.3': 'PASS',
        '1.1.6': 'FAIL', // a rule on daemon.json does not cover the /etc/docker directory
        '1.1.7': 'PASS',
        '1.1.9': 'FAIL',
        '1.1.10': 'PASS',
        '1.1.11': 'PASS',
        '3.1': 'PASS',
        '3.2': 'FAIL', // 0666 unit file
        '3.17': 'PASS',
        '3.18': 'FAIL', // group-writable daemon.json
        '3.19': 'FAIL', // owned by uid 1000
        '3.20': 'PASS',
      });
      assert.match(reasonOf(snapshot, '3.2'), /\/lib\/systemd\/system\/docker\.service: mode 0666 grants more than 0644/);
      // /var/run/docker.sock and /run/docker.sock are one socket (one item).
      assert.equal(reasonOf(snapshot, '1.1.9'), '1 of 1 audit target(s) fail: /run/docker.sock: no audit rule covers /run/docker.sock');
      // A drop-in is an item of its own (extension beyond CIS).
      chmodSync(join(root, 'lib/systemd/system/docker.service'), 0o644);
      chmodSync(join(root, 'etc/systemd/system/docker.service.d/override.conf'), 0o664);
      const dropIn = await collect();
      const outcome = CHECKS.find((c) => c.meta.cisId === '3.2')!.evaluate(buildEvalContext(dropIn));
      assert.equal(outcome.status, 'FAIL');
      assert.deepEqual(outcome.items?.map((i) => [i.object, i.status]), [
        ['/lib/systemd/system/docker.service', 'PASS'],
        ['/etc/systemd/system/docker.service.d/override.conf', 'FAIL'],
      ]);
    } finally {
      chmodSync(join(root, 'lib/systemd/system/docker.service'), 0o644);
      chmodSync(join(root, 'etc/systemd/system/docker.service.d/override.conf'), 0o644);
      chmodSync(join(root, 'etc/docker/daemon.json'), 0o644);
      chownSync(join(root, 'etc/default/docker'), 0, 0);
      rules(['-w /etc/docker -p wa -k docker', '-w /var/run/docker.sock -p wa -k docker', '-w /run/containerd -p wa -k docker']);
    }
  });

  test('1.1.2 with a trusted-user list; world-writable socket', async () => {
    const snapshot = await collect();
    assert.equal(statuses(snapshot, ['1.1.2'], ['alice'])['1.1.2'], 'FAIL');
    assert.equal(statuses(snapshot, ['1.1.2'], ['alice', 'carol'])['1.1.2'], 'PASS');
    chmodSync(join(root, 'run/docker.sock'), 0o666);
    try {
      assert.equal(statuses(await collect(), ['1.1.2'])['1.1.2'], 'FAIL');
      assert.equal(statuses(await collect(), ['3.16'])['3.16'], 'FAIL');
    } finally {
      chmodSync(join(root, 'run/docker.sock'), 0o660);
    }
  });

  test('2.2: API evidence (the real default bridge) outranks daemon.json; daemon.json decides without it', async () => {
    const snapshot = await collect();
    const context = buildEvalContext(snapshot);
    const icc = context.daemon.get('icc');
    assert.equal(icc.source, 'api');
    assert.equal(statuses(snapshot, ['2.2'])['2.2'], icc.value === true ? 'FAIL' : 'PASS');
    const withheld: Snapshot = { ...snapshot, engine: { ...snapshot.engine, networks: { ok: false, reason: 'test: networks withheld' } } };
    assert.equal(buildEvalContext(withheld).daemon.get('icc').source, 'daemon.json');
    assert.equal(statuses(withheld, ['2.2'])['2.2'], 'PASS');
  });

  test('audit rules only declared and no auditd: every audit check fails "not loaded"', async () => {
    rmSync(join(root, 'proc/50'), { recursive: true, force: true });
    try {
      const snapshot = await collect();
      assert.equal(statuses(snapshot, ['1.1.6'])['1.1.6'], 'FAIL');
      assert.match(reasonOf(snapshot, '1.1.6'), /rules not loaded/);
    } finally {
      procProcess(50, 'auditd', '/sbin/auditd', ['/sbin/auditd']);
    }
  });
});

describe('degrading to UNKNOWN without host evidence', { skip: !isRoot && 'needs root' }, () => {
  const bare = mkdtempSync(join(tmpdir(), 'docksec-test-host-checks-bare-'));
  after(() => rmSync(bare, { recursive: true, force: true }));

  test('no procfs under --host-root: argv-dependent checks are UNKNOWN, file checks still evaluated', async () => {
    await ensureDaemon();
    mkdirSync(join(bare, 'etc/docker'), { recursive: true });
    writeFileSync(join(bare, 'etc/docker/daemon.json'), '{"iptables": false}');
    const snapshot = await collectSnapshot({ hostRoot: bare });
    const got = statuses(snapshot, ['1.1.3', '2.3', '2.4', '2.8', '2.10', '3.17', '3.18']);
    assert.deepEqual(got, {
      '1.1.3': 'UNKNOWN', // dockerd not identified
      '2.3': 'UNKNOWN', // log-level could be on the unreadable command line
      '2.4': 'FAIL', // iptables:false in daemon.json cannot also be a flag (dockerd refuses both)
      '2.8': 'UNKNOWN',
      '2.10': 'UNKNOWN',
      '3.17': 'PASS',
      '3.18': 'PASS',
    });
    assert.match(reasonOf(snapshot, '2.8'), /dockerd command line unavailable/);
  });

  test('remote daemon (no host access): no section 1 or 3 check passes', async () => {
    await ensureDaemon();
    const local = await collectSnapshot({});
    const remote: Snapshot = { ...local, engine: { ...local.engine, locality: 'remote', endpoint: 'tcp://192.0.2.1:2376' }, host: { ok: false, reason: 'no host access: the daemon is remote (tcp://192.0.2.1:2376)' } };
    const context = buildEvalContext(remote);
    assert.equal(context.daemon.mode.kind, 'remote');
    for (const check of CHECKS.filter((c) => c.meta.section === '1' || c.meta.section === '3')) {
      if (check.meta.cisId.startsWith('1.2.')) continue;
      const outcome = check.evaluate(context);
      assert.equal(outcome.status, 'UNKNOWN', `${check.meta.cisId}: ${outcome.status} ${outcome.reason ?? ''}`);
      assert.match(outcome.reason ?? '', /no host access/, check.meta.cisId);
    }
    for (const check of CHECKS.filter((c) => c.meta.section === '2')) {
      const outcome = check.evaluate(context);
      // Only API evidence may decide a PASS remotely.
      if (outcome.status === 'PASS') assert.ok((outcome.evidence ?? []).every((e) => e.startsWith('/engine/')), `${check.meta.cisId} passed on ${outcome.evidence}`);
    }
  });
});
