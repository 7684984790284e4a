/**
 * The test names a test-strategy cell gives. Real tables mix names (`TestFoo_Bar`, `test_foo`,
 * a backticked JS test title) with plain descriptions ("row visible in table"); only names can be
 * looked up, so descriptions yield nothing and are not reported missing.
 */

const GO_OR_PY_NAME = /\b(?:Test|Benchmark|Fuzz)[A-Z0-9_]\w*(?:\/[\w-]+)*|\btest_\w+/g;

/** Names in a cell: backticked or quoted titles, and bare Go/Python test identifiers. */
export function testNamesIn(cell: string): string[] {
  const names: string[] = [];
  const add = (raw: string): void => {
    const name = cleanName(raw);
    if (name !== undefined && !names.includes(name)) names.push(name);
  };
  let rest = cell;
  for (const m of cell.matchAll(/`([^`]+)`|"([^"]+)"|“([^”]+)”/g)) {
    add(m[1] ?? m[2] ?? m[3] ?? '');
    rest = rest.replace(m[0], ' ');
  }
  for (const m of rest.matchAll(GO_OR_PY_NAME)) add(m[0]);
  return names;
}

function cleanName(raw: string): string | undefined {
  let name = raw.trim();
  // "pkg/foo_test.go:TestX", "tests/test_a.py::test_b", "TestX()".
  if (name.includes('::')) name = name.slice(name.lastIndexOf('::') + 2);
  name = name.replace(/\(\)$/, '').trim();
  if (name === '' || name.includes('*')) return undefined;
  // A path, a command or a file name is not a test name.
  if (/^[\w./-]+\.(?:go|py|[cm]?[jt]sx?|json|ya?ml|md)(?::\d+)?$/.test(name) || /^(?:go|npm|npx|node|pytest|make)\s/.test(name)) return undefined;
  // Go subtests: the test function is what the tree declares.
  if (/^(?:Test|Benchmark|Fuzz)\w*\//.test(name)) name = name.slice(0, name.indexOf('/'));
  return name;
}

/** Contract ids in a table cell ("BC-1", "BC-1, BC-2"). */
export function contractIdsIn(cell: string): string[] {
  return [...cell.matchAll(/\b([A-Z]{1,4}(?:-[A-Z]{1,4})?)-(\d{1,3})\b/g)].map((m) => `${m[1]}-${Number(m[2])}`);
}

/** Task numbers in a table cell ("Task 3", "3", "Tasks 2, 4", "Task 2 (Step 1)" → 2). */
export function taskNumbersIn(cell: string): number[] {
  const list = /\bTasks?\s*#?((?:\d+\s*(?:,|&|and|\/)?\s*)+)/i.exec(cell)?.[1] ?? (/^\s*[\d,\s]+$/.test(cell) ? cell : '');
  return [...list.matchAll(/\d+/g)].map((m) => Number(m[0]));
}
