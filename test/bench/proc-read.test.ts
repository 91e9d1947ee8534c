import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { ProcFs, readProcText } from '../../src/bench/collector/proc.js';

const dir = mkdtempSync(join(tmpdir(), 'docksec-proc-read-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

test('readProcText returns small files whole and undefined for missing files and directories', () => {
  writeFileSync(join(dir, 'small'), 'Name:\tsleep\nPid:\t42\n');
  assert.equal(readProcText(join(dir, 'small'), 1024), 'Name:\tsleep\nPid:\t42\n');
  assert.equal(readProcText(join(dir, 'missing'), 1024), undefined);
  assert.equal(readProcText(dir, 1024), undefined);
  assert.equal(readProcText('/proc/self/comm', 256), 'node\n');
});

test('readProcText stops at maxBytes and reads files larger than its scratch buffer', () => {
  const big = 'x'.repeat(200_000) + 'END';
  writeFileSync(join(dir, 'big'), big);
  assert.equal(readProcText(join(dir, 'big'), 10), 'xxxxxxxxxx');
  assert.equal(readProcText(join(dir, 'big'), 1024 * 1024), big);
  assert.equal(readProcText(join(dir, 'big'), 65_536 + 5)?.length, 65_541);
});

test('readProcText round-trips any content up to the bound (property)', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 1, max: 400 }), (text, max) => {
      const path = join(dir, 'prop');
      writeFileSync(path, text);
      const bytes = Buffer.from(text, 'utf8');
      assert.equal(readProcText(path, max), bytes.subarray(0, Math.min(max, bytes.length)).toString('utf8'));
    }),
    { numRuns: 200 },
  );
});

test('ProcFs reads through a fake procfs tree (text, stat, links)', async () => {
  const proc = join(dir, 'proc');
  mkdirSync(join(proc, '7', 'ns'), { recursive: true });
  writeFileSync(join(proc, '7', 'stat'), '7 (my (odd) sshd) S 1 7 7 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 1234 0 0');
  writeFileSync(join(proc, '7', 'cgroup'), '0::/docker/' + 'a'.repeat(64) + '\n');
  const fs = new ProcFs(proc);
  assert.deepEqual(await fs.pids(), [7]);
  assert.deepEqual(await fs.stat(7), { comm: 'my (odd) sshd', ppid: 1, startTime: 1234 });
  assert.equal(await fs.text(7, 'cgroup'), '0::/docker/' + 'a'.repeat(64) + '\n');
  assert.equal(await fs.link(7, 'exe'), undefined);
});
