/**
 * Start-up of the bundled CLI: the `lint` command as one CommonJS script compiled through `node:vm` with a
 * V8 code cache written at build time (scripts/bundle.mjs). Node 20 has no code cache for ES modules,
 * and compiling the ~400 KB the lint path needs (then compiling each function on its first call) is most
 * of a one-file lint's own time; the cache holds the bytecode of every function a lint run used.
 *
 * Correctness never depends on the cache: it is used only when it was made from exactly this script
 * (the cache file holds a copy of the source, compared byte for byte: V8 itself only compares lengths),
 * and V8 rejects it for another V8 version or other flags; in every other case the script is compiled
 * from source as usual. Nothing is ever written at run time.
 * Outside the bundle (the tsc build) there is no script and the caller imports the ES module instead.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';
import * as cliErrors from './errors.js';

/**
 * A cache file: this marker, the source's byte length in 10 decimal digits and a newline, the source
 * itself, then V8's data. (A copy rather than a digest: comparing is a memcmp, while node:crypto alone
 * would cost a one-file run more than the comparison and the larger read together.)
 */
const CACHE_MARKER = 'docksec-code-cache-2 ';
const HEADER_LENGTH = CACHE_MARKER.length + 10 + 1;

/** The module id the bundled script imports cli/errors.js as, so `instanceof UsageError` holds across both. */
export const HOST_ERRORS_ID = 'docksec:cli-errors';

export interface CompiledScript<T> {
  exports: T;
  script: vm.Script;
  /** True when a cache was given and V8 accepted it. */
  cacheUsed: boolean;
}

function cacheHeader(source: Buffer): string {
  return `${CACHE_MARKER}${String(source.length).padStart(10, '0')}\n`;
}

/** The cache file contents for `source` and V8's data (used by the build). */
export function cacheFileContents(source: Buffer, data: Buffer): Buffer {
  return Buffer.concat([Buffer.from(cacheHeader(source), 'latin1'), source, data]);
}

/** V8's data from a cache file, or undefined when the file was made from another source (stale). */
function cachedDataFor(source: Buffer, cacheFile: Buffer | undefined): Buffer | undefined {
  const dataStart = HEADER_LENGTH + source.length;
  if (cacheFile === undefined || cacheFile.length <= dataStart) return undefined;
  if (cacheFile.toString('latin1', 0, HEADER_LENGTH) !== cacheHeader(source)) return undefined;
  if (!cacheFile.subarray(HEADER_LENGTH, dataStart).equals(source)) return undefined;
  return cacheFile.subarray(dataStart);
}

/**
 * Compiles and runs the CommonJS script at `path` (a bundle made for this loader: it calls
 * `__docksecImport` for dynamic imports and reads `__docksecBundleUrl` for `import.meta.url`).
 */
export function runCompiledScript<T>(
  path: string,
  options: { cacheFile?: Buffer; importModule: (specifier: string) => Promise<unknown> },
): CompiledScript<T> {
  const source = readFileSync(path);
  const cachedData = cachedDataFor(source, options.cacheFile);
  const wrapped =
    '(function (exports, require, module, __filename, __dirname, __docksecImport, __docksecBundleUrl) {' +
    source.toString('utf8') +
    '\n})';
  const script = new vm.Script(wrapped, { filename: path, ...(cachedData ? { cachedData } : {}) });
  const cacheUsed = cachedData !== undefined && !script.cachedDataRejected;
  const nodeRequire = createRequire(path);
  const require = Object.assign((id: string): unknown => (id === HOST_ERRORS_ID ? cliErrors : nodeRequire(id)), nodeRequire);
  const module = { exports: {} as T };
  const url = pathToFileURL(path).href;
  // CommonJS files next to the script (yaml.cjs) are required: an import() would see no named exports.
  const importModule = (specifier: string): Promise<unknown> =>
    specifier.startsWith('./') && specifier.endsWith('.cjs') ? Promise.resolve().then(() => nodeRequire(specifier)) : options.importModule(specifier);
  const body = script.runInThisContext() as (...args: unknown[]) => void;
  body(module.exports, require, module, path, fileURLToPath(new URL('.', url)), importModule, url);
  return { exports: module.exports, script, cacheUsed };
}

/**
 * The bundled `lint` command when this module runs from the bundle (lint.cjs next to it), else null.
 * `importModule` must be `(s) => import(s)` written in a module of the bundle directory.
 */
export function loadBundledCommand<T>(name: string, baseUrl: string, importModule: (specifier: string) => Promise<unknown>): T | null {
  const path = fileURLToPath(new URL(`./${name}.cjs`, baseUrl));
  let cacheFile: Buffer | undefined;
  try {
    cacheFile = readFileSync(`${path}.cache`);
  } catch {
    cacheFile = undefined; // no cache (or unreadable): compile from source
  }
  try {
    return runCompiledScript<T>(path, { cacheFile, importModule }).exports;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
