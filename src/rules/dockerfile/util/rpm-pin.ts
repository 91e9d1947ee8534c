/** Version-pin test shared by the yum (DL3033) and dnf (DL3041) rules. */

const VERSION_PART = /^[A-Za-z0-9.~^_:+]*$/;

/**
 * True when an rpm package word carries a version: it needs a `-`; `.rpm` files are pinned; otherwise
 * everything after the first `-` must look like a version (version characters only, one part starting
 * with a digit), so `python3-devel` is a name and `httpd-2.4.6` is pinned.
 */
export function rpmPackagePinned(word: string): boolean {
  const parts = word.split('-');
  if (parts.length <= 1) return false;
  if (word.endsWith('.rpm')) return true;
  const rest = parts.slice(1);
  return rest.every((p) => VERSION_PART.test(p)) && rest.some((p) => /^[0-9]/.test(p));
}
