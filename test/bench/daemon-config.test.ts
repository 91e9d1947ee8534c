/**
 * The effective daemon configuration (audit spec §0.6): precedence API > argv > daemon.json > default,
 * pflag argv forms, drift, declared-only values, unknown when evidence is missing, and target modes (§0.3).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildDaemonView, parseDaemonJson, tlsState } from '../../src/bench/daemon-config.js';
import { snapshotWith } from './snapshot-merge.js';

const withArgv = (args: string[], extra: Record<string, unknown> = {}) =>
  snapshotWith({ host: { value: { dockerd: { value: { argv: ['/usr/bin/dockerd', ...args] } }, ...extra } } });
const withJson = (content: string, args: string[] = []) =>
  snapshotWith({ host: { value: { dockerd: { value: { argv: ['/usr/bin/dockerd', ...args] } }, daemonJson: { value: { content } } } } });

describe('precedence', () => {
  test('API evidence outranks argv and daemon.json', () => {
    // Base /info has Debug:false; argv says -D.
    const view = buildDaemonView(withArgv(['-D']));
    assert.deepEqual([view.get('debug').value, view.get('debug').source], [false, 'api']);
    // Base default bridge enable_icc "true" outranks the base daemon.json icc:false.
    assert.deepEqual([view.get('icc').value, view.get('icc').source], [true, 'api']);
    assert.deepEqual([view.get('live-restore').value, view.get('live-restore').source], [false, 'api']);
  });

  test('argv outranks daemon.json and records drift', () => {
    const view = buildDaemonView(withJson('{"iptables": true, "log-level": "warn"}', ['--iptables=false']));
    const iptables = view.get('iptables');
    assert.deepEqual([iptables.value, iptables.source], [false, 'argv']);
    assert.match(iptables.drift ?? '', /set both on the dockerd command line and in \/etc\/docker\/daemon\.json/);
    assert.deepEqual(view.drift, ['iptables']);
    assert.deepEqual([view.get('log-level').value, view.get('log-level').source], ['warn', 'daemon.json']);
  });

  test('defaults apply only when argv and the file were both read', () => {
    const view = buildDaemonView(withJson('{}'));
    assert.deepEqual([view.get('log-level').value, view.get('log-level').source], ['info', 'default']);
    assert.deepEqual(view.list('storage-opts'), []);
    const noDockerd = buildDaemonView(snapshotWith({ host: { value: { dockerd: { ok: false, reason: 'no dockerd process found' } } } }));
    // The file's value stands (dockerd refuses a key set both ways); an absent key is unknown.
    assert.deepEqual([noDockerd.get('userland-proxy').value, noDockerd.get('userland-proxy').source], [false, 'daemon.json']);
    assert.equal(noDockerd.get('iptables').value, undefined);
    assert.match(noDockerd.get('iptables').unknown ?? '', /dockerd command line unavailable \(dockerd not identified: no dockerd process found\)/);
    const remote = buildDaemonView(snapshotWith({ engine: { locality: 'remote' }, host: { ok: false, reason: 'no host access: remote' } }));
    assert.equal(remote.get('iptables').unknown, 'dockerd command line unavailable (no host access: remote)');
  });

  test('daemon.json missing at the default path is no settings; at an explicit path it is unknown', () => {
    const missing = buildDaemonView(snapshotWith({ host: { value: { daemonJson: { value: { exists: false, content: null } } } } }));
    assert.deepEqual(missing.file, { ok: true, value: null });
    assert.equal(missing.get('userland-proxy').value, true);
    const gone = buildDaemonView(snapshotWith({ host: { value: { daemonJsonSource: 'argv', daemonJson: { value: { path: '/srv/d.json', exists: false } } } } }));
    assert.match(gone.get('iptables').unknown ?? '', /config file named on argv is gone: \/srv\/d\.json/);
  });

  test('invalid daemon.json is unknown with file:line:column', () => {
    const view = buildDaemonView(withJson('{\n  "icc": false,\n  oops\n}'));
    assert.equal(view.file.ok, false);
    assert.match(view.get('iptables').unknown ?? '', /^\/etc\/docker\/daemon\.json:3:3: invalid JSON/);
    assert.match(parseDaemonJson({ path: '/x.json', exists: true, content: '[1]' }).ok ? '' : 'array', /array/);
  });

  test('a file changed after the daemon started gives declared values', () => {
    const view = buildDaemonView(snapshotWith({
      host: { value: { dockerd: { value: { startTimeMs: 1000 } }, daemonJson: { value: { mtimeMs: 2000, content: '{"log-level": "debug"}' } } } },
    }));
    assert.match(view.get('log-level').declared ?? '', /changed after the daemon started/);
  });
});

describe('argv parsing (pflag rules, short flags)', () => {
  test('forms --k=v, --k v, -Xv, -X v; booleans never take the next word', () => {
    const view = buildDaemonView(withJson('{}', ['-l', 'warn', '-Gops', '--tlsverify', '-H', 'tcp://0.0.0.0:2376', '--host=unix:///run/d.sock', '--tlscacert', '/ca.pem']));
    assert.equal(view.string('log-level'), 'warn');
    assert.equal(view.string('group'), 'ops');
    assert.deepEqual(view.list('hosts'), ['tcp://0.0.0.0:2376', 'unix:///run/d.sock']);
    assert.equal(view.string('tlscacert'), '/ca.pem');
    assert.deepEqual(tlsState(view), { enabled: true, verify: true, evidence: tlsState(view).evidence });
  });

  test('a repeated scalar: the last wins; lists and pair flags accumulate', () => {
    const view = buildDaemonView(withJson('{}', ['--log-level=debug', '--log-level=error', '--default-ulimit', 'nofile=1024:2048', '--default-ulimit=nproc=64', '--log-opt', 'max-size=10m']));
    assert.equal(view.string('log-level'), 'error');
    assert.deepEqual(view.get('default-ulimits').value, { nofile: 'nofile=1024:2048', nproc: 'nproc=64' });
    assert.deepEqual(view.get('log-opts').value, { 'max-size': '10m' });
  });

  test('--tls alone implies verification; tlsverify=false disables it', () => {
    assert.deepEqual(
      [tlsState(buildDaemonView(withJson('{}', ['--tls']))).verify, tlsState(buildDaemonView(withJson('{"tlsverify": false}', ['--tls']))).verify],
      [true, false],
    );
    assert.equal(tlsState(buildDaemonView(withJson('{}'))).enabled, false);
  });

  test('property: the last --log-level on argv is the effective level', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('debug', 'info', 'warn', 'error'), { minLength: 1, maxLength: 6 }), fc.boolean(), (levels, short) => {
      const args = levels.flatMap((l) => (short ? ['-l', l] : [`--log-level=${l}`]));
      assert.equal(buildDaemonView(withJson('{}', args)).string('log-level'), levels[levels.length - 1]);
    }));
  });
});

describe('target modes', () => {
  test('local, remote, Podman, rootless, containerised, daemon not identified', () => {
    assert.equal(buildDaemonView(snapshotWith({})).mode.kind, 'local');
    assert.equal(buildDaemonView(snapshotWith({ engine: { locality: 'remote' }, host: { ok: false, reason: 'remote' } })).mode.kind, 'remote');
    assert.equal(buildDaemonView(snapshotWith({ engine: { info: { value: { OperatingSystem: 'Docker Desktop' } } } })).mode.kind, 'remote');
    assert.equal(buildDaemonView(snapshotWith({ engine: { version: { value: { Components: [{ Name: 'Podman Engine' }] } } } })).mode.kind, 'podman');
    assert.equal(buildDaemonView(snapshotWith({ engine: { info: { value: { SecurityOptions: ['name=rootless'] } } } })).mode.kind, 'rootless');
    assert.equal(buildDaemonView(snapshotWith({ host: { value: { dockerd: { value: { environ: { ROOTLESSKIT_STATE_DIR: '/run/user/1000/dockerd-rootless' } } } } } })).mode.rootless, true);
    assert.equal(buildDaemonView(snapshotWith({ host: { value: { root: '/proc/1/root' } } })).mode.kind, 'containerised');
    assert.equal(buildDaemonView(snapshotWith({ host: { value: { dockerd: { ok: false, reason: 'x' } } } })).mode.kind, 'local-unidentified');
  });

  test('engine version parsed from /version', () => {
    assert.deepEqual(buildDaemonView(snapshotWith({})).engineVersion, [27, 3, 1]);
    assert.deepEqual(buildDaemonView(snapshotWith({ engine: { version: { value: { Version: '20.10.24+dfsg1' } } } })).engineVersion, [20, 10, 24]);
  });
});
