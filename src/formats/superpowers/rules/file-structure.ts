import type { FileEntry, Plan, Section } from '../../../plan/types.js';
import type { Finding, Rule } from '../../../rules/types.js';
import { clip, fileMapSection, firstTaskLine, olderSkill, sectionText, taskHeadSpan, taskName } from './parts.js';
import { globToRegExp } from '../../../ground/glob.js';
import { ARCHITECTURE, headerField } from './fields.js';
import { escapeRegExp } from '../../../escape-regexp.js';

/** A plan document, this one or another: `docs/superpowers/plans/2026-05-12-placeholder-component.md`. */
function planDocument(plan: Plan, path: string): boolean {
  return /(?:^|\/)plans\/[^/]+\.md$/i.test(bare(path)) || ownDocument(plan, path);
}

/** The plan's own file, named by its path or its base name. */
function ownDocument(plan: Plan, path: string): boolean {
  return bare(path).split('/').pop() === plan.path.split(/[\\/]/).pop();
}

/**
 * A map that covers its sources' tests in words: "… and matching tests", "plus their unit tests", "Add tests
 * beside the changed modules", "Tests alongside each.".
 */
const MATCHING_TESTS =
  /\b(?:matching|their|corresponding|accompanying|respective)\s+(?:unit\s+|component\s+)?tests\b|\btests\s+(?:beside|next to|alongside)\s+(?:each|every|the\s+(?:changed\s+|new\s+|touched\s+)?(?:modules?|files?|sources?))\b/i;
/**
 * A map line that adds the tests of the files it names: "Modify `client.ts` and its tests", "`web_server.py`, and route
 * tests", "`billing/{applyPlanChange,modelPricing}.ts` + spec".
 */
const LINE_TESTS = /\b(?:and|plus)\s+(?:its\s+|the\s+)?(?:[\w-]+\s+)?tests\b|\+\s*(?:its\s+|the\s+)?(?:tests?|specs?)\b/i;

/** A path under a tests directory or named for a test (`x.test.ts`, `test_x.py`). */
const TEST_PATH = /(?:^|\/)(?:tests?|__tests__|specs?)\/|[._-](?:test|spec)\.\w+$|(?:^|\/)test_[^/]+$/;

/**
 * The test files a map line covers by its sources: a test named for one of them (`client.test.ts` for `client.ts`)
 * or under the tests' mirror of a source's directory (`tests/capabilities/test_routes.py` for `capabilities/x/adapter.py`).
 */
function testCoveredByLine(mapText: string, test: string): boolean {
  const name = basename(bare(test)).replace(/\.[\w]+$/, '').replace(/^test_|[._-](?:test|spec)$|_test$/g, '');
  const dir = bare(test).split('/').slice(0, -1).filter((d) => !/^(?:tests?|__tests__|specs?)$/.test(d)).join('/');
  return mapText.split('\n').some((line) => {
    if (!LINE_TESTS.test(line)) return false;
    // "`billing/{applyPlanChange,modelPricing}.ts` + spec": each file the brace list names has its tests there.
    return [...line.matchAll(/`([^`\s]+)`/g)].flatMap(([, source]) => expandBraces(bare(source!))).some((path) => {
      // "Create `tests/…/writer.test.ts`: …, and diagnostic tests": a test file's line says what it tests.
      if (TEST_PATH.test(path)) return false;
      const stem = basename(path).replace(/\.[\w]+$/, '');
      const sourceDir = path.split('/').slice(0, -1).join('/');
      return stem === name || (dir !== '' && (sourceDir === dir || sourceDir.startsWith(`${dir}/`) || sourceDir.endsWith(`/${dir}`)));
    });
  });
}

/** A test file: a Test entry, or a test's path. */
function isTestFile(f: FileEntry): boolean {
  return f.action === 'test' || TEST_PATH.test(f.path);
}

/**
 * Lockfiles: a package manager writes them, and they have no responsibility of their own to map; nor has what git keeps
 * under `.git/` (a branch ref a task lists: "Create: `x/.git/refs/heads/p0` (auto via `git checkout -b`)").
 */
const LOCKFILE = /(?:^|\/)(?:[\w.-]+\.lock|package-lock\.json|npm-shrinkwrap\.json|pnpm-lock\.yaml|go\.sum|packages\.lock\.json)$|(?:^|\/)\.git\//;

/** A Files entry the plan keeps out of the repository: "Create (temporary, not committed):", "Create temporarily:". */
const TEMPORARY = /\btemporar(?:y|ily)\b|\bnot committed\b|\buncommitted\b/i;

/** Files a task creates, changes or tests (Read / Reference entries are not the task's files). */
function ownFiles(plan: Plan, entries: readonly FileEntry[]): FileEntry[] {
  return entries.filter(
    // "Map out which files will be created or modified": a file the task deletes has no responsibility to map.
    (f) => {
      const line = plan.lines[f.span.start.line - 1] ?? '';
      // "Move 19 files from `doc/` to `archive/doc/`": a directory names no file whose responsibility the map gives.
      if (f.path.endsWith('/')) return false;
      // "Create (temporary, not committed): `/tmp/sprites-smoke.sh`": a throwaway outside the codebase the map lays out.
      // Said in the entry's label, before the path: "(temporary exclude for fresh packages)" after it is a note on a change.
      if (TEMPORARY.test(line.slice(0, Math.max(0, line.indexOf(f.path)))) || /^\/(?:private\/)?(?:var\/)?tmp\//.test(f.path)) return false;
      return (f.action === 'create' || f.action === 'modify' || f.action === 'test') && !(f.action === 'test' && existingTest(line, f)) && !oneOfAlternatives(line, f.path);
    },
  );
}

/**
 * A Test entry naming a test file the task leaves as it is: "Test: `x.test.ts` (already exists)", "Test: existing
 * `cleaner.test.ts` (no new tests)", "Test: 现有 `cleaner.test.ts`(无新测试)".
 */
function existingTest(line: string, f: FileEntry): boolean {
  const at = line.indexOf(f.path);
  const before = at < 0 ? '' : line.slice(0, at).replace(/`$/, '');
  return /\b(?:already exists|existing|unchanged)\b/i.test(f.note) || /\b(?:existing|current)\s*$|(?:现有|已有)\s*$/i.test(before) || /\bno new tests?\b|无新测试|不新增测试/i.test(line);
}

/**
 * "Test: the admin-feeds web test (`feeds.render.test.ts` or `source-actions.test.ts`)", "Test: `prefs_test.go` (extend)
 * OR new minimal test": the task has not decided which file it changes (sp-files-exact-paths' finding), so neither is
 * missing from the map.
 */
function oneOfAlternatives(line: string, path: string): boolean {
  const name = basename(bare(path));
  if ([...line.matchAll(/`([^`]+)`\s+or\s+`([^`]+)`/g)].some((m) => [m[1]!, m[2]!].some((alt) => basename(bare(alt)) === name))) return true;
  const at = line.indexOf(`${path}\``);
  return at >= 0 && /^`\s*(?:\([^)]*\)\s*)?or\s+(?:a\s+)?new\b/i.test(line.slice(at + path.length));
}

/** `backends/{ollama,gemini}.py` → `backends/ollama.py`, `backends/gemini.py`: a brace list names each file. */
function expandBraces(path: string): string[] {
  const m = /\{([^{}]*,[^{}]*)\}/.exec(path);
  if (!m) return [path];
  return m[1]!.split(',').flatMap((alt) => expandBraces(path.slice(0, m.index) + alt.trim() + path.slice(m.index + m[0].length)));
}

/** `start-server.sh:94,100`: the path without the lines the parser left on it. */
function bare(path: string): string {
  return path.replace(/:[\d,\s-]+$/, '').replace(/^\.\//, '');
}

function basename(path: string): string {
  return path.replace(/\/+$/, '').split('/').pop() ?? path;
}

/** A test of whether a glob of the map matches a path. */
type Glob = (path: string) => boolean;

/**
 * The map's entries written as globs (`tests/**\/*.cs`, `*.cs`, `{Parser,Emitter}.cs`), from its code
 * spans and the bare brace lists of a tree, each compiled once; a glob without a directory matches the
 * file name.
 */
function mapGlobs(text: string): Glob[] {
  // A tree in a code block writes its brace lists bare: `crates/core/src/{lib.rs,error.rs}` on a line of its own.
  const bareLists = [...text.matchAll(/^[\s│├└─|]*([\w./-]*\{[^{}\s]*,[^{}\s]*\}[\w./-]*)\s*$/gm)];
  return [...text.matchAll(/`([^`\s]+)`/g), ...bareLists]
    .map((m) => m[1]!)
    // `methods/{...}.ts` under the line that spells the names out: the elided list stands for any of them.
    .map((g) => g.replace(/\{(?:\.\.\.|…)\}/g, '*'))
    .filter((g) => /[*?]|\{[^}]*,[^}]*\}/.test(g) && /[\w.]/.test(g))
    .map((g) => {
      // A map's `*` is read as any depth: `tests/*.test.mjs` stands for the tests under `tests/lib/` too.
      const glob = g.replace(/^\.\//, '').replace(/(?<!\*)\*(?!\*)/g, '**');
      const re = globToRegExp(glob);
      return (path: string) => {
        if (!g.includes('/')) return re.test(basename(path));
        if (re.test(path)) return true;
        // `methods/quota.ts` in a task, `packages/x/src/methods/*.ts` in the map: the task names the file from a directory the map spells out.
        const at = glob.indexOf(`/${path.split('/')[0]!}/`);
        return path.includes('/') && !path.startsWith('/') && at >= 0 && re.test(glob.slice(0, at + 1) + path);
      };
    });
}

/** The file map's text, with its globs, directory entries and module names read once for all the tasks' files. */
interface FileMap {
  text: string;
  globs: Glob[];
  directories: string[];
  modules: string[];
}

function readMap(text: string): FileMap {
  return { text, globs: mapGlobs(text), directories: mapDirectories(text), modules: mapModules(text) };
}

/** A module path's letters, for comparing across conventions: `LegacyDispatch` and `legacy_dispatch` read alike. */
const folded = (s: string): string => s.toLowerCase().replace(/_/g, '');

/**
 * The modules the map names by their dotted names (`MCP.Server.LegacyDispatch`, `akosha.observability.publisher`),
 * as the paths they live at (`mcp/server/legacydispatch`, folded): in Elixir, Python or Java a module's name is its path.
 */
function mapModules(text: string): string[] {
  return [...text.matchAll(/`([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)`/g)].map((m) => m[1]!.split('.').map(folded).join('/'));
}

/** The map's path for the same file under another extension (`server.cjs` for `server.js`), if it has one. */
function nearName(text: string, path: string): string | undefined {
  const stem = path.replace(/\.[\w]+$/, '');
  if (stem === path) return undefined;
  const m = new RegExp(`(?:^|[\\s\`(/])(${escapeRegExp(stem)}\\.\\w+)(?=$|[\\s\`|),:])`, 'm').exec(text);
  return m && m[1] !== path ? m[1] : undefined;
}

/**
 * The directories the map names as entries (`WebHomestay/Migrations/`, `crates/schema`): it maps
 * the files under them together ("Create EF migration under `WebHomestay/Migrations/`", whose
 * names a tool stamps).
 */
function mapDirectories(text: string): string[] {
  // `crates/schema` without its slash is a directory too where a task's file is under it: a
  // file has nothing under it. A bare word (`src`) is too loose to stand for a directory.
  const spans = [...text.matchAll(/`([^`\s*?]+\/)`|`([^`\s*?]+\/[^`\s*?./]+)`/g)].map((m) => m[1] ?? `${m[2]!}/`);
  // A map written as columns in a block: "cmd/moneyflow/      Cobra root, version, and TUI startup". Only a path of
  // two or more parts with its responsibility beside it: a tree's `src/` alone would cover every file under it.
  const columns = [...text.matchAll(/^\s*((?:[\w.@-]+\/){2,})[ \t]{2,}\S/gm)].map((m) => m[1]!);
  return [...spans, ...columns].map((d) => d.replace(/^\.\//, '')).filter((d) => /[\w]/.test(d) && !d.startsWith('/'));
}

/** A path is in the map when the map names it, names its file in a tree or table, names its directory, or has a glob that matches it. */
function inMap(map: FileMap, path: string): boolean {
  const p = bare(path);
  if (map.text.includes(p) || map.globs.some((covers) => covers(p))) return true;
  const each = expandBraces(p);
  if (each.length > 1) return each.every((one) => inMap(map, one));
  if (map.directories.some((d) => p.startsWith(d))) return true;
  // "`MCP.Client` selects a revision …" maps `lib/mcp/client.ex`.
  const stem = `/${folded(p.replace(/\.\w+$/, ''))}`;
  if (map.modules.some((m) => stem.endsWith(`/${m}`))) return true;
  // "`000066_tenant_skills.up.sql` and `.down.sql`": a sibling named by its suffix after the stem the map gives.
  const siblings = [...map.text.matchAll(/`([^`\s]+)`\s*(?:and|or|,|&|\/)\s*`(\.[\w.]+)`/g)].map(([, named, suffix]) => {
    const parts = suffix!.split('.').length - 1;
    return `${basename(named!).split('.').slice(0, -parts).join('.')}${suffix!}`;
  });
  if (siblings.includes(basename(p))) return true;
  // `accuracy_profile/.gitkeep` keeps its directory in git: the map names it when it names the directory,
  // by its path or, in a tree, by its own name (`  Support/` under `SupabaseMacros/`).
  if (/(?:^|\/)\.(?:gitkeep|keep)$/.test(p)) {
    const dir = p.replace(/[^/]*$/, '');
    if (map.text.includes(dir) || new RegExp(`(?:^|[\\s\`/|(])${escapeRegExp(basename(dir.slice(0, -1)))}/`, 'm').test(map.text)) return true;
  }
  const name = basename(p);
  // "**Pyproject:** add `[project.scripts] ca = …`": a paragraph the map heads with the file's name.
  const nameStem = name.replace(/\.[^.]*$/, '');
  if (nameStem.length >= 4 && new RegExp(`^\\s*(?:[-*+]\\s+)?\\*\\*${escapeRegExp(nameStem)}(?::\\*\\*|\\*\\*:)`, 'im').test(map.text)) return true;
  return name.length > 0 && new RegExp(`(?:^|[\\s\`/|(])${escapeRegExp(name)}(?=$|[\\s\`|),:—–-])`, 'm').test(map.text);
}

/**
 * How many of the paths a text names, whole or by a glob or brace list (`src/model/{record,errors}.nim`,
 * `tests/test_model_*.nim`). A directory does not count: "crates under `crates/`" maps no file.
 */
function namedIn(text: string, paths: readonly string[]): number {
  const globs = mapGlobs(text);
  return paths.filter((p) => text.includes(p) || globs.some((covers) => covers(p))).length;
}

/** A section above the tasks that lists most of the tasks' files, whatever its heading ("## Scope"). */
function listingSection(plan: Plan, paths: readonly string[]): Section | undefined {
  const first = firstTaskLine(plan);
  // The section naming most of them, not the first naming half: a validation strategy may name the tests.
  let best: { section: Section; named: number } | undefined;
  for (const s of plan.sections) {
    if (s.depth < 2 || s.heading.span.start.line >= first || /^global constraints\b/i.test(s.heading.text.replace(/[*_`]/g, '').trim())) continue;
    const text = sectionText(plan, s);
    const named = namedIn(text, paths);
    if (named * 2 >= paths.length && named > (best?.named ?? 0)) best = { section: s, named };
  }
  return best?.section;
}

/**
 * The header maps the files itself: "**Architecture:**" followed by a list of each change and its
 * file, above the first section, or an Architecture that says what goes in each file ("Enrich
 * `core/Cargo.toml`, provide `core/README.md`, document release commands in `docs/release.md`"):
 * its list items and its Architecture name most of the tasks' files, whole or by a glob.
 */
function headerLists(plan: Plan, paths: readonly string[]): boolean {
  const end = Math.min(firstTaskLine(plan), ...plan.sections.filter((s) => s.depth >= 2).map((s) => s.heading.span.start.line));
  // Its list items and table rows: a Tech Stack line that names two files is not a map.
  const items = plan.lines.slice(0, end - 1).filter((l) => /^\s*(?:[-*+]|\d+[.)])\s|^\s*\|/.test(l));
  const architecture = headerField(plan, ARCHITECTURE)?.value.text ?? '';
  return namedIn([...items, architecture].join('\n'), paths) * 2 >= paths.length;
}

/** The map must earn its keep: a plan touching this many files is reported without one. */
const MIN_FILES = 4;

export const spFileStructure: Rule = {
  id: 'sp-file-structure',
  family: 'superpowers',
  severity: 'warning',
  formats: ['superpowers'],
  description: `"Before defining tasks, map out which files will be created or modified and what each one is responsible for": a File Structure (or File Map, or Project Layout) section above the first task, or a "**File Structure:**" label over one, in a list, table or tree, where the decomposition is decided and reviewed. Reported: a plan that touches ${MIN_FILES} or more files and has no map (a section above the tasks, or the header itself — its list, or an Architecture that says what goes in each file — that lists most of the tasks' files, by path, glob or brace list, counts as one whatever its heading (directories alone do not: "crates under \`crates/\`" maps no file), though only a section headed as a map is held to every task file; plans written to the older skill, whose header line is addressed "> **For Claude:**" (or a fork's template of it: a line that names the execution route and no checkboxes, "> **For Hermes:** Use subagent-driven-development skill …", over bold \`**Step N:**\` steps only), predate the map and are not reported, nor is a plan of one task, whose Files block is its map, nor one whose Files entries name fewer than ${MIN_FILES} files besides directories and the plan itself, "New files under: \`crates/x/\` (from history rewrite)"); a map placed after the first task (not a recap after the last one: "## Files Changed Summary", or any map of a plan of the older skill there); and a task whose Files entries are missing from the map (a file named by its base name in a tree counts, a \`.gitkeep\` whose directory the map names, by its path or by its name in a tree, a file the map heads a paragraph with ("**Pyproject:** add the \`ca\` script" for \`pyproject.toml\`), a module the map names by its dotted name ("\`MCP.Server.LegacyDispatch\` delegates …" for \`lib/mcp/server/legacy_dispatch.ex\`), a sibling named by its suffix (\`x.up.sql\` and \`.down.sql\`), and so does a glob entry that matches it, \`tests/**/*.cs\` (an elided brace list too, \`src/methods/{...}.ts\` for a task's \`methods/quota.ts\`), or a directory entry it is under, \`WebHomestay/Migrations/\` or \`crates/schema\` (in a map written as columns in a block too, "cmd/moneyflow/      Cobra root, version, and TUI startup", a path of two parts or more with its responsibility beside it); a task's brace list, \`backends/{ollama,gemini}.py\`, is in the map when each file it names is; lockfiles such as \`Gemfile.lock\` are not held to the map, nor what git keeps under \`.git/\` (a branch ref a task lists), nor directories a task names ("Move 19 files from \`doc/\` to \`archive/doc/\`"), nor are two alternatives a task has not decided between, \`a.test.ts\` or \`b.test.ts\`, \`prefs_test.go\` (extend) OR new minimal test, nor a created file when the map is headed "Files modified", nor a test file when the map says "… and matching tests", "Add tests beside the changed modules" or "Tests alongside each.", or a line of the map adds the tests of a file the test is named for or sits beside ("Modify \`client.ts\` and its tests" for \`client.test.ts\`, "\`billing/{plans,pricing}.ts\` + spec" for \`pricing.spec.ts\`, "\`capabilities/video_library/adapter.py\` and route tests" for \`tests/capabilities/test_routes.py\`), nor an existing test file the task leaves as it is, "Test: existing \`cleaner.test.ts\` (no new tests)", nor a task whose only file is a plan document, a "Task 0" that commits the plan itself, nor a throwaway the entry keeps out of the repository ("Create (temporary, not committed): \`/tmp/sprites-smoke.sh\`"); a file several tasks touch is reported once, at the first); a task file the map names under another extension (\`server.cjs\` in the map, \`server.js\` in the task) is reported as a disagreement to resolve, not a missing entry.`,
  instruction: 'Before the first task, add a "## File Structure" section listing every file the plan creates or modifies and what each one is responsible for; keep it in step with the tasks\' Files blocks.',
  examples: {
    valid: [
      {
        plan: '# Community Packs Implementation Plan\n\n**Goal:** Validate community packs.\n\n**Tech Stack:** Bash\n\n---\n\n## File Structure\n\n- `scripts/validate-pack.sh` — validates a pack\n- `tests/core/test-validate-pack.sh` — its tests\n\n### Task 1: Pack validation script\n\n**Files:**\n- Create: `scripts/validate-pack.sh`\n- Test: `tests/core/test-validate-pack.sh`\n\n- [ ] **Step 1: Write the failing test**\n',
      },
    ],
    invalid: [
      {
        plan: '# Community Packs Implementation Plan\n\n**Goal:** Validate community packs.\n\n**Tech Stack:** Bash\n\n---\n\n## File Structure\n\n- `scripts/validate-pack.sh` — validates a pack\n\n### Task 1: Pack validation script\n\n**Files:**\n- Create: `scripts/validate-pack.sh`\n- Test: `tests/core/test-validate-pack.sh`\n\n- [ ] **Step 1: Write the failing test**\n',
        message: 'is not in the file map ("File Structure", line 9)',
      },
    ],
  },
  check(plan) {
    if (plan.tasks.length === 0) return [];
    const paths = [...new Set(plan.tasks.flatMap((t) => ownFiles(plan, t.files).map((f) => bare(f.path))))];
    // "## Files Changed Summary" after the last task: a recap of what the tasks did, not a map placed late (and a
    // plan of the older skill, which asks for no map, has only that).
    const last = plan.tasks[plan.tasks.length - 1]!;
    const declared = fileMapSection(plan);
    const recap = declared !== undefined && declared.heading.span.start.line > last.span.end.line && (olderSkill(plan) || /\bsummary\b/i.test(declared.heading.text));
    const named = recap ? undefined : declared;
    const map = named ?? listingSection(plan, paths);
    if (!map) {
      // A plan of one task has its map already: the task's Files block lists every file. Directories
      // ("New files under: `crates/x/` (from history rewrite)") name no file the plan writes, and the plan
      // itself (updated with its results) is not part of the decomposition.
      if (paths.filter((p) => !p.endsWith('/') && !ownDocument(plan, p)).length < MIN_FILES || olderSkill(plan) || plan.tasks.length === 1 || headerLists(plan, paths)) return [];
      return [
        {
          // No count in the message: Files entries written in prose ("link it from `ROADMAP.md`",
          // "Create after evidence: …") are not all read, and a wrong count misleads.
          message: 'The plan has no File Structure section: before the first task, map the files it creates or modifies and what each one is responsible for.',
          span: taskHeadSpan(plan, plan.tasks[0]!),
        },
      ];
    }
    const out: Finding[] = [];
    const first = plan.tasks[0]!;
    if (map.heading.span.start.line > first.span.start.line) {
      out.push({ message: `The File Structure section comes after ${taskName(first)}: move it above the tasks, where the decomposition is decided.`, span: map.heading.span });
    }
    // A section taken for the map by what it lists ("## Background" naming most files) is not declared
    // one: it may explain existing code, so a file it leaves out is not missing from a map.
    if (!named) return out;
    const fileMap = readMap(sectionText(plan, map));
    // "## Files modified": a map of the files the plan changes holds no file a task creates.
    const modifiedOnly = /\bmodif(?:ied|y)\b/i.test(map.heading.text) && !/\bcreat/i.test(map.heading.text);
    // "Create: `mutation.ts`, `title.ts`, … and matching tests.": the map names the tests by their sources.
    const testsByName = MATCHING_TESTS.test(fileMap.text);
    // A file several tasks touch is missing from the map once: at the first task that names it.
    const told = new Set<string>();
    for (const task of plan.tasks) {
      const held = ownFiles(plan, task.files).filter((f) => (!modifiedOnly || f.action === 'modify') && !(isTestFile(f) && (testsByName || testCoveredByLine(fileMap.text, f.path))));
      // A task that only adds the plan itself (a "Task 0" that commits it) leaves the feature's map alone.
      if (held.length > 0 && held.every((f) => planDocument(plan, f.path))) continue;
      const missing = held.filter((f) => !LOCKFILE.test(bare(f.path)) && !inMap(fileMap, f.path) && !told.has(bare(f.path)));
      for (const f of missing) told.add(bare(f.path));
      if (missing.length === 0) continue;
      const where = `("${clip(map.heading.text, 40)}", line ${map.heading.span.start.line})`;
      // The map names the same file under another extension: one of the two is wrong, not absent.
      const absent: FileEntry[] = [];
      for (const f of missing) {
        const other = nearName(fileMap.text, bare(f.path));
        if (other === undefined) absent.push(f);
        else out.push({ message: `The file map ${where} names \`${other}\`, ${taskName(task)} \`${bare(f.path)}\`: make them agree.`, span: f.span });
      }
      if (absent.length === 0) continue;
      const names = [...new Set(absent.map((f) => `\`${bare(f.path)}\``))];
      out.push({
        message: `${taskName(task)}'s file${names.length > 1 ? 's' : ''} ${names.join(', ')} ${names.length > 1 ? 'are' : 'is'} not in the file map ${where}: add ${names.length > 1 ? 'them' : 'it'} there with what ${names.length > 1 ? 'each one is' : 'it is'} responsible for.`,
        span: absent[0]!.span,
      });
    }
    return out;
  },
};
