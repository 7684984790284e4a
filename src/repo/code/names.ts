/**
 * The names a piece of code binds and the names it calls, read from its tree-sitter tree: what a
 * plan's code blocks define (functions, types, methods, fields, variables, parameters, imports)
 * and which functions they call, by name and qualifier (`f(…)`, `pkg.F(…)`, `obj.m(…)`). Go,
 * Python and TypeScript/JavaScript, the languages the code index reads. A name is bound when any
 * position in the code binds it: callers use this to stay quiet about names the code defines.
 */
import type { SgNode } from '@ast-grep/napi';

export type NamesLanguage = 'go' | 'python' | 'typescript' | 'javascript';

export interface CalledName {
  name: string;
  /** `pkg` in `pkg.F(…)`, `obj` in `obj.m(…)`; undefined for a plain `f(…)`; '' for a complex receiver (`a.b().c(…)`). */
  qualifier: string | undefined;
  node: SgNode;
}

export interface DeclaredName {
  name: string;
  kind: 'function' | 'method' | 'type' | 'field' | 'variable';
  node: SgNode;
}

export interface CodeNames {
  /** Every name the code binds anywhere: declarations, parameters, locals, loop variables, imports. */
  bound: Set<string>;
  /** Functions, methods, types, fields and module-level variables: what the code gives other code. */
  declared: DeclaredName[];
  calls: CalledName[];
  /** The code has import statements (a snippet that shows its imports). */
  imports: boolean;
  /** `from x import *` or Go's dot import: any name may come from elsewhere. */
  starImport: boolean;
}

/** Names every program of the language may call without defining or importing them. */
export const BUILTINS: Record<NamesLanguage, ReadonlySet<string>> = {
  go: new Set('append cap clear close complex copy delete imag len make max min new panic print println real recover bool byte complex64 complex128 error float32 float64 int int8 int16 int32 int64 rune string uint uint8 uint16 uint32 uint64 uintptr any comparable'.split(' ')),
  python: new Set(
    'abs aiter all anext any ascii bin bool breakpoint bytearray bytes callable chr classmethod compile complex delattr dict dir divmod enumerate eval exec exit filter float format frozenset getattr globals hasattr hash help hex id input int isinstance issubclass iter len list locals map max memoryview min next object oct open ord pow print property quit range repr reversed round set setattr slice sorted staticmethod str sum super tuple type vars zip __import__ NotImplemented Ellipsis'.split(' '),
  ),
  typescript: new Set(
    'Array ArrayBuffer BigInt Boolean Buffer DataView Date Error EvalError Float32Array Float64Array Function Int8Array Int16Array Int32Array Intl JSON Map Math Number Object Promise Proxy RangeError ReferenceError Reflect RegExp Set String Symbol SyntaxError TextDecoder TextEncoder TypeError URIError URL URLSearchParams Uint8Array Uint16Array Uint32Array WeakMap WeakRef WeakSet AbortController Headers Request Response FormData Blob Event EventTarget alert atob btoa clearImmediate clearInterval clearTimeout console decodeURI decodeURIComponent encodeURI encodeURIComponent eval fetch globalThis isFinite isNaN parseFloat parseInt process queueMicrotask require setImmediate setInterval setTimeout structuredClone module exports document window describe it test expect beforeEach afterEach beforeAll afterAll vi jest suite'.split(
      ' ',
    ),
  ),
  javascript: new Set(),
};

/**
 * Names of the standard library a snippet uses with its import left out (`@dataclass`, `Path`,
 * `json.loads`): a plan shows a file's classes or tests and not always its import lines, so such a
 * name says nothing of a slip. Project names (`make_repo`, `REPO`) are what an unbound read catches.
 */
const STANDARD_IMPORTS: Partial<Record<NamesLanguage, ReadonlySet<string>>> = {
  python: new Set(
    'abc ABC abstractmethod argparse asdict astuple asyncio base64 cached_property Callable collections contextlib contextmanager copy Counter csv dataclass dataclasses datetime date deepcopy defaultdict deque Decimal Enum enum field fields Fraction functools glob hashlib heapq Iterable Iterator itertools json List Dict Set Tuple Optional Union Any Literal Mapping Sequence logging lru_cache math namedtuple NamedTuple os partial Path pathlib platform pprint Protocol random re reduce shlex shutil signal socket sqlite3 StringIO BytesIO io string struct subprocess sys tempfile textwrap threading time timedelta timezone TypedDict TypeVar typing uuid UUID warnings wraps'.split(
      ' ',
    ),
  ),
};

/** A name of the language's standard library that snippets often use without showing its import. */
export function isStandardImport(language: NamesLanguage, name: string): boolean {
  return STANDARD_IMPORTS[language]?.has(name) ?? false;
}

const EXCEPTION_NAME = /^(?:[A-Z]\w*(?:Error|Warning)|\w*Exception|KeyboardInterrupt|SystemExit|StopIteration|StopAsyncIteration|GeneratorExit)$/;

/** A builtin of the language, or (Python) a builtin exception. */
export function isBuiltin(language: NamesLanguage, name: string): boolean {
  const set = language === 'javascript' ? BUILTINS.typescript : BUILTINS[language];
  return set.has(name) || (language === 'python' && EXCEPTION_NAME.test(name));
}

export function codeNames(root: SgNode, language: NamesLanguage): CodeNames {
  const out: CodeNames = { bound: new Set(), declared: [], calls: [], imports: false, starImport: false };
  const visit = language === 'go' ? goNode : language === 'python' ? pythonNode : tsNode;
  const walk = (node: SgNode): void => {
    visit(node, out);
    for (const child of node.children()) walk(child);
  };
  walk(root);
  for (const d of out.declared) out.bound.add(d.name);
  return out;
}

const kind = (node: SgNode | null | undefined): string => (node ? String(node.kind()) : '');

/** Identifiers in a binding pattern (`x`, `(a, b)`, `{ x, y: [z] }`, `...rest`), never in default values or types. */
function patternNames(node: SgNode | null | undefined, into: Set<string>): void {
  if (!node) return;
  const k = kind(node);
  if (k === 'identifier' || k === 'shorthand_property_identifier_pattern') {
    into.add(node.text());
    return;
  }
  if (k === 'pair_pattern') return patternNames(node.field('value'), into);
  if (k === 'assignment_pattern' || k === 'object_assignment_pattern') return patternNames(node.field('left'), into);
  if (k === 'attribute') {
    // `self.total = …` gives the object a `total`.
    const attr = node.field('attribute');
    if (attr) into.add(attr.text());
    return;
  }
  if (['pattern_list', 'tuple_pattern', 'list_pattern', 'expression_list', 'array_pattern', 'object_pattern', 'rest_pattern', 'list_splat_pattern', 'dictionary_splat_pattern', 'parenthesized_expression', 'tuple', 'list'].includes(k)) {
    for (const child of node.namedChildren()) patternNames(child, into);
  }
}

function declare(out: CodeNames, node: SgNode | null | undefined, k: DeclaredName['kind']): void {
  if (node) out.declared.push({ name: node.text(), kind: k, node });
}

/** The receiver and name fields of each grammar's member access (`pkg.F`, `obj.m`, `obj.m`). */
const MEMBER_FIELDS: Record<string, [string, string]> = {
  selector_expression: ['operand', 'field'],
  attribute: ['object', 'attribute'],
  member_expression: ['object', 'property'],
};

function addCall(out: CodeNames, fn: SgNode | null): void {
  if (!fn) return;
  if (kind(fn) === 'identifier') {
    out.calls.push({ name: fn.text(), qualifier: undefined, node: fn });
    return;
  }
  const fields = MEMBER_FIELDS[kind(fn)];
  const name = fields && fn.field(fields[1]);
  if (!fields || !name) return;
  const recv = fn.field(fields[0]);
  const k = kind(recv);
  out.calls.push({ name: name.text(), qualifier: k === 'identifier' || k === 'this' || k === 'super' ? recv!.text() : '', node: name });
}

function goNode(node: SgNode, out: CodeNames): void {
  const b = out.bound;
  switch (kind(node)) {
    case 'function_declaration':
      declare(out, node.field('name'), 'function');
      break;
    case 'method_declaration':
      declare(out, node.field('name'), 'method');
      break;
    case 'type_spec':
    case 'type_alias':
      declare(out, node.field('name'), 'type');
      break;
    case 'field_declaration':
      for (const c of node.namedChildren()) if (kind(c) === 'field_identifier') declare(out, c, 'field');
      break;
    case 'method_elem':
    case 'method_spec':
      declare(out, node.field('name'), 'method');
      break;
    case 'var_spec':
    case 'const_spec':
      for (const c of node.namedChildren()) if (kind(c) === 'identifier') declare(out, c, 'variable');
      break;
    case 'short_var_declaration':
    case 'range_clause':
      patternNames(node.field('left'), b);
      break;
    case 'parameter_declaration':
    case 'variadic_parameter_declaration':
    case 'type_parameter_declaration':
      for (const c of node.namedChildren()) if (kind(c) === 'identifier') b.add(c.text());
      break;
    case 'labeled_statement':
      if (node.field('label')) b.add(node.field('label')!.text());
      break;
    case 'import_spec': {
      out.imports = true;
      const alias = node.field('name');
      const path = node.field('path')?.text().replace(/^["`]|["`]$/g, '') ?? '';
      if (alias?.text() === '.') out.starImport = true;
      else b.add(alias ? alias.text() : (path.split('/').pop() ?? path));
      break;
    }
    case 'call_expression':
      addCall(out, node.field('function'));
      break;
    default:
      break;
  }
}

function pythonNode(node: SgNode, out: CodeNames): void {
  const b = out.bound;
  switch (kind(node)) {
    case 'function_definition':
      declare(out, node.field('name'), kind(node.parent()?.parent()) === 'class_definition' || kind(node.parent()?.parent()?.parent()) === 'class_definition' ? 'method' : 'function');
      break;
    case 'class_definition':
      declare(out, node.field('name'), 'type');
      break;
    case 'parameters':
    case 'lambda_parameters':
      for (const p of node.namedChildren()) {
        const k = kind(p);
        if (k === 'identifier') b.add(p.text());
        else if (k === 'default_parameter' || k === 'typed_default_parameter') patternNames(p.field('name'), b);
        else if (k === 'typed_parameter' || k === 'list_splat_pattern' || k === 'dictionary_splat_pattern') patternNames(p.namedChildren()[0], b);
      }
      break;
    case 'assignment':
    case 'augmented_assignment': {
      const left = node.field('left');
      // A module-level or class-level assignment is a declaration other code may use; one in a function is a local.
      let local = false;
      for (let a = node.parent(); a && !local; a = a.parent()) local = kind(a) === 'function_definition' || kind(a) === 'lambda';
      if (kind(left) === 'identifier' && !local) declare(out, left, 'variable');
      patternNames(left, b);
      break;
    }
    case 'for_statement':
    case 'for_in_clause':
      patternNames(node.field('left'), b);
      break;
    case 'as_pattern_target':
      patternNames(node.namedChildren()[0], b);
      break;
    case 'named_expression':
      patternNames(node.field('name'), b);
      break;
    case 'global_statement':
    case 'nonlocal_statement':
      for (const c of node.namedChildren()) b.add(c.text());
      break;
    case 'import_statement':
      out.imports = true;
      for (const c of node.namedChildren()) {
        if (kind(c) === 'aliased_import') b.add(c.field('alias')?.text() ?? '');
        else b.add(c.namedChildren()[0]?.text() ?? c.text());
      }
      break;
    case 'import_from_statement': {
      out.imports = true;
      const module = node.field('module_name');
      for (const c of node.namedChildren()) {
        if (module && c.id() === module.id()) continue;
        if (kind(c) === 'wildcard_import') out.starImport = true;
        else if (kind(c) === 'aliased_import') b.add(c.field('alias')?.text() ?? '');
        else if (kind(c) === 'dotted_name') b.add(c.namedChildren().pop()?.text() ?? c.text());
      }
      break;
    }
    case 'call':
      addCall(out, node.field('function'));
      break;
    default:
      break;
  }
}

function tsNode(node: SgNode, out: CodeNames): void {
  const b = out.bound;
  switch (kind(node)) {
    case 'function_declaration':
    case 'generator_function_declaration':
    case 'function_signature':
      declare(out, node.field('name'), 'function');
      break;
    case 'class_declaration':
    case 'abstract_class_declaration':
    case 'interface_declaration':
    case 'type_alias_declaration':
    case 'enum_declaration':
      declare(out, node.field('name'), 'type');
      break;
    case 'method_definition':
    case 'method_signature':
    case 'abstract_method_signature':
      declare(out, node.field('name'), 'method');
      break;
    case 'public_field_definition':
    case 'property_signature':
    case 'field_definition':
      declare(out, node.field('name') ?? node.field('property'), 'field');
      break;
    case 'variable_declarator': {
      const name = node.field('name');
      if (kind(name) === 'identifier') declare(out, name, 'variable');
      else patternNames(name, b);
      break;
    }
    case 'required_parameter':
    case 'optional_parameter':
      patternNames(node.field('pattern'), b);
      break;
    case 'formal_parameters':
      // JavaScript parameters are bare patterns.
      for (const p of node.namedChildren()) if (!kind(p).endsWith('_parameter')) patternNames(p, b);
      break;
    case 'arrow_function':
      if (kind(node.field('parameter')) === 'identifier') b.add(node.field('parameter')!.text());
      break;
    case 'catch_clause':
      patternNames(node.field('parameter'), b);
      break;
    case 'for_in_statement':
      patternNames(node.field('left'), b);
      break;
    case 'type_parameter':
      if (node.field('name')) b.add(node.field('name')!.text());
      break;
    case 'import_statement':
      out.imports = true;
      break;
    case 'import_specifier':
      b.add((node.field('alias') ?? node.field('name'))?.text() ?? '');
      break;
    case 'import_clause':
      for (const c of node.namedChildren()) if (kind(c) === 'identifier') b.add(c.text());
      break;
    case 'namespace_import':
      for (const c of node.namedChildren()) if (kind(c) === 'identifier') b.add(c.text());
      break;
    case 'call_expression':
      addCall(out, node.field('function'));
      break;
    default:
      break;
  }
}

const NOT_READ = new Set(['import_statement', 'import_from_statement', 'future_import_statement']);

/**
 * Python: the names the code reads as values, first occurrence each (`REPO` in `(REPO / "x").read_text()`);
 * attribute names, keyword-argument names and names in import statements are not reads.
 */
export function pythonReads(root: SgNode): Array<{ name: string; node: SgNode }> {
  const out = new Map<string, SgNode>();
  for (const id of root.findAll({ rule: { kind: 'identifier' } })) {
    const parent = id.parent();
    const pk = kind(parent);
    if (pk === 'attribute' && parent!.field('attribute')?.id() === id.id()) continue;
    if (pk === 'keyword_argument' && parent!.field('name')?.id() === id.id()) continue;
    let inImport = false;
    for (let a = parent; a; a = a.parent()) if (NOT_READ.has(kind(a))) inImport = true;
    if (inImport || out.has(id.text())) continue;
    out.set(id.text(), id);
  }
  return [...out].map(([name, node]) => ({ name, node }));
}
