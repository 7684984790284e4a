import { codeSpanTexts } from '../../../plan/citations.js';
import { posix } from 'node:path';
import type { SgNode } from '@ast-grep/napi';
import type { Grounding } from '../../../ground/types.js';
import type { Plan, Span, Task, Text } from '../../../plan/types.js';
import { codeNames, isBuiltin, isStandardImport, pythonReads, type CodeNames, type NamesLanguage } from '../../../repo/code/names.js';
import { nodeSpan, parseBlock, type ParsedBlock } from '../../../rules/test-code/code.js';
import type { Finding, Rule } from '../../../rules/types.js';
import { isCode, taskName } from './parts.js';

/**
 * What each task of a plan defines, produces and uses, read from its code blocks (tree-sitter) and
 * its Interfaces block. The checks stay quiet where the plan alone cannot decide: a name no task
 * defines may well exist in the repository, so without `--repo` only a near miss of a name the
 * plan does define (`clearFullLayers()` against `clearLayers()`) and a name consumed before the
 * task that produces it are reported.
 */
interface TaskCode {
  task: Task;
  blocks: Array<{ parsed: ParsedBlock; names: CodeNames }>;
  /** Functions, methods, types and fields its code declares, and the names its Produces entries give. */
  produces: Set<string>;
  /** What a call may be a slip of: the functions and methods it declares, and the callables its Produces entries name. */
  functions: Set<string>;
  methods: Set<string>;
  consumes: Array<{ name: string; text: Text; ahead: boolean }>;
}

/** A stand-in for content in angle brackets, written in capitals: `<FILL FROM STEP 1 OUTPUT — five entries>`. */
const STAND_IN = /<[A-Z]{2,}[A-Z0-9_]*\s[^<>\n]*>/g;
/** "Consumes future `controlplane.cmd_task_recover(…)`": the plan knows a later task makes it. */
const AHEAD = /\b(?:future|later|upcoming|not yet|forthcoming)\b/i;

/** "controlplane.cmd_task_recover(task_id: str) -> int" → cmd_task_recover; "InjectionTarget" → InjectionTarget. */
export function signatureName(signature: string): string | undefined {
  const s = signature.trim();
  const call = /([A-Za-z_][\w.]*)\s*(?:<[^>()]*>)?\s*\(/.exec(s);
  const name = call ? call[1]! : /^[A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*$/.test(s) ? s : undefined;
  return name?.split('.').pop();
}

/** Every identifier a Produces entry names (`sealed record InjectionTarget { long WindowHandle; … }` gives all of them). */
function identifiersIn(text: string): string[] {
  return text.match(/[A-Za-z_]\w*/g) ?? [];
}

function readTask(task: Task, plan: Plan): TaskCode {
  const from = task.span.start.line;
  const to = task.span.end.line;
  const blocks: TaskCode['blocks'] = [];
  for (const block of plan.codeBlocks) {
    if (block.span.start.line < from || block.span.end.line > to) continue;
    // `<FILL FROM STEP 1 OUTPUT — five entries>`: a stand-in the plan fills later, not code with names.
    const blanked = block.content.replace(STAND_IN, (m) => ' '.repeat(m.length));
    const parsed = parseBlock(blanked === block.content ? block : { ...block, content: blanked });
    if (parsed) blocks.push({ parsed, names: codeNames(parsed.root, parsed.lang as NamesLanguage) });
  }
  const produces = new Set<string>();
  const functions = new Set<string>();
  const methods = new Set<string>();
  for (const b of blocks) {
    for (const d of b.names.declared) {
      produces.add(d.name);
      if (d.kind === 'function') functions.add(d.name);
      if (d.kind === 'method') methods.add(d.name);
    }
  }
  const consumes: TaskCode['consumes'] = [];
  for (const entry of task.interfaces?.entries ?? []) {
    if (entry.kind === 'produces') {
      // "`percentile_value(items, p)` returns the value at that percentile of `y_value`": the name a
      // line opens with is what it produces; the names in its description are what it speaks of.
      const opening = entry.names.filter((n, i) => i === 0 || n.span.start.line !== entry.names[i - 1]!.span.start.line);
      for (const n of opening) {
        for (const id of identifiersIn(n.text)) produces.add(id);
        const callable = n.text.includes('(') ? signatureName(n.text) : undefined;
        if (callable !== undefined) {
          functions.add(callable);
          methods.add(callable);
        }
      }
      // A name listed with the opening one ("`func formatBody(…) string` and `func pages(…) []string`") is produced
      // too; only its own name, not the types its signature speaks of.
      for (const [i, n] of entry.names.entries()) {
        const before = entry.names[i - 1];
        if (i === 0 || opening.includes(n)) continue;
        const gap = (plan.lines[n.span.start.line - 1] ?? '').slice(before!.span.end.column - 1, n.span.start.column - 1);
        const name = /^`?\s*(?:,|;|,?\s*\band\b|,?\s*\bplus\b)\s*`?$/.test(gap) ? signatureName(n.text) : undefined;
        if (name !== undefined) produces.add(name);
      }
    } else if (entry.kind === 'consumes') {
      for (const n of entry.names) {
        const lineText = plan.lines[n.span.start.line - 1] ?? '';
        // "`validate_test_plan()` from `harness.test_plan`": the second name says where, not what.
        if (/\b(?:from|in|at|of)\s*`?$/i.test(lineText.slice(0, n.span.start.column - 2))) continue;
        const name = signatureName(n.text);
        if (name !== undefined) consumes.push({ name, text: n, ahead: AHEAD.test(lineText.slice(0, n.span.start.column - 1)) });
      }
    }
  }
  return { task, blocks, produces, functions, methods, consumes };
}

/** camelCase / snake_case words, lower-cased. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_]+/)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase());
}

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return d[a.length]![b.length]!;
}

/**
 * Two names that are one slip apart: a word added or dropped (`clearLayers` / `clearFullLayers`),
 * one word changed by a letter or two (`loadProfile` / `loadProfiles`), or (`sameWords`) only the
 * case of a letter (`newFoo` / `NewFoo`). Names of one word are never near: too many differ so.
 */
export function nearNames(a: string, b: string, sameWords = true): boolean {
  if (a === b) return false;
  // `TempDir` and `temp_dir`: a type and a function by their conventions, two names, not one slip.
  if (caseStyle(a) !== caseStyle(b)) return false;
  const x = words(a);
  const y = words(b);
  if (Math.min(x.length, y.length) < 2) return false;
  if (x.join(' ') === y.join(' ')) return sameWords;
  if (Math.abs(x.length - y.length) === 1) {
    const [long, short] = x.length > y.length ? [x, y] : [y, x];
    // `henka_script_state_store` and `henka_script_state_store_create`: a type and the function that
    // makes (or frees, clears) it, named after it as C does, are two names.
    if (short.every((w, i) => w === long[i]) && LIFECYCLE.has(long[long.length - 1]!)) return false;
    // `pg_running` and `pg_running_ptr`: a buffer and the pointer (handle, reference) a launcher takes to it.
    if (short.every((w, i) => w === long[i]) && REFERENCE.has(long[long.length - 1]!)) return false;
    // `OfficialCatalogService` and `createOfficialCatalogService`: a type and its factory, two names.
    if (short.every((w, i) => w === long[i + 1]) && FACTORY.has(long[0]!)) return false;
    // `initialAdoptionTestPathExists` beside `initialAdoptionPathExists`: the test's helper of a name
    // (or its mock, fake, stub) is named after it on purpose.
    return long.some((w, i) => !TEST_DOUBLE.has(w) && [...long.slice(0, i), ...long.slice(i + 1)].join(' ') === short.join(' '));
  }
  if (x.length !== y.length) return false;
  const diff = x.flatMap((w, i) => (w === y[i] ? [] : [i]));
  if (diff.length !== 1) return false;
  const [p, q] = [x[diff[0]!]!, y[diff[0]!]!];
  return (p.startsWith(q) || q.startsWith(p) || editDistance(p, q) <= 2) && Math.min(p.length, q.length) >= 3;
}

/** Words that name a test's own version of a name: its helper, mock, fake, stub, spy or fixture. */
const TEST_DOUBLE = new Set(['test', 'tests', 'testing', 'mock', 'fake', 'stub', 'spy', 'fixture', 'dummy']);

/** The verbs a C-style API appends to a type's name for the functions that manage it (`store_create`, `store_destroy`). */
const LIFECYCLE = new Set(['create', 'new', 'init', 'destroy', 'free', 'clear', 'reset', 'open', 'close', 'alloc', 'release', 'delete', 'drop']);

/** The words a name takes for a pointer or handle to the thing it names (`pg_running_ptr`, `bufferHandle`). */
const REFERENCE = new Set(['ptr', 'ptrs', 'pointer', 'handle', 'ref', 'addr']);

/** The verbs a factory puts before the name of the type it makes (`createCatalogService`, `newClient`). */
const FACTORY = new Set(['create', 'new', 'make', 'build', 'init']);

/** How a name is written: snake_case (and SCREAMING_CASE) or camelCase / PascalCase. */
function caseStyle(name: string): 'snake' | 'camel' {
  return name.includes('_') ? 'snake' : 'camel';
}

/** The repository's answers, asked once per name per run. */
class RepoNames {
  private readonly known = new Map<string, Promise<boolean>>();
  private packages: Promise<Set<string>> | undefined;
  constructor(private readonly g: Grounding) {}

  declares(name: string): Promise<boolean> {
    let p = this.known.get(name);
    if (!p) {
      p = this.g.index.declarations(name).then((ds) => ds.length > 0);
      this.known.set(name, p);
    }
    return p;
  }

  /** Directory names that hold Go files: the packages a `pkg.F()` in a plan may be the repository's. */
  goPackages(): Promise<Set<string>> {
    this.packages ??= this.g.repo.listFiles().then((files) => new Set(files.filter((f) => f.endsWith('.go')).map((f) => posix.basename(posix.dirname(f)))));
    return this.packages;
  }
}

/**
 * Whether the task names a Go file in a directory called `dir` (its Files, or a path in its text);
 * test files do not count: an external test package (`package sim_test`) does write `sim.`.
 */
function inPackageDir(plan: Plan, task: Task, dir: string): boolean {
  const inDir = (path: string): boolean => path.endsWith('.go') && !path.endsWith('_test.go') && posix.basename(posix.dirname(path)) === dir;
  if (task.files.some((f) => inDir(f.path))) return true;
  for (let l = task.span.start.line; l <= task.span.end.line; l++) {
    for (const m of (plan.lines[l - 1] ?? '').matchAll(/[\w./-]+\.go\b/g)) if (inDir(m[0])) return true;
  }
  return false;
}

const PY_PATH = /[\w./-]*[\w-]\.py\b/g;
const TEST_PATH = /(?:^|\/)(?:tests?\/|test_[^/]*$|[^/]*_test\.py$)/;

/**
 * The Python file a step's code is for: the one file the step names, else the task's one Python
 * file (or, for a test step, its one test file); undefined when the plan leaves it open.
 */
function pythonTarget(plan: Plan, task: Task, step: Task['steps'][number]): string | undefined {
  const inText = (texts: readonly string[]): string[] => [...new Set(texts.flatMap((t) => t.match(PY_PATH) ?? []))];
  const own = inText([step.title.text, ...step.prose.map((p) => p.text)]);
  if (own.length === 1) return own[0];
  if (own.length > 1) return undefined;
  const lines: string[] = [];
  for (let l = task.span.start.line; l <= task.span.end.line; l++) if (!plan.codeBlocks.some((b) => b.span.start.line <= l && b.span.end.line >= l)) lines.push(plan.lines[l - 1] ?? '');
  const all = inText([...lines, ...task.files.map((f) => f.path)]);
  if (all.length === 1) return all[0];
  const tests = all.filter((p) => TEST_PATH.test(p));
  return step.kind === 'test' && tests.length === 1 ? tests[0] : undefined;
}

const FUNCTION_KINDS = new Set(['function_declaration', 'method_declaration', 'function_definition', 'method_definition', 'generator_function_declaration']);

/** The name of the function a node is in (`NewEnginePolicyConfig` for a call in its body). */
function enclosingFunction(node: SgNode): string | undefined {
  for (let n = node.parent(); n; n = n.parent()) if (FUNCTION_KINDS.has(String(n.kind()))) return n.field('name')?.text();
  return undefined;
}

interface Use {
  task: TaskCode;
  /** The function the use is in: a wrapper calling the function it wraps is no slip. */
  inside: string | undefined;
  name: string;
  span: Span;
  /** How the name is used, for the message. */
  verb: 'calls' | 'consumes';
  /** A consumed name the plan says a later task makes ("Consumes future `f()`"): no ordering slip. */
  ahead?: boolean;
  /** As the plan writes it: `sim.NewWaitQueue()`, `cmd_task_recover`. */
  written: string;
  /** A plain call `f()` (or a call through a package): a slip of a function's name; otherwise a method call (or a consumed name). */
  plain: boolean;
  /** Whether the repository can say this name is missing (Go same-package or local-package calls; snippets that show their imports). */
  checkable: boolean;
}

/** Words that say something is already in the code: "already exist", "the existing helper". */
const EXISTS = /\balready (?:exists?|there|defined|present|implemented)\b|\bexist(?:s|ing)?\b/i;

/**
 * The names the plan's prose gives in backticks (`f` or `f()`) on a line that, or whose line before,
 * says they already exist: read once per plan.
 */
function namesSaidToExist(plan: Plan): Set<string> {
  const names = new Set<string>();
  for (let l = 1; l <= plan.lines.length; l++) {
    const text = plan.lines[l - 1]!;
    if (isCode(plan, l) || !(EXISTS.test(text) || EXISTS.test(plan.lines[l - 2] ?? ''))) continue;
    for (const c of codeSpanTexts(text)) {
      const name = c.replace(/\(\)$/, '');
      names.add(name);
      // "Consumes: existing `PoolModel.getLanes()`": the method is consumed by its own name.
      const member = /(?:\.|::|->)(\w+)$/.exec(name)?.[1];
      if (member !== undefined) names.add(member);
    }
  }
  return names;
}

export const spTypeConsistency: Rule = {
  id: 'sp-type-consistency',
  family: 'superpowers',
  severity: 'warning',
  strict: true,
  formats: ['superpowers'],
  description:
    'writing-plans, Self-Review: "Do the types, method signatures, and property names you used in later tasks match what you defined in earlier tasks? A function called `clearLayers()` in Task 3 but `clearFullLayers()` in Task 7 is a bug." The plan\'s code blocks (Go, Python, TypeScript/JavaScript) are parsed with tree-sitter for the names each task defines and calls, and each task\'s Interfaces block for what it consumes and produces. Reported: a call of a name no task defines when a task defines a name one slip away from it (a word added, dropped or misspelled; not a test\'s own version of it, `initialAdoptionTestPathExists` beside `initialAdoptionPathExists`, nor a type and its `_create` function or its factory, `OfficialCatalogService` beside `createOfficialCatalogService`, nor a buffer and the pointer to it, `pg_running` beside `pg_running_ptr`); a name a task consumes that only a later task produces (unless the entry says so: "Consumes future `f()`", or every such later task only modifies files, where it may rewrite a name that already exists); and with `--repo`, a name called or consumed that no task defines and the repository does not declare (for calls: Go calls of same-package functions or of the repository\'s own packages, and calls in snippets that show their imports). Names a snippet binds anywhere (parameters, locals, imports) and the language\'s builtins are never reported, nor names the plan says already exist ("Consumes: existing `PoolModel.getLanes()`", by the method\'s own name too), nor a consumed name the task\'s own code calls (`const botId = gateway.botUserId();` holds its result in another name). Off by default (strict): on real plans nobody tuned it on, reviewers agreed with few of its findings (docs/precision.md); a project that wants it turns it on under `rules:`.',
  instruction:
    "Use one name for each function, type and method across all tasks, and consume in a task only what an earlier task produces or what the repository already has: check every call against the task that defines it.",
  examples: {
    valid: [
      {
        plan: '# Layers Implementation Plan\n\n**Goal:** Reset layers.\n\n**Tech Stack:** TypeScript\n\n### Task 3: Clear layers\n\n- [ ] **Step 1: Write minimal implementation**\n\n```ts\nexport function clearLayers(map: LayerMap): void {\n  map.layers.length = 0;\n}\n```\n\n### Task 7: Reset view\n\n- [ ] **Step 1: Write minimal implementation**\n\n```ts\nexport function resetView(map: LayerMap): void {\n  clearLayers(map);\n}\n```\n',
      },
    ],
    invalid: [
      {
        plan: '# Layers Implementation Plan\n\n**Goal:** Reset layers.\n\n**Tech Stack:** TypeScript\n\n### Task 3: Clear layers\n\n- [ ] **Step 1: Write minimal implementation**\n\n```ts\nexport function clearLayers(map: LayerMap): void {\n  map.layers.length = 0;\n}\n```\n\n### Task 7: Reset view\n\n- [ ] **Step 1: Write minimal implementation**\n\n```ts\nexport function resetView(map: LayerMap): void {\n  clearFullLayers(map);\n}\n```\n',
        message: 'Task 3 defines `clearLayers`',
      },
      {
        plan: '# Recovery Implementation Plan\n\n**Goal:** Recover a stale task.\n\n**Tech Stack:** Python 3.12\n\n### Task 1: CLI contract\n\n**Interfaces:**\n- Consumes `controlplane.cmd_task_recover(task_id: str) -> int`.\n\n- [ ] **Step 1: Write failing parser tests**\n\n### Task 2: Archive the stale task\n\n**Interfaces:**\n- Produces `cmd_task_recover(task_id: str) -> int`.\n',
        message: 'only Task 2 produces',
      },
    ],
  },
  async check(plan, { grounding }) {
    const tasks = plan.tasks.map((t) => readTask(t, plan));
    const bound = new Set<string>();
    for (const t of tasks) for (const b of t.blocks) for (const n of b.names.bound) bound.add(n);
    const producers = (name: string): TaskCode[] => tasks.filter((t) => t.produces.has(name));
    const repo = grounding ? new RepoNames(grounding) : undefined;
    const goPackages = repo ? await repo.goPackages() : new Set<string>();

    // The repository is asked about consumed names only where the plan's code is in a language the code index reads.
    const indexed = tasks.some((t) => t.blocks.length > 0);
    const uses: Use[] = [];
    for (const t of tasks) {
      for (const c of t.consumes) uses.push({ task: t, inside: undefined, name: c.name, written: c.name, span: c.text.span, verb: 'consumes', ahead: c.ahead, plain: true, checkable: indexed });
      for (const { parsed, names } of t.blocks) {
        for (const call of names.calls) {
          if (bound.has(call.name) || isBuiltin(parsed.lang as NamesLanguage, call.name) || names.starImport) continue;
          const q = call.qualifier;
          // `obj.m()` on a value the code binds, `pkg.F()` on an imported package: the receiver's type or the package decides.
          const onValue = q !== undefined && (q === '' || bound.has(q) || ['self', 'cls', 'this', 'super'].includes(q));
          // In a file of package `cmd`, `cmd.Flags()` is a variable's method: a package never names itself.
          const localPackage = parsed.lang === 'go' && q !== undefined && !onValue && goPackages.has(q) && !inPackageDir(plan, t.task, q);
          if (q !== undefined && !onValue && !localPackage) continue;
          const checkable = parsed.lang === 'go' ? q === undefined || localPackage : q === undefined && names.imports;
          uses.push({ task: t, inside: enclosingFunction(call.node), name: call.name, written: `${q ? `${q}.` : ''}${call.name}()`, span: nodeSpan(plan, parsed, call.node), verb: 'calls', plain: !onValue, checkable });
        }
      }
    }

    const out: Finding[] = [];
    const reported = new Set<string>();
    let saidToExist: Set<string> | undefined;
    const at = grounding?.label.replace(/^([0-9a-f]{12})[0-9a-f]{28}$/, '$1');
    const where = grounding ? ` and ${at === 'the working tree' ? 'the repository' : `the repository (at ${at})`} does not declare it` : '';
    for (const use of uses) {
      // Tasks in plan order: "Task 1.2" comes after "Task 1.1", which share a number.
      const position = use.task.task.span.start.line;
      const key = `${position}\0${use.name}`;
      if (reported.has(key)) continue;
      const n = taskName(use.task.task);
      const made = producers(use.name);
      if (use.verb === 'consumes' && made.some((t) => t.task.span.start.line <= position)) continue;
      if (use.verb === 'calls' && made.length > 0) continue;
      if (repo && (await repo.declares(use.name))) continue;
      const label = `\`${use.written}\``;
      // "The helpers and their tests already exist. Preserve `resolveDisplayKeymap`'s …", "Consumes: existing `Session`
      // methods": the plan says the name is there, whatever a later task adds to it.
      if ((saidToExist ??= namesSaidToExist(plan)).has(use.name)) continue;
      if (made.length > 0) {
        // `CRON_SECRET`: an environment variable is read at run time, whichever task documents it.
        if (use.ahead || /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(use.name)) continue;
        // A later task that only modifies files may be rewriting a name that is already there (`tokenize`
        // turned into a delegate): the earlier task consumes what exists.
        if (made.every((t) => t.task.files.length > 0 && t.task.files.every((f) => f.action !== 'create'))) continue;
        const later = made.map((t) => taskName(t.task)).join(', ');
        reported.add(key);
        out.push({ message: `${n} consumes ${label}, which only ${later} produces — a later task: produce it earlier, or consume it where it exists.`, span: use.span });
        continue;
      }
      // A call is a slip of a function's name (a method call of a method's); a consumed name of anything produced.
      const candidates = (t: TaskCode): Set<string> => (use.verb === 'consumes' ? t.produces : use.plain ? t.functions : t.methods);
      // Two names the task consumes side by side (`minimum_y_value`; `y_value(item)`) are two names, not a slip.
      const alsoConsumed = new Set(use.task.consumes.map((c) => c.name));
      const near = tasks.flatMap((t) => [...candidates(t)].filter((p) => p !== use.inside && !alsoConsumed.has(p) && nearNames(use.name, p, use.plain)).map((p) => ({ t, p })));
      // `const botId = gateway.botUserId();`: the task's own code calls the name it consumes, so a near
      // name beside it is another name (the local that holds the result), not a slip.
      const calledByName = (): boolean => use.verb === 'consumes' && use.task.blocks.some((b) => b.names.calls.some((c) => c.name === use.name));
      if (near.length > 0 && !calledByName()) {
        const { t, p } = near[0]!;
        reported.add(key);
        out.push({ message: `${n} ${use.verb} ${label}, which no task defines${where}; ${taskName(t.task)} defines \`${p}\`: use one name for both.`, span: use.span });
        continue;
      }
      if (repo && use.checkable) {
        reported.add(key);
        out.push({ message: `${n} ${use.verb} ${label}, which no task defines${where}: define it in a task or fix the name.`, span: use.span });
      }
    }
    out.push(...(await unboundInNewPythonFiles(plan, tasks, bound, repo)));
    return out;
  },
};

/** Names the plan mentions in backticks outside code: a name the writer refers to knowingly ("reuse `make_repo`"). */
function prose(plan: Plan): Set<string> {
  const names = new Set<string>();
  const code = new Set<number>();
  for (const b of plan.codeBlocks) for (let l = b.span.start.line; l <= b.span.end.line; l++) code.add(l);
  plan.lines.forEach((line, i) => {
    if (code.has(i + 1)) return;
    for (const c of codeSpanTexts(line)) for (const id of identifiersIn(c)) names.add(id);
  });
  return names;
}

/**
 * A Python file a task creates starts empty: every name its code reads must be defined or imported
 * in it. A name the plan's code binds nowhere (`REPO` in a new test module), that no prose names and
 * (with `--repo`) the repository does not declare, is undefined there.
 */
async function unboundInNewPythonFiles(plan: Plan, tasks: readonly TaskCode[], bound: ReadonlySet<string>, repo: RepoNames | undefined): Promise<Finding[]> {
  const out: Finding[] = [];
  let mentioned: Set<string> | undefined;
  for (const { task, blocks } of tasks) {
    for (const step of task.steps) {
      for (const { parsed, names } of blocks) {
        if (parsed.lang !== 'python' || names.starImport || !step.codeBlocks.includes(parsed.block)) continue;
        const target = pythonTarget(plan, task, step);
        const created = target !== undefined && task.files.some((f) => f.action === 'create' && (f.path === target || f.path.endsWith(`/${target}`) || target.endsWith(`/${f.path}`)));
        if (!created) continue;
        mentioned ??= prose(plan);
        const unbound = [];
        for (const read of pythonReads(parsed.root)) {
          if (bound.has(read.name) || isBuiltin('python', read.name) || isStandardImport('python', read.name) || /^__\w+__$/.test(read.name) || mentioned.has(read.name)) continue;
          if (repo && (await repo.declares(read.name))) continue;
          unbound.push(read);
        }
        if (unbound.length === 0) continue;
        const listed = unbound.map((r) => `\`${r.name}\``).join(', ');
        out.push({
          message: `${taskName(task)}'s code for ${target}, a file the task creates, uses ${listed}, which no code in the plan defines or imports: define or import ${unbound.length === 1 ? 'it' : 'them'} in the code shown.`,
          span: nodeSpan(plan, parsed, unbound[0]!.node),
        });
      }
    }
  }
  return out;
}
