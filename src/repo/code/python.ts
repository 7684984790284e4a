/**
 * Python: declarations, construction sites and factories from the tree-sitter-python tree.
 *
 * Construction is a call: `T(…)`, `mod.T(…)`, and `cls(…)` inside a classmethod of T; a TypedDict
 * is also built by a dict literal annotated T (`p: T = {…}`, `return {…}` in `def f() -> T`).
 * Dataclass copies with `dataclasses.replace(x, …)` construct a new T too; they count when the
 * first argument is visibly a T (a T(…) call, `self` in T's methods, a parameter or variable
 * annotated T, or a variable assigned from T(…)) — there is no type checker here, so other
 * replace calls are left out rather than guessed.
 */
import type { SgNode } from '@ast-grep/napi';
import type { ConstructionSite, DeclarationKind, Language, SiteKind } from '../types.js';
import type { Grammar } from './grammars.js';
import { callableNames, factoryLabel, type FileSites, type LanguageModule, type LocatedDeclaration } from './language.js';
import { occursAsWord, occursBefore, occursRenamed } from './prefilter.js';
import { codeChildren, endLineOf, firstNamed, nearestAncestor, startOf } from './nodes.js';
import { qualifierNames, type LocalType, type TypeQuery } from './type-query.js';

const EXTENSIONS = ['.py', '.pyi'] as const;
const FUNCTIONS = new Set(['function_definition']);
const CLASSES = new Set(['class_definition']);

export const pythonModule: LanguageModule = {
  languages: ['python'],
  extensionsFor: (language: Language) => (language === 'python' ? EXTENSIONS : []),
  grammarFor: (file: string): Grammar | undefined => (EXTENSIONS.some((e) => file.endsWith(e)) ? 'python' : undefined),
  languageOf: () => 'python',
  // A replace site needs only an annotation naming T, so any mention as a word may matter
  // (`from m import T as U` and `m.T` spell it too).
  mayConstruct: (text, type) => occursAsWord(text, type.name),
  // `make(…)`, or `from m import make as mk` whose calls spell only mk.
  callableIn: (text, _file, factories) => callableNames(factories, (f) => occursBefore(text, f.name, '(') || occursRenamed(text, f.name, 'as')),
  siteNeedles: (type) => ({ words: [type.name] }),
  callNeedles: (names) => ({ words: names, next: '(', renamedBy: 'as' }),
  declarations,
  sites(root, file, query) {
    const out: FileSites = { sites: [], factories: [] };
    const type = localType(root, query);
    const replaceNames = dataclassReplaceNames(root);
    for (const call of root.findAll({ rule: { kind: 'call' } })) {
      if (constructs(call, type)) record(out, file, type, call, 'call');
      else if (isReplaceCall(call, replaceNames)) {
        const first = codeChildren(call.field('arguments') ?? call)[0];
        if (first && first.kind() !== 'keyword_argument' && isTypedAs(first, type)) record(out, file, type, call, 'replace');
      }
    }
    // A dict literal whose annotation is T builds a T (a TypedDict): `p: T = {…}`, `return {…}` in `def f() -> T`.
    for (const assignment of root.findAll({ rule: { kind: 'assignment', has: { field: 'right', kind: 'dictionary' } } })) {
      const annotation = assignment.field('type');
      const value = assignment.field('right');
      if (annotation && value && annotationMatches(annotation, type)) record(out, file, type, value, 'typed-object-literal');
    }
    for (const ret of root.findAll({ rule: { kind: 'return_statement', has: { kind: 'dictionary' } } })) {
      const returns = nearestAncestor(ret, FUNCTIONS)?.field('return_type');
      const value = firstNamed(ret);
      if (returns && value?.kind() === 'dictionary' && annotationMatches(returns, type)) record(out, file, type, value, 'typed-return');
    }
    return out;
  },
  factoryCalls(root, file, query, factories) {
    const out: FileSites = { sites: [], factories: [] };
    const type = localType(root, query);
    const names = new Set(factories.map((f) => f.name));
    const renamed = importedAs(root, names);
    for (const call of root.findAll({ rule: { kind: 'call' } })) {
      const callee = call.field('function');
      const attribute = callee?.kind() === 'attribute';
      const name = attribute
        ? callee?.field('attribute')?.text()
        : callee?.kind() === 'identifier'
          ? (renamed.get(callee.text()) ?? callee.text())
          : undefined;
      if (name === undefined || !names.has(name)) continue;
      // `make_t()` reaches functions; `x.make_t()` methods, classmethods or module functions.
      const factory = factories.find((f) => f.name === name && (attribute || f.container === undefined));
      if (factory) record(out, file, type, call, 'factory-call', factoryLabel(factory));
    }
    return out;
  },
};

/** The local names of `names` imported under another one (`from m import make as mk`: mk → make). */
function importedAs(root: SgNode, names: ReadonlySet<string>): Map<string, string> {
  const renamed = new Map<string, string>();
  for (const imported of root.findAll({ rule: { kind: 'aliased_import' } })) {
    const name = imported.field('name')?.text();
    const alias = imported.field('alias')?.text();
    // `import a.b.make as mk` names a module, not a function: only a bare name can be one.
    if (name !== undefined && alias !== undefined && !name.includes('.') && names.has(name)) renamed.set(alias, name);
  }
  return renamed;
}

/**
 * `from m import T as U` names T as U here; `import a.b.m as x` (or `from a.b import m as x`)
 * names module m x.
 */
function localType(root: SgNode, query: TypeQuery): LocalType {
  const names = new Set([query.name]);
  const modules = new Map<string, string>();
  for (const imported of root.findAll({ rule: { kind: 'aliased_import' } })) {
    const name = imported.field('name')?.text();
    const alias = imported.field('alias')?.text();
    if (name === undefined || alias === undefined) continue;
    if (name === query.name) names.add(alias);
    // What `from a import b as x` imports may be a module or a name in one: as a module it can qualify.
    else modules.set(alias, name.slice(name.lastIndexOf('.') + 1));
  }
  return { query, names, modules };
}

/** `T(…)` (or a name T is imported under), `mod.T(…)`, or `cls(…)` inside a classmethod of T. */
function constructs(call: SgNode, type: LocalType): boolean {
  const callee = call.field('function');
  if (!callee) return false;
  if (callee.kind() === 'identifier') {
    if (type.names.has(callee.text())) return true;
    return callee.text() === 'cls' && isClassmethodOf(call, type);
  }
  if (callee.kind() === 'attribute') {
    return callee.field('attribute')?.text() === type.query.name && qualifierOk(callee.field('object'), type);
  }
  return false;
}

function isClassmethodOf(node: SgNode, type: LocalType): boolean {
  const fn = nearestAncestor(node, FUNCTIONS);
  if (!fn || containingClass(fn) !== type.query.name) return false;
  const decorated = fn.parent();
  if (decorated?.kind() !== 'decorated_definition') return false;
  return decorated.children().some((d) => d.kind() === 'decorator' && firstNamed(d)?.text() === 'classmethod');
}

/** Local names bound to dataclasses.replace by `from dataclasses import replace [as r]`. */
function dataclassReplaceNames(root: SgNode): Set<string> {
  const names = new Set<string>();
  for (const statement of root.findAll({ rule: { kind: 'import_from_statement' } })) {
    if (statement.field('module_name')?.text() !== 'dataclasses') continue;
    for (const imported of statement.fieldChildren('name')) {
      if (imported.kind() === 'dotted_name' && imported.text() === 'replace') names.add('replace');
      if (imported.kind() === 'aliased_import' && imported.field('name')?.text() === 'replace') {
        const alias = imported.field('alias')?.text();
        if (alias !== undefined) names.add(alias);
      }
    }
  }
  return names;
}

function isReplaceCall(call: SgNode, replaceNames: ReadonlySet<string>): boolean {
  const callee = call.field('function');
  if (callee?.kind() === 'identifier') return replaceNames.has(callee.text());
  return callee?.kind() === 'attribute' && callee.field('attribute')?.text() === 'replace' && callee.field('object')?.text() === 'dataclasses';
}

/** Is this expression visibly a T, from syntax alone? */
function isTypedAs(expression: SgNode, type: LocalType): boolean {
  if (expression.kind() === 'call') return constructs(expression, type);
  if (expression.kind() !== 'identifier') return false;
  const name = expression.text();
  const fn = nearestAncestor(expression, FUNCTIONS);
  if (name === 'self') return fn !== undefined && containingClass(fn) === type.query.name;
  const scope = fn ?? expression.getRoot().root();
  if (fn) {
    for (const parameter of codeChildren(fn.field('parameters') ?? fn)) {
      const paramName = parameter.kind() === 'typed_parameter' ? firstNamed(parameter) : parameter.field('name');
      const annotation = parameter.field('type');
      if (paramName?.text() === name && annotation && annotationMatches(annotation, type)) return true;
    }
  }
  for (const assignment of scope.findAll({ rule: { kind: 'assignment' } })) {
    if (assignment.field('left')?.text() !== name) continue;
    const annotation = assignment.field('type');
    const right = assignment.field('right');
    if ((annotation && annotationMatches(annotation, type)) || (right?.kind() === 'call' && constructs(right, type))) return true;
  }
  return false;
}

/** Annotation `T`, `mod.T`, `"T"`, `Optional[T]`, `T | None`. */
function annotationMatches(node: SgNode, type: LocalType): boolean {
  switch (node.kind()) {
    case 'type':
    case 'type_parameter':
      return codeChildren(node).some((child) => annotationMatches(child, type));
    case 'identifier':
      return type.names.has(node.text());
    case 'attribute':
      return node.field('attribute')?.text() === type.query.name && qualifierOk(node.field('object'), type);
    case 'string': {
      // A forward reference: the string's content is the type's name.
      const content = node.children().find((c) => c.kind() === 'string_content')?.text() ?? '';
      return type.names.has(content) || content.endsWith(`.${type.query.name}`);
    }
    case 'generic_type':
      return firstNamed(node)?.text() === 'Optional' && codeChildren(node).slice(1).some((c) => annotationMatches(c, type));
    case 'binary_operator': {
      const left = node.field('left');
      const right = node.field('right');
      return (left !== null && annotationMatches(left, type)) || (right !== null && annotationMatches(right, type));
    }
    default:
      return false;
  }
}

function qualifierOk(object: SgNode | null, type: LocalType): boolean {
  return qualifierNames(type, object?.text());
}

function record(out: FileSites, file: string, type: LocalType, node: SgNode, kind: SiteKind, via?: string): void {
  const fn = nearestAncestor(node, FUNCTIONS);
  const name = fn?.field('name')?.text();
  const container = fn ? containingClass(fn) : undefined;
  const site: ConstructionSite = {
    file,
    ...startOf(node),
    endLine: node.range().end.line + 1,
    kind,
    enclosing: name === undefined ? undefined : container ? `${container}.${name}` : name,
  };
  if (via !== undefined) site.via = via;
  out.sites.push(site);
  const returns = fn?.field('return_type');
  if (fn && name !== undefined && returns && annotationMatches(returns, type)) {
    if (!out.factories.some((f) => f.name === name && f.container === container)) {
      out.factories.push({ name, container, file, packageName: undefined });
    }
  }
}

/** The class a function is defined directly in (methods), if any. */
function containingClass(fn: SgNode): string | undefined {
  let parent = fn.parent();
  if (parent?.kind() === 'decorated_definition') parent = parent.parent();
  if (parent?.kind() !== 'block') return undefined;
  const owner = parent.parent();
  return owner && CLASSES.has(String(owner.kind())) ? owner.field('name')?.text() : undefined;
}

function declarations(root: SgNode, file: string): LocatedDeclaration[] {
  const out: LocatedDeclaration[] = [];
  const add = (node: SgNode, nameNode: SgNode | null | undefined, kind: DeclarationKind, container?: string): void => {
    if (!nameNode) return;
    // Decorators belong to the declaration they decorate.
    const whole = node.parent()?.kind() === 'decorated_definition' ? (node.parent() ?? node) : node;
    out.push({ name: nameNode.text(), container, kind, file, ...startOf(nameNode), startLine: startOf(whole).line, endLine: endLineOf(node) });
  };
  for (const cls of root.findAll({ rule: { kind: 'class_definition' } })) {
    const name = cls.field('name');
    add(cls, name, 'class');
    for (const statement of codeChildren(cls.field('body') ?? cls)) {
      const assignment = statement.kind() === 'expression_statement' ? firstNamed(statement) : undefined;
      const left = assignment?.kind() === 'assignment' ? assignment.field('left') : undefined;
      if (assignment && left?.kind() === 'identifier') add(assignment, left, 'field', name?.text());
    }
  }
  for (const fn of root.findAll({ rule: { kind: 'function_definition' } })) {
    const container = containingClass(fn);
    add(fn, fn.field('name'), container ? 'method' : 'function', container);
  }
  for (const statement of codeChildren(root)) {
    const assignment = statement.kind() === 'expression_statement' ? firstNamed(statement) : undefined;
    const left = assignment?.kind() === 'assignment' ? assignment.field('left') : undefined;
    if (!assignment || left?.kind() !== 'identifier') continue;
    // PEP 8: module-level UPPER_CASE names are constants.
    add(assignment, left, /^[A-Z][A-Z0-9_]*$/.test(left.text()) ? 'constant' : 'variable');
  }
  return out;
}
