/**
 * Value validators for the label-schema rules (DL3052–DL3056, DL3058). Written from the RFCs and specs,
 * kept as small anchored regular expressions plus range checks: linear time on any input.
 */

// ---- RFC 3986 URI (scheme required; fragment allowed) -------------------------------------------------
const PCT = '%[0-9A-Fa-f]{2}';
const UNRESERVED_SUB = "A-Za-z0-9\\-._~!$&'()*+,;=";
const PCHAR = `(?:[${UNRESERVED_SUB}:@]|${PCT})`;
const USERINFO = `(?:[${UNRESERVED_SUB}:]|${PCT})*`;
const REG_NAME = `(?:[${UNRESERVED_SUB}]|${PCT})*`;
// IP literals are checked loosely (hex digits, colons, dots, optional zone or IPvFuture form).
const IP_LITERAL = `\\[(?:[0-9A-Fa-f:.]+(?:%25(?:[${UNRESERVED_SUB}]|${PCT})+)?|v[0-9A-Fa-f]+\\.[${UNRESERVED_SUB}:]+)\\]`;
const AUTHORITY = `(?:${USERINFO}@)?(?:${IP_LITERAL}|${REG_NAME})(?::[0-9]*)?`;
const PATH_ABEMPTY = `(?:/${PCHAR}*)*`;
const PATH_ABSOLUTE = `/(?:${PCHAR}+(?:/${PCHAR}*)*)?`;
const PATH_ROOTLESS = `${PCHAR}+(?:/${PCHAR}*)*`;
const HIER_PART = `(?://${AUTHORITY}${PATH_ABEMPTY}|${PATH_ABSOLUTE}|${PATH_ROOTLESS}|)`;
const QUERY_OR_FRAGMENT = `(?:${PCHAR}|[/?])*`;
const URI_PATTERN = new RegExp(`^[A-Za-z][A-Za-z0-9+.-]*:${HIER_PART}(?:\\?${QUERY_OR_FRAGMENT})?(?:#${QUERY_OR_FRAGMENT})?$`);

/** An RFC 3986 URI with a scheme (`https://x.org/a?b#c`, `mailto:a@b`, `urn:isbn:1`). */
export function isUri(value: string): boolean {
  return URI_PATTERN.test(value);
}

// ---- RFC 3339 date-time -------------------------------------------------------------------------------
const RFC3339_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** An RFC 3339 `date-time` (`2024-05-01T12:30:00Z`, `2024-05-01T12:30:00.5+02:00`), with field ranges checked. */
export function isRfc3339(value: string): boolean {
  const m = RFC3339_PATTERN.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  // Second 60 is a leap second, which RFC 3339 allows.
  if (hour > 23 || minute > 59 || second > 60) return false;
  if (m[7] !== undefined && (Number(m[8]) > 23 || Number(m[9]) > 59)) return false;
  return true;
}

// ---- SPDX license identifier --------------------------------------------------------------------------
/**
 * A compact list of commonly used SPDX license identifiers (not the full SPDX list). Matching ignores
 * case, as the SPDX specification asks; expressions (`MIT OR Apache-2.0`, `GPL-2.0+`) are not identifiers.
 */
export const COMMON_SPDX_IDS: readonly string[] = [
  '0BSD', 'AFL-3.0', 'AGPL-1.0', 'AGPL-3.0', 'AGPL-3.0-only', 'AGPL-3.0-or-later', 'Apache-1.0', 'Apache-1.1',
  'Apache-2.0', 'APSL-2.0', 'Artistic-1.0', 'Artistic-2.0', 'BlueOak-1.0.0', 'BSD-1-Clause', 'BSD-2-Clause',
  'BSD-2-Clause-Patent', 'BSD-3-Clause', 'BSD-3-Clause-Clear', 'BSD-4-Clause', 'BSL-1.0', 'BUSL-1.1', 'CAL-1.0',
  'CC-BY-3.0', 'CC-BY-4.0', 'CC-BY-SA-3.0', 'CC-BY-SA-4.0', 'CC-BY-NC-4.0', 'CC-BY-NC-SA-4.0', 'CC-BY-ND-4.0',
  'CC0-1.0', 'CDDL-1.0', 'CDDL-1.1', 'CECILL-2.1', 'CPL-1.0', 'ECL-2.0', 'EFL-2.0', 'EPL-1.0', 'EPL-2.0',
  'EUPL-1.1', 'EUPL-1.2', 'FTL', 'GFDL-1.3', 'GFDL-1.3-only', 'GFDL-1.3-or-later', 'GPL-1.0', 'GPL-1.0-only',
  'GPL-1.0-or-later', 'GPL-2.0', 'GPL-2.0-only', 'GPL-2.0-or-later', 'GPL-3.0', 'GPL-3.0-only',
  'GPL-3.0-or-later', 'HPND', 'ICU', 'IJG', 'ISC', 'LGPL-2.0', 'LGPL-2.0-only', 'LGPL-2.0-or-later', 'LGPL-2.1',
  'LGPL-2.1-only', 'LGPL-2.1-or-later', 'LGPL-3.0', 'LGPL-3.0-only', 'LGPL-3.0-or-later', 'LPPL-1.3c',
  'MirOS', 'MIT', 'MIT-0', 'MIT-CMU', 'MPL-1.0', 'MPL-1.1', 'MPL-2.0', 'MPL-2.0-no-copyleft-exception', 'MS-PL',
  'MS-RL', 'MulanPSL-2.0', 'NCSA', 'ODbL-1.0', 'OFL-1.1', 'OpenSSL', 'OSL-3.0', 'PHP-3.0', 'PHP-3.01',
  'PostgreSQL', 'PSF-2.0', 'Python-2.0', 'Ruby', 'SSPL-1.0', 'Unicode-DFS-2016', 'Unicode-3.0', 'Unlicense',
  'UPL-1.0', 'Vim', 'W3C', 'WTFPL', 'X11', 'Zlib', 'ZPL-2.1',
];
const SPDX_LOOKUP = new Set(COMMON_SPDX_IDS.map((id) => id.toLowerCase()));

export function isSpdxId(value: string): boolean {
  return SPDX_LOOKUP.has(value.toLowerCase());
}

// ---- git commit hash ----------------------------------------------------------------------------------
/** A short (7) or full (40) lower-case hexadecimal git commit hash. */
export function isGitHash(value: string): boolean {
  return /^(?:[0-9a-f]{7}|[0-9a-f]{40})$/.test(value);
}

// ---- Semantic Versioning 2.0.0 ------------------------------------------------------------------------
const NUMERIC = '(?:0|[1-9][0-9]*)';
// A pre-release part is a number without leading zeros, or any alphanumeric run that has a non-digit.
const PRERELEASE_PART = `(?:${NUMERIC}|[0-9]*[A-Za-z-][0-9A-Za-z-]*)`;
const BUILD_PART = '[0-9A-Za-z-]+';
const SEMVER_PATTERN = new RegExp(
  `^${NUMERIC}\\.${NUMERIC}\\.${NUMERIC}(?:-${PRERELEASE_PART}(?:\\.${PRERELEASE_PART})*)?(?:\\+${BUILD_PART}(?:\\.${BUILD_PART})*)?$`,
);

/** Strict SemVer 2.0.0: `1.2.3`, `1.0.0-rc.1+build.5`; no leading `v`, no leading zeros. */
export function isSemver(value: string): boolean {
  return SEMVER_PATTERN.test(value);
}

// ---- RFC 5322 addr-spec -------------------------------------------------------------------------------
const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";
const DOT_ATOM = `${ATEXT}+(?:\\.${ATEXT}+)*`;
const QUOTED_STRING = '"(?:[\\x20\\x21\\x23-\\x5b\\x5d-\\x7e]|\\\\[\\x20-\\x7e])*"';
const DOMAIN_LITERAL = '\\[[\\x21-\\x5a\\x5e-\\x7e]*\\]';
const EMAIL_PATTERN = new RegExp(`^(?:${DOT_ATOM}|${QUOTED_STRING})@(?:${DOT_ATOM}|${DOMAIN_LITERAL})$`);

/** An RFC 5322 `addr-spec` (`local@domain`), without comments or folding whitespace. */
export function isEmail(value: string): boolean {
  return value.length <= 320 && EMAIL_PATTERN.test(value);
}
