import { readFileSync } from 'node:fs';

let cached: string | undefined;

/** The package version from package.json (dist/src/cli -> the package root). */
export function readVersion(): string {
  if (cached === undefined) {
    try {
      const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version?: string };
      cached = pkg.version ?? 'unknown';
    } catch {
      cached = 'unknown';
    }
  }
  return cached;
}
