/**
 * Names a source writes in code spans that are not the repository's code, so their absence from
 * it is no DEVIATION: configuration keys (`admission.slo_priorities`), members of packages the
 * repository does not have (`logrus.Fatalf`), and the languages' own built-ins (`RangeError`).
 */

/** Built-ins of the languages the code index reads (Go, TypeScript/JavaScript, Python). */
const BUILT_INS = new Set([
  // Go: predeclared functions and types.
  'append', 'cap', 'clear', 'close', 'complex', 'copy', 'delete', 'imag', 'len', 'make', 'max', 'min', 'new', 'panic', 'print',
  'println', 'real', 'recover', 'any', 'comparable', 'byte', 'rune', 'float32', 'float64', 'int8', 'int16', 'int32', 'int64',
  'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr', 'complex64', 'complex128', 'iota',
  // JavaScript/TypeScript: global objects and error classes.
  'Error', 'RangeError', 'TypeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError', 'AggregateError', 'Promise',
  'Map', 'Set', 'WeakMap', 'WeakSet', 'Array', 'Object', 'JSON', 'Math', 'Date', 'RegExp', 'Symbol', 'BigInt', 'Number',
  'String', 'Boolean', 'Buffer', 'Uint8Array', 'ArrayBuffer', 'Record', 'Partial', 'Readonly', 'Pick', 'Omit', 'Promise.all',
  'NaN', 'Infinity', 'console.log', 'process.exit', 'setTimeout', 'structuredClone',
  // Python: built-in functions, types and exceptions.
  'dict', 'list', 'tuple', 'set', 'frozenset', 'str', 'bytes', 'float', 'isinstance', 'getattr', 'setattr', 'hasattr',
  'Exception', 'ValueError', 'KeyError', 'IndexError', 'AttributeError', 'RuntimeError', 'NotImplementedError',
  'StopIteration', 'OSError', 'IOError', 'FileNotFoundError', 'AssertionError', 'ZeroDivisionError',
]);

export type NotCodeReason = 'config key' | 'other package' | 'built-in';

/**
 * Why a name the repository does not declare is not its code, or undefined when it should be
 * (a DEVIATION). `packages` are the repository's directory and file base names, which Go
 * packages, TypeScript modules and Python modules are named after.
 */
export function notRepositoryCode(name: string, packages: ReadonlySet<string>): NotCodeReason | undefined {
  if (BUILT_INS.has(name)) return 'built-in';
  // Lower-case dotted words with an underscore: a key of a YAML/JSON configuration.
  if (/^[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+$/.test(name) && name.includes('_')) return 'config key';
  const dot = name.indexOf('.');
  if (dot > 0) {
    const qualifier = name.slice(0, dot);
    if (/^[a-z][a-z0-9_]*$/.test(qualifier) && !packages.has(qualifier)) return 'other package';
  }
  return undefined;
}

/** The names a repository's packages and modules can go by: its directories and its files' base names. */
export function packageNames(files: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const file of files) {
    const parts = file.split('/');
    const base = parts.pop()!;
    for (const dir of parts) names.add(dir);
    names.add(base.replace(/\.[^.]*$/, ''));
  }
  return names;
}
