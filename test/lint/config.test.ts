import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultLintConfig } from '../../src/lint/config.js';
import {
  ConfigFileError,
  configFromEnv,
  findConfigFile,
  loadLintConfig,
  mergeLintConfig,
  parseConfigText,
} from '../../src/lint/config-file.js';

function scratch(): { dir: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'docksec-config-'));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

test('config file keys map onto LintConfig', async () => {
  const text = [
    'ignored: [DL3008, SC2086]',
    'override:',
    '  error: [DL3001]',
    '  style: [DL3015]',
    'trustedRegistries: [docker.io, my.registry]',
    'label-schema:',
    '  maintainer: text',
    '  homepage: url',
    '  note: ""',
    'strict-labels: true',
    'failure-threshold: warning',
    'no-fail: true',
    'no-color: true',
    'disable-ignore-pragma: true',
    'format: json',
    'unknown-key: whatever',
  ].join('\n');
  const outcome = await parseConfigText(text, '.hadolint.yaml');
  assert.deepEqual(outcome, {
    ok: true,
    config: {
      ignored: ['DL3008', 'SC2086'],
      override: { error: ['DL3001'], style: ['DL3015'] },
      trustedRegistries: ['docker.io', 'my.registry'],
      labelSchema: { maintainer: 'text', homepage: 'url', note: 'text' },
      strictLabels: true,
      failureThreshold: 'warning',
      noFail: true,
      noColor: true,
      disableIgnorePragma: true,
      formats: ['json'],
    },
  });
});

test('a wrong type for a known key invalidates the file with a located message', async () => {
  const wrongType = await parseConfigText('ignored: DL3008\n', 'cfg.yaml');
  assert.deepEqual(wrongType, { ok: false, error: 'cfg.yaml: "ignored" must be a list of strings' });
  const badThreshold = await parseConfigText('failure-threshold: loud\n', 'cfg.yaml');
  assert.equal(badThreshold.ok, false);
  const badYaml = await parseConfigText('ignored: [DL3008\n', 'cfg.yaml');
  assert.equal(badYaml.ok, false);
  assert.match(badYaml.ok ? '' : badYaml.error, /^cfg\.yaml:\d+:\d+: /);
  assert.deepEqual(await parseConfigText('', 'cfg.yaml'), { ok: true, config: {} });
});

test('environment variables: truthy values, comma lists, invalid entries dropped', () => {
  const layer = configFromEnv({
    HADOLINT_NOFAIL: 'YES',
    HADOLINT_VERBOSE: 'nope',
    NO_COLOR: '',
    HADOLINT_FORMAT: 'json,bogus,sarif',
    HADOLINT_FAILURE_THRESHOLD: 'bogus',
    HADOLINT_OVERRIDE_ERROR: 'DL3001,DL3002',
    HADOLINT_IGNORE: 'DL3008',
    HADOLINT_TRUSTED_REGISTRIES: 'a.io,b.io',
    HADOLINT_REQUIRE_LABELS: 'maintainer:text,bad:nope,url:url',
    HADOLINT_STRICT_LABELS: 'on',
    HADOLINT_DISABLE_IGNORE_PRAGMA: '1',
  });
  assert.deepEqual(layer, {
    noFail: true,
    verbose: false,
    noColor: true,
    formats: ['json', 'sarif'],
    override: { error: ['DL3001', 'DL3002'] },
    ignored: ['DL3008'],
    trustedRegistries: ['a.io', 'b.io'],
    labelSchema: { maintainer: 'text', url: 'url' },
    strictLabels: true,
    disableIgnorePragma: true,
  });
});

test('precedence: later layers win for scalars, lists are unioned', () => {
  const merged = mergeLintConfig(
    defaultLintConfig(),
    { ignored: ['A'], failureThreshold: 'error', noFail: true },
    { ignored: ['B', 'A'], override: { info: ['X'] } },
    { ignored: ['C'], failureThreshold: 'style', noFail: false, override: { info: ['Y'] } },
  );
  assert.deepEqual(merged.ignored, ['A', 'B', 'C']);
  assert.equal(merged.failureThreshold, 'style');
  assert.equal(merged.noFail, false);
  assert.deepEqual(merged.override, { info: ['X', 'Y'] });
});

test('search order: .docksec.yaml, then .hadolint.yaml in cwd, then XDG, ~/.hadolint/, home', () => {
  const { dir, done } = scratch();
  try {
    const cwd = join(dir, 'project');
    const home = join(dir, 'home');
    const xdg = join(dir, 'xdg');
    for (const d of [cwd, home, xdg, join(home, '.hadolint')]) mkdirSync(d, { recursive: true });
    const context = { cwd, home, env: { XDG_CONFIG_HOME: xdg }, platform: 'linux' as const };
    assert.equal(findConfigFile(context), undefined);
    writeFileSync(join(home, '.hadolint.yml'), '');
    assert.equal(findConfigFile(context), join(home, '.hadolint.yml'));
    writeFileSync(join(home, '.hadolint', 'config.yaml'), '');
    assert.equal(findConfigFile(context), join(home, '.hadolint', 'config.yaml'));
    writeFileSync(join(xdg, 'hadolint.yaml'), '');
    assert.equal(findConfigFile(context), join(xdg, 'hadolint.yaml'));
    writeFileSync(join(cwd, '.hadolint.yml'), '');
    assert.equal(findConfigFile(context), join(cwd, '.hadolint.yml'));
    writeFileSync(join(cwd, '.hadolint.yaml'), '');
    assert.equal(findConfigFile(context), join(cwd, '.hadolint.yaml'));
    writeFileSync(join(cwd, '.docksec.yaml'), '');
    assert.equal(findConfigFile(context), join(cwd, '.docksec.yaml'));
    // Without XDG_CONFIG_HOME the XDG directory is ~/.config.
    assert.equal(findConfigFile({ cwd: dir, home, env: {}, platform: 'linux' }), join(home, '.hadolint', 'config.yaml'));
  } finally {
    done();
  }
});

test('loadLintConfig: invalid file is reported and skipped; env < file < CLI; explicit missing file throws', async () => {
  const { dir, done } = scratch();
  try {
    writeFileSync(join(dir, '.hadolint.yaml'), 'ignored: [DL3008]\nfailure-threshold: error\n');
    const loaded = await loadLintConfig({
      cwd: dir,
      home: dir,
      env: { HADOLINT_IGNORE: 'DL3007', HADOLINT_FAILURE_THRESHOLD: 'style' },
      cli: { ignored: ['DL3006'] },
    });
    assert.equal(loaded.file, join(dir, '.hadolint.yaml'));
    assert.deepEqual(loaded.config.ignored, ['DL3007', 'DL3008', 'DL3006']);
    assert.equal(loaded.config.failureThreshold, 'error');
    assert.deepEqual(loaded.warnings, []);

    writeFileSync(join(dir, '.hadolint.yaml'), 'no-fail: maybe\n');
    const invalid = await loadLintConfig({ cwd: dir, home: dir, env: {} });
    assert.equal(invalid.config.noFail, false);
    assert.equal(invalid.warnings.length, 1);
    assert.match(invalid.warnings[0]!, /invalid config file .*\.hadolint\.yaml: "no-fail" must be true or false; continuing without it/);

    await assert.rejects(loadLintConfig({ cwd: dir, home: dir, env: {}, configPath: join(dir, 'missing.yaml') }), ConfigFileError);
  } finally {
    done();
  }
});
