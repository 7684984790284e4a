/**
 * Go: declarations, composite-literal construction sites and factories, read from the
 * tree-sitter-go tree.
 *
 * `new(T)` allocates a zero T, so it is a site as well.
 *
 * The subtle case is the elided element literal: in `[]T{{…}}`, `[]*T{{…}}` and
 * `map[string]T{"a": {…}}` each inner `{…}` is a `literal_value` with no type of its own; its
 * type is the element (or key) type of the enclosing composite literal. The slice or map literal
 * is not itself a site of T; each element is.
 */
import path from 'node:path';
import type { SgNode } from '@ast-grep/napi';
import type { ConstructionSite, DeclarationKind, Language, SiteKind } from '../types.js';
import type { Grammar } from './grammars.js';
import { callableNames, factoryLabel, type Factory, type FileSites, type LanguageModule, type LocatedDeclaration } from './language.js';
import { keepDeclarationsAt } from './go-sparse.js';
import { argumentOccurrences, occurrences, occursAsWord, occursBefore } from './prefilter.js';
import { codeChildren, endLineOf, firstNamed, nearestAncestor, startOf } from './nodes.js';
import type { TypeQuery } from './type-query.js';

const FUNCTIONS = new Set(['function_declaration', 'method_declaration']);
const BODIES = new Set(['function_declaration', 'method_declaration', 'func_literal']);
const GROUPS = new Set(['var_declaration', 'const_declaration']);
const EXTENSIONS = ['.go'] as const;
/** Go's allocator: `new(T)`. */
const NEW = ['new'] as const;
/** Composite literals, and calls of `new`. */
const SITE_SHAPES = { any: [{ kind: 'composite_literal' }, { kind: 'call_expression', has: { field: 'function', regex: '^new$' } }] };

/** Per-file facts every question needs. */
interface GoFile {
  file: string;
  root: SgNode;
  /** Name from the package clause ("http"). */
  packageName: string | undefined;
  type: TypeQuery;
  /** The root's children with their extents, read on first use (see enclosingFunction). */
  topLevel?: TopLevel[];
  /**
   * What record() derives from an enclosing function: sites cluster in few functions. Keyed by the
   * node when it comes from the top-level table (the same object every time, so a table of
   * thousands of sites costs no napi id() call each), else by node id.
   */
  functions: Map<SgNode | number, FunctionFacts>;
  /** The file's imports, read on first use. */
  imports?: Imports;
}

/**
 * What a file imports. A package is known by its import path's last element (the usual package
 * name); the file may use it under another name (`t "archive/tar"`) or unqualified (`. "…"`).
 */
interface Imports {
  /** The name a package is used by in the file (alias, else the package name) → package name. */
  byLocalName: Map<string, string>;
  /** Every package imported under some name or with `.`. */
  packages: Set<string>;
  /** Packages imported with `.`: their exported names are used unqualified. */
  dotted: Set<string>;
}

interface TopLevel {
  start: number;
  end: number;
  kind: string;
  node: SgNode;
}

interface FunctionFacts {
  enclosing: string | undefined;
  factory: Factory | undefined;
}

export const goModule: LanguageModule = {
  languages: ['go'],
  extensionsFor: (language: Language) => (language === 'go' ? EXTENSIONS : []),
  grammarFor: (file: string): Grammar | undefined => (file.endsWith('.go') ? 'go' : undefined),
  languageOf: () => 'go',
  // Every Go site spells the name right before `{` (T{}, &T{}, []T{{…}}), `[` (T[int]{}) or
  // `]` (an elided map key, map[T]V{{…}: v}), where a newline would end the statement instead;
  // or is `new(T)`.
  mayConstruct: (text, type) => occursBefore(text, type.name, '{[]') || argumentOccurrences(text, type.name, NEW).length > 0,
  // A call is `NewT(…)` or, generic, `NewT[int](…)`. Go's export rule: an unexported name is
  // visible only in its own package (its directory); elsewhere a file reaches an exported one
  // through the package's name, `pkg.NewT()` or a value of a type from an import of pkg, so it
  // spells that name. (Only ever more than calledFactory accepts.)
  callableIn: (text, file, factories) =>
    callableNames(factories, (f) => occursBefore(text, f.name, '([') && visibleIn(f, file, (pkg) => occursAsWord(text, pkg))),
  callScope: (factory) => (isExported(factory.name) ? undefined : directoryOf(factory.file)),
  // `)` for new(T): a pattern of its own that starts with `new` is slow in git's ERE engine (used
  // where git lacks PCRE), so the files with `T)` are read and sorted out by mayConstruct instead.
  siteNeedles: (type) => ({ words: [type.name], next: '{[])' }),
  callNeedles: (names) => ({ words: names, next: '([' }),
  // A site lies in the top-level declaration that spells its type (elided literals too: the
  // enclosing literal spells it), a call in the one that names the factory.
  // (Imports stay for a qualified name: `t.Header{}` is `tar.Header` where t names archive/tar.)
  siteText: (text, type) =>
    keepDeclarationsAt(text, [...occurrences(text, type.name, '{[]'), ...argumentOccurrences(text, type.name, NEW)], type.qualifier !== undefined),
  // Imports stay: a call of a method counts only where the factory's package is imported.
  callText: (text, names) => keepDeclarationsAt(text, names.flatMap((name) => occurrences(text, name, '([')), true),
  declarations,
  sites(root, file, type) {
    const ctx: GoFile = { file, root, packageName: packageName(root), type, functions: new Map() };
    const out: FileSites = { sites: [], factories: [] };
    // One walk of the tree for both shapes.
    for (const node of root.findAll({ rule: SITE_SHAPES })) {
      if (node.kind() === 'call_expression') {
        // new(T) allocates a zero T: a site too (not new([]T), which allocates a slice).
        const allocated = firstNamed(node.field('arguments'));
        if (allocated && typeMatches(allocated, ctx)) record(out, ctx, node, 'new');
        continue;
      }
      const literalType = node.field('type');
      // Cheap text check before walking: most composite literals in a file are of other types.
      if (!literalType || !literalType.text().includes(type.name)) continue;
      if (typeMatches(literalType, ctx)) {
        const parent = node.parent();
        const addressOf = parent?.kind() === 'unary_expression' && parent.child(0)?.text() === '&';
        record(out, ctx, addressOf && parent ? parent : node, addressOf ? 'address-of' : 'composite-literal');
      } else {
        const body = node.field('body');
        if (body) elidedSites(body, literalType, ctx, out);
      }
    }
    return out;
  },
  factoryCalls(root, file, type, factories) {
    const ctx: GoFile = { file, root, packageName: packageName(root), type, functions: new Map() };
    const out: FileSites = { sites: [], factories: [] };
    const byName = new Map<string, Factory[]>();
    for (const factory of factories) byName.set(factory.name, [...(byName.get(factory.name) ?? []), factory]);
    for (const call of root.findAll({ rule: { kind: 'call_expression' } })) {
      const callee = call.field('function');
      const factory = callee ? calledFactory(call, callee, byName, ctx) : undefined;
      if (factory) record(out, ctx, call, 'factory-call', factoryLabel(factory));
    }
    return out;
  },
};

/** Which known factory a call's function expression names, if any. */
function calledFactory(call: SgNode, callee: SgNode, byName: Map<string, Factory[]>, ctx: GoFile): Factory | undefined {
  const imports = importsOf(ctx);
  if (callee.kind() === 'identifier') {
    // Unqualified: a function of the same package (directory), or an exported one of a package
    // imported with `.`.
    return byName
      .get(callee.text())
      ?.find((f) => f.container === undefined && visibleIn(f, ctx.file, (pkg) => imports.dotted.has(pkg)) && passesArityOf(f, call));
  }
  if (callee.kind() !== 'selector_expression') return undefined;
  const name = callee.field('field')?.text();
  const operand = callee.field('operand');
  const candidates = name === undefined ? undefined : byName.get(name);
  if (!candidates || !operand) return undefined;
  // Package functions are called as pkg.Name, pkg being whatever name the file imports the
  // package under. A method is called on a value whose type we do not know, so it counts only
  // where its package is visible (same directory, or imported): without that, every `.Next()` in
  // a tree would be a call of tar's `(*Reader).Next() (*Header, error)`. An unexported name is
  // callable only inside its package (a file of another package calling `.next()` calls some
  // other type's method).
  const qualifier = operand.kind() === 'identifier' ? imports.byLocalName.get(operand.text()) : undefined;
  return candidates.find(
    (f) =>
      (f.container !== undefined
        ? visibleIn(f, ctx.file, (pkg) => imports.packages.has(pkg))
        : isExported(f.name) && qualifier !== undefined && qualifier === f.packageName) && passesArityOf(f, call),
  );
}

/** How many arguments a call of the function passes: one per parameter name (or unnamed parameter). */
function arityOf(fn: SgNode): { min: number; max: number } {
  let count = 0;
  let variadic = false;
  for (const parameter of codeChildren(fn.field('parameters') ?? fn)) {
    if (parameter.kind() === 'variadic_parameter_declaration') variadic = true;
    else count += Math.max(1, parameter.fieldChildren('name').length);
  }
  return { min: count, max: variadic ? Infinity : count };
}

/**
 * Could this call be a call of the factory, by its number of arguments? A lone call argument may
 * return several values (`f(g())`), and `xs...` spreads a slice, so those pass.
 */
function passesArityOf(factory: Factory, call: SgNode): boolean {
  if (!factory.arity) return true;
  const args = codeChildren(call.field('arguments') ?? call);
  if (args.length === 1 && args[0]?.kind() === 'call_expression') return true;
  if (args.some((a) => a.kind() === 'variadic_argument')) return factory.arity.max === Infinity;
  return args.length >= factory.arity.min && args.length <= factory.arity.max;
}

/**
 * Go's export rule: a factory can be named in a file of its own package (directory), and its
 * exported name in a file that reaches its package (`reaches`: imported, dot-imported, or just
 * spelled, as a textual test asks).
 */
function visibleIn(factory: Factory, file: string, reaches: (packageName: string) => boolean): boolean {
  if (path.posix.dirname(factory.file) === path.posix.dirname(file)) return true;
  return isExported(factory.name) && factory.packageName !== undefined && reaches(factory.packageName);
}

/** A file's directory as a search scope names it ("" for the root). */
function directoryOf(file: string): string {
  const dir = path.posix.dirname(file);
  return dir === '.' ? '' : dir;
}

/** Go exports an identifier whose first character is an upper-case letter (Unicode class Lu). */
function isExported(name: string): boolean {
  return /^\p{Lu}/u.test(name);
}

function importsOf(ctx: GoFile): Imports {
  ctx.imports ??= importedPackages(ctx.root);
  return ctx.imports;
}

function importedPackages(root: SgNode): Imports {
  const imports: Imports = { byLocalName: new Map(), packages: new Set(), dotted: new Set() };
  for (const spec of root.findAll({ rule: { kind: 'import_spec' } })) {
    const alias = spec.field('name')?.text();
    const importPath = spec.field('path')?.text().replace(/^["`]|["`]$/g, '');
    if (importPath === undefined || alias === '_') continue;
    const packageName = importPath.slice(importPath.lastIndexOf('/') + 1);
    imports.packages.add(packageName);
    if (alias === '.') imports.dotted.add(packageName);
    else imports.byLocalName.set(alias ?? packageName, packageName);
  }
  return imports;
}

/** Records a site, and its enclosing function as a factory when that function returns the type. */
function record(out: FileSites, ctx: GoFile, node: SgNode, kind: SiteKind, via?: string): void {
  const { start, end } = node.range();
  const fn = enclosingFunction(node, start.index, ctx);
  const key = fn && (fn.topLevel ? fn.node : fn.node.id());
  let facts = key === undefined ? undefined : ctx.functions.get(key);
  if (fn && key !== undefined && !facts) {
    // Closures do not make their outer function a factory by themselves; the returned type decides.
    const name = fn.node.field('name')?.text();
    const factory =
      name !== undefined && returnsType(fn.node, ctx)
        ? { name, container: receiverType(fn.node), file: ctx.file, packageName: ctx.packageName, arity: arityOf(fn.node) }
        : undefined;
    facts = { enclosing: functionName(fn.node), factory };
    ctx.functions.set(key, facts);
  }
  const site: ConstructionSite = { file: ctx.file, line: start.line + 1, column: start.column + 1, endLine: end.line + 1, kind, enclosing: facts?.enclosing };
  if (via !== undefined) site.via = via;
  out.sites.push(site);
  const factory = facts?.factory;
  if (factory && !out.factories.some((f) => f.name === factory.name)) out.factories.push(factory);
}

/**
 * The function or method declaration around a node (`index` is where the node starts). Go
 * declares them only at top level, so the root's child that holds the node answers without
 * walking up from a node deep in a literal; inside an ERROR node, walk up after all.
 */
function enclosingFunction(node: SgNode, index: number, ctx: GoFile): { node: SgNode; topLevel: boolean } | undefined {
  ctx.topLevel ??= ctx.root.children().map((child) => {
    const { start, end } = child.range();
    return { start: start.index, end: end.index, kind: String(child.kind()), node: child };
  });
  const entries = ctx.topLevel;
  let low = 0;
  let high = entries.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const entry = entries[mid] as TopLevel;
    if (index < entry.start) high = mid - 1;
    else if (index >= entry.end) low = mid + 1;
    else if (entry.kind === 'ERROR') break;
    else return FUNCTIONS.has(entry.kind) ? { node: entry.node, topLevel: true } : undefined;
  }
  const fn = nearestAncestor(node, FUNCTIONS);
  return fn && { node: fn, topLevel: false };
}

/** Elided element literals inside a literal of array, slice or map type, recursively. */
function elidedSites(body: SgNode, containerType: SgNode, ctx: GoFile, out: FileSites): void {
  const elements = elementTypes(containerType);
  if (!elements) return;
  // Decided once per literal, not per element: tables hold thousands of elements of one type.
  const value = elementPlan(elements.value, ctx);
  const key = elements.key && elementPlan(elements.key, ctx);
  if (!value && !key) return;
  // namedChildren and one kind() each, not codeChildren: napi calls are the cost of a table
  // literal with thousands of elements (unicode's Range16 tables).
  for (const child of body.namedChildren()) {
    const kind = child.kind();
    if (kind === 'literal_element') {
      if (value) visitElement(child, value, ctx, out);
    } else if (kind === 'keyed_element') {
      // Map keys may be elided literals too (`map[T]bool{{…}: true}`); array/slice keys are indices.
      const keyNode = key && child.field('key');
      const valueNode = value && child.field('value');
      if (keyNode && key) visitElement(keyNode, key, ctx, out);
      if (valueNode && value) visitElement(valueNode, value, ctx, out);
    }
  }
}

/** An element type that can hold elided sites: the type itself (`[]*T` elides `&T`), or a container of one. */
interface ElementPlan {
  type: SgNode;
  matches: boolean;
}

function elementPlan(elementType: SgNode, ctx: GoFile): ElementPlan | undefined {
  const type = stripPointers(elementType);
  const matches = typeMatches(type, ctx);
  return matches || elementTypes(type) ? { type, matches } : undefined;
}

function visitElement(element: SgNode, plan: ElementPlan, ctx: GoFile, out: FileSites): void {
  const inner = firstNamed(element);
  if (inner?.kind() !== 'literal_value') return; // an explicit T{…} is found on its own
  if (plan.matches) record(out, ctx, inner, 'elided-literal');
  else elidedSites(inner, plan.type, ctx, out);
}

function elementTypes(type: SgNode): { key: SgNode | undefined; value: SgNode } | undefined {
  switch (type.kind()) {
    case 'slice_type':
    case 'array_type':
    case 'implicit_length_array_type': {
      const value = type.field('element');
      return value ? { key: undefined, value } : undefined;
    }
    case 'map_type': {
      const value = type.field('value');
      return value ? { key: type.field('key') ?? undefined, value } : undefined;
    }
    case 'parenthesized_type': {
      const inner = firstNamed(type);
      return inner ? elementTypes(inner) : undefined;
    }
    default:
      return undefined;
  }
}

function stripPointers(type: SgNode): SgNode {
  let current = type;
  while (current.kind() === 'pointer_type' || current.kind() === 'parenthesized_type') {
    const inner = firstNamed(current);
    if (!inner) break;
    current = inner;
  }
  return current;
}

/** Is this type node the queried named type (`T`, `pkg.T`, `T[int]`)? */
function typeMatches(type: SgNode, ctx: GoFile): boolean {
  const { name, qualifier } = ctx.type;
  switch (type.kind()) {
    case 'type_identifier':
      // Unqualified use names a type of the file's own package, or of one imported with `.`.
      return type.text() === name && (qualifier === undefined || ctx.packageName === qualifier || importsOf(ctx).dotted.has(qualifier));
    case 'qualified_type': {
      if (type.field('name')?.text() !== name) return false;
      if (qualifier === undefined) return true;
      // The qualifier is the name the file imports the package under (`t.Header` after `t "archive/tar"`).
      const local = type.field('package')?.text();
      return local !== undefined && (importsOf(ctx).byLocalName.get(local) ?? local) === qualifier;
    }
    case 'generic_type': {
      const base = type.field('type');
      return base !== null && typeMatches(base, ctx);
    }
    case 'parenthesized_type': {
      const inner = firstNamed(type);
      return inner !== undefined && typeMatches(inner, ctx);
    }
    default:
      return false;
  }
}

/** Does a function's (first) result have the type, or a pointer to it? `(*T, error)` counts. */
function returnsType(fn: SgNode, ctx: GoFile): boolean {
  let result = fn.field('result');
  if (result?.kind() === 'parameter_list') {
    const first = codeChildren(result)[0];
    result = first?.field('type') ?? null;
  }
  return result !== null && typeMatches(stripPointers(result), ctx);
}

function functionName(fn: SgNode): string | undefined {
  const name = fn.field('name')?.text();
  const receiver = receiverType(fn);
  return receiver === undefined || name === undefined ? name : `${receiver}.${name}`;
}

/** `func (s *Server[K]) …` → "Server". */
function receiverType(fn: SgNode): string | undefined {
  if (fn.kind() !== 'method_declaration') return undefined;
  const parameter = codeChildren(fn.field('receiver') ?? fn)[0];
  const type = parameter?.field('type');
  if (!type) return undefined;
  const base = stripPointers(type);
  return (base.kind() === 'generic_type' ? base.field('type') : base)?.text();
}

function packageName(root: SgNode): string | undefined {
  return root.find({ rule: { kind: 'package_identifier', inside: { kind: 'package_clause' } } })?.text();
}

function declarations(root: SgNode, file: string): LocatedDeclaration[] {
  const out: LocatedDeclaration[] = [];
  const add = (node: SgNode, nameNode: SgNode | null | undefined, kind: DeclarationKind, container?: string): void => {
    if (!nameNode) return;
    out.push({
      name: nameNode.text(),
      container,
      kind,
      file,
      ...startOf(nameNode),
      startLine: startOf(node).line,
      endLine: endLineOf(node),
    });
  };
  for (const fn of root.findAll({ rule: { any: [{ kind: 'function_declaration' }, { kind: 'method_declaration' }] } })) {
    const receiver = receiverType(fn);
    add(fn, fn.field('name'), receiver === undefined ? 'function' : 'method', receiver);
  }
  for (const spec of root.findAll({ rule: { any: [{ kind: 'type_spec' }, { kind: 'type_alias' }] } })) {
    const type = spec.field('type');
    const kind = type?.kind() === 'struct_type' ? 'struct' : type?.kind() === 'interface_type' ? 'interface' : 'type';
    const name = spec.field('name');
    add(spec, name, kind);
    if (type?.kind() === 'struct_type') {
      for (const field of type.findAll({ rule: { kind: 'field_declaration' } })) {
        // Only this struct's own fields, not those of nested anonymous structs' owners.
        for (const fieldName of field.fieldChildren('name')) add(field, fieldName, 'field', name?.text());
      }
    }
  }
  for (const spec of root.findAll({ rule: { any: [{ kind: 'const_spec' }, { kind: 'var_spec' }] } })) {
    if (nearestAncestor(spec, BODIES)) continue; // locals are not declarations a plan cites
    const kind = spec.kind() === 'const_spec' ? 'constant' : 'variable';
    // In a `var (…)` group the doc comment above the group documents every name in it.
    const group = nearestAncestor(spec, GROUPS);
    const groupLine = group && startOf(group).line < startOf(spec).line ? startOf(group).line : undefined;
    for (const name of spec.fieldChildren('name')) {
      if (name.kind() !== 'identifier') continue;
      add(spec, name, kind);
      if (groupLine !== undefined) out[out.length - 1]!.groupLine = groupLine;
    }
  }
  return out;
}
