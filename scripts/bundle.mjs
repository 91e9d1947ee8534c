// Bundles tsc's output (dist/src, so run after tsc: the reporter loader's `../reporters/${format}.js`
// glob matches compiled files there, and the bundle is exactly what the tests compile) for start-up speed: one file per lazily loaded part instead of ~125 modules.
// `docksec.cjs` (a small CommonJS launcher, below) is what `bin` points to; `docksec.mjs` is the ES entry; subcommands, reporters and the tree-sitter path stay
// separate chunks (splitting), so `docksec lint` loads no bench code and usually no WASM runtime.
// `lint` itself runs from lint.cjs with a V8 code cache made here (see src/cli/code-cache.ts).
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const root = new URL('../', import.meta.url);
const nodeRequire = createRequire(new URL('package.json', root));
// Chunk names carry content hashes: clear old ones so a package never ships stale chunks.
rmSync(new URL('dist/bundle', root), { recursive: true, force: true });

const result = await build({
  absWorkingDir: root.pathname,
  entryPoints: {
    docksec: 'dist/src/cli/main.js',
    // parallel.ts starts it as `new URL('./parallel-worker.js', import.meta.url)`; chunks and
    // entries share one flat directory, so that URL resolves next to whichever chunk holds parallel.ts.
    'parallel-worker': 'dist/src/lint/parallel-worker.js',
  },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // web-tree-sitter finds its own tree-sitter.wasm next to its module, and the grammar is resolved with
  // require.resolve at run time: both must stay real packages in node_modules.
  external: ['web-tree-sitter', 'tree-sitter-bash'],
  chunkNames: 'chunk-[hash]',
  // .mjs: Node knows these are ES modules without looking for the nearest package.json "type".
  outExtension: { '.js': '.mjs' },
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  // Bundled CommonJS packages (yaml) call require() for Node builtins; ES modules have none of their own.
  banner: { js: "import { createRequire as __docksecCreateRequire } from 'node:module';\nconst require = __docksecCreateRequire(import.meta.url);" },
  plugins: [
    {
      // `await import('yaml')` of a bundled CommonJS package yields only a default export; Node's own
      // loader also gives its named exports (config-file.ts destructures them), so name them here.
      name: 'yaml-named-exports',
      setup(b) {
        b.onResolve({ filter: /^yaml$/ }, (args) =>
          args.namespace === 'yaml-esm' ? undefined : { path: 'yaml', namespace: 'yaml-esm' },
        );
        b.onLoad({ filter: /.*/, namespace: 'yaml-esm' }, () => {
          const names = Object.keys(nodeRequire('yaml')).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== 'default');
          return {
            contents: `import yaml from ${JSON.stringify(nodeRequire.resolve('yaml'))};\nexport const { ${names.join(', ')} } = yaml;\nexport default yaml;\n`,
            resolveDir: root.pathname,
            loader: 'js',
          };
        });
      },
    },
  ],
});
// parallel.ts asks for './parallel-worker.js' (the name tsc emits); forward it to the bundled worker.
writeFileSync(new URL('dist/bundle/parallel-worker.js', root), "import './parallel-worker.mjs';\n");
// read-ahead.ts starts './read-worker.js' next to itself; the worker imports only node: modules, so tsc's
// output is shipped as it is.
copyFileSync(new URL('dist/src/lint/read-worker.js', root), new URL('dist/bundle/read-worker.js', root));
// Outside dist/bundle so it is not packed; test/cli/bundle.test.ts reads it to check what loads when.
writeFileSync(new URL('dist/bundle-meta.json', root), JSON.stringify(result.metafile));

// ---- lint.cjs: the lint command as one CommonJS script for node:vm, and its code cache.
const { HOST_ERRORS_ID } = await import(new URL('dist/src/cli/code-cache.js', root).href);
const lintScript = new URL('dist/bundle/lint.cjs', root);
const cjs = await build({
  absWorkingDir: root.pathname,
  entryPoints: ['dist/src/cli/lint-command.js'],
  outfile: 'dist/bundle/lint.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['web-tree-sitter', 'tree-sitter-bash'],
  // The script's import.meta.url is its own file URL (worker script, grammar lookup), passed in by the loader.
  define: { 'import.meta.url': '__docksecBundleUrl' },
  plugins: [
    {
      // main.ts catches UsageError with instanceof: the script must share the ES bundle's class.
      name: 'host-modules',
      setup(b) {
        b.onResolve({ filter: /^\.\/errors\.js$/ }, (args) =>
          args.importer.endsWith('/dist/src/cli/lint-command.js') ? { path: HOST_ERRORS_ID, external: true } : undefined,
        );
        // yaml.cjs (below): only runs with a config file need it, so the script does not carry it.
        b.onResolve({ filter: /^yaml$/ }, () => ({ path: './yaml.cjs', external: true }));
      },
    },
  ],
  legalComments: 'none',
  logLevel: 'warning',
  write: false,
});
// esbuild names each glob import in a comment (`// import("../reporters/**/*.js") in ...`): not a call.
let code = cjs.outputFiles[0].text.replace(/^(\/\/ )import\(/gm, '$1glob: import (');
// A vm script cannot run import() itself: the loader passes one that resolves from the bundle directory.
const dynamicImports = code.match(/\bimport\(/g)?.length ?? 0;
code = code.replace(/\bawait import\("/g, 'await __docksecImport("');
if ((code.match(/\bimport\(/g)?.length ?? 0) !== 0 || dynamicImports === 0) {
  throw new Error(`lint.cjs: expected only 'await import("...")' dynamic imports (found ${dynamicImports})`);
}
if (code.includes('import.meta')) throw new Error('lint.cjs: import.meta left in the script');
writeFileSync(lintScript, code);
await build({
  absWorkingDir: root.pathname,
  stdin: { contents: "module.exports = require('yaml');", resolveDir: root.pathname, loader: 'js' },
  outfile: 'dist/bundle/yaml.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
});

// ---- docksec.cjs: what `bin` runs. CommonJS, so `docksec lint` reaches lint.cjs without the ES loader.
await build({
  absWorkingDir: root.pathname,
  entryPoints: ['dist/src/cli/launcher.js'],
  outfile: 'dist/bundle/docksec.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['./docksec.mjs'],
  define: { 'import.meta.url': '__docksecLauncherUrl' },
  banner: { js: "#!/usr/bin/env node\nconst __docksecLauncherUrl = require('node:url').pathToFileURL(__filename).href;" },
  legalComments: 'none',
  logLevel: 'warning',
});
if (readFileSync(new URL('dist/bundle/docksec.cjs', root), 'utf8').includes('require("./docksec.mjs")')) {
  throw new Error('docksec.cjs: the ES bundle must be loaded with import(), not require()');
}

// The cache holds the bytecode of every function a lint run compiles, so runs are made first. They run in
// a child process whose standard output (reports are written straight to fd 1) goes nowhere, with
// Node's default V8 flags, as the CLI compiles the script.
const made = spawnSync(
  process.execPath,
  [
    '--input-type=module',
    '-e',
    `import { readFileSync, writeFileSync } from 'node:fs';
     const { runCompiledScript, cacheFileContents } = await import(${JSON.stringify(new URL('dist/src/cli/code-cache.js', root).href)});
     const path = ${JSON.stringify(lintScript.pathname)};
     const { exports: lint, script } = runCompiledScript(path, { importModule: (s) => import(s) });
     // One-file runs, as from editors and hooks; none may need tree-sitter: its loading sets a V8 flag,
     // and V8 rejects a cache made under other flags (checked below).
     for (const args of [['examples/hardened/Dockerfile'], ['examples/node-app/Dockerfile'], ['-f', 'json', 'examples/hardened/Dockerfile']]) {
       await lint.run(['--no-shellcheck', '--no-fail', ...args]);
     }
     writeFileSync(path + '.cache', cacheFileContents(readFileSync(path), script.createCachedData()));`,
  ],
  { cwd: root.pathname, stdio: ['ignore', 'ignore', 'inherit'] },
);
if (made.status !== 0) throw new Error(`making lint.cjs.cache failed (status ${made.status})`);

// A fresh process (default flags, like the CLI) must accept the cache, or it is only dead weight.
const check = spawnSync(
  process.execPath,
  [
    '--input-type=module',
    '-e',
    `import { readFileSync } from 'node:fs';
     const { runCompiledScript } = await import(${JSON.stringify(new URL('dist/src/cli/code-cache.js', root).href)});
     const path = ${JSON.stringify(lintScript.pathname)};
     const { cacheUsed } = runCompiledScript(path, { cacheFile: readFileSync(path + '.cache'), importModule: (s) => import(s) });
     process.stdout.write(String(cacheUsed));`,
  ],
  { encoding: 'utf8' },
);
if (check.stdout !== 'true') throw new Error(`lint.cjs.cache is not accepted by a fresh node process: ${check.stdout}${check.stderr}`);
