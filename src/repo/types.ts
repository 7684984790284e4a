/**
 * Repository access: one interface over a working tree or a git revision (read through git
 * plumbing, never a checkout). Paths are repo-relative POSIX paths; anything that would leave
 * the root is refused with a RepoError whose message names the path and the fix.
 */

export class RepoError extends Error {
  override name = 'RepoError';
}

/** A revision the repository does not have; `shallow` when its history is cut (a CI checkout). */
export class MissingRevisionError extends RepoError {
  override name = 'MissingRevisionError';
  constructor(
    message: string,
    readonly revision: string,
    readonly shallow: boolean,
  ) {
    super(message);
  }
}

/** Where a search looks: file name endings (".go") and directories (repo-relative), each optional. */
export interface SearchScope {
  extensions?: readonly string[] | undefined;
  /** Files in or beneath one of these directories; "" is the root. */
  directories?: readonly string[] | undefined;
}

export interface FilesContainingOptions extends SearchScope {
  regex?: boolean;
  /**
   * Called with each file as soon as the search finds it, before the promise resolves (which
   * still lists them all): a caller reading and parsing the files overlaps the search. Must not
   * throw; it should only schedule work.
   */
  onFile?: (file: string) => void;
}

export interface Repository {
  /** Absolute path of the repository root. */
  readonly root: string;
  /** Resolved commit sha when reading a revision; undefined for the working tree. */
  readonly revision: string | undefined;
  /**
   * Every file (repo-relative), tracked plus untracked-not-ignored for a working tree. A working
   * tree's file list and untracked files are read once per object: open another to see files
   * created since.
   */
  listFiles(): Promise<string[]>;
  exists(path: string): Promise<boolean>;
  /** File text; undefined when missing, binary or over the size limit. */
  readText(path: string): Promise<string | undefined>;
  /** The same file's bytes, undefined when readText is (for a caller that may not need the text). */
  readBytes(path: string): Promise<Uint8Array | undefined>;
  /**
   * Files whose text contains `needle` (or any of several) literally — a cheap prefilter before
   * parsing — optionally limited to names ending in one of `extensions` (".go"). With `regex`
   * the needles are regular expressions matched within a line, written in the common subset of
   * POSIX ERE and PCRE (see gitGrep).
   * Binary and oversized files are left out.
   */
  filesContaining(needle: string | readonly string[], options?: FilesContainingOptions): Promise<string[]>;
  /** Releases the long-lived git processes a revision reader keeps; safe to call twice. */
  close(): Promise<void>;
}

export type Language = 'go' | 'typescript' | 'javascript' | 'python';

export type DeclarationKind = 'type' | 'struct' | 'interface' | 'class' | 'function' | 'method' | 'variable' | 'constant' | 'field';

export interface Declaration {
  name: string;
  /** Receiver type or class a method/field belongs to (Go `(*R) M` → "R"); undefined at top level. */
  container?: string | undefined;
  kind: DeclarationKind;
  file: string;
  line: number;
  column: number;
  endLine: number;
  /** Go: the opening line of the `var (…)` or `const (…)` group it is declared in; the group's doc comment is its own. */
  groupLine?: number | undefined;
}

/**
 * How a value of the type comes into being at a site.
 * - Go: `composite-literal` (`T{}`, `pkg.T{}`, `G[int]{}`), `address-of` (`&T{}`),
 *   `elided-literal` (`{…}` inside `[]T{…}`, `[]*T{…}` or `map[K]T{…}`, type taken from the outer literal).
 * - TypeScript/JavaScript: `new`, `typed-object-literal` (`const x: T = {…}`, defaults, fields,
 *   elements of `T[]`), `as`, `satisfies`, `typed-return` (object literal returned from a function declared to return T).
 * - Python: `call` (`T(…)`, `mod.T(…)`, `cls(…)` in a classmethod of T), `replace` (`dataclasses.replace(x, …)` of a T).
 * - Every language: `factory-call`, a call of a function that returns T and constructs it.
 */
export type SiteKind =
  | 'composite-literal'
  | 'address-of'
  | 'elided-literal'
  | 'new'
  | 'typed-object-literal'
  | 'as'
  | 'satisfies'
  | 'typed-return'
  | 'call'
  | 'replace'
  | 'factory-call';

export interface ConstructionSite {
  file: string;
  /** 1-based line and column (UTF-16 code units, as editors and SARIF count). */
  line: number;
  column: number;
  /** Last line of the construction (a literal's fields span lines; a plan may cite one of them). */
  endLine: number;
  kind: SiteKind;
  /** For `factory-call`: the factory that is called (e.g. "NewServer", "Server.clone"). */
  via?: string | undefined;
  /** Name of the enclosing function/method, when there is one. */
  enclosing: string | undefined;
}

/** How a name is used at a place: called, referred to, or spelled in a string literal. */
export type UseKind = 'call' | 'reference' | 'string';

export interface Use {
  file: string;
  line: number;
  column: number;
  kind: UseKind;
  /** Name of the enclosing function/method, when there is one. */
  enclosing: string | undefined;
  /** A string literal passed to a call: the name of what is called (`IntVar`, `add_argument`). */
  callee?: string | undefined;
}

export interface CodeIndex {
  /** Where a name is declared; with `file`, in that file only (read and parsed alone). */
  declarations(name: string, options?: { file?: string }): Promise<Declaration[]>;
  /** The innermost declaration that encloses a line of a file. */
  enclosing(file: string, line: number): Promise<Declaration | undefined>;
  /** Every place the type is constructed. */
  constructionSites(typeName: string, options?: { language?: Language }): Promise<ConstructionSite[]>;
  /** Every use of a name (`Streaming`, `NewRoutingPolicy`): calls and references, its declarations left out. */
  uses(name: string): Promise<Use[]>;
  /** Every string literal that is exactly `text`; with `flag`, also `--text`, `--text <n>` (where a CLI flag is defined). */
  literals(text: string, options?: { flag?: boolean }): Promise<Use[]>;
}
