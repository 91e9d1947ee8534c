/**
 * Version-pin test shared by the yum (DL3033) and dnf (DL3041) rules, plus the variable tracking they
 * need: a package written as `name-${VERSION}` counts as pinned when VERSION is an ENV of the current
 * stage (or of the stage it is built FROM) or any ARG declared earlier.
 */
import type { Entry, Stage } from '../types.js';

const VERSION_PART = /^[A-Za-z0-9.~^_:+]*$/;

/** Names referenced as `${NAME}` / `${NAME:-x}` in a word (the shell model writes `$NAME` as `${NAME}`). */
function referencedNames(word: string): string[] {
  return [...word.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1] ?? '');
}

/**
 * True when an rpm package word carries a version: it needs a `-`; `.rpm` files are pinned; a word with
 * a `$` is pinned when it uses a known variable; otherwise everything after the first `-` must look like
 * a version (version characters only, one part starting with a digit).
 */
export function rpmPackagePinned(word: string, isKnown: (name: string) => boolean): boolean {
  const parts = word.split('-');
  if (parts.length <= 1) return false;
  if (word.endsWith('.rpm')) return true;
  if (word.includes('$') && referencedNames(word).some(isKnown)) return true;
  const rest = parts.slice(1);
  return rest.every((p) => VERSION_PART.test(p)) && rest.some((p) => /^[0-9]/.test(p));
}

/**
 * Walks one pass of entries and yields each entry together with the variables visible to it (ARGs seen
 * so far anywhere, ENV keys of the current stage including those inherited from its parent stage).
 */
export function* withKnownVariables(entries: readonly Entry[]): Generator<{ entry: Entry; isKnown: (name: string) => boolean }> {
  const args = new Set<string>();
  const envByStage = new Map<Stage | null, Set<string>>();
  const envOf = (stage: Stage | null): Set<string> => {
    let set = envByStage.get(stage);
    if (!set) {
      set = new Set(stage?.parent ? envByStage.get(stage.parent) ?? [] : []);
      envByStage.set(stage, set);
    }
    return set;
  };
  for (const entry of entries) {
    const instruction = entry.instruction;
    // ONBUILD payloads never see FROM, so they all share one scope, as in Hadolint's ONBUILD pass.
    const scope = entry.onbuild ? null : entry.stage;
    if (instruction.keyword === 'ARG') for (const a of instruction.args) args.add(a.name);
    if (instruction.keyword === 'ENV') for (const p of instruction.pairs) envOf(scope).add(p.key);
    const env = envOf(scope);
    yield { entry, isKnown: (name) => args.has(name) || env.has(name) };
  }
}
