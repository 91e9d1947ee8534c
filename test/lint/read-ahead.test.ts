import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { defaultLintConfig } from '../../src/lint/config.js';
import { lintFiles } from '../../src/lint/linter.js';
import { READ_AHEAD_MIN_CORES, READ_AHEAD_MIN_FILES, startReadAhead } from '../../src/lint/read-ahead.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const example = readFileSync(join(root, 'examples/node-app/Dockerfile'), 'utf8');

describe('reading ahead on a helper thread', () => {
  let dir: string;
  let paths: string[];
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'docksec-read-ahead-'));
    paths = [];
    for (let i = 0; i < READ_AHEAD_MIN_FILES + 40; i++) {
      const path = join(dir, `${String(i).padStart(3, '0')}.Dockerfile`);
      // Every file different, some not UTF-8, one empty, one with a BOM.
      const text = i === 5 ? '' : i === 6 ? `\ufeff${example}` : `${example}RUN echo ${i}\n`;
      writeFileSync(path, i === 7 ? Buffer.concat([Buffer.from('FROM alpine\nRUN echo '), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]) : text);
      paths.push(path);
    }
    // Inputs the helper must leave to the linting thread, which reports them as without it.
    paths.splice(10, 0, join(dir, 'missing.Dockerfile'));
    mkdirSync(join(dir, 'adir.Dockerfile'));
    paths.splice(20, 0, join(dir, 'adir.Dockerfile'));
    execFileSync('mkfifo', [join(dir, 'fifo.Dockerfile')]);
    paths.splice(30, 0, join(dir, 'fifo.Dockerfile'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the same findings and errors as reading every file on the linting thread', async () => {
    // A writer for the FIFO, so that reading it (on the linting thread, as before) ends.
    const writer = execFileSync('sh', ['-c', `(printf 'FROM alpine\\nRUN cd /tmp\\n' > "${join(dir, 'fifo.Dockerfile')}") >/dev/null 2>&1 & echo $!`], { encoding: 'utf8' });
    assert.match(writer.trim(), /^\d+$/);
    const together = await lintFiles(paths, defaultLintConfig(), { readAheadOnAnyCores: true });
    // One file at a time never reads ahead (below READ_AHEAD_MIN_FILES).
    execFileSync('sh', ['-c', `(printf 'FROM alpine\\nRUN cd /tmp\\n' > "${join(dir, 'fifo.Dockerfile')}") >/dev/null 2>&1 &`]);
    const alone = { files: [] as string[], findings: [] as unknown[], errors: [] as unknown[] };
    for (const path of paths) {
      const result = await lintFiles([path], defaultLintConfig());
      alone.files.push(...result.files);
      alone.findings.push(...result.findings);
      alone.errors.push(...result.errors);
    }
    assert.deepEqual(together.files, alone.files);
    assert.deepEqual(together.findings, alone.findings);
    assert.deepEqual(together.errors, alone.errors);
    assert.deepEqual(
      together.errors.map((e) => e.file),
      [join(dir, 'missing.Dockerfile'), join(dir, 'adir.Dockerfile')],
    );
    assert.ok(together.findings.some((f) => f.file === join(dir, 'fifo.Dockerfile') && f.ruleId === 'DL3003'), 'the FIFO was read');
    assert.ok(together.findings.some((f) => f.file === paths[7] && f.ruleId === 'DL1000'), 'invalid UTF-8 located');
  });

  it('hands over the bytes of every regular file once the helper is done, and nothing for other inputs', async () => {
    const wanted = paths.filter((p) => !p.includes('fifo'));
    const reader = await startReadAhead(wanted, { anyCores: true });
    assert.ok(reader);
    try {
      // Let the helper read everything first (however slowly this machine starts a thread).
      for (let waited = 0; !reader.ended() && waited < 30_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.ok(reader.ended(), 'the helper thread ended');
      for (let index = 0; index < wanted.length; index++) {
        const path = wanted[index]!;
        const bytes: Uint8Array | null = reader.take(index);
        if (path.endsWith('missing.Dockerfile') || path.endsWith('adir.Dockerfile')) assert.equal(bytes, null, path);
        else assert.deepEqual(Buffer.from(bytes ?? []), readFileSync(path), path);
      }
    } finally {
      reader.stop();
    }
  });

  it('skips what the linting thread has already read itself', async () => {
    const reader = await startReadAhead(paths.filter((p) => !p.includes('fifo')), { anyCores: true });
    assert.ok(reader);
    try {
      reader.take(50); // usually null (the helper has not started): the caller then reads it itself
      for (let waited = 0; !reader.ended() && waited < 30_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.ok(reader.ended(), 'the helper thread ended');
      // The helper went on from where the linting thread was.
      assert.notEqual(reader.take(51), null);
      assert.notEqual(reader.take(paths.length - 2), null);
    } finally {
      reader.stop();
    }
  });

  it('is not used for few files or standard input', async () => {
    assert.equal(await startReadAhead(paths.slice(0, READ_AHEAD_MIN_FILES - 1), { anyCores: true }), null);
    assert.equal(await startReadAhead([...paths, '-'], { anyCores: true }), null);
  });

  it('is used by default only with a core to spare', async () => {
    const reader = await startReadAhead(paths.filter((p) => !p.includes('fifo')));
    assert.equal(reader !== null, availableParallelism() >= READ_AHEAD_MIN_CORES);
    reader?.stop();
  });
});
