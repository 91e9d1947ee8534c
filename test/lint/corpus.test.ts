/**
 * The real-world corpus (test/fixtures/corpus, see SOURCES.md): official-image families, multi-stage
 * builds, heredocs, Windows images. Every file parses and lints with every rule (all profiles) without
 * an internal error, and only the deliberately broken files (`broken-*`) have syntax errors (DL1000).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDockerfile } from '../../src/dockerfile/parser.js';
import { defaultLintConfig } from '../../src/lint/config.js';
import { lintFiles } from '../../src/lint/linter.js';
import { lintFilesParallel } from '../../src/lint/parallel.js';

const corpusDir = fileURLToPath(new URL('../../../test/fixtures/corpus/', import.meta.url));
const names = readdirSync(corpusDir).filter((n) => n.endsWith('.Dockerfile')).sort();
const paths = names.map((n) => join(corpusDir, n));
const isBroken = (name: string): boolean => name.startsWith('broken-');
const config = { ...defaultLintConfig(), profiles: ['all'] };

test('the corpus has at least 40 files, real-world ones listed with their source in SOURCES.md', () => {
  assert.ok(names.length >= 40, `${names.length} files`);
  const sources = readFileSync(join(corpusDir, 'SOURCES.md'), 'utf8');
  for (const name of names) assert.ok(sources.includes(`\`${name}\``), `${name} is missing from SOURCES.md`);
  const upstream = sources.split('\n').filter((l) => /^\| `[^`]+\.Dockerfile` \| [\w.-]+\/[\w.-]+ \|/.test(l));
  assert.ok(upstream.length >= 30, `${upstream.length} upstream files`);
  assert.ok(upstream.every((l) => !/GPL/.test(l)), 'no GPL-licensed sources');
});

test('every corpus file lints with all rules: no internal error, DL1000 only in broken-* files', async () => {
  const result = await lintFiles(paths, config);
  assert.deepEqual(result.errors, []);
  assert.deepEqual(result.internalErrors, []);
  assert.deepEqual(result.files, paths);
  const internal = result.findings.filter((f) => /internal error/i.test(f.message));
  assert.deepEqual(internal, []);
  const syntaxFiles = new Set(result.findings.filter((f) => f.ruleId === 'DL1000').map((f) => f.file));
  assert.deepEqual([...syntaxFiles].sort(), paths.filter((p) => isBroken(p.slice(corpusDir.length))).sort());
});

test('the parser reports no errors for the real-world files, and the expected structure', () => {
  for (const name of names) {
    const df = parseDockerfile(readFileSync(join(corpusDir, name), 'utf8'), name);
    if (isBroken(name)) assert.ok(df.errors.length > 0, `${name} should have errors`);
    else assert.deepEqual(df.errors, [], name);
  }
  const stages = (name: string): number =>
    parseDockerfile(readFileSync(join(corpusDir, name), 'utf8'), name).instructions.filter((i) => i.keyword === 'FROM').length;
  assert.equal(stages('buildkit-root.Dockerfile'), 52);
  assert.equal(stages('node-22-windows-2022.Dockerfile'), 2);
  assert.equal(stages('golang-1.22-alpine3.20.Dockerfile'), 2);
  // A Windows file with `# escape=``: backtick continuations join into one RUN each.
  const windows = parseDockerfile(readFileSync(join(corpusDir, 'moby-windows.Dockerfile'), 'utf8'), 'moby-windows.Dockerfile');
  assert.equal(windows.directives.escape, '`');
  assert.deepEqual(
    windows.instructions.map((i) => i.keyword),
    ['FROM', 'SHELL', 'ARG', 'ARG', 'ENV', 'RUN', 'RUN', 'ENTRYPOINT', 'WORKDIR', 'COPY'],
  );
});

test('the deliberately broken files fail where they are broken', async () => {
  const result = await lintFiles(
    ['broken-unterminated-heredoc.Dockerfile', 'broken-syntax.Dockerfile'].map((n) => join(corpusDir, n)),
    config,
  );
  const syntax = result.findings.filter((f) => f.ruleId === 'DL1000').map((f) => `${f.file.slice(corpusDir.length)}:${f.line}:${f.column} ${f.message}`);
  assert.ok(syntax.includes("broken-unterminated-heredoc.Dockerfile:2:5 unterminated heredoc: no line 'EOT' before the end of the file"), syntax.join('\n'));
  assert.ok(syntax.some((s) => s.startsWith('broken-syntax.Dockerfile:1:1 FROM needs an image name')), syntax.join('\n'));
});

test('heredoc, CRLF and BOM files: findings land on the right lines', async () => {
  const result = await lintFiles(
    ['docksec-heredoc-app.Dockerfile', 'docksec-crlf.Dockerfile', 'docksec-bom-unicode.Dockerfile', 'docksec-php-apache.Dockerfile'].map((n) => join(corpusDir, n)),
    config,
  );
  const at = (name: string, code: string): number[] =>
    result.findings.filter((f) => f.file.endsWith(name) && f.ruleId === code).map((f) => f.line);
  assert.deepEqual(at('docksec-php-apache.Dockerfile', 'DL4000'), [9]); // MAINTAINER
  assert.deepEqual(at('docksec-php-apache.Dockerfile', 'DL3009'), [5]); // apt lists not removed
  assert.deepEqual(at('docksec-crlf.Dockerfile', 'DL3018'), [2]); // apk add without pins, CRLF continuations
  assert.deepEqual(at('docksec-bom-unicode.Dockerfile', 'DL1000'), []);
  // The heredoc bodies are not Dockerfile instructions: nothing is reported inside them as one.
  assert.deepEqual(result.findings.filter((f) => f.file.endsWith('docksec-heredoc-app.Dockerfile') && f.ruleId === 'DL1000'), []);
});

test('the parallel linter gives exactly the sequential result on the corpus', async () => {
  const sequential = await lintFiles(paths, config);
  const parallel = await lintFilesParallel([...paths, ...paths], config, { workers: 1 });
  assert.deepEqual(parallel.files, [...sequential.files, ...sequential.files]);
  assert.deepEqual(parallel.findings, [...sequential.findings, ...sequential.findings]);
  assert.deepEqual(parallel.internalErrors, []);
});
