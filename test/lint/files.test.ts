import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { compileIgnoreLine, expandPaths, isDockerfileName } from '../../src/lint/files.js';

test('Dockerfile-like names', () => {
  for (const name of ['Dockerfile', 'dockerfile', 'Containerfile', 'Dockerfile.dev', 'app.Dockerfile', 'api.dockerfile', 'Containerfile.prod']) {
    assert.equal(isDockerfileName(name), true, name);
  }
  for (const name of ['Dockerfile.dockerignore', 'README.md', 'Dockerfile.md', 'dockerfiles', 'docker-compose.yml', '.dockerfile', 'Dockerfile.']) {
    assert.equal(isDockerfileName(name), false, name);
  }
});

function matches(pattern: string, path: string): boolean {
  const p = compileIgnoreLine(pattern);
  assert.ok(p, pattern);
  return p.regex.test(path);
}

test('gitignore patterns: unanchored names, anchored paths, ** and character classes', () => {
  assert.equal(matches('build', 'build'), true);
  assert.equal(matches('build', 'a/b/build'), true);
  assert.equal(matches('/build', 'a/build'), false);
  assert.equal(matches('/build', 'build'), true);
  assert.equal(matches('docs/*.md', 'docs/a.md'), true);
  assert.equal(matches('docs/*.md', 'docs/x/a.md'), false);
  assert.equal(matches('**/legacy', 'a/b/legacy'), true);
  assert.equal(matches('**/legacy', 'legacy'), true);
  assert.equal(matches('vendor/**', 'vendor/a/b'), true);
  assert.equal(matches('vendor/**', 'vendor'), false);
  assert.equal(matches('a/**/z', 'a/z'), true);
  assert.equal(matches('a/**/z', 'a/b/c/z'), true);
  assert.equal(matches('Dockerfile.[ab]', 'Dockerfile.a'), true);
  assert.equal(matches('Dockerfile.[!ab]', 'Dockerfile.a'), false);
  assert.equal(matches('\\#hash', '#hash'), true);
  assert.equal(compileIgnoreLine('# comment'), null);
  assert.equal(compileIgnoreLine('   '), null);
  const dirOnly = compileIgnoreLine('tmp/')!;
  assert.equal(dirOnly.dirOnly, true);
  assert.equal(compileIgnoreLine('!keep')!.negated, true);
});

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'docksec-files-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

test('directory walk: names, .gitignore (negation, dir-only, nested), --exclude, skipped dirs, sorted', async () => {
  const root = tree({
    'Dockerfile': 'FROM a\n',
    'b/Containerfile': 'FROM a\n',
    'a/app.Dockerfile': 'FROM a\n',
    'a/notes.txt': 'x',
    'node_modules/pkg/Dockerfile': 'FROM a\n',
    '.git/Dockerfile': 'FROM a\n',
    '.gitignore': 'build/\ngenerated/*\n!generated/Dockerfile.keep\n',
    'build/Dockerfile': 'FROM a\n',
    'generated/Dockerfile.gen': 'FROM a\n',
    'generated/Dockerfile.keep': 'FROM a\n',
    'c/.gitignore': 'Dockerfile.local\n',
    'c/Dockerfile.local': 'FROM a\n',
    'c/Dockerfile.ci': 'FROM a\n',
    'vendor/x/Dockerfile': 'FROM a\n',
  });
  try {
    const result = await expandPaths([root], { exclude: ['vendor/'] });
    assert.deepEqual(result.errors, []);
    assert.deepEqual(
      result.files.map((f) => f.slice(root.length + 1)),
      ['Dockerfile', 'a/app.Dockerfile', 'b/Containerfile', 'c/Dockerfile.ci', 'generated/Dockerfile.keep'],
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('explicit files are kept whatever their name; stdin is -; missing paths are errors; symlink loops end', async () => {
  const root = tree({ 'weird.name': 'FROM a\n', 'loop/Dockerfile': 'FROM a\n' });
  try {
    symlinkSync(join(root, 'loop'), join(root, 'loop', 'again'));
    const result = await expandPaths([join(root, 'weird.name'), '-', join(root, 'missing'), join(root, 'loop')]);
    assert.deepEqual(result.files, [join(root, 'weird.name'), '-', join(root, 'loop', 'Dockerfile')]);
    assert.deepEqual(result.errors, [{ file: join(root, 'missing'), message: 'no such file or directory' }]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('directory walk: file names are spelt as path.join spells them, whatever the argument looks like', async () => {
  const root = tree({ 'Dockerfile': 'FROM a\n', 'sub/deeper/app.Dockerfile': 'FROM a\n' });
  const cwd = process.cwd();
  try {
    process.chdir(root);
    const expected = (arg: string): string[] => [join(arg, 'Dockerfile'), join(arg, 'sub', 'deeper', 'app.Dockerfile')];
    for (const arg of ['.', './', 'sub/..', `.${sep}.`, root, `${root}${sep}`, `${root}${sep}${sep}sub${sep}..`]) {
      const result = await expandPaths([arg]);
      assert.deepEqual(result.errors, [], arg);
      assert.deepEqual(result.files, expected(arg), arg);
    }
    const nested = await expandPaths([`.${sep}sub${sep}`]);
    assert.deepEqual(nested.files, [join('sub', 'deeper', 'app.Dockerfile')]);
  } finally {
    process.chdir(cwd);
    rmSync(root, { recursive: true, force: true });
  }
});
