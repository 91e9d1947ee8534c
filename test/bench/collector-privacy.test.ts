import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collectSnapshot } from '../../src/bench/collector/index.js';
import { isAuditedVariable } from '../../src/bench/collector/proc.js';
import { ensureDaemon } from '../helpers/docker.js';

test('only the environment variables checks need are kept from the daemon environment', () => {
  for (const name of ['HOME', 'PATH', 'XDG_CONFIG_HOME', 'XDG_RUNTIME_DIR', 'ROOTLESSKIT_STATE_DIR', 'DOCKER_CERT_PATH']) {
    assert.equal(isAuditedVariable(name), true, name);
  }
  for (const name of ['HTTPS_PROXY', 'AWS_SECRET_ACCESS_KEY', 'GITHUB_TOKEN', 'home', 'PATHX']) {
    assert.equal(isAuditedVariable(name), false, name);
  }
});

test('a real snapshot stores no dockerd environment variable outside the allow-list', async () => {
  await ensureDaemon();
  const snapshot = await collectSnapshot({ runAuditctl: false });
  assert.equal(snapshot.host.ok, true, 'local daemon: host evidence expected');
  if (!snapshot.host.ok) return;
  const dockerd = snapshot.host.value.dockerd;
  assert.equal(dockerd.ok, true, dockerd.ok ? '' : dockerd.reason);
  if (!dockerd.ok) return;
  const environ = dockerd.value.environ ?? {};
  assert.ok('PATH' in environ, 'PATH is kept: checks resolve binaries through it');
  assert.deepEqual(Object.keys(environ).filter((name) => !isAuditedVariable(name)), []);
});
