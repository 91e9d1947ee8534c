/**
 * Section 5 against a real dockerd: one hardened container, and one container per insecure setting that is
 * otherwise hardened. Each insecure container must FAIL exactly the checks its setting violates; the
 * hardened one must pass all of section 5 (or be NOT_APPLICABLE/MANUAL where that is the right answer).
 * Also: a saved snapshot evaluated offline gives the same results, and the CLI round-trips it.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup, docker, ensureBusyboxImage, ensureDaemon } from '../helpers/docker.js';
import { collectSnapshot } from '../../src/bench/collector/index.js';
import { evaluate, type BenchReport } from '../../src/bench/evaluate.js';
import type { Snapshot } from '../../src/bench/snapshot.js';
import { readSnapshotFile, runBench } from '../../src/cli/bench-command.js';

const PREFIX = 'docksec-test-s5-';
const NETWORK = `${PREFIX}net`;
const IMAGE = 'docksec-test/busybox:latest';
const work = mkdtempSync(join(tmpdir(), 'docksec-s5-'));
const sharedDir = join(work, 'shared');

const HARDENED = [
  '--read-only', '--memory', '64m', '--cpu-shares', '512', '--pids-limit', '64', '--restart', 'on-failure:3',
  '--security-opt', 'no-new-privileges', '--cap-drop', 'ALL', '--health-cmd', 'true', '--user', '1000:1000',
];
const SLEEP = ['sleep', '3600'];

/** name suffix → extra flags (replacing flags where the setting is the opposite of hardened), expected FAIL ids. */
interface Case {
  flags: string[];
  network?: string | null;
  drop?: string[];
  command?: string[];
  fails: string[];
  /** Other statuses to assert for this container's item. */
  also?: Record<string, string>;
}

const SSHD_SCRIPT = "printf '#!/bin/sh\\nwhile :; do sleep 100; done\\n' > /tmp/sshd && /bin/busybox chmod +x /tmp/sshd && exec /tmp/sshd";

const CASES: Record<string, Case> = {
  hardened: { flags: [], fails: [] },
  hostnet: { flags: [], network: 'host', fails: ['5.10'] },
  defaultbridge: { flags: [], network: null, fails: ['5.30'] },
  hostpid: { flags: ['--pid', 'host'], fails: ['5.16'] },
  hostipc: { flags: ['--ipc', 'host'], fails: ['5.17'] },
  hostuts: { flags: ['--uts', 'host'], fails: ['5.21'] },
  hostuserns: { flags: ['--userns', 'host'], fails: ['5.31'] },
  sysadmin: { flags: ['--cap-add', 'SYS_ADMIN'], fails: ['5.4', 'C.5.3.3'] },
  docksock: { flags: ['-v', '/var/run/docker.sock:/var/run/docker.sock:ro'], fails: ['5.32'], also: { '5.20': 'PASS', '5.6': 'PASS' } },
  etcro: { flags: ['-v', '/etc:/host-etc:ro'], fails: ['5.6'] },
  etcrw: { flags: ['-v', '/etc:/host-etc'], fails: ['5.6'] },
  shared: { flags: ['--mount', `type=bind,source=${sharedDir},target=/mnt,bind-propagation=rshared`], fails: ['5.20'] },
  nolimits: { flags: [], drop: ['--memory', '--cpu-shares', '--pids-limit'], fails: ['5.11', '5.12', '5.29'] },
  privileged: {
    flags: ['--privileged'],
    fails: ['5.4', '5.5', '5.22', 'C.5.3.1', 'C.5.3.2', 'C.5.3.3', 'C.5.3.4'],
    also: { '5.18': 'MANUAL' },
  },
  port22: { flags: ['-p', '0.0.0.0:22:22'], fails: ['5.8', '5.14'], also: { '5.9': 'MANUAL' } },
  restartalways: { flags: ['--restart', 'always'], fails: ['5.15'] },
  seccomp: { flags: ['--security-opt', 'seccomp=unconfined'], fails: ['5.22'] },
  cgroupparent: { flags: ['--cgroup-parent', '/docksec-test-s5'], fails: ['5.25'] },
  device: { flags: ['--device', '/dev/null:/dev/xnull'], fails: [], also: { '5.18': 'MANUAL' } },
  // Root so it can write the script to the tmpfs (tmpfs mode= is not honoured in every sandbox); user is a 4.1 matter.
  sshd: { flags: ['--tmpfs', '/tmp:exec'], drop: ['--user'], command: ['sh', '-c', SSHD_SCRIPT], fails: ['5.7'] },
};

/** Flags of the hardened baseline with `drop`ped options (and their values) removed. */
function baseline(drop: readonly string[] = []): string[] {
  const out: string[] = [];
  for (let i = 0; i < HARDENED.length; i++) {
    const flag = HARDENED[i]!;
    const takesValue = i + 1 < HARDENED.length && !HARDENED[i + 1]!.startsWith('--');
    if (drop.includes(flag)) {
      if (takesValue) i++;
      continue;
    }
    out.push(flag);
    if (takesValue) out.push(HARDENED[++i]!);
  }
  return out;
}

let snapshot: Snapshot;
let report: BenchReport;

function statusOf(result: BenchReport['results'][number] | undefined, container: string): string | undefined {
  return result?.items.find((i) => i.object === container)?.status;
}

describe('section 5 on a live daemon', { timeout: 300_000 }, () => {
  before(async () => {
    await ensureDaemon();
    await ensureBusyboxImage(IMAGE);
    await cleanup(PREFIX);
    await docker(['network', 'rm', NETWORK]);
    mkdirSync(sharedDir, { recursive: true });
    const net = await docker(['network', 'create', NETWORK]);
    assert.equal(net.code, 0, net.stderr);
    await Promise.all(
      Object.entries(CASES).map(async ([suffix, c]) => {
        const restartDrop = c.flags.includes('--restart') ? ['--restart'] : [];
        const network = c.network === undefined ? ['--network', NETWORK] : c.network === null ? [] : ['--network', c.network];
        const args = ['run', '-d', '--name', `${PREFIX}${suffix}`, ...baseline([...(c.drop ?? []), ...restartDrop]), ...network, ...c.flags, IMAGE, ...(c.command ?? SLEEP)];
        const result = await docker(args);
        if (result.code !== 0) {
          // A container whose start is refused here (privileged in this sandbox, a taken port, a non-shared
          // mount) stays Created: it must be audited all the same.
          const exists = await docker(['inspect', '--format', '{{.State.Status}}', `${PREFIX}${suffix}`]);
          assert.equal(exists.code, 0, `could not create ${suffix}: ${result.stderr}`);
        }
      }),
    );
    // Give the sshd script a moment to exec.
    await new Promise((resolve) => setTimeout(resolve, 500));
    snapshot = await collectSnapshot({});
    report = evaluate(snapshot, { benchmark: '1.6.0', include: ['5'], community: true, includeContainers: new RegExp(`^${PREFIX}`) });
  });

  after(async () => {
    await cleanup(PREFIX);
    await docker(['network', 'rm', NETWORK]);
    rmSync(work, { recursive: true, force: true });
  });

  it('audits every test container, running or not', () => {
    const names = new Set(report.results.find((r) => r.id === '5.5')!.items.map((i) => i.object));
    for (const suffix of Object.keys(CASES)) assert.ok(names.has(`${PREFIX}${suffix}`), `${suffix} missing`);
  });

  for (const [suffix, c] of Object.entries(CASES)) {
    it(`${suffix}: FAILs exactly ${c.fails.join(', ') || 'nothing'}`, () => {
      const name = `${PREFIX}${suffix}`;
      const failing = report.results.filter((r) => statusOf(r, name) === 'FAIL').map((r) => r.id).sort();
      assert.deepEqual(failing, [...c.fails].sort(), JSON.stringify(
        report.results.filter((r) => statusOf(r, name) === 'FAIL').map((r) => [r.id, r.items.find((i) => i.object === name)?.reason]),
      ));
      for (const [id, status] of Object.entries(c.also ?? {})) assert.equal(statusOf(report.results.find((r) => r.id === id), name), status, id);
    });
  }

  it('hardened container passes section 5 (NOT_APPLICABLE/MANUAL only where correct)', () => {
    const name = `${PREFIX}hardened`;
    // This daemon has neither AppArmor nor SELinux; the hardened container publishes no port and has no mounts.
    const allowed: Record<string, string> = { '5.8': 'NOT_APPLICABLE', '5.14': 'NOT_APPLICABLE', '5.20': 'NOT_APPLICABLE' };
    const apparmor = report.results.find((r) => r.id === '5.2')!;
    const selinux = report.results.find((r) => r.id === '5.3')!;
    for (const r of report.results) {
      if (['5.1', '5.23', '5.24'].includes(r.id)) continue;
      if (r.id === '5.2' && apparmor.status === 'NOT_APPLICABLE') continue;
      if (r.id === '5.3' && selinux.status === 'NOT_APPLICABLE') continue;
      const expected = r.id === '5.28' ? 'MANUAL' : allowed[r.id] ?? 'PASS';
      assert.equal(statusOf(r, name), expected, `${r.id}: ${JSON.stringify(r.items.find((i) => i.object === name))}`);
    }
    assert.equal(report.results.find((r) => r.id === '5.23')!.status, 'MANUAL');
  });

  it('sees the sshd process through host /proc and nothing sshd-like elsewhere', () => {
    const sshd = report.results.find((r) => r.id === '5.7')!;
    assert.match(sshd.items.find((i) => i.object === `${PREFIX}sshd`)!.reason ?? '', /sshd/);
    // The pid-host container sees every host process but must not inherit them.
    assert.notEqual(statusOf(sshd, `${PREFIX}hostpid`), 'FAIL');
  });

  it('scores: 5.x FAILs count once each, whatever the number of containers', () => {
    const failingScored = report.results.filter((r) => r.scored && r.status === 'FAIL').length;
    const passingScored = report.results.filter((r) => r.scored && r.status === 'PASS').length;
    assert.equal(report.score.score, passingScored - failingScored);
    assert.ok(report.score.failingItems >= Object.values(CASES).reduce((n, c) => n + c.fails.length, 0));
    assert.ok(report.score.community, 'community scored separately');
  });

  it('evaluating the saved snapshot offline gives the same results', async () => {
    const file = join(work, 'snapshot.json');
    writeFileSync(file, JSON.stringify(snapshot));
    const offline = evaluate(readSnapshotFile(file), { benchmark: '1.6.0', include: ['5'], community: true, includeContainers: new RegExp(`^${PREFIX}`) });
    assert.deepEqual(offline.results, report.results);
    assert.deepEqual(offline.score, report.score);

    const out = join(work, 'report.json');
    const status = await runBench(['--from-snapshot', file, '-c', 'container_runtime', '--include-containers', `^${PREFIX}`, '-f', 'json', '-o', out]);
    assert.equal(status, 1, 'scored FAILs give exit status 1');
    const json = JSON.parse(readFileSync(out, 'utf8')) as { schemaVersion: number; results: Array<{ id: string; status: string; items: Array<{ object: string; status: string }> }> };
    assert.equal(json.schemaVersion, 1);
    const privileged = json.results.find((r) => r.id === '5.5')!;
    assert.equal(privileged.status, 'FAIL');
    assert.deepEqual(privileged.items.filter((i) => i.status === 'FAIL').map((i) => i.object), [`${PREFIX}privileged`]);
    assert.equal(await runBench(['--from-snapshot', file, '--fail-on', 'none', '-f', 'json', '-o', out]), 0);

    // 1.5.0 numbering: privileged is 5.4 there, swarm 7.1.
    const old = evaluate(snapshot, { benchmark: '1.5.0', include: ['container_runtime'], includeContainers: new RegExp(`^${PREFIX}`) });
    assert.equal(old.results.find((r) => r.slug === 'container-not-privileged')!.id, '5.4');
    assert.equal(old.results.find((r) => r.slug === 'container-no-docker-sock-mount')!.id, '5.31');
  });
});
