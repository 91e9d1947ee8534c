import { VERSION } from '../version.js';

/** The package version, injected at build time (src/version.ts is written from package.json). */
export function readVersion(): string {
  return VERSION;
}
