/** A fast-check generator of shell scripts, for the fast-path/tree-sitter equivalence property. */
import fc from 'fast-check';

/** Scripts built from the grammar the fast path accepts (and a little beyond it). */
export function scriptArbitrary(): fc.Arbitrary<string> {
  // Mostly ordinary words; the odd ones (brackets, keywords, unicode) are rarer so that most scripts stay accepted.
  const plain = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('a', 'x', '-y', '--no-cache', '--opt=v', 'k=v', '/usr/bin/x', '*.txt', '~/.cache', '0', '12', '-1', '.', 'a:b', 'x+y') },
    { weight: 1, arbitrary: fc.constantFrom('{a,b}', '{1..3}', '{}', '{}x', 'x{}', '[x]', 'a#b', 'é', '😀', '-', '--', '!', 'done', 'fi', 'then', 'in', '{', '}', ']', '%s', '@', ',', '?') },
  );
  const name = fc.constantFrom('apt-get', 'echo', 'rm', 'curl', 'pip', 'cd', 'sudo', 'env', 'command', 'exec', 'busybox', 'test', 'x', 'set', '/bin/sh', 'a.b');
  const variable = fc.constantFrom('A', 'HOME', 'x_1', '1', '10');
  return fc.letrec<{ script: string; word: string; piece: string; command: string; pipeline: string }>((tie) => ({
    piece: fc.oneof(
      { maxDepth: 3, depthIdentifier: 'script' },
      { weight: 8, arbitrary: plain },
      { weight: 2, arbitrary: fc.constantFrom('\\a', '\\$', '\\"', "\\'", '\\\\', '\\ ', '\\*', '\\|', '\\;') },
      { weight: 2, arbitrary: fc.constantFrom("'a b'", "''", "'$x \\ \"'", "$'a\\tb'", "$'\\x41'") },
      { weight: 3, arbitrary: fc.array(fc.oneof(plain, fc.constantFrom(' ', '  ', '\t', '\n', '\n  ', '\\"', '\\$', '\\x', '$', "'", '\\`', '$@', '$#', '${A:-x}', '${#A}', '$(x)'), variable.map((v) => '$' + v), variable.map((v) => '${' + v + '}')), { maxLength: 4 }).map((parts) => '"' + parts.join('') + '"') },
      { weight: 3, arbitrary: variable.map((v) => '$' + v) },
      { weight: 2, arbitrary: fc.constantFrom('$@', '$?', '$$', '$#', '$!', '$-', '$*', '${A}', '${#A}', '${A:-x}', '${A%%.*}', '${A##*/}', '${A/a/b}', '${A%%[a-z]*}', '${A#[0-9]}', '${A//[^a-z.]/}', '${A%[}', '${A#[x]]}', '${A#[[:alpha:]]}', '${A:-[x]}', '${@}', '${A:+y}') },
      { weight: 1, arbitrary: tie('script').map((s) => '$(' + s + ')') },
      { weight: 1, arbitrary: tie('script').map((s) => '"$(' + s + ')"') },
      { weight: 1, arbitrary: tie('command').map((s) => '`' + s + '`') },
    ),
    word: fc.oneof(
      { weight: 4, arbitrary: plain },
      { weight: 4, arbitrary: fc.array(tie('piece'), { minLength: 1, maxLength: 2 }).map((pieces) => pieces.join('')) },
      // `$A-$B-x`: tree-sitter splits some of these words in two after the second `$`
      {
        weight: 1,
        arbitrary: fc
          .tuple(
            fc.array(tie('piece'), { minLength: 1, maxLength: 2 }).map((pieces) => pieces.join('')),
            fc.constantFrom('-', '/', '.', 'a', '\\x', '', '-\\y-', '""', "''", '$E'),
            variable,
            fc.constantFrom('-x', '.tgz', '=x', ':x', '%x', '#x', '@x', '?x', '+x', '"x"', "'x'", '$C', '\\y', ',x', '~', '*', '', '/$D-e', '-$C-d'),
          )
          .map(([first, text, name, rest]) => `${first}${text}$${name}${rest}`),
      },
    ),
    command: fc.oneof(
      { maxDepth: 3, depthIdentifier: 'script' },
      {
        weight: 10,
        arbitrary: fc
          .tuple(
            fc.array(fc.tuple(variable.filter((v) => !/^\d/.test(v)), fc.constantFrom('=', '+='), fc.oneof(fc.constant(''), tie('word'))), { maxLength: 1 }),
            fc.oneof({ weight: 12, arbitrary: name }, { weight: 1, arbitrary: tie('word') }),
            fc.array(fc.oneof({ weight: 6, arbitrary: tie('word') }, { weight: 1, arbitrary: fc.constantFrom('>/dev/null', '2>&1', '>> log', '< in', '&>x', '>|f', '2> err') }), { maxLength: 4 }),
          )
          .map(([assignments, command, args]) => [...assignments.map(([n, op, v]) => n + op + v), command, ...args].join(' ')),
      },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom('export', 'local', 'declare -x', 'readonly', 'unset'), fc.array(fc.oneof(tie('word'), variable.filter((v) => !/^\d/.test(v)).map((v) => v + '=x')), { maxLength: 3 })).map(([k, a]) => [k, ...a].join(' ')) },
      { weight: 1, arbitrary: tie('script').map((s) => '( ' + s + ' )') },
      { weight: 1, arbitrary: tie('script').map((s) => '{ ' + s + '; }') },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.constantFrom('f', 'do_it', '_x1', 'a-b', 'if', 'export', 'f2'), fc.constantFrom('() { ', ' () {\n', '(){ ', '( ) {\t', '() {'), tie('script'), fc.constantFrom('; }', '\n}', ';}', '; } >log', '; } 2>&1'))
          .map(([name, open, body, close]) => name + open + body + close),
      },
      // `name(...)`: a subshell argument to tree-sitter
      { weight: 1, arbitrary: fc.tuple(fc.oneof(name, fc.constantFrom('urllib.request.urlopen', 'if', 'A=1 f')), tie('script'), fc.constantFrom('', ' ', ' x', ';', '>f', ' #c')).map(([n, body, after]) => `${n}(${body})${after}`) },
      { weight: 1, arbitrary: fc.tuple(tie('script'), tie('script')).map(([c, b]) => `if ${c}; then ${b}; fi`) },
      { weight: 1, arbitrary: fc.tuple(tie('script'), tie('script'), tie('script')).map(([c, b, e]) => `if ${c}\nthen\n${b}\nelse ${e}; fi`) },
      { weight: 1, arbitrary: fc.tuple(fc.array(tie('word'), { minLength: 1, maxLength: 3 }), tie('script')).map(([ws, b]) => `for v in ${ws.join(' ')}; do ${b}; done`) },
      { weight: 1, arbitrary: fc.tuple(tie('script'), tie('script')).map(([c, b]) => `while ${c}; do ${b}; done`) },
      { weight: 2, arbitrary: fc.tuple(fc.constantFrom('', '! ', '-f ', '-n ', '! -z '), tie('word'), fc.constantFrom('', ' = b', ' != "$B"', ' -eq 1', ' -a -d y')).map(([op, w, rest]) => `[ ${op}${w}${op === '' || rest === ' -a -d y' ? rest : ''} ]`) },
      { weight: 1, arbitrary: tie('command').map((c) => '! ' + c) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(
            tie('word'),
            fc.array(fc.tuple(fc.constantFrom('x86_64', "'amd64'", '"arm64"', '*', 'a|b', 'i?86 | x', '(x', '-*'), fc.oneof(fc.constant(''), tie('script')), fc.constantFrom(';;', ' ;;', '\n;;', '')), { minLength: 1, maxLength: 3 }),
            fc.constantFrom(' ', '\n', '; '),
          )
          .map(([value, items, gap]) => `case ${value} in${gap}${items.map(([p, body, end]) => `${p}) ${body}${end}`).join(gap)}${gap}esac`),
      },
    ),
    pipeline: fc.array(tie('command'), { minLength: 1, maxLength: 3 }).chain((commands) =>
      fc.array(fc.constantFrom(' | ', ' |& ', '|'), { minLength: commands.length - 1, maxLength: commands.length - 1 }).map((pipes) =>
        commands.map((c, i) => (i === 0 ? c : pipes[i - 1] + c)).join(''),
      ),
    ),
    script: fc.array(tie('pipeline'), { minLength: 1, maxLength: 2 }).chain((pipelines) =>
      fc
        .array(fc.constantFrom(' && ', ' || ', '; ', ';', ';; ', ' ;;\n', '\n', ' & ', ' &&\n  ', ' \\\n && ', ' # note\n', '\n\n'), { minLength: pipelines.length - 1, maxLength: pipelines.length - 1 })
        .map((separators) => pipelines.map((p, i) => (i === 0 ? p : separators[i - 1] + p)).join('')),
    ),
  })).script;
}
