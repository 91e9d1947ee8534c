/**
 * dockerd command-line parsing with pflag rules (audit spec §0.6): `--k=v`, `--k v`, `-Xv`, `-X v`;
 * boolean flags take no separate value (`--k` or `--k=bool`); every occurrence is kept in order, so
 * callers take the last for scalars and all for lists. Pure.
 */

/** dockerd flags that are booleans (a following word is never their value). */
export const DOCKERD_BOOLEAN_FLAGS: ReadonlySet<string> = new Set([
  'debug', 'experimental', 'help', 'icc', 'init', 'ip-forward', 'ip-forward-no-drop', 'ip-masq', 'iptables', 'ip6tables',
  'ipv6', 'live-restore', 'no-new-privileges', 'raw-logs', 'rootless', 'selinux-enabled', 'tls', 'tlsverify',
  'userland-proxy', 'validate', 'version', 'disable-legacy-registry', 'cri-containerd', 'bridge-accept-fwmark-disabled',
]);

/** Short flags and the long names they stand for. */
export const DOCKERD_SHORT_FLAGS: Readonly<Record<string, string>> = {
  D: 'debug', H: 'host', l: 'log-level', G: 'group', p: 'pidfile', b: 'bridge', s: 'storage-driver', v: 'version', h: 'help',
};

export interface ParsedDaemonArgs {
  /** Flag name (long form) → values in order; booleans hold `true`/`false` (as written after `=`). */
  flags: Map<string, string[]>;
  /** Words that are not flags (dockerd takes none; kept for evidence). */
  positional: string[];
}

export function parseDaemonArgv(argv: readonly string[]): ParsedDaemonArgs {
  const flags = new Map<string, string[]>();
  const positional: string[] = [];
  const add = (name: string, value: string) => {
    const list = flags.get(name);
    if (list) list.push(value);
    else flags.set(name, [value]);
  };
  // argv[0] is the program.
  for (let i = 1; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (word.startsWith('--') && word.length > 2) {
      const eq = word.indexOf('=');
      const name = eq >= 0 ? word.slice(2, eq) : word.slice(2);
      if (eq >= 0) add(name, word.slice(eq + 1));
      else if (DOCKERD_BOOLEAN_FLAGS.has(name)) add(name, 'true');
      else if (i + 1 < argv.length) add(name, argv[++i]!);
      else add(name, '');
      continue;
    }
    if (word.startsWith('-') && word.length > 1) {
      const letter = word[1]!;
      const name = DOCKERD_SHORT_FLAGS[letter] ?? letter;
      if (DOCKERD_BOOLEAN_FLAGS.has(name)) {
        add(name, word.length > 2 && word[2] === '=' ? word.slice(3) : 'true');
        // Bundled booleans (`-Dv`) are rare for dockerd; ignore the rest of the bundle.
      } else if (word.length > 2) {
        add(name, word[2] === '=' ? word.slice(3) : word.slice(2));
      } else if (i + 1 < argv.length) {
        add(name, argv[++i]!);
      } else {
        add(name, '');
      }
      continue;
    }
    positional.push(word);
  }
  return { flags, positional };
}

export function lastFlag(parsed: ParsedDaemonArgs, name: string): string | undefined {
  const values = parsed.flags.get(name);
  return values === undefined ? undefined : values[values.length - 1];
}

export function allFlags(parsed: ParsedDaemonArgs, name: string): string[] {
  return parsed.flags.get(name) ?? [];
}

/** Go strconv.ParseBool. */
export function parseGoBool(value: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false;
  return undefined;
}
