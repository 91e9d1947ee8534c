/**
 * The contract between the lint model and Dockerfile rules. A rule is a pure function of the model: it
 * reads instructions, stages and shell commands and reports through the context. No I/O.
 */
import type { Span } from '../../core/finding.js';
import type { RuleMeta } from '../../core/rule-meta.js';
import type {
  ArgDeclaration,
  Comment,
  Dockerfile,
  FromInstruction,
  ImageRef,
  Instruction,
  OnbuildInstruction,
} from '../../dockerfile/ast.js';
import type { ShellCommand, ShellScript } from '../../shell/types.js';
import type { LintConfig } from '../../lint/config.js';

/** A parsed `RUN --mount=...` flag. */
export interface Mount {
  /** `bind` (BuildKit's default), `cache`, `tmpfs`, `secret`, `ssh`. */
  type: string;
  /** `target`/`dst`/`destination` value, if given. */
  target?: string;
  /** `from` value, if given. */
  from?: string;
  /** `source`/`src`, `id`, and every other key, as given. */
  options: Record<string, string>;
}

export interface Stage {
  /** 0-based position among the FROMs. */
  index: number;
  from: FromInstruction;
  alias?: string;
  /** The earlier stage whose alias this stage's FROM image names, if any (for inheritance). */
  parent?: Stage;
  /** `from.image` with ARG defaults declared before the first FROM substituted (`${V}`, `${V:-x}`, `${V:+x}`). */
  resolvedImage: ImageRef;
  /** Top-level instructions after FROM up to the next FROM (ONBUILD wrappers included, unwrapped in `entries`). */
  instructions: Instruction[];
}

/** One step of the single pass rules make over the file. */
export interface Entry {
  /** The instruction; for ONBUILD payloads this is the unwrapped inner instruction. */
  instruction: Instruction;
  /** The stage it belongs to; null before the first FROM. */
  stage: Stage | null;
  /** True when `instruction` is the payload of an ONBUILD. */
  onbuild: boolean;
  /** The ONBUILD wrapper, when `onbuild` is true. */
  wrapper?: OnbuildInstruction;
}

/** An entry whose instruction has keyword `K` (the instruction type narrowed accordingly). */
export type EntryOf<K extends Instruction['keyword']> = Entry & { instruction: Instruction & { keyword: K } };

/** A RUN (top level or ONBUILD payload) with its parsed shell: one element of `LintModel.runs()`. */
export interface RunScript {
  entry: Entry;
  /** Where findings go: the ONBUILD wrapper for payloads, else the RUN itself. */
  anchor: Instruction;
  /** `shell(instruction)`: null when the RUN runs something other than a shell (a python heredoc, say). */
  script: ShellScript | null;
  /** `script.commands`, or empty when `script` is null. */
  commands: ShellCommand[];
  /** `shellText(instruction)`, or '' when that is null. */
  text: string;
}

export interface LintModel {
  dockerfile: Dockerfile;
  config: LintConfig;
  /** ARGs declared before the first FROM. */
  globalArgs: ArgDeclaration[];
  stages: Stage[];
  /**
   * Every instruction in file order. An ONBUILD produces two entries: the wrapper (onbuild=false) and,
   * right after it, its payload (onbuild=true). Rules that Hadolint does not apply to ONBUILD payloads
   * skip entries with onbuild=true. Rules that walk all of it use an index loop: each rule runs once per
   * file, mostly before V8 optimises it, and there for-of allocates an iterator result per entry.
   */
  entries: Entry[];
  /**
   * The shell commands of RUN, CMD, ENTRYPOINT, SHELL and HEALTHCHECK CMD (shell or exec form; exec form
   * is joined with spaces as Hadolint does). For heredoc RUNs: the body when the RUN line only holds the
   * marker, plus bodies fed to a shell (`RUN bash <<EOF`); bodies for other interpreters (python, node, a
   * non-shell shebang) are not shell. Returns null for other instructions. Cached per instruction.
   */
  shell(instruction: Instruction): ShellScript | null;
  /** The shell text that `shell()` parsed (for rules that test raw text, e.g. `PIP_NO_CACHE_DIR=1`). */
  shellText(instruction: Instruction): string | null;
  /** Parsed `--mount` flags of a RUN (empty for other instructions). */
  mounts(instruction: Instruction): Mount[];
  /**
   * The entries whose instruction has `keyword`, in file order: ONBUILD payloads (onbuild=true) under
   * their own keyword, their wrappers under ONBUILD. The index is built on first call; most rules look
   * at one or two kinds of instruction, and each walking every entry added up.
   */
  entriesOf<K extends Instruction['keyword']>(keyword: K): readonly EntryOf<K>[];
  /**
   * Every RUN entry in file order, ONBUILD payloads included (`entry.onbuild` tells them apart), with its
   * shell. Computed on first call and shared: most rules walk the RUNs, and each building its own list
   * was a measurable share of the lint time.
   */
  runs(): readonly RunScript[];
  /**
   * The value of `compute(model)`, computed on the first call for this model and cached with it (keyed by
   * the function object, so pass a module-level function, not a fresh closure). For facts several rules
   * derive from the same file (an index of commands, the environment a file sets). `compute` must be a
   * pure function of the model; callers must not mutate what it returns.
   */
  derived<T>(compute: (model: LintModel) => T): T;
}

export interface RuleContext {
  /**
   * Report a finding. `instruction` anchors the Hadolint-compatible line (its first line, or the ONBUILD
   * wrapper's line for payloads: pass the entry's wrapper in that case); `span` is the precise range.
   * A `Comment` anchors findings about comments themselves (DL1001 reports pragma comments).
   */
  report(instruction: Instruction | Comment, message: string, span?: Span): void;
}

export interface DockerfileRule {
  meta: RuleMeta;
  check(model: LintModel, context: RuleContext): void;
}
