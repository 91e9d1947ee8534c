/**
 * The tree-sitter path of the shell model: tree-sitter-bash (WASM) parses the script, `Extractor` walks
 * the tree into located simple commands. Exact and error-tolerant, but the grammar costs tens of
 * milliseconds to compile and ~0.3 ms per script, so `shell.ts` loads this module only when the fast
 * path (`fast-shell.ts`) declines a script.
 */
import { createRequire } from 'node:module';
import { Language, Parser, type Node, type Tree } from 'web-tree-sitter';
import {
  decodeAnsiC,
  effectiveCommand,
  LazyShellCommand,
  LazyShellWord,
  MAX_SCRIPT_LENGTH,
  scriptPositionMapper,
  unescapeDoubleQuoted,
  unescapeUnquoted,
  type DetailedShellScript,
  type LocatedCommand,
  type PositionMapper,
  type WordValue,
} from './common.js';
import type { ShellLoaderOptions } from './shell.js';
import { applyWasmTuning } from './wasm-tuning.js';
import type { ShellWord } from './types.js';

/** Above this size parsing gets a wall-clock budget; below it the check would only cost time. */
const BUDGET_THRESHOLD = 64 * 1024;
// Generous: only there to stop pathological input; a cancelled parse yields no commands.
const PARSE_BUDGET_MS = 10_000;

/** Loads tree-sitter and the bash grammar; resolves with a parser to reuse for every script. */
export async function createTreeSitterParser(options: ShellLoaderOptions): Promise<Parser> {
  await applyWasmTuning();
  await Parser.init(options.locateTreeSitterWasm ? { locateFile: options.locateTreeSitterWasm } : undefined);
  const grammar =
    options.bashWasm ?? createRequire(import.meta.url).resolve('tree-sitter-bash/tree-sitter-bash.wasm');
  const language = await Language.load(grammar);
  const created = new Parser();
  created.setLanguage(language);
  return created;
}

/** Parses with tree-sitter (scripts over MAX_SCRIPT_LENGTH are cut and reported with `ok: false`). */
export function parseWithTreeSitter(parser: Parser, script: string, mapPosition?: PositionMapper): DetailedShellScript {
  let text = script;
  let truncated = false;
  if (text.length > MAX_SCRIPT_LENGTH) {
    text = text.slice(0, MAX_SCRIPT_LENGTH);
    truncated = true;
  }
  let tree: Tree | null;
  if (text.length > BUDGET_THRESHOLD) {
    const deadline = performance.now() + PARSE_BUDGET_MS;
    tree = parser.parse(text, null, { progressCallback: () => performance.now() > deadline });
    parser.reset();
  } else {
    tree = parser.parse(text);
  }
  if (!tree) return { script: { commands: [], hasPipe: false, ok: false }, located: [] };
  try {
    const extractor = new Extractor(text, mapPosition ?? scriptPositionMapper(text));
    extractor.run(tree.rootNode);
    return {
      script: { commands: extractor.located.map((l) => l.command), hasPipe: extractor.hasPipe, ok: !truncated && !tree.rootNode.hasError },
      located: extractor.located,
    };
  } finally {
    tree.delete();
  }
}

/** Node types that hold a simple command. */
const COMMAND_TYPES = new Set(['command', 'declaration_command', 'unset_command']);
/** Node types whose value is opaque at lint time. */
const SUBSTITUTION_TYPES = new Set(['command_substitution', 'arithmetic_expansion', 'process_substitution']);
const EXPANSION_TYPES = new Set(['simple_expansion', 'expansion', ...SUBSTITUTION_TYPES]);
class Extractor {
  readonly located: LocatedCommand[] = [];
  hasPipe = false;

  constructor(
    private readonly text: string,
    private readonly map: PositionMapper,
  ) {}

  /** Pre-order walk with a cursor (cheaper than materialising Node objects for every node). */
  run(root: Node): void {
    const cursor = root.walk();
    try {
      for (;;) {
        const type = cursor.nodeType;
        if (COMMAND_TYPES.has(type)) this.command(cursor.currentNode);
        else if (type === 'pipeline') this.hasPipe = true;
        else if (type === 'redirected_statement') this.noteStrayArguments(cursor.currentNode);
        if (cursor.gotoFirstChild()) continue;
        while (!cursor.gotoNextSibling()) {
          if (!cursor.gotoParent()) return;
        }
      }
    } finally {
      cursor.delete();
    }
  }

  /**
   * tree-sitter reads `cmd >out arg` as a redirect with two destinations, but bash passes `arg` to cmd.
   * Noted here, keyed by the command's offset, because `Node.parent` costs O(depth) per call.
   */
  private noteStrayArguments(statement: Node): void {
    const body = statement.childForFieldName('body');
    if (!body || body.type !== 'command') return;
    const extras: Node[] = [];
    for (const redirect of statement.childrenForFieldName('redirect')) {
      if (!redirect || redirect.type !== 'file_redirect') continue;
      const destinations = redirect.childrenForFieldName('destination');
      for (let i = 1; i < destinations.length; i++) {
        const extra = destinations[i];
        if (extra) extras.push(extra);
      }
    }
    if (extras.length > 0) this.strayArguments.set(body.startIndex, extras);
  }

  private readonly strayArguments = new Map<number, Node[]>();

  private command(node: Node): void {
    const assignments: string[] = [];
    const words: Array<{ node: Node; value: WordValue }> = [];
    let keyword: string | null = null;
    if (node.type === 'command') {
      let seenName = false;
      for (const child of node.namedChildren) {
        if (!child) continue;
        if (child.type === 'command_name') {
          seenName = true;
          const inner = child.firstNamedChild ?? child;
          words.push({ node: child, value: this.wordValue(inner) });
        } else if (!seenName && child.type === 'variable_assignment') {
          assignments.push(this.wordValue(child).value);
        } else if (seenName && !isRedirect(child.type) && child.type !== 'comment') {
          words.push({ node: child, value: this.wordValue(child) });
        }
      }
      const stray = this.strayArguments.get(node.startIndex);
      if (stray && words.length > 0) {
        for (const extra of stray) words.push({ node: extra, value: this.wordValue(extra) });
        words.sort((a, b) => a.node.startIndex - b.node.startIndex);
      }
    } else {
      // `export`, `declare`, `local`, `readonly`, `typeset`, `unset`, `unsetenv`: the keyword is anonymous.
      const first = node.firstChild;
      if (!first) return;
      keyword = this.text.slice(first.startIndex, first.endIndex);
      for (const child of node.namedChildren) {
        if (!child || isRedirect(child.type) || child.type === 'comment') continue;
        words.push({ node: child, value: this.wordValue(child) });
      }
    }

    let nameNode: Node;
    let nameValue: WordValue;
    let argWords: Array<{ node: Node; value: WordValue }>;
    if (keyword !== null) {
      nameNode = node.firstChild!;
      nameValue = { value: keyword, dynamic: false };
      argWords = words;
    } else {
      if (words.length === 0) return; // assignments only
      nameNode = words[0]!.node;
      nameValue = words[0]!.value;
      argWords = words.slice(1);
    }
    if (nameValue.dynamic) return; // `$PM install`: the command is unknown

    let name = nameValue.value;
    const effective = effectiveCommand(name, argWords.map((w) => w.value));
    if (effective) {
      if (effective.dynamic) return;
      name = effective.value;
    }

    const shellWords: ShellWord[] = argWords.map((w) => new LazyShellWord(w.value.value, w.value.dynamic, this.text, this.map, w.node.startIndex, w.node.endIndex));
    const args = argWords.map((w) => w.value.value);
    // Arguments tree-sitter left in a redirect (`echo >x foo`) can end after the command node.
    const lastWord = argWords[argWords.length - 1];
    const end = Math.max(node.endIndex, lastWord ? lastWord.node.endIndex : 0);
    this.located.push({
      command: new LazyShellCommand(name, args, shellWords, assignments, this.text, this.map, node.startIndex, end),
      start: node.startIndex,
      end,
      nameStart: nameNode.startIndex,
      nameEnd: nameNode.endIndex,
    });
  }

  /** Quote removal and expansion normalisation for one word-like node. */
  private wordValue(node: Node): WordValue {
    const raw = this.text.slice(node.startIndex, node.endIndex);
    switch (node.type) {
      case 'word':
        return { value: unescapeUnquoted(raw), dynamic: false };
      case 'number':
      case 'variable_name':
      case 'brace_expression':
      case 'extglob_pattern':
      case 'regex':
      case 'array':
      case 'test_operator':
        return { value: raw, dynamic: false };
      case 'raw_string':
        return { value: raw.slice(1, -1), dynamic: false };
      case 'ansi_c_string':
        return { value: decodeAnsiC(raw.slice(2, -1)), dynamic: false };
      case 'simple_expansion':
        return { value: '${' + raw.slice(1) + '}', dynamic: true };
      case 'expansion': {
        let variable: string | null = null;
        for (const child of node.namedChildren) {
          if (child && (child.type === 'variable_name' || child.type === 'special_variable_name')) {
            variable = this.text.slice(child.startIndex, child.endIndex);
            break;
          }
        }
        return { value: '${' + (variable ?? 'VAR') + '}', dynamic: true };
      }
      case 'command_substitution':
      case 'arithmetic_expansion':
      case 'process_substitution':
        return { value: '${VAR}', dynamic: true };
      case 'string':
        return this.composite(node, raw.startsWith('"') ? 1 : 0, raw.endsWith('"') && raw.length > 1 ? 1 : 0, true);
      case 'translated_string':
        return this.composite(node, 2, raw.endsWith('"') && raw.length > 2 ? 1 : 0, true);
      case 'concatenation':
        return this.composite(node, 0, 0, false);
      case 'variable_assignment': {
        const nameNode = node.childForFieldName('name');
        const valueNode = node.childForFieldName('value');
        const name = nameNode ? this.text.slice(nameNode.startIndex, nameNode.endIndex) : '';
        const operator = this.text.slice(nameNode ? nameNode.endIndex : node.startIndex, valueNode ? valueNode.startIndex : node.endIndex);
        const value = valueNode ? this.wordValue(valueNode) : { value: '', dynamic: false };
        return { value: name + operator + value.value, dynamic: value.dynamic };
      }
      default:
        return { value: raw, dynamic: this.containsExpansion(node, raw) };
    }
  }

  /** Whether a subtree holds an expansion, by node id (see `containsExpansion`). */
  private readonly expansionMemo = new Map<number, boolean>();

  /**
   * Any expansion in the subtree of `node` (whose source text is `raw`). Iterative and remembered per
   * node: in `a(a(a(...)))` every command's word holds all the deeper ones, thousands deep.
   */
  private containsExpansion(node: Node, raw: string): boolean {
    // Every expansion starts with `$`, a backtick, `<(` or `>(`: most words need no walk at all.
    if (!raw.includes('$') && !raw.includes('`') && !raw.includes('<(') && !raw.includes('>(')) return false;
    const memo = this.expansionMemo;
    const stack: Array<{ node: Node; children: Node[] | null }> = [{ node, children: null }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (memo.has(top.node.id)) {
        stack.pop();
      } else if (top.children === null) {
        if (EXPANSION_TYPES.has(top.node.type)) {
          memo.set(top.node.id, true);
          stack.pop();
          continue;
        }
        top.children = top.node.namedChildren.filter((child): child is Node => child !== null);
        for (const child of top.children) if (!memo.has(child.id)) stack.push({ node: child, children: null });
      } else {
        memo.set(top.node.id, top.children.some((child) => memo.get(child.id) === true));
        stack.pop();
      }
    }
    return memo.get(node.id) === true;
  }

  /** A word made of pieces: literal gaps are unescaped, named pieces are replaced by their values. */
  private composite(node: Node, openLength: number, closeLength: number, quoted: boolean): WordValue {
    const start = node.startIndex + openLength;
    const end = Math.max(start, node.endIndex - closeLength);
    let value = '';
    let dynamic = false;
    let cursor = start;
    for (const child of node.namedChildren) {
      if (!child) continue;
      const childStart = Math.max(child.startIndex, cursor);
      const childEnd = Math.min(child.endIndex, end);
      if (childEnd <= childStart) continue;
      if (quoted && child.type === 'string_content') continue; // unescaped with the gaps
      if (childStart > cursor) value += unescapePiece(this.text.slice(cursor, childStart), quoted);
      const piece = this.wordValue(child);
      value += piece.value;
      dynamic ||= piece.dynamic;
      cursor = childEnd;
    }
    if (end > cursor) value += unescapePiece(this.text.slice(cursor, end), quoted);
    return { value, dynamic };
  }
}

function isRedirect(type: string): boolean {
  return type === 'file_redirect' || type === 'heredoc_redirect' || type === 'herestring_redirect';
}

function unescapePiece(text: string, quoted: boolean): string {
  return quoted ? unescapeDoubleQuoted(text) : unescapeUnquoted(text);
}
