/**
 * Structural assertions in test code, found on the syntax tree: the four PROHIBITED patterns of
 * the spec (type assertions on concrete types, internal-field access, exact-formula reproduction,
 * implementation counts) inside the checks of a test — assertion-library calls, `expect(…)`
 * chains, `assert` statements, and `if` conditions that fail the test.
 */
import type { SgNode } from '@ast-grep/napi';
import { ensureGrammars } from '../../repo/code/grammars.js';
import type { LanguageId } from '../../languages/index.js';
import { lazy } from '../../lazy.js';

export type OffenceKind = 'type' | 'field' | 'formula' | 'count';

export interface Offence {
  kind: OffenceKind;
  node: SgNode;
}

/** Go assertion packages whose calls are checks (`assert.Equal`, `require.NoError`, `is.Equal`). */
export const GO_ASSERT_PKGS = new Set(['assert', 'require', 'is']);
/** Calls that make an `if` a check: its condition is an assertion. */
const GO_FAIL_METHODS = new Set(['Error', 'Errorf', 'Fatal', 'Fatalf', 'Fail', 'FailNow']);

const GO_BUILTINS = new Set(['len', 'cap', 'float64', 'float32', 'int', 'int64', 'int32', 'uint', 'uint64', 'min', 'max', 'math', 'time', 'true', 'false', 'nil', 'iota']);
const ARITH = new Set(['+', '-', '*', '/']);
const NUMBER_KINDS = new Set(['int_literal', 'float_literal', 'number', 'integer', 'float']);
const BINARY_KINDS = new Set(['binary_expression', 'binary_operator']);
const PAREN_KINDS = new Set(['parenthesized_expression']);

function rangeKey(n: SgNode): string {
  const r = n.range();
  return `${r.start.index}:${r.end.index}`;
}

function contains(outer: SgNode, inner: SgNode): boolean {
  const a = outer.range();
  const b = inner.range();
  return a.start.index <= b.start.index && b.end.index <= a.end.index;
}

function operator(n: SgNode): string {
  return n.field('operator')?.text() ?? '';
}

function isArith(n: SgNode): boolean {
  return BINARY_KINDS.has(String(n.kind())) && ARITH.has(operator(n));
}

function unparen(n: SgNode): SgNode {
  let cur = n;
  while (PAREN_KINDS.has(String(cur.kind()))) {
    const inner = cur.namedChildren()[0];
    if (!inner) break;
    cur = inner;
  }
  return cur;
}

/**
 * A formula: an arithmetic tree with at least two operators, one of them a multiplication or
 * division of a variable by a numeric coefficient (`0.6*cacheHit + 0.4*(1-load)`). Sums of
 * counts (`completed+queued+running`) are invariants, not formulas; `2*time.Second` is a value.
 */
export function isFormula(root: SgNode, isVariable: (n: SgNode) => boolean): boolean {
  let ops = 0;
  let weighted = false;
  const walk = (n: SgNode): void => {
    const node = unparen(n);
    if (!isArith(node)) return;
    ops++;
    const left = node.field('left');
    const right = node.field('right');
    if (!left || !right) return;
    const op = operator(node);
    if (op === '*' || op === '/') {
      const l = unparen(left);
      const r = unparen(right);
      const coefficient = (x: SgNode): boolean => NUMBER_KINDS.has(String(x.kind())) && !isUnitFactor(x.text());
      if ((coefficient(l) && hasVariable(r, isVariable)) || (coefficient(r) && hasVariable(l, isVariable))) weighted = true;
    }
    walk(left);
    walk(right);
  };
  walk(root);
  return ops >= 2 && weighted;
}

/** 0, 1 and powers of ten (unit conversions such as `/ 1000.0`) are not weights of a formula. */
export function isUnitFactor(literal: string): boolean {
  const v = Number(literal.replace(/_/g, ''));
  if (!Number.isFinite(v) || v === 0) return true;
  const exp = Math.log10(Math.abs(v));
  return Math.abs(exp - Math.round(exp)) < 1e-9;
}

function hasVariable(n: SgNode, isVariable: (n: SgNode) => boolean): boolean {
  if (isVariable(n)) return true;
  return n.namedChildren().some((c) => hasVariable(c, isVariable));
}

/** Outermost arithmetic expressions inside a node. */
function arithRoots(n: SgNode): SgNode[] {
  const out: SgNode[] = [];
  const walk = (x: SgNode): void => {
    if (isArith(x)) {
      out.push(x);
      return;
    }
    for (const c of x.namedChildren()) walk(c);
  };
  walk(n);
  return out;
}

/** Go node kinds as numbers: a numeric matcher skips building a rule for every query. */
const goKinds = new Map<string, number>();
function goKind(name: string): number {
  let id = goKinds.get(name);
  if (id === undefined) {
    id = ensureGrammars().kind('go', name);
    goKinds.set(name, id);
  }
  return id;
}

/** Whitespace or comments between two Go tokens, for text prefilters. */
const GAP = String.raw`(?:\s|\/\*[\s\S]*?\*\/|\/\/[^\n]*(?:\n|$))*`;
/** Text prefilters: a body without these cannot hold the nodes the query after them looks for. */
export const GO_MAY_ASSERT_TYPE = new RegExp(String.raw`\.${GAP}\(`);
export const GO_MAY_CALL_ASSERT = new RegExp(String.raw`\b(?:assert|require|is)${GAP}\.`);
export const GO_MAY_FAIL = /\b(?:Error|Errorf|Fatal|Fatalf|Fail|FailNow)\b/;
/**
 * A formula weighs a variable by a numeric coefficient: some number literal stands next to a `*`
 * or `/` (through parentheses, spaces or comments). In Go `//` and `/*` always open a comment, so
 * neither their first character nor their second (unless the `/` before it ends a block comment)
 * is an operator: numbers next to a comment's slashes do not pass; no formula is missed.
 */
const GO_MUL_DIV = String.raw`(?<!(?<!\*)\/)(?:\*|\/(?![/*]))`;
const GO_MAY_WEIGH = new RegExp(String.raw`(?:\d[\w.]*(?:${GAP}\))*${GAP}${GO_MUL_DIV}|${GO_MUL_DIV}(?:${GAP}\()*${GAP}\.?\d)`);
const GO_MAY_SELECT_LOWER = new RegExp(String.raw`\.${GAP}[a-z_]`);

/**
 * Offences in one test body (or a whole test snippet), deduplicated and outermost-first. `block`
 * identifies the parsed snippet the body belongs to, so per-snippet facts are computed once.
 */
export function findOffences(lang: LanguageId, body: SgNode, block?: object): Offence[] {
  const raw = FINDERS[lang]?.(body, block) ?? [];
  const seen = new Set<string>();
  const out: Offence[] = [];
  // A count (`len(obj.items)`) already covers the field inside it; one finding per node.
  const ordered = [...raw].sort((a, b) => (a.kind === 'count' ? 0 : 1) - (b.kind === 'count' ? 0 : 1));
  for (const o of ordered) {
    const key = rangeKey(o.node);
    if (seen.has(key)) continue;
    if (out.some((p) => p.kind === 'count' && o.kind === 'field' && contains(p.node, o.node))) continue;
    if (out.some((p) => p.kind === o.kind && contains(p.node, o.node))) continue;
    seen.add(key);
    out.push(o);
  }
  return out.sort((a, b) => a.node.range().start.index - b.node.range().start.index);
}

/** The offences of each language's tests, found in the idioms of its test code; a language missing here is not checked. */
const FINDERS: Partial<Record<LanguageId, (body: SgNode, block: object | undefined) => Offence[]>> = {
  go: (body, block) => goOffences(body, block),
  python: (body) => pythonOffences(body),
  typescript: (body) => jsOffences(body, true),
  javascript: (body) => jsOffences(body, false),
};

// ---------------------------------------------------------------- Go

/*
 * Cost model: each ast-grep query walks the subtree natively (fast for a single node kind, several
 * times slower for rules with `has`/`any`/`regex`), and each node or call handed to JavaScript is a
 * round trip. So queries name one kind, run only when a text prefilter says their nodes can be
 * there, and facts are computed only when a check needs them. The JavaScript checks are unchanged.
 */
function goOffences(body: SgNode, block: object | undefined): Offence[] {
  const out: Offence[] = [];
  const facts = lazy(() => blockFacts(body, block));
  const locals = lazy(() => goLocals(body));
  const tableVars = lazy(() => goTableVars(body, facts));
  // The body's calls, fetched once: the assertion calls and the receivers are both read from them.
  const calls = lazy(() => body.findAll(goKind('call_expression')));
  const receivers = lazy(() => goReceivers(calls()));
  const text = body.text();
  // No assertion call, failing `if` or type assertion: nothing in the body is a check.
  if (!GO_MAY_CALL_ASSERT.test(text) && !GO_MAY_FAIL.test(text) && !GO_MAY_ASSERT_TYPE.test(text)) return out;
  // Nor can there be an offence without its marks in the text: a type assertion or `reflect.TypeOf`
  // (type), a lower-case selector (field, and the count `len(x.items)`), a weighted term (formula).
  if (!GO_MAY_ASSERT_TYPE.test(text) && !text.includes('reflect.TypeOf') && !GO_MAY_SELECT_LOWER.test(text) && !GO_MAY_WEIGH.test(text)) return out;
  const found = goCandidates(body, text, calls);
  const { checks, equalities } = goContexts(found);
  const inCheck = (n: SgNode): boolean => checks.some((c) => contains(c, n));
  const isVariable = (n: SgNode): boolean => {
    // Locals, and bare lower-case names the snippet does not declare as constants (plans elide setup).
    if (n.kind() === 'identifier') return locals().has(n.text()) || (/^[a-z]/.test(n.text()) && !facts().declared.has(n.text()) && !GO_BUILTINS.has(n.text()));
    if (n.kind() === 'selector_expression') {
      const root = chainRoot(n);
      return root !== undefined && locals().has(root.text());
    }
    return false;
  };
  const internal = (n: SgNode): boolean => isInternalGoField(n, tableVars, receivers);

  // Type assertions to a pointer type anywhere in a test are a check on the concrete type.
  for (const ta of found.typeAssertions) {
    const type = ta.field('type');
    if (!type) continue;
    if (type.kind() === 'pointer_type' || (inCheck(ta) && type.text() !== 'error' && !type.text().startsWith('interface'))) {
      out.push({ kind: 'type', node: ta });
    }
  }
  for (const ctx of checks) {
    const ctxText = ctx.text();
    const calls = ctxText.includes('len') || ctxText.includes('reflect.TypeOf') ? ctx.findAll(goKind('call_expression')) : [];
    for (const call of calls) {
      const fn = call.field('function');
      if (fn?.text() === 'reflect.TypeOf') out.push({ kind: 'type', node: call });
      if (fn?.text() === 'len') {
        const arg = call.field('arguments')?.namedChildren()[0];
        if (arg && internal(arg)) out.push({ kind: 'count', node: call });
      }
    }
    for (const sel of GO_MAY_SELECT_LOWER.test(ctxText) ? ctx.findAll(goKind('selector_expression')) : [ctx]) {
      if (internal(sel)) out.push({ kind: 'field', node: sel });
    }
  }
  // Formulas matter where a value is pinned exactly: equality operands, directly or through a variable.
  // Without a weighted term in the body, nothing in it is a formula.
  const mayWeigh = GO_MAY_WEIGH.test(text) && equalities().length > 0;
  for (const e of mayWeigh ? equalities() : []) {
    // A formula in the operand puts its weighted term in the operand's text.
    if (!GO_MAY_WEIGH.test(e.text())) continue;
    for (const a of arithRoots(e)) if (isFormula(a, isVariable)) out.push({ kind: 'formula', node: a });
  }
  const pinned = lazy(() => {
    const names = new Set<string>();
    for (const e of equalities()) {
      if (e.kind() === 'identifier') names.add(e.text());
      for (const id of e.findAll({ rule: { kind: 'identifier' } })) names.add(id.text());
    }
    return names;
  });
  // `want := 0.6*a + 0.4*b` … `assert.Equal(t, want, got)`.
  // Without pinned operands no declaration is pinned.
  const decls = mayWeigh ? goDecls(body) : [];
  for (const decl of decls) {
    // A formula has a weighted term, so the declaration's text has one too.
    if (!GO_MAY_WEIGH.test(decl.text())) continue;
    const names = decl.kind() === 'var_spec' ? decl.fieldChildren('name') : (decl.field('left')?.namedChildren() ?? []);
    const values = decl.kind() === 'var_spec' ? (decl.field('value')?.namedChildren() ?? []) : (decl.field('right')?.namedChildren() ?? []);
    names.forEach((name, i) => {
      const value = values[i] ? unparen(values[i]) : undefined;
      if (!value || !isArith(value) || !pinned().has(name.text())) return;
      if (isFormula(value, isVariable)) out.push({ kind: 'formula', node: value });
    });
  }
  return out;
}

/** Assertion-library calls whose arguments pin a value exactly. */
const GO_EQUALITY_ASSERTS = /^(?:Equal|Equalf|EqualValues|EqualValuesf|Exactly|Exactlyf|NotEqual|NotEqualf|InDelta|InDeltaf|InEpsilon|InEpsilonf)$/;

/**
 * The parts of a Go test that are checks: arguments of assertion-library calls and the
 * conditions of `if`s that fail the test; and among them, the operands pinned by an equality
 * (`assert.Equal` arguments, `==`/`!=` operands, `math.Abs(got-want)` arguments).
 */

interface GoCandidates {
  assertCalls: AssertCall[];
  failingIfs: SgNode[];
  typeAssertions: SgNode[];
}

/**
 * The nodes a test body's checks start from, each list in document order. Each query names one
 * node kind (ast-grep walks those fast; rules with `has` or `any` cost several times more), the
 * JavaScript filters are the original ones, and a text prefilter skips a query whose nodes
 * cannot be there.
 */
function goCandidates(body: SgNode, text: string, calls: () => SgNode[]): GoCandidates {
  const found: GoCandidates = { assertCalls: [], failingIfs: [], typeAssertions: [] };
  if (GO_MAY_CALL_ASSERT.test(text)) {
    for (const call of calls()) {
      const fn = call.field('function');
      // The callee's text starts with the package name: one crossing rules out most calls.
      if (!fn || !GO_ASSERT_CALLEE.test(fn.text()) || fn.kind() !== 'selector_expression') continue;
      const operand = fn.field('operand');
      if (operand?.kind() === 'identifier' && GO_ASSERT_PKGS.has(operand.text())) found.assertCalls.push({ call, fn });
    }
  }
  if (GO_MAY_FAIL.test(text)) {
    for (const ifs of body.findAll(goKind('if_statement'))) {
      const consequence = ifs.field('consequence');
      if (consequence && GO_MAY_FAIL.test(consequence.text()) && failsTest(consequence)) found.failingIfs.push(ifs);
    }
  }
  if (GO_MAY_ASSERT_TYPE.test(text)) found.typeAssertions = body.findAll(goKind('type_assertion_expression'));
  return found;
}

/** An assertion-library call and its callee (`assert.Equal`). */
interface AssertCall {
  call: SgNode;
  fn: SgNode;
}

/** The text of a callee `assert.X`, `require.X`, `is.X` (whitespace or comments may precede the dot). */
const GO_ASSERT_CALLEE = /^(?:assert|require|is)(?![\w$])/;

/** Declarations that may assign a formula: only looked for when some operand is pinned. */
function goDecls(body: SgNode): SgNode[] {
  return body.findAll({ rule: { any: [{ kind: 'short_var_declaration' }, { kind: 'assignment_statement' }, { kind: 'var_spec' }] } });
}

function failsTest(block: SgNode): boolean {
  return block.findAll(goKind('call_expression')).some((c) => {
    const fn = c.field('function');
    return fn?.kind() === 'selector_expression' && GO_FAIL_METHODS.has(fn.field('field')?.text() ?? '');
  });
}

function goContexts(found: GoCandidates): { checks: SgNode[]; equalities: () => SgNode[] } {
  const checks: SgNode[] = [];
  const assertArgs: Array<{ args: SgNode; fn: SgNode }> = [];
  const ifParts: SgNode[] = [];
  // Assertion calls were selected by their callee already.
  for (const { call, fn } of found.assertCalls) {
    const args = call.field('arguments');
    if (!args) continue;
    checks.push(args);
    assertArgs.push({ args, fn });
  }
  for (const ifs of found.failingIfs) {
    for (const part of [ifs.field('condition'), ifs.field('initializer')]) {
      if (!part) continue;
      checks.push(part);
      ifParts.push(part);
    }
  }
  // Only formulas need the pinned operands, and most bodies cannot hold one: found on demand.
  const equalities = lazy(() => {
    const out: SgNode[] = [];
    for (const { args, fn } of assertArgs) {
      if (GO_EQUALITY_ASSERTS.test(fn.field('field')?.text() ?? '')) out.push(...args.namedChildren());
    }
    for (const part of ifParts) {
      const partText = part.text();
      const binaries = partText.includes('==') || partText.includes('!=') ? part.findAll(goKind('binary_expression')) : [];
      for (const b of binaries) {
        if (b.kind() !== 'binary_expression') continue;
        const op = operator(b);
        if (op === '==' || op === '!=') {
          for (const side of [b.field('left'), b.field('right')]) if (side) out.push(side);
        }
      }
      for (const c of partText.includes('math.Abs') ? part.findAll(goKind('call_expression')) : []) {
        if (c.field('function')?.text() === 'math.Abs') out.push(...(c.field('arguments')?.namedChildren() ?? []));
      }
    }
    return out;
  });
  return { checks, equalities };
}

/** The identifier at the root of `a.b.c` (undefined for calls and other operands). */
function chainRoot(sel: SgNode): SgNode | undefined {
  let cur: SgNode | null = sel;
  while (cur && cur.kind() === 'selector_expression') cur = cur.field('operand');
  return cur?.kind() === 'identifier' ? cur : undefined;
}

/**
 * `obj.items` on the unit under test: an unexported field, not called (a method call is API),
 * selected from a value the test calls methods on (the object whose behavior is tested) —
 * not from returned data (`rows[0].rate`) or the test's own table rows (`tc.want`).
 */
function isInternalGoField(sel: SgNode, tableVars: () => ReadonlySet<string>, receivers: () => ReadonlySet<string>): boolean {
  if (sel.kind() !== 'selector_expression') return false;
  const field = sel.field('field')?.text() ?? '';
  if (!/^[a-z_]/.test(field)) return false;
  const parent = sel.parent();
  const callee = parent?.kind() === 'call_expression' ? parent.field('function') : null;
  if (callee && rangeKey(callee) === rangeKey(sel)) return false;
  const root = chainRoot(sel);
  return root !== undefined && !tableVars().has(root.text()) && receivers().has(root.text());
}

/** Variables the test calls methods on (`cs.Run()`, `tiered.ReleaseKVBlocks(x)`): the units under test. */
function goReceivers(calls: readonly SgNode[]): Set<string> {
  const names = new Set<string>();
  for (const call of calls) {
    const fn = call.field('function');
    if (fn?.kind() !== 'selector_expression') continue;
    // `cs.Run()`, `cs.instances[0].ID()`: the root variable is the object under test.
    let cur: SgNode | null = fn.field('operand');
    while (cur && ['selector_expression', 'index_expression', 'call_expression'].includes(String(cur.kind()))) {
      cur = cur.field(cur.kind() === 'selector_expression' ? 'operand' : cur.kind() === 'index_expression' ? 'operand' : 'function');
    }
    if (cur?.kind() === 'identifier') names.add(cur.text());
  }
  for (const p of ['t', 'b', ...GO_ASSERT_PKGS]) names.delete(p);
  return names;
}

interface BlockFacts {
  types: Set<string>;
  declared: Set<string>;
}

/** Per-snippet facts (types and package-level names it declares), computed once per snippet. */
const factsCache = new Map<string, BlockFacts>();
const factsByBlock = new WeakMap<object, BlockFacts>();
function blockFacts(body: SgNode, block: object | undefined): BlockFacts {
  let facts = block ? factsByBlock.get(block) : undefined;
  if (facts) return facts;
  const root = body.getRoot().root();
  // Without the snippet's identity, its text is the key (copying it costs; callers pass `block`).
  const key = block ? undefined : root.text();
  facts = key !== undefined ? factsCache.get(key) : undefined;
  if (!facts) {
    facts = {
      types: new Set(root.findAll({ rule: { kind: 'type_spec' } }).map((t) => t.field('name')?.text() ?? '')),
      declared: new Set(root.findAll({ rule: { any: [{ kind: 'const_spec' }, { kind: 'var_spec' }] } }).flatMap((d) => d.fieldChildren('name').map((x) => x.text()))),
    };
    if (key !== undefined) {
      if (factsCache.size > 500) factsCache.clear();
      factsCache.set(key, facts);
    }
  }
  if (block) factsByBlock.set(block, facts);
  return facts;
}

/** Names declared in a Go function: parameters, `:=`, `var`, range variables. */
function goLocals(body: SgNode): Set<string> {
  const names = new Set<string>();
  const fn = body.parent();
  for (const p of fn?.field('parameters')?.findAll({ rule: { kind: 'identifier' } }) ?? []) names.add(p.text());
  for (const d of body.findAll({ rule: { any: [{ kind: 'short_var_declaration' }, { kind: 'range_clause' }] } })) {
    for (const id of d.field('left')?.namedChildren() ?? []) if (id.kind() === 'identifier') names.add(id.text());
  }
  for (const v of body.findAll({ rule: { kind: 'var_spec' } })) for (const id of v.fieldChildren('name')) names.add(id.text());
  return names;
}

/**
 * Variables holding the test's own data: range variables over a table (`for _, tc := range tests`)
 * and values of struct types declared in the test snippet itself or anonymous structs.
 */
function goTableVars(body: SgNode, facts: () => BlockFacts): Set<string> {
  const names = new Set<string>();
  for (const r of body.findAll({ rule: { kind: 'range_clause' } })) {
    for (const id of r.field('left')?.namedChildren() ?? []) if (id.kind() === 'identifier') names.add(id.text());
  }
  for (const d of body.findAll(goKind('short_var_declaration'))) {
    const values = d.field('right')?.namedChildren() ?? [];
    d.field('left')?.namedChildren().forEach((id, i) => {
      const v = values[i];
      if (v?.kind() !== 'composite_literal') return;
      const type = v.field('type');
      const typeName = type?.text().replace(/^[[\]*&]+/, '') ?? '';
      if (type?.kind() === 'struct_type' || typeName.startsWith('struct') || facts().types.has(typeName)) names.add(id.text());
    });
  }
  return names;
}

// ---------------------------------------------------------------- JavaScript / TypeScript

/** `typescript`: only that grammar has `as` casts; napi rejects a rule naming a kind the JavaScript grammar lacks. */
function jsOffences(body: SgNode, typescript: boolean): Offence[] {
  const out: Offence[] = [];
  const contexts = jsContexts(body);
  const isVariable = (n: SgNode): boolean => n.kind() === 'identifier' || n.kind() === 'member_expression';
  for (const { node: ctx, matcher, pinned } of contexts) {
    if (matcher === 'toBeInstanceOf') out.push({ kind: 'type', node: ctx.parent() ?? ctx });
    for (const b of [ctx, ...ctx.findAll({ rule: { kind: 'binary_expression' } })]) {
      if (b.kind() === 'binary_expression' && operator(b) === 'instanceof') out.push({ kind: 'type', node: b });
    }
    for (const a of typescript ? ctx.findAll({ rule: { kind: 'as_expression' } }) : []) {
      const type = a.namedChildren()[1]?.text() ?? '';
      if (!/^(?:any|unknown|const|never)$/.test(type)) out.push({ kind: 'type', node: a });
    }
    for (const m of [ctx, ...ctx.findAll({ rule: { kind: 'member_expression' } })]) {
      if (m.kind() !== 'member_expression') continue;
      const prop = m.field('property');
      if (!prop) continue;
      if (prop.text() === 'length' && isPrivateJsMember(m.field('object'))) out.push({ kind: 'count', node: m });
      else if (isPrivateJsMember(m)) out.push({ kind: 'field', node: m });
    }
    if (pinned) for (const a of arithRoots(ctx)) if (isFormula(a, isVariable)) out.push({ kind: 'formula', node: a });
  }
  // expect(obj._items).toHaveLength(n)
  for (const call of body.findAll({ rule: { kind: 'call_expression' } })) {
    const fn = call.field('function');
    if (fn?.kind() !== 'member_expression' || fn.field('property')?.text() !== 'toHaveLength') continue;
    const subject = expectSubject(fn);
    if (subject && isPrivateJsMember(subject)) out.push({ kind: 'count', node: call });
  }
  return out;
}

function isPrivateJsMember(n: SgNode | null | undefined): boolean {
  if (!n || n.kind() !== 'member_expression') return false;
  const prop = n.field('property');
  if (!prop) return false;
  return prop.kind() === 'private_property_identifier' || /^_[A-Za-z]/.test(prop.text());
}

/** The single argument of the `expect(x)` at the root of a matcher chain. */
function expectSubject(chain: SgNode): SgNode | undefined {
  let cur: SgNode | null = chain;
  while (cur && cur.kind() === 'member_expression') cur = cur.field('object');
  if (cur?.kind() !== 'call_expression' || cur.field('function')?.text() !== 'expect') return undefined;
  return cur.field('arguments')?.namedChildren()[0];
}

const JS_EQUALITY = /^(?:toBe|toEqual|toStrictEqual|toBeCloseTo|equal|strictEqual|deepEqual|deepStrictEqual|notEqual|notStrictEqual)$/;

/** `expect(…)` and its matcher arguments, `assert(…)` / `assert.x(…)` arguments; `pinned` when an equality. */
function jsContexts(body: SgNode): Array<{ node: SgNode; matcher: string | undefined; pinned: boolean }> {
  const out: Array<{ node: SgNode; matcher: string | undefined; pinned: boolean }> = [];
  for (const call of body.findAll({ rule: { kind: 'call_expression' } })) {
    const fn = call.field('function');
    const args = call.field('arguments');
    if (!fn || !args) continue;
    const member = fn.kind() === 'member_expression' ? fn.field('property')?.text() : undefined;
    const name = fn.kind() === 'member_expression' ? fn.field('object')?.text() : fn.text();
    if (name === 'expect' || name === 'assert') {
      out.push({ node: args, matcher: undefined, pinned: name === 'assert' && JS_EQUALITY.test(member ?? '') });
    } else if (fn.kind() === 'member_expression' && expectSubject(fn) !== undefined) {
      out.push({ node: args, matcher: member, pinned: JS_EQUALITY.test(member ?? '') });
    }
  }
  return out;
}

// ---------------------------------------------------------------- Python

function pythonOffences(body: SgNode): Offence[] {
  const out: Offence[] = [];
  const contexts: SgNode[] = [...body.findAll({ rule: { kind: 'assert_statement' } })];
  for (const call of body.findAll({ rule: { kind: 'call' } })) {
    const fn = call.field('function');
    const name = fn?.kind() === 'attribute' ? (fn.field('attribute')?.text() ?? '') : (fn?.text() ?? '');
    if (/^assert[A-Z]/.test(name)) {
      const args = call.field('arguments');
      if (args) contexts.push(args);
    }
  }
  const isVariable = (n: SgNode): boolean => n.kind() === 'identifier' || n.kind() === 'attribute';
  const pinned: SgNode[] = [];
  for (const ctx of contexts) {
    for (const c of [ctx, ...ctx.findAll({ rule: { kind: 'comparison_operator' } })]) {
      if (c.kind() === 'comparison_operator' && /(?:==|!=)/.test(c.children().map((x) => x.text()).join(' '))) pinned.push(...c.namedChildren());
    }
    if (ctx.kind() === 'argument_list' && /assert(?:Equal|AlmostEqual|NotEqual)/.test(ctx.parent()?.field('function')?.text() ?? '')) pinned.push(...ctx.namedChildren());
  }
  for (const p of pinned) for (const a of arithRoots(p)) if (isFormula(a, isVariable)) out.push({ kind: 'formula', node: a });
  for (const ctx of contexts) {
    for (const call of ctx.findAll({ rule: { kind: 'call' } })) {
      const fn = call.field('function')?.text();
      if (fn === 'isinstance' || fn === 'type') out.push({ kind: 'type', node: call });
      if (fn === 'len') {
        const arg = call.field('arguments')?.namedChildren()[0];
        if (arg && isPrivatePyAttr(arg)) out.push({ kind: 'count', node: call });
      }
    }
    for (const a of ctx.findAll({ rule: { kind: 'attribute' } })) if (isPrivatePyAttr(a)) out.push({ kind: 'field', node: a });
  }
  return out;
}

function isPrivatePyAttr(n: SgNode): boolean {
  if (n.kind() !== 'attribute') return false;
  const name = n.field('attribute')?.text() ?? '';
  return /^_[A-Za-z]/.test(name) && !/^__.*__$/.test(name);
}
