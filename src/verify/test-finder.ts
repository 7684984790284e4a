/**
 * A TestFinder over the tree of one commit, read through git plumbing (`ls-tree` + one
 * `cat-file --batch`), with declarations found by a real parser (ast-grep): Go test functions and
 * `t.Run` subtests, JS/TS `test`/`it`/`describe` titles, Python `def test_*` and `class Test*`.
 *
 * Kept in its own file behind the `TestFinder` interface so the shared code index of `src/repo/`
 * can replace it. Only test-like files are read, and a file is parsed only when its text contains
 * the name asked for (a substring prefilter — structure always comes from the parse).
 */
import type { SgNode } from '@ast-grep/napi';
import { ensureGrammars, type Grammar } from '../repo/code/grammars.js';
import { git, runGit } from './git.js';
import type { TestFinder, TestLocation } from './types.js';

/** Files over this size are generated or vendored, not tests anyone names in a plan. */
const MAX_FILE_BYTES = 1024 * 1024;
const SKIPPED_DIRS = /(?:^|\/)(?:node_modules|vendor|dist|build|\.git|third_party)\//;

/** The grammar of a test-like file, or undefined when the path is not one. */
export function testGrammar(path: string): Grammar | undefined {
  if (SKIPPED_DIRS.test(path)) return undefined;
  const base = path.slice(path.lastIndexOf('/') + 1);
  const inTestDir = /(?:^|\/)(?:test|tests|__tests__|spec|specs|e2e|testdata)\//.test(path);
  if (base.endsWith('_test.go')) return 'go';
  if (base.endsWith('.py')) return /^test_|_test\.py$/.test(base) || inTestDir ? 'python' : undefined;
  const js = /\.([cm]?[jt]sx?)$/.exec(base);
  if (!js) return undefined;
  const testLike = inTestDir || /[._-](?:test|spec)\.[cm]?[jt]sx?$/.test(base) || /^test[._-]/.test(base) || base.startsWith('test.');
  if (!testLike) return undefined;
  const ext = js[1]!;
  if (ext === 'tsx') return 'Tsx';
  if (ext.endsWith('ts')) return 'TypeScript';
  return 'JavaScript';
}

/** Whether a path looks like a test file (by name; see testGrammar) or sits under a test dir. */
export function isTestPath(path: string): boolean {
  return testGrammar(path) !== undefined || /(?:^|\/)(?:test|tests|__tests__|testdata)\//.test(path) || /_test\.\w+$|\.(?:test|spec)\.\w+$/.test(path);
}

interface Declared {
  name: string;
  line: number;
}

const JS_TEST_FUNCS = new Set(['test', 'it', 'describe', 'suite', 'context', 'specify']);

/** Test names a file declares. */
export function declaredTests(grammar: Grammar, text: string): Declared[] {
  const root = ensureGrammars().parse(grammar, text).root();
  const out: Declared[] = [];
  const at = (node: SgNode): number => node.range().start.line + 1;
  if (grammar === 'go') {
    for (const fn of root.findAll({ rule: { kind: 'function_declaration' } })) {
      const name = fn.field('name')?.text() ?? '';
      if (/^(?:Test|Benchmark|Fuzz|Example)/.test(name)) out.push({ name, line: at(fn) });
    }
    // Subtests: t.Run("name", …). Go reports them with spaces turned into underscores.
    for (const call of root.findAll({ rule: { kind: 'call_expression' } })) {
      const fn = call.field('function');
      if (fn?.kind() !== 'selector_expression' || fn.field('field')?.text() !== 'Run') continue;
      const first = call.field('arguments')?.children().find((c) => c.isNamed());
      if (!first || (first.kind() !== 'interpreted_string_literal' && first.kind() !== 'raw_string_literal')) continue;
      const name = first.text().slice(1, -1);
      out.push({ name, line: at(call) }, { name: name.replace(/\s/g, '_'), line: at(call) });
    }
    return out;
  }
  if (grammar === 'python') {
    for (const fn of root.findAll({ rule: { kind: 'function_definition' } })) {
      const name = fn.field('name')?.text() ?? '';
      if (name.startsWith('test')) out.push({ name, line: at(fn) });
    }
    for (const cls of root.findAll({ rule: { kind: 'class_definition' } })) {
      const name = cls.field('name')?.text() ?? '';
      if (name.startsWith('Test')) out.push({ name, line: at(cls) });
    }
    return out;
  }
  for (const call of root.findAll({ rule: { kind: 'call_expression' } })) {
    const fn = call.field('function');
    if (!fn || !JS_TEST_FUNCS.has(calleeRoot(fn))) continue;
    const first = call.field('arguments')?.children().find((c) => c.isNamed());
    if (!first) continue;
    const title = stringValue(first);
    if (title !== undefined) out.push({ name: title, line: at(call) });
  }
  return out;
}

/** `it` for `it`, `it.only`, `test.skip`, `describe.each(rows)`. */
function calleeRoot(node: SgNode): string {
  let n: SgNode | null = node;
  for (let depth = 0; n && depth < 4; depth++) {
    const kind = n.kind();
    if (kind === 'identifier') return n.text();
    if (kind === 'member_expression') n = n.field('object');
    else if (kind === 'call_expression') n = n.field('function');
    else return '';
  }
  return '';
}

/** A string literal's value, or a template literal's when it has no substitutions. */
function stringValue(node: SgNode): string | undefined {
  const kind = node.kind();
  if (kind === 'string') return unescapeJs(node.text().slice(1, -1));
  if (kind === 'template_string' && !node.children().some((c) => c.kind() === 'template_substitution')) {
    return unescapeJs(node.text().slice(1, -1));
  }
  return undefined;
}

function unescapeJs(s: string): string {
  return s.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (_, e: string) => {
    if (e.startsWith('u{')) return String.fromCodePoint(parseInt(e.slice(2, -1), 16));
    if (e.startsWith('u') && e.length === 5) return String.fromCharCode(parseInt(e.slice(1), 16));
    if (e.startsWith('x') && e.length === 3) return String.fromCharCode(parseInt(e.slice(1), 16));
    return ({ n: '\n', t: '\t', r: '\r' } as Record<string, string>)[e] ?? e;
  });
}

interface Candidate {
  path: string;
  oid: string;
  grammar: Grammar;
}

/** A TestFinder over the tree of `sha` in the repository at `root`. */
export function gitTreeTestFinder(root: string, sha: string): TestFinder {
  let texts: Promise<Map<string, { text: string; grammar: Grammar }>> | undefined;
  const parsed = new Map<string, Declared[]>();

  const load = async (): Promise<Map<string, { text: string; grammar: Grammar }>> => {
    const listing = await git(root, ['ls-tree', '-r', '-l', '-z', sha]);
    const candidates: Candidate[] = [];
    for (const entry of listing.split('\0')) {
      // "<mode> <type> <oid> <size>\t<path>"
      const tab = entry.indexOf('\t');
      if (tab < 0) continue;
      const [, type, oid, size] = entry.slice(0, tab).split(/\s+/);
      const path = entry.slice(tab + 1);
      if (type !== 'blob' || !oid || Number(size) > MAX_FILE_BYTES) continue;
      const grammar = testGrammar(path);
      if (grammar !== undefined) candidates.push({ path, oid, grammar });
    }
    candidates.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const out = new Map<string, { text: string; grammar: Grammar }>();
    if (candidates.length === 0) return out;
    const r = await runGit(root, ['cat-file', '--batch'], { input: candidates.map((c) => `${c.oid}\n`).join('') });
    let pos = 0;
    for (const c of candidates) {
      const eol = r.stdout.indexOf(0x0a, pos);
      if (eol < 0) break;
      const header = r.stdout.subarray(pos, eol).toString('utf8');
      pos = eol + 1;
      if (header.endsWith(' missing')) continue;
      const size = Number(header.slice(header.lastIndexOf(' ') + 1));
      const body = r.stdout.subarray(pos, pos + size);
      pos += size + 1;
      // Binary content is not a test file anyone names.
      if (body.includes(0)) continue;
      out.set(c.path, { text: body.toString('utf8'), grammar: c.grammar });
    }
    return out;
  };

  return {
    async exists(name: string): Promise<TestLocation | undefined> {
      const wanted = name.trim();
      if (wanted === '') return undefined;
      texts ??= load();
      let prefixHit: TestLocation | undefined;
      for (const [path, file] of await texts) {
        // Go subtests may be asked for with underscores where the source has spaces.
        if (!file.text.includes(wanted) && !file.text.includes(wanted.replace(/_/g, ' '))) continue;
        let decls = parsed.get(path);
        if (!decls) {
          decls = declaredTests(file.grammar, file.text);
          parsed.set(path, decls);
        }
        const hit = decls.find((d) => d.name === wanted || d.name.replace(/\s+/g, ' ').trim() === wanted);
        if (hit) return { file: path, line: hit.line };
        // As the plan's own command selects it: `go test -run TestX` and `pytest -k test_x` run
        // TestX_Case and test_x_case too; `vitest -t "title"` runs every title containing it.
        const selected = decls.find((d) => (/^(?:Test|Benchmark|Fuzz|test_)/.test(wanted) ? d.name.startsWith(wanted) : d.name.includes(wanted)));
        if (selected) prefixHit ??= { file: path, line: selected.line, name: selected.name };
      }
      return prefixHit;
    },
    async close(): Promise<void> {
      texts = undefined;
      parsed.clear();
    },
  };
}
