/**
 * A TestFinder over the tree of one commit, read through git plumbing (`ls-tree` + one
 * `cat-file --batch`), with declarations found by a real parser (ast-grep): Go test functions and
 * `t.Run` subtests, JS/TS `test`/`it`/`describe` titles, Python `def test_*` and `class Test*`.
 *
 * Kept in its own file behind the `TestFinder` interface so the shared code index of `src/repo/`
 * can replace it. Only test-like files are read, and a file is parsed only when its text contains
 * the name asked for (a substring prefilter — structure always comes from the parse).
 */
import { LANGUAGES, type DeclaredTest } from '../languages/index.js';
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
  for (const language of LANGUAGES) {
    const grammar = language.tests.files?.grammarOf(base, inTestDir);
    if (grammar !== undefined) return grammar;
  }
  return undefined;
}

/** Whether a path looks like a test file (by name; see testGrammar) or sits under a test dir. */
export function isTestPath(path: string): boolean {
  return testGrammar(path) !== undefined || /(?:^|\/)(?:test|tests|__tests__|testdata)\//.test(path) || /_test\.\w+$|\.(?:test|spec)\.\w+$/.test(path);
}

/** Test names a file declares. */
export function declaredTests(grammar: Grammar, text: string): DeclaredTest[] {
  const root = ensureGrammars().parse(grammar, text).root();
  const files = LANGUAGES.find((l) => l.tests.files?.grammars.includes(grammar))?.tests.files;
  return files ? files.declared(root) : [];
}

interface Candidate {
  path: string;
  oid: string;
  grammar: Grammar;
}

/** A TestFinder over the tree of `sha` in the repository at `root`. */
export function gitTreeTestFinder(root: string, sha: string): TestFinder {
  let texts: Promise<Map<string, { text: string; grammar: Grammar }>> | undefined;
  const parsed = new Map<string, DeclaredTest[]>();

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
        const byPrefix = LANGUAGES.some((l) => l.tests.selectsByPrefix?.test(wanted));
        const selected = decls.find((d) => (byPrefix ? d.name.startsWith(wanted) : d.name.includes(wanted)));
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
