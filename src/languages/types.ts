/**
 * What microplan knows of one programming language, in one module per language (after ESLint's
 * `languages/`): how config and code fences name it, how its plan snippets are parsed and which
 * node kinds the rules ask about, how its tests are declared, named, filed and selected, what the
 * writing agent is shown, and which reader the code index uses. Callers ask the registry
 * (index.ts) instead of branching on names.
 *
 * A language's own heuristics that only one rule uses (test-assertion-behavioral's offence
 * finders) stay with that rule, in a table by language id.
 *
 * Every question a caller asks is a field here; a language that cannot answer one leaves an
 * optional field out (Rust, which microplan names but does not parse, has no `snippets`).
 */
import type { SgNode } from '@ast-grep/napi';
import type { Grammar } from '../repo/code/grammars.js';
import type { LanguageModule } from '../repo/code/language.js';

export type LanguageId = 'go' | 'typescript' | 'javascript' | 'python' | 'rust';

/** The tree-sitter grammar that parses a language's plan snippets, as napi names it. */
export type SnippetGrammar = 'go' | 'python' | 'TypeScript' | 'JavaScript';

export interface Language {
  /** The name config's `language` and the code index use ("go", "typescript"). */
  readonly id: LanguageId;
  /** Other spellings config's `language` may use, lower case ("golang"). */
  readonly aliases: readonly string[];
  /** How its plan code blocks are recognized and parsed; undefined when microplan does not parse it. */
  readonly snippets?: Snippets;
  /** How its tests are named. */
  readonly tests: Tests;
  /** Examples in it for the instructions rules give the writing agent. */
  readonly examples: LanguageExamples;
  /** How the prompt writes a test in the language; undefined where it shows a language-neutral one. */
  readonly writing?: LanguageWriting;
  /**
   * How the code index reads the repository's code in it (declarations, construction sites);
   * undefined where it does not. One reader may serve several languages (TypeScript's reads
   * JavaScript too).
   */
  readonly code?: LanguageModule;
}

/**
 * Examples in the project's own language for the instructions rules give the writing agent, so
 * a TypeScript project is not shown `exact/path.go` or `x.(*T)`.
 */
export interface LanguageExamples {
  /** A source file path, a test file path. */
  file: string;
  testFile: string;
  /** Asserting a concrete type in a test, in this language. */
  typeAssertion: string;
  /** A concrete type name as a contract would leak it. */
  typeName: string;
  /** Counting an internal collection. */
  internalCount: string;
  /** A function name as cited next to a `path:line`. */
  symbol: string;
}

/** A language whose plan code blocks microplan parses. */
export type SnippetLanguage = Language & { readonly snippets: Snippets };

/** A language's tests. */
export interface Tests {
  /**
   * A test identifier in prose (a global regex): `TestFoo_Bar`, `test_foo`; undefined where tests
   * are titled by strings rather than named by identifiers.
   */
  readonly proseName?: RegExp;
  /**
   * Test identifiers as regular-expression source, for reading them out of prose and tables:
   * `(?:Test|Benchmark|Fuzz)[A-Z0-9_]\w*` and what may follow one to name a subtest (Go's
   * `/case`); undefined where tests are titled.
   */
  readonly identifier?: { readonly source: string; readonly subtests?: string };
  /** The test a subtest's name belongs to (`TestX/case` → `TestX`); undefined for other names. */
  parentTest?(name: string): string | undefined;
  /**
   * Names of this shape select every test whose name starts with them, as the runner's filter
   * does (`go test -run TestX`, `pytest -k test_x`). A name of no language's shape is a title,
   * and selects every title containing it (`vitest -t "title"`).
   */
  readonly selectsByPrefix?: RegExp;
  /** The repository's test files of this language, and what they declare. */
  readonly files?: TestFiles;
  /** The naming convention `microplan init` writes into a new config. */
  readonly naming: {
    /** A regular expression every test name matches; undefined where names are free text. */
    readonly pattern?: string;
    /** A name that follows it. */
    readonly example: string;
  };
}

/** Test files in a repository. */
export interface TestFiles {
  /** The names its test files have by convention (`_test.go`), matched against a path: test code, not the code it tests. */
  readonly named: RegExp;
  /** The grammars its test files are parsed with. */
  readonly grammars: readonly Grammar[];
  /**
   * The grammar of a file the language's runners read tests from, by its base name and whether it
   * sits in a test directory (`test/`, `__tests__/`, `testdata/` …); undefined for other files.
   * Wider than `named`: runners also read files that only their directory marks as tests.
   */
  grammarOf(base: string, inTestDir: boolean): Grammar | undefined;
  /** The names of the tests a parsed file declares, as its runner reports them. */
  declared(root: SgNode): DeclaredTest[];
}

/** A test a repository file declares: its name and its 1-based line. */
export interface DeclaredTest {
  name: string;
  line: number;
}

/** A plan's code blocks in this language. */
export interface Snippets {
  /** Fence info strings that mark a block in it, lower case (```go, ```ts). */
  readonly fenceTags: readonly string[];
  /**
   * For a bare fence: whether its first lines read like this language. A pre-filter that only
   * picks the grammar (the registry asks the languages in order); the parse decides the rest.
   */
  readonly sniff?: RegExp;
  readonly grammar: SnippetGrammar;
  /** How statements written outside any function are made to parse, where the grammar needs it. */
  readonly partial?: PartialSnippets;
  /** The nodes the rules ask about in its syntax trees. */
  readonly syntax: Syntax;
  /**
   * The text of a whole file's function signatures only, the rest blanked (same lines and
   * columns), for questions about which functions are tests; undefined when it cannot be cut.
   */
  signatures?(text: string): string | undefined;
  /** The tests a parsed snippet declares. */
  tests(root: SgNode): SnippetTest[];
  /** Cheap text test before parsing: false only when `tests` cannot find a test in the text. */
  mayDeclareTests(text: string): boolean;
}

/** Node kinds of a language's grammar, and questions about its trees, that the rules ask. */
export interface Syntax {
  /** A function call. */
  readonly call: string;
  /** Declarations of a named type (a struct, class, interface, alias), each named by its `name` field. */
  readonly typeDeclarations: readonly string[];
  /** Declarations of a function or method. */
  readonly functionDeclarations: readonly string[];
  /** Statements that branch or loop. */
  readonly controlFlow: readonly string[];
  /** The fields of structs or classes a tree declares; undefined where they are not read. */
  fieldNames?(root: SgNode): string[];
  /** Packages, where the language names them in code (Go's `sim.Request`). */
  readonly packages?: Packages;
  /** Whether a call registers a command-line flag (`fs.StringVar`, `parser.add_argument`, `.option`). */
  registersFlag(call: SgNode): boolean;
  /**
   * Whether a tree holds only documentation: a Python module's docstring and comments (a package's
   * `__init__.py`); undefined where the language has no such form.
   */
  documentationOnly?(root: SgNode): boolean;
  /**
   * Whether a tree only declares types (and imports what they name): a TypeScript interface or type alias, a Go
   * `type` declaration and its constants, a Python class of fields (a `@dataclass`, an `Enum`) or a typed field,
   * which give shapes and no behaviour; undefined where the language is not read so.
   */
  typesOnly?(root: SgNode): boolean;
}

export interface Packages {
  /** Packages code names without the plan declaring them (a standard library's, common libraries'). */
  readonly common: readonly string[];
  /** The packages a tree names: its package clause and imports. */
  declaredIn(root: SgNode): string[];
}

/**
 * Go snippets are often statements outside any function: they parse inside a wrapper function,
 * which is used when it parses with fewer errors than the bare snippet.
 */
export interface PartialSnippets {
  /** Whether the text opens (after comments) like a file or top-level code, which needs no wrapper. */
  opensTopLevel(text: string): boolean;
  /** The text inside the wrapper. */
  wrap(text: string): string;
  /** Lines the wrapper adds in front of the text. */
  readonly linesBefore: number;
}

/** A test declared in a snippet. */
export interface SnippetTest {
  /** The test's identifier (Go, Python) or its description string (JS/TS `it('…')`). */
  name: string;
  /** The node to point at for the name. */
  nameNode: SgNode;
  /** Whether `name` is an identifier (Go, Python) rather than free text. */
  identifier: boolean;
  /** The test body. */
  body: SgNode;
}

/** How the prompt writes example code in a language. */
export interface LanguageWriting {
  /** The code fence's info string. */
  fence: string;
  /** A line comment's opener. */
  comment: string;
  /** A test whose body is the given lines (already comments), indented as the language writes it. */
  test(body: readonly string[]): string[];
}
