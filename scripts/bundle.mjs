// Bundles tsc's output (dist/src, so run after tsc: the reporter loader's `../reporters/${format}.js`
// glob matches compiled files there, and the bundle is exactly what the tests compile) for start-up speed: one file per lazily loaded part instead of ~125 modules.
// `docksec.mjs` is what `bin` points to; subcommands, reporters and the tree-sitter path stay
// separate chunks (splitting), so `docksec lint` loads no bench code and usually no WASM runtime.
import { rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const root = new URL('../', import.meta.url);
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
});
// parallel.ts asks for './parallel-worker.js' (the name tsc emits); forward it to the bundled worker.
writeFileSync(new URL('dist/bundle/parallel-worker.js', root), "import './parallel-worker.mjs';\n");
// Outside dist/bundle so it is not packed; test/cli/bundle.test.ts reads it to check what loads when.
writeFileSync(new URL('dist/bundle-meta.json', root), JSON.stringify(result.metafile));

