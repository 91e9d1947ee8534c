/**
 * Sets V8 flags for this process, for the tunings a program (the CLI) chooses: see shell/wasm-tuning.ts
 * and cli/batch-tuning.ts. `node:v8` is imported only here and only when a tuning applies, so runs that
 * need none never load it; off Node (a browser build) there is nothing to tune and nothing happens.
 * Only flags read afresh by the compilers may change after start-up: heap-configuring flags make V8 abort.
 */
export async function setV8Flags(flags: string): Promise<void> {
  try {
    const v8 = await import('node:v8');
    v8.setFlagsFromString(flags);
  } catch {
    // Not on Node: nothing to tune.
  }
}
