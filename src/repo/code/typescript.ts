/**
 * TypeScript and JavaScript (incl. tsx/jsx): declarations, construction sites and factories,
 * read from the tree-sitter TypeScript/Tsx/JavaScript trees.
 *
 * A value of an interface or type-alias type is usually built as an object literal, so the
 * object literal is the site when its type is written next to it: `const x: T = {…}`,
 * `(p: T = {…})`, `field: T = {…}`, `{…} as T`, `{…} satisfies T`, `<T>{…}`, and `return {…}` in
 * a function declared to return T (or Promise<T>). Elements of `T[]`, `Array<T>` and values of
 * `Record<K, T>` literals count like Go's elided element literals, and so do objects pushed onto
 * an array declared `T[]` in scope (`out.push({…})`) and set in a `Map<K, T>` (`m.set(k, {…})`),
 * the type written on the declaration or in its initializer (`new Map<K, T>()`, `[] as T[]`).
 * Classes: `new T(…)`.
 */
import type { SgNode } from '@ast-grep/napi';
import type { ConstructionSite, DeclarationKind, Language, SiteKind } from '../types.js';
import type { Grammar } from './grammars.js';
import { callableNames, factoryLabel, type FileSites, type LanguageModule, type LocatedDeclaration } from './language.js';
import { occursAsWord, occursBefore, occursRenamed } from './prefilter.js';
import { codeChildren, endLineOf, findKinds, firstNamed, nearestAncestor, sameNode, startOf, unwrap } from './nodes.js';
import { qualifierNames, type LocalType, type TypeQuery } from './type-query.js';

const TS_EXTENSIONS = ['.ts', '.mts', '.cts', '.tsx'] as const;
const JS_EXTENSIONS = ['.js', '.mjs', '.cjs', '.jsx'] as const;

const FUNCTION_LIKE = new Set([
  'function_declaration',
  'generator_function_declaration',
  'function_expression',
  'generator_function',
  'arrow_function',
  'method_definition',
]);
const CLASSES = new Set(['class_declaration', 'abstract_class_declaration', 'class']);
const PARENS = new Set(['parenthesized_expression']);
/** Calls that add their arguments to a collection: `xs.push(…)`, `xs.unshift(…)`, `m.set(k, …)`. */
const ADDED_TO_COLLECTION = {
  kind: 'call_expression',
  has: { field: 'function', kind: 'member_expression', has: { field: 'property', regex: '^(push|unshift|set)$' } },
};
/** Holders whose `type` annotation types their `value` initializer. */
const TYPED_HOLDERS = ['variable_declarator', 'required_parameter', 'optional_parameter', 'public_field_definition'];

export const typescriptModule: LanguageModule = {
  languages: ['typescript', 'javascript'],
  extensionsFor: (language: Language) =>
    language === 'typescript' ? [...TS_EXTENSIONS, ...JS_EXTENSIONS] : language === 'javascript' ? JS_EXTENSIONS : [],
  grammarFor,
  languageOf: (file: string) => (JS_EXTENSIONS.some((e) => file.endsWith(e)) ? 'javascript' : 'typescript'),
  // Annotations can be far from the literal (a function's return type), so any mention may
  // matter; but a mention inside a longer identifier (`paperHeader` in minified code) cannot.
  // Renamed imports and namespaces still spell the name: `{ T as U }`, `m.T`.
  mayConstruct: (text, type) => occursAsWord(text, type.name),
  // `make(…)`, `make<T>(…)`, or make`…` (a tagged template is a call too); or an import of it
  // under another name, `import { make as mk }`, whose calls spell only the new name.
  callableIn: (text, _file, factories) =>
    callableNames(factories, (f) => occursBefore(text, f.name, '(<`') || occursRenamed(text, f.name, 'as')),
  siteNeedles: (type) => ({ words: [type.name] }),
  callNeedles: (names) => ({ words: names, next: '(<`', renamedBy: 'as' }),
  declarations,
  sites(root, file, type) {
    const out: FileSites = { sites: [], factories: [] };
    const ctx: Ctx = { file, type: localType(root, type), out };
    const grammar = grammarFor(file) ?? 'TypeScript';
    for (const node of root.findAll({ rule: { kind: 'new_expression' } })) {
      const callee = node.field('constructor');
      if (callee && valueNameMatches(callee, ctx.type)) record(ctx, node, 'new');
    }
    for (const holder of findKinds(root, grammar, TYPED_HOLDERS)) {
      const annotation = firstNamed(holder.field('type'));
      const value = holder.field('value');
      if (annotation && value) typedValue(ctx, annotation, value, 'typed-object-literal');
    }
    for (const node of findKinds(root, grammar, ['as_expression', 'satisfies_expression'])) {
      const [expression, annotation] = codeChildren(node);
      if (expression && annotation) typedValue(ctx, annotation, expression, node.kind() === 'as_expression' ? 'as' : 'satisfies');
    }
    for (const node of findKinds(root, grammar, ['type_assertion'])) {
      const [typeArguments, expression] = codeChildren(node);
      const annotation = firstNamed(typeArguments);
      if (annotation && expression) typedValue(ctx, annotation, expression, 'as');
    }
    for (const call of root.findAll({ rule: ADDED_TO_COLLECTION })) {
      // `out.push({…})` where `out: T[]` (or Array<T>) is declared in scope: each object is a T;
      // `byId.set(k, {…})` where `byId: Map<K, T>`: the value is.
      const callee = call.field('function');
      const receiver = callee?.field('object');
      const annotation = receiver ? declaredType(receiver) : undefined;
      if (!annotation) continue;
      const type = unwrapType(annotation);
      const args = codeChildren(call.field('arguments') ?? call);
      const [element, items] = callee?.field('property')?.text() === 'set' ? [mapValueType(type), args.slice(1, 2)] : [elementType(type), args];
      if (!element || !mentions(element.text(), ctx.type)) continue;
      for (const item of items) typedValue(ctx, element, item, 'typed-object-literal');
    }
    for (const fn of findKinds(root, grammar, [...FUNCTION_LIKE])) {
      const declared = returnType(fn);
      if (!declared || !mentions(declared.text(), ctx.type)) continue;
      const body = fn.field('body');
      if (body && body.kind() !== 'statement_block') {
        typedValue(ctx, declared, body, 'typed-return'); // `(): T => ({…})`
        continue;
      }
      for (const ret of body?.findAll({ rule: { kind: 'return_statement' } }) ?? []) {
        // Only returns of this function, not of callbacks nested in it.
        if (!sameNode(nearestAncestor(ret, FUNCTION_LIKE), fn)) continue;
        const value = firstNamed(ret);
        if (value) typedValue(ctx, declared, value, 'typed-return');
      }
    }
    return out;
  },
  factoryCalls(root, file, type, factories) {
    const out: FileSites = { sites: [], factories: [] };
    const ctx: Ctx = { file, type: localType(root, type), out };
    const names = new Set(factories.map((f) => f.name));
    const renamed = importedAs(root, names);
    for (const call of root.findAll({ rule: { kind: 'call_expression' } })) {
      const callee = call.field('function');
      const name =
        callee?.kind() === 'identifier'
          ? (renamed.get(callee.text()) ?? callee.text())
          : callee?.kind() === 'member_expression'
            ? callee.field('property')?.text()
            : undefined;
      if (name === undefined || !names.has(name)) continue;
      // A plain call reaches functions, `x.name()` reaches methods (or namespace-imported functions).
      const factory = factories.find((f) => f.name === name && (callee?.kind() === 'member_expression' || f.container === undefined));
      if (factory) record(ctx, call, 'factory-call', factoryLabel(factory));
    }
    return out;
  },
};

interface Ctx {
  file: string;
  type: LocalType;
  out: FileSites;
}

/** `import { T as U }` names T as U here; `import * as cfg from './config'` names module config cfg. */
function localType(root: SgNode, query: TypeQuery): LocalType {
  const names = new Set([query.name]);
  const modules = new Map<string, string>();
  for (const specifier of root.findAll({ rule: { kind: 'import_specifier' } })) {
    const alias = specifier.field('alias')?.text();
    if (alias !== undefined && specifier.field('name')?.text() === query.name) names.add(alias);
  }
  for (const namespace of root.findAll({ rule: { kind: 'namespace_import' } })) {
    const name = firstNamed(namespace)?.text();
    const source = namespace.parent()?.parent()?.field('source')?.text();
    if (name !== undefined && source !== undefined) modules.set(name, moduleBaseName(source));
  }
  return { query, names, modules };
}

/** The local names of `names` imported under another one (`import { make as mk }`: mk → make). */
function importedAs(root: SgNode, names: ReadonlySet<string>): Map<string, string> {
  const renamed = new Map<string, string>();
  for (const specifier of root.findAll({ rule: { kind: 'import_specifier', has: { field: 'alias', kind: 'identifier' } } })) {
    const name = specifier.field('name')?.text();
    const alias = specifier.field('alias')?.text();
    if (name !== undefined && alias !== undefined && names.has(name)) renamed.set(alias, name);
  }
  return renamed;
}

/** `'./lib/config.js'` → "config", `'@scope/pkg'` → "pkg", `'node:path'` → "path". */
function moduleBaseName(source: string): string {
  const specifier = source.slice(1, -1);
  const base = specifier.slice(specifier.lastIndexOf('/') + 1).replace(/^node:/, '');
  return base.replace(/(?:\.d)?\.(?:[cm]?[jt]s|[jt]sx)$/, '');
}

/** Does a type's text name the type under any of its local names? (A cheap test before walking it.) */
function mentions(text: string, type: LocalType): boolean {
  for (const name of type.names) if (text.includes(name)) return true;
  return false;
}

function grammarFor(file: string): Grammar | undefined {
  if (file.endsWith('.tsx')) return 'Tsx';
  if (TS_EXTENSIONS.some((e) => file.endsWith(e))) return 'TypeScript';
  // The JavaScript grammar parses JSX as well.
  if (JS_EXTENSIONS.some((e) => file.endsWith(e))) return 'JavaScript';
  return undefined;
}

/**
 * A value whose type is written next to it: the object literal is a site when the type is T;
 * array elements when it is T[] / Array<T>; record values when it is Record<K, T>.
 */
function typedValue(ctx: Ctx, annotation: SgNode, valueNode: SgNode, kind: SiteKind): void {
  const value = unwrapValue(valueNode);
  if (!value) return;
  const type = unwrapType(annotation);
  if (typeNameMatches(type, ctx.type)) {
    if (value.kind() === 'object') record(ctx, value, kind);
    return;
  }
  const element = elementType(type);
  if (element && value.kind() === 'array') {
    for (const item of codeChildren(value)) typedValue(ctx, element, item, kind);
    return;
  }
  const recordValue = recordValueType(type);
  if (recordValue && value.kind() === 'object') {
    for (const pair of codeChildren(value)) {
      const item = pair.kind() === 'pair' ? pair.field('value') : null;
      if (item) typedValue(ctx, recordValue, item, kind);
    }
  }
}

/**
 * The type written where a variable, parameter or field is declared: `x` looked up in the
 * functions around it, innermost first, then at the top level; `this.x` among its class's
 * fields. Undefined when the declaration that decides has no annotation, or none is in sight.
 */
function declaredType(receiver: SgNode): SgNode | undefined {
  if (receiver.kind() === 'member_expression') {
    if (receiver.field('object')?.kind() !== 'this') return undefined;
    const name = receiver.field('property')?.text();
    const body = nearestAncestor(receiver, CLASSES)?.field('body');
    const field = body && codeChildren(body).find((member) => member.kind() === 'public_field_definition' && member.field('name')?.text() === name);
    return firstNamed(field?.field('type'));
  }
  if (receiver.kind() !== 'identifier') return undefined;
  const name = receiver.text();
  for (let scope = nearestAncestor(receiver, FUNCTION_LIKE); ; scope = nearestAncestor(scope, FUNCTION_LIKE)) {
    const owner = scope ?? receiver.getRoot().root();
    // The innermost declaration of the name decides, annotated or not (it shadows outer ones).
    const parameter = scope && codeChildren(scope.field('parameters') ?? scope).find((p) => p.field('pattern')?.text() === name);
    if (parameter) return firstNamed(parameter.field('type'));
    // Declarations of this scope, not of functions nested in it.
    const declarators = owner.findAll({ rule: { kind: 'variable_declarator', has: { field: 'name', regex: `^${name.replace(/\$/g, '\\$')}$` } } });
    const own = declarators.find((d) => nearestAncestor(d, FUNCTION_LIKE)?.id() === scope?.id());
    if (own) return firstNamed(own.field('type')) ?? initializerType(own.field('value'));
    if (!scope) return undefined;
  }
}

/** Without an annotation, the type an initializer spells: `new Map<K, T>()` itself, or `[] as T[]`'s. */
function initializerType(value: SgNode | null): SgNode | undefined {
  const init = unwrap(value, PARENS);
  if (init?.kind() === 'new_expression') return init.field('type_arguments') ? init : undefined;
  if (init?.kind() === 'as_expression' || init?.kind() === 'satisfies_expression') return codeChildren(init)[1];
  return undefined;
}

/** `({…})`, and `{…} as unknown as T`'s inner object, are the object itself. */
function unwrapValue(node: SgNode): SgNode | undefined {
  let current: SgNode | undefined = node;
  for (;;) {
    current = unwrap(current, PARENS);
    if (current?.kind() !== 'as_expression' && current?.kind() !== 'satisfies_expression') return current;
    current = codeChildren(current)[0];
  }
}

function unwrapType(node: SgNode): SgNode {
  let current = node;
  while (current.kind() === 'parenthesized_type' || current.kind() === 'readonly_type' || current.kind() === 'type_annotation') {
    const inner = firstNamed(current);
    if (!inner) break;
    current = inner;
  }
  return current;
}

/** `T[]`, `Array<T>`, `ReadonlyArray<T>`, or an array made by `new Array<T>()` → T. */
function elementType(type: SgNode): SgNode | undefined {
  if (type.kind() === 'array_type') return firstNamed(type);
  if (type.kind() === 'new_expression') return type.field('constructor')?.text() === 'Array' ? typeArgument(type, 0) : undefined;
  if (type.kind() === 'generic_type' && ['Array', 'ReadonlyArray'].includes(type.field('name')?.text() ?? '')) {
    return firstNamed(type.field('type_arguments'));
  }
  return undefined;
}

/** `Map<K, T>`, or a map made by `new Map<K, T>()` → T. */
function mapValueType(type: SgNode): SgNode | undefined {
  const name = type.kind() === 'new_expression' ? type.field('constructor')?.text() : type.kind() === 'generic_type' ? type.field('name')?.text() : undefined;
  return name === 'Map' ? typeArgument(type, 1) : undefined;
}

function typeArgument(generic: SgNode, index: number): SgNode | undefined {
  const args = generic.field('type_arguments');
  return args ? codeChildren(args)[index] : undefined;
}

function recordValueType(type: SgNode): SgNode | undefined {
  if (type.kind() !== 'generic_type' || type.field('name')?.text() !== 'Record') return undefined;
  return codeChildren(type.field('type_arguments') ?? type)[1];
}

/** The declared return type, with Promise<…> unwrapped for async functions. */
function returnType(fn: SgNode): SgNode | undefined {
  const annotation = fn.field('return_type');
  if (annotation?.kind() !== 'type_annotation') return undefined;
  let type = unwrapType(annotation);
  if (type.kind() === 'generic_type' && type.field('name')?.text() === 'Promise') {
    type = firstNamed(type.field('type_arguments')) ?? type;
  }
  return type;
}

/** Type position: `T` (or a name T is imported under), `ns.T`, `T<X>`. */
function typeNameMatches(type: SgNode, local: LocalType): boolean {
  switch (type.kind()) {
    case 'type_identifier':
      return local.names.has(type.text());
    case 'nested_type_identifier':
      return type.field('name')?.text() === local.query.name && qualifierOk(type.field('module'), local);
    case 'generic_type': {
      const name = type.field('name');
      return name !== null && typeNameMatches(name, local);
    }
    default:
      return false;
  }
}

/** Value position (`new T`, `new ns.T`). */
function valueNameMatches(callee: SgNode, local: LocalType): boolean {
  if (callee.kind() === 'identifier') return local.names.has(callee.text());
  if (callee.kind() === 'member_expression') {
    return callee.field('property')?.text() === local.query.name && qualifierOk(callee.field('object'), local);
  }
  return false;
}

function qualifierOk(module: SgNode | null, local: LocalType): boolean {
  return qualifierNames(local, module?.text());
}

function record(ctx: Ctx, node: SgNode, kind: SiteKind, via?: string): void {
  const fn = enclosingFunction(node);
  const site: ConstructionSite = { file: ctx.file, ...startOf(node), endLine: node.range().end.line + 1, kind, enclosing: fn?.name };
  if (via !== undefined) site.via = via;
  ctx.out.sites.push(site);
  const declared = fn && returnType(fn.node);
  if (fn?.callName !== undefined && declared && typeNameMatches(declared, ctx.type)) {
    if (!ctx.out.factories.some((f) => f.name === fn.callName && f.container === fn.container)) {
      ctx.out.factories.push({ name: fn.callName, container: fn.container, file: ctx.file, packageName: undefined });
    }
  }
}

interface NamedFunction {
  node: SgNode;
  /** Display name: "f", "Class.method". */
  name: string;
  /** Name at call sites. */
  callName: string;
  container: string | undefined;
}

/** Nearest named function: declarations, methods, and arrows/function expressions bound to a name. */
function enclosingFunction(node: SgNode): NamedFunction | undefined {
  for (let fn = nearestAncestor(node, FUNCTION_LIKE); fn; fn = nearestAncestor(fn, FUNCTION_LIKE)) {
    const named = functionName(fn);
    if (named) return named;
  }
  return undefined;
}

function functionName(fn: SgNode): NamedFunction | undefined {
  const own = fn.field('name')?.text();
  if (fn.kind() === 'method_definition' && own !== undefined) {
    const container = className(fn);
    return { node: fn, name: container ? `${container}.${own}` : own, callName: own, container };
  }
  if (own !== undefined) return { node: fn, name: own, callName: own, container: undefined };
  const parent = fn.parent();
  if (parent?.kind() === 'variable_declarator') {
    const name = parent.field('name');
    if (name?.kind() === 'identifier') return { node: fn, name: name.text(), callName: name.text(), container: undefined };
  }
  if (parent?.kind() === 'public_field_definition') {
    const field = parent.field('name')?.text();
    const container = className(parent);
    if (field !== undefined) return { node: fn, name: container ? `${container}.${field}` : field, callName: field, container };
  }
  return undefined;
}

function className(member: SgNode): string | undefined {
  return nearestAncestor(member, CLASSES)?.field('name')?.text();
}

function declarations(root: SgNode, file: string): LocatedDeclaration[] {
  const out: LocatedDeclaration[] = [];
  const grammar = grammarFor(file) ?? 'TypeScript';
  const add = (node: SgNode, nameNode: SgNode | null | undefined, kind: DeclarationKind, container?: string): void => {
    if (!nameNode) return;
    out.push({ name: nameNode.text(), container, kind, file, ...startOf(nameNode), startLine: startOf(node).line, endLine: endLineOf(node) });
  };
  const kinds: Record<string, DeclarationKind> = {
    class_declaration: 'class',
    abstract_class_declaration: 'class',
    interface_declaration: 'interface',
    type_alias_declaration: 'type',
    enum_declaration: 'type',
    function_declaration: 'function',
    generator_function_declaration: 'function',
  };
  for (const node of findKinds(root, grammar, Object.keys(kinds))) {
    add(node, node.field('name'), kinds[String(node.kind())] ?? 'type');
  }
  for (const node of findKinds(root, grammar, ['method_definition', 'method_signature'])) {
    add(node, node.field('name'), 'method', className(node) ?? interfaceName(node));
  }
  for (const node of findKinds(root, grammar, ['public_field_definition', 'field_definition', 'property_signature'])) {
    // JavaScript's grammar calls class fields `field_definition`, named by `property`.
    add(node, node.field('name') ?? node.field('property'), 'field', className(node) ?? interfaceName(node));
  }
  for (const node of root.findAll({ rule: { kind: 'variable_declarator' } })) {
    const value = unwrap(node.field('value'), PARENS);
    const isFunction = value !== undefined && FUNCTION_LIKE.has(String(value.kind()));
    // Module-level bindings and named function values; other locals are not cited by plans.
    if (!isFunction && nearestAncestor(node, FUNCTION_LIKE)) continue;
    const name = node.field('name');
    if (name?.kind() !== 'identifier') continue;
    const constant = node.parent()?.child(0)?.text() === 'const';
    add(isFunction ? (node.parent() ?? node) : node, name, isFunction ? 'function' : constant ? 'constant' : 'variable');
  }
  return out;
}

function interfaceName(member: SgNode): string | undefined {
  return nearestAncestor(member, new Set(['interface_declaration']))?.field('name')?.text();
}
