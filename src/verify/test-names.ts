/**
 * The test names a test-strategy cell gives. Real tables mix names (`TestFoo_Bar`, `test_foo`,
 * a backticked JS test title) with plain descriptions ("row visible in table"); only names can be
 * looked up, so descriptions yield nothing and are not reported missing.
 */
import { LANGUAGES } from '../languages/index.js';

/** The languages' test identifiers (Go's, Python's): tests named by identifiers rather than titled. */
const IDENTIFIERS = LANGUAGES.flatMap((l) => (l.tests.identifier ? [l.tests.identifier] : []));
/** A bare test identifier (with a Go subtest's path), not part of a path or a wildcard. */
const IDENTIFIER_IN_TEXT = new RegExp(String.raw`(?<![\w/.:-])(?:${IDENTIFIERS.map((i) => i.source + (i.subtests ?? '')).join('|')})(?![\w*]|\.\w)`, 'g');
const IDENTIFIER = new RegExp(`^(?:${IDENTIFIERS.map((i) => i.source).join('|')})$`);
const QUOTED = /`([^`]+)`|"([^"]+)"|“([^”]+)”/g;

/**
 * Names in a cell. Go/Python test identifiers win: when a cell has them, other quoted text is a
 * table-driven case or a note ("`TestX` (row `"bad input"`)"), not a test of its own. Otherwise
 * backticked or quoted titles (JS/TS tests) count when they are the whole cell and read as
 * phrases, not commands, paths or code.
 * A cell about a test's removal names a test that must not exist, so it yields nothing.
 */
export function testNamesIn(cell: string): string[] {
  if (/^\W*(?:removal|removed|remove|deleted|delete)\b/i.test(cell) || /\((?:removed|deleted)\)/i.test(cell)) return [];
  const names: string[] = [];
  const add = (raw: string): void => {
    const name = cleanName(raw);
    if (name !== undefined && !names.includes(name)) names.push(name);
  };
  const quoted = [...cell.matchAll(QUOTED)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
  for (const q of quoted) {
    const name = cleanName(q);
    if (name !== undefined && IDENTIFIER.test(name)) add(name);
  }
  for (const m of cell.replace(QUOTED, ' ').matchAll(IDENTIFIER_IN_TEXT)) add(m[0]);
  if (names.length > 0) return names;
  // A title counts only when the cell is nothing but titles: in "`blis run` shows a verdict" the
  // backticks mark code in a description, not a test.
  const rest = cell.replace(QUOTED, ' ').replace(/\band\b/g, ' ').replace(/[\s,;&+()]+/g, '');
  if (rest !== '') return [];
  for (const q of quoted) if (looksLikeTitle(q)) add(q);
  return names;
}

const COMMANDS = /^(?:go|npm|npx|node|pytest|python3?|make|grep|cd|bash|sh|git|cargo|golangci-lint|ruff|eslint|vitest|jest|cat|diff|curl)\b/;

/** A test title, not a command (`grep -c x`), a path, or a code expression (`a == ""`). */
function looksLikeTitle(text: string): boolean {
  const t = text.trim();
  // Test titles are phrases; a single word in backticks is an identifier.
  if (!/\s/.test(t) || COMMANDS.test(t)) return false;
  if (/\s--?\w|\.\/|&&|\|\||[|;$]|[=!]==?|=>/.test(t)) return false;
  return true;
}

function cleanName(raw: string): string | undefined {
  let name = raw.trim();
  // "pkg/foo_test.go:TestX", "tests/test_a.py::test_b", "TestX()".
  if (name.includes('::')) name = name.slice(name.lastIndexOf('::') + 2);
  name = name.replace(/\(\)$/, '').trim();
  if (name === '' || name.includes('*')) return undefined;
  // A path or a file name is not a test name.
  if (/^[\w./-]+\.(?:go|py|[cm]?[jt]sx?|json|ya?ml|md)(?::\d+)?$/.test(name)) return undefined;
  // Subtests (Go's): the test function is what the tree declares.
  for (const language of LANGUAGES) name = language.tests.parentTest?.(name) ?? name;
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
