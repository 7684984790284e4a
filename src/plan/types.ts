/**
 * The plan model: one typed tree for every plan format (full and compact micro-plans, superpowers plans).
 *
 * Every element keeps its source span (1-based lines and columns, end exclusive on the column,
 * as editors and SARIF show them). The parser is tolerant — it records what it finds, and the
 * rules decide what deviates from the spec.
 */

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column (in UTF-16 code units of the line, as editors count). */
  column: number;
}

export interface Span {
  start: Position;
  /** Position just after the last character. */
  end: Position;
}

/** A piece of text from the plan, with where it stands. */
export interface Text {
  text: string;
  span: Span;
}

import type { FenceProblem } from './fence-repair.js';
export type { FenceProblem } from './fence-repair.js';

/** The shape a format gave the document: micro-plans are full or compact (see src/formats/). */
export type PlanFormat = 'full' | 'compact' | 'superpowers' | 'none';

/** The header fields of the spec, in their required order. */
export const HEADER_FIELDS = [
  'Goal',
  'The problem today',
  'What this PR adds',
  'Why this matters',
  'Architecture',
  'Source',
  'Closes',
  'Behavioral Contracts',
] as const;
export type HeaderFieldName = (typeof HEADER_FIELDS)[number];

/** Fields a compact plan carries. */
export const COMPACT_HEADER_FIELDS: readonly HeaderFieldName[] = ['Goal', 'Source', 'Closes'];

export interface HeaderField {
  /** The label as written (e.g. "Goal", "Closes"). */
  label: string;
  /** The spec field it maps to, when it is one. */
  name: HeaderFieldName | undefined;
  /** The value after the label: inline text plus any following list/paragraph lines. */
  value: Text;
  /** Numbered/bulleted items under the field (e.g. "What this PR adds"). */
  items: Text[];
  /** Whether the items were an ordered (numbered) list. */
  ordered: boolean;
  span: Span;
}

/** Section letters of the full format. */
export const SECTION_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K'] as const;
export type SectionLetter = (typeof SECTION_LETTERS)[number];

export const SECTION_NAMES: Record<SectionLetter, string> = {
  A: 'Executive Summary',
  B: 'Behavioral Contracts',
  C: 'Component Interaction',
  D: 'Deviation Log',
  E: 'Review Guide',
  F: 'Implementation Overview',
  G: 'Task Breakdown',
  H: 'Test Strategy',
  I: 'Risk Analysis',
  J: 'Sanity Checklist',
  K: 'Detailed specifications',
};

/** The kinds of section the parser recognises. */
export type SectionKind =
  | { type: 'phase0' }
  | { type: 'part'; part: 1 | 2 | 3 | 'appendix' }
  /**
   * `byLetterOnly`: the title names no section of the spec, only the letter placed it;
   * `relettered`: the title names another section than the letter written before it.
   */
  | { type: 'lettered'; letter: SectionLetter; byLetterOnly?: true; relettered?: true }
  /** Compact-format sections ("## Behavioral Contracts", "## Tasks", "## Sanity Checklist"). */
  | { type: 'compact'; name: 'contracts' | 'tasks' | 'checklist' | 'deviations' }
  | { type: 'other' };

export interface Section {
  kind: SectionKind;
  heading: Text;
  /** Heading depth (1–6). */
  depth: number;
  /** Whole section, heading included, up to the next heading of the same or lower depth. */
  span: Span;
  /** First and last line of the body (after the heading); empty body has bodyEnd < bodyStart. */
  bodyStart: number;
  bodyEnd: number;
}

export type ContractGroup = 'positive' | 'negative' | 'error';

export type ClauseKeyword = 'GIVEN' | 'WHEN' | 'THEN' | 'MECHANISM';

export interface Clause {
  keyword: ClauseKeyword;
  /** The clause text after the keyword. */
  text: string;
  span: Span;
  /** Span of the text after the keyword (for pointing at offending words). */
  textSpan: Span;
}

export interface Contract {
  /** As written: "BC-3", "NC-1". */
  id: string;
  /** "BC", "NC", "EC"… */
  prefix: string;
  number: number;
  name: string;
  /** From the nearest group heading/label above the contract, when there is one. */
  group: ContractGroup | undefined;
  clauses: Clause[];
  /** The whole contract block. */
  span: Span;
  /** The id as written in the contract's own heading line. */
  idSpan: Span;
}

/** A mention of a contract id anywhere in the plan. */
export interface ContractRef {
  id: string;
  span: Span;
}

export type FileAction = 'create' | 'modify' | 'test' | 'delete' | 'other';

export interface FileEntry {
  action: FileAction;
  /** The path as written, without backticks or line ranges. */
  path: string;
  /** A line range after the path ("file.go:123-145"), when given. */
  lines: { start: number; end: number } | undefined;
  /** Free text after the path ("— add X"). */
  note: string;
  span: Span;
}

export interface CodeBlock {
  /** Info string language ("go", "ts", "bash"…), lower-cased; "" when none. */
  lang: string;
  content: string;
  /** The fence lines included. */
  span: Span;
  /** Line of the first content line. */
  contentLine: number;
}

/** A `Run:` / `Verify:` command and the `Expected:` that follows it. */
export interface Command {
  run: Text;
  expected: Text | undefined;
}

export type StepKind = 'test' | 'run-fail' | 'implement' | 'run-pass' | 'lint' | 'commit' | 'other';

export interface Step {
  /** The number as written ("Step 3"); compact plans use labels instead and get 0. */
  number: number;
  /** Sub-step letter as written ("Step 3a" → "a"); absent or "" for a plain number. */
  suffix?: string;
  /** Last step number a range head covers ("Step 2-4: Run, verify, lint" → 4); absent otherwise. */
  through?: number;
  title: Text;
  kind: StepKind;
  codeBlocks: CodeBlock[];
  commands: Command[];
  /** Body text of the step (without code blocks), for placeholder checks. */
  prose: Text[];
  span: Span;
}

export interface CommitMessage {
  /** First line of the message (the conventional-commit subject). */
  subject: Text;
  /** The whole message. */
  text: string;
  span: Span;
}

/** One entry of a task's **Interfaces:** block (superpowers plans): what it consumes or produces. */
export interface InterfaceEntry {
  /** From the entry's first word: "Consumes …", "Produces …"; anything else is 'other'. */
  kind: 'consumes' | 'produces' | 'other';
  /** The entry as written (list marker removed), its nested items and continuation lines included. */
  text: Text;
  /** The code spans of the entry (`name`, `f(x: int) -> str`), without backticks, each where it stands. */
  names: Text[];
}

/** A task's **Interfaces:** block: Consumes / Produces entries. */
export interface TaskInterfaces {
  entries: InterfaceEntry[];
  /** The label line through the last entry. */
  span: Span;
}

export interface Task {
  number: number;
  /** "Task 1.2" (tasks numbered within a chunk or phase): the number after the dot; `number` is 1. */
  subnumber?: number;
  /**
   * The task's id as its heading writes it when letters lead the number, tasks numbered within a lettered part:
   * "Task A1", "Task B2-1", "Task F1.1", "Task A.1" (`number` is the first number).
   */
  id?: string;
  title: Text;
  /** Contract ids this task says it implements ("Contracts Implemented:" or the title's "(BC-1, BC-2)"). */
  contracts: ContractRef[];
  /** Where the contract list was written (line of "Contracts Implemented"), if separate. */
  contractsSpan: Span | undefined;
  files: FileEntry[];
  /** The task's **Interfaces:** block (Consumes / Produces), when it has one. */
  interfaces: TaskInterfaces | undefined;
  steps: Step[];
  /** Compact tasks: "**Verify:**" / "**Lint:**" / "**Commit:**" values. */
  compact: {
    test: CodeBlock[];
    impl: CodeBlock[];
    /** The **Test:** label's inline value, present whenever the label is written (even with no code). */
    testLabel?: Text;
    /** The **Impl:** label's inline value, present whenever the label is written. */
    implLabel?: Text;
    verify: Text | undefined;
    lint: Text | undefined;
    commit: Text | undefined;
  } | undefined;
  commit: CommitMessage | undefined;
  /** The **Files:** block as written, every entry kept (those `files` could not read as a path too). */
  filesBlock?: FilesBlock;
  span: Span;
}

/** A task's "**Files:**" label line and its entries as written: the list items under it, or the parts of its inline value. */
export interface FilesBlock {
  label: Text;
  items: Text[];
}

export interface TableRow {
  cells: Text[];
  span: Span;
}

export interface Table {
  header: Text[];
  rows: TableRow[];
  span: Span;
}

export interface TestStrategyRow {
  contract: Text;
  task: Text;
  type: Text;
  name: Text;
  span: Span;
}

export interface DeviationRow {
  sourceSays: Text;
  microDoes: Text;
  reason: Text;
  span: Span;
}

export interface Risk {
  description: Text;
  likelihood: Text | undefined;
  impact: Text | undefined;
  mitigation: Text | undefined;
  /** The task reference ("Task 3") as written. */
  task: Text | undefined;
  span: Span;
}

export interface ChecklistItem {
  checked: boolean;
  text: Text;
  span: Span;
}

/** A construction-site audit written in Phase 0: "Construction sites of `T`:" and the sites it lists. */
export interface WrittenAudit {
  /** As written: `Header`, or `tar.Header` with its package. */
  typeName: string;
  /** First line of the audit: its lead, or the item of the lead's list that names the type. */
  line: number;
  /** The lead (or the item). */
  span: Span;
  /** Last line of what the audit lists. */
  endLine: number;
  /** The citations in the lead and in the list or table it leads. */
  listed: Citation[];
  /** Files it names: with lines (`a.go:12,40`), in a function (`a.go:Build`), or whole (`a_test.go` (multiple)). */
  locations: AuditLocation[];
  /** Functions and methods it names as where the type is built (`requestToPending`, `NewSimulator()`). */
  names: string[];
  /** It speaks of the tests' sites together ("plus test sites", "test literals"), or audits production code only. */
  testsAccounted: boolean;
}

/** A place an audit names by file. */
export interface AuditLocation {
  path: string;
  /** Line ranges; none means the whole file (or the function, when one is named). */
  ranges: Array<[number, number]>;
  function?: string | undefined;
}

/** A citation of code: "path:line", "path:line-line", "`path` (line N)". */
export interface Citation {
  path: string;
  startLine: number;
  endLine: number;
  /** A symbol named right before the citation (e.g. "`NewFoo` at foo.go:12" → "NewFoo"). */
  symbol: string | undefined;
  /** The type (or package) the symbol was qualified with: "`Event.Execute`" → "Event". */
  qualifier?: string | undefined;
  /** A code snippet quoted right before the citation (e.g. "`x, _ := f()` at foo.go:12"). */
  quote: string | undefined;
  /** "~95": the writer gave the line roughly; only the file and its length are checked. */
  approximate?: true | undefined;
  /** "12,40": a list of lines; the first is checked, and the citation is never rewritten. */
  lineList?: true | undefined;
  /** Why the citation cannot name repository lines (absolute path, "..", line 0, reversed range). */
  malformed?: string | undefined;
  /**
   * Names its sentence gives without tying them to it ("Remove `f` check (a.go:12)", "`a.go:12`
   * (WindowMetrics struct)"): a weaker claim, read only when the citation has no symbol or quote.
   */
  nearby?: NearbyName[] | undefined;
  span: Span;
}

/** A name the citation's sentence (or table cell) gives, and what the plan says of it. */
export interface NearbyName {
  name: string;
  /** The type (or package) it was qualified with: "`TieredKVCache.AllocateKVBlocks`" → "TieredKVCache". */
  qualifier?: string | undefined;
  /** A command-line flag (`--min-tokens`): the code names it in a string. */
  flag?: true | undefined;
  /** Written in backticks: the plan marks it as code. */
  code?: true | undefined;
  /** The word after it says what is cited: its declaration ("struct", "function") or a use of it ("call", "check"). */
  kind?: 'declaration' | 'use' | undefined;
  /** The plan says to remove or modify it (and adds nothing in the same sentence): the file should have it. */
  edited?: true | undefined;
}

export interface Plan {
  /** File path as given by the caller ("<stdin>" for standard input). */
  path: string;
  /** Normalised text (BOM removed, CRLF → LF). */
  text: string;
  lines: string[];
  format: PlanFormat;
  /** Why the classifier decided the format (shown when a file is "not a plan"). */
  formatReason: string;
  title: Text | undefined;
  /** The "> **For Claude:** REQUIRED SUB-SKILL…" line. */
  agentLine: Text | undefined;
  header: HeaderField[];
  /** Where the header ends (the first `---` or first section heading). */
  headerEnd: number;
  sections: Section[];
  contracts: Contract[];
  contractRefs: ContractRef[];
  tasks: Task[];
  testStrategy: { table: Table | undefined; rows: TestStrategyRow[] };
  deviations: { table: Table | undefined; rows: DeviationRow[]; noDeviations: Text | undefined };
  risks: { table: Table | undefined; rows: Risk[] };
  checklist: ChecklistItem[];
  codeBlocks: CodeBlock[];
  citations: Citation[];
  /** Construction-site audits in Phase 0 (anywhere in a plan without a Phase 0 section). */
  audits: WrittenAudit[];
  /** Inline disable directives, resolved by the engine. */
  directives: Directive[];
  /** Broken code fences; the rest of the model reads them as the author meant (see fence-repair.ts). */
  fenceProblems: FenceProblem[];
}

export interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line';
  /** Empty = all rules. */
  ruleIds: string[];
  line: number;
}
