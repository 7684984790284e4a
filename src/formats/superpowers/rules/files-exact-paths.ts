import { codeSpanTexts } from '../../../plan/citations.js';
import type { Plan, Section, Task, Text } from '../../../plan/types.js';
import type { Finding, Rule } from '../../../rules/types.js';
import { clip, fileMapSection, isCode, lineText, LIST_ITEM, ONLY_IF_ENTRY, taskName, taskProse } from './parts.js';
import { span } from '../../../plan/source.js';
import { pathAndLines, withoutLocation } from '../../../plan/tasks.js';
import { lazy } from '../../../lazy.js';
import { globToRegExp } from '../../../ground/glob.js';

/**
 * "Create:", "**Modify:**", "Test:" and the other verbs plans use before a path, in any language
 * ("삭제:", "Eliminar:"): a label that is not one of CHANGES counts as another verb. Made on first
 * use: a pattern with Unicode property escapes is slow to create, and micro-plans never need it.
 */
const ACTION = lazy(() => /^\s*(?:\*\*)?(\p{L}+(?:[ /+-]\p{L}+)?)(?:\*\*)?\s*[:：](?:\*\*)?\s*/u);
/** "none", "(No files modified — testing only)", "No new files — inline script", "N/A". */
const NO_FILES = /^\W*(?:no(?:ne)?\b|n\/a\b|nothing\b|ningun[oa]\b|aucun\b|keine\b|无|無|なし)/i;
/** A resource outside the repository, made through a service: "Create: Notion database via MCP API". */
const EXTERNAL_RESOURCE = /^[^`]*\b(?:database|table|page|board|project|issue|ticket|channel|bucket|secret|dashboard|workspace)s?\b[^`]*\bvia (?:the )?(?:[\w-]+ )?(?:API|MCP|CLI|UI|web UI|console|dashboard)\b/i;
/**
 * A code span that is a path: no spaces before an optional ": where" note ("`cli.py: task subparser`"), but for
 * a name the shell quotes for its spaces (`$REPO/'New Text Document.txt'`).
 */
const CODE_PATH = /^[~./\w@$-](?:[^\s`'"]|'[^'`\n]*'|"[^"`\n]*")*$/;
/** An absolute path to a file may hold spaces: `/Users/me/Library/Mobile Documents/x/Widget.js`, `C:\Program Files\x.exe`. */
const ABSOLUTE_FILE = /^(?:\/|~\/|[A-Za-z]:[\\/])[^`]*[\\/](?:[^`\\/]*\.\w+|[A-Z]\w*file|LICENSE|NOTICE|README|COPYING|CHANGELOG)$/;
/** A path written without backticks: directories and an extension, or a file name with a known extension. */
const BARE_PATH = /(?:^|[\s(])((?:~|\.{1,2})?\/?[\w@.-]+(?:\/[\w@.*-]+)+\.\w{1,10}|\.?[\w@-]+(?:\.[\w@-]+)*\.(?:md|jsonc?|json5|ya?ml|js|mjs|cjs|ts|tsx|jsx|py|go|sh|cs|csproj|props|toml|txt|rb|rs|java|kt|swift|c|h|cc|cpp|hpp|xml|html|css|sql|ps1|lock|example|sample|env|ini|cfg|conf|php|vue|svelte|lua))(?=$|[\s),;:]|\.(?:\s|$))/;
/** Root files named without an extension by convention (`Makefile`, `Dockerfile`, `LICENSE`, `LICENSE-MIT`, `PKGBUILD`). */
const EXTENSIONLESS = /^(?:[A-Z][A-Za-z]*file|justfile|makefile|PKGBUILD|(?:LICEN[CS]E|COPYING|README|CHANGELOG|CONTRIBUTING|SECURITY|CODEOWNERS|OWNERS|MAINTAINERS|NOTICE|AUTHORS|VERSION)(?:-[A-Za-z0-9.-]+)?)$/;
const GLOB = /[*?]|\{[^}]*,[^}]*\}/;
/** An entry that says where in a file the change goes: "the link-copy test near its `vi.useFakeTimers()` call", "Add method: `x` to `Store`". */
const LOCATION_NOTE =
  /\b(?:near|beside|inside|within)\s+(?:its|the)\b|^\W*(?:add|insert)\s+(?:methods?|functions?|fields?|hooks?|handlers?)\b|\bthe\s+[\w-]+(?:\s+[\w-]+)?\s+(?:test|method|function|block|call|hook|handler)\b/i;
/** The actions that change files: what a Files entry must name exactly. */
const CHANGES = /^(?:create|modify|update|edit|change|delete|remove|add|new|rename|move)$/;
/**
 * An entry that points at the plan's map for its files: "see File Structure above.", "see table above", "The ten
 * locale JSON files in the File Map.", "… shared UI primitives listed in the File Map", "All files from commit
 * `9a600dea16` (see reverted file lists above)".
 */
const POINTS_AT_MAP =
  /\(see [^()]*\b(?:above|below)\)\W*$|^\W*see (?:the )?(?:file (?:structure|map)\b|(?:files? (?:table|map) |(?:table|list|map) )?(?:above|below)\b)|\b(?:(?:listed|named|given|shown) )?in the (?:file (?:structure|map)|files? table)(?: above| below)?\W*$/i;
/**
 * The files a check flags, whichever they are: "any file producing verification failures", "any files the linter
 * reports", "Modify only files required by failures found in this task."
 */
const ANY_FLAGGED =
  /\bany (?:\w+ )?files? (?:that |which |the \w+ )?(?:produc|caus|fail|flag|report|break)\w*|\bonly (?:the )?files? (?:required|needed|implicated) by (?:the |any )?(?:\w+ )?failures?\b|\bonly (?:the )?files? (?:required|needed|flagged) by (?:the )?(?:formatter|linter|type[- ]?checker|compiler)\b[^.]*\bif any\b/i;
/** Words that leave the list open. */
const OPEN = /\b(?:as needed|if needed|where needed|when needed|may need(?: updates?)?|various|or equivalent|(?:any|other) (?:related|affected) files?|related (?:\w+ )*files?)\b/i;
/** Two alternatives for one entry: "(or create `x`)", "or extend scaffold.md". */
const ALTERNATIVE = /\(\s*or\s+(?:create|extend|add|modify|update|use|put|write)\b|\bor\s+(?:create|extend)\s+`/i;

interface Problem {
  what: string;
  advice: string;
}

/**
 * Words that say a pattern names generated or copied output: "(regenerated)", "generator output", "(copied from the user's
 * real library)", "(15 files, identical content)" (copies a loop makes), "(30 Java files, verbatim copies)".
 */
const GENERATED = /\b(?:re)?generat(?:ed|or)\b|\boutputs?\b|\bcopied (?:from|wholesale)\b|\bidentical (?:content|copies)\b|\bverbatim cop(?:y|ies)\b|\bcopied verbatim\b|生成/i;
/** Words that say the files a pattern names stay as they are, or go back to how they were: "existing `tests/test_prewrite*.py` stay green untouched", "reverted to `origin/main`", "**No changes needed**". */
const UNTOUCHED = /\b(?:untouched|unchanged|not (?:modified|changed|touched)|reverted to|no changes? (?:needed|required))\b/i;

/** A task whose title says it may find nothing to change: "(if any)", "(si hay)", "(se houver)", "(falls vorhanden)", "(如有)". */
const IF_ANY_TITLE = /\((?:if any|if needed|si hay|si es necesario|se houver|s'il y en a|falls vorhanden|如有|如需)\)/i;

/** The line a list item stands under ("EXISTING code preserved (untouched in v0.1; refactored later):"), or ''. */
function listLead(plan: Plan, line: number, from: number): string {
  for (let l = line - 1; l >= from; l--) {
    const t = lineText(plan, l);
    if (t.trim() !== '' && !LIST_ITEM.test(t)) return isCode(plan, l) ? '' : t;
  }
  return '';
}

/** What is wrong with one Files entry as written, if anything. */
export function entryProblem(raw: string, where: { inMap?: boolean; besideReported?: boolean } = {}): Problem | undefined {
  const { inMap = false, besideReported = false } = where;
  const m = ACTION().exec(raw);
  const action = m ? m[1]!.toLowerCase() : '';
  const rest = m ? raw.slice(m[0].length) : raw;
  if (NO_FILES.test(rest) || EXTERNAL_RESOURCE.test(rest)) return undefined;
  // "see File Structure above.": the entry points at the plan's map, which lists the files.
  if (POINTS_AT_MAP.test(rest)) return undefined;
  // "all touched files": the scope of a closing verify-and-commit task, which opens no file of its own.
  // "All files above.", "Review all files from Tasks 1-4.": the same, pointing back at the entries of the tasks before.
  // "any touched files above", "only files touched by earlier tasks if verification finds issues": the same.
  if (/^\W*(?:(?:modify|update|change|edit|touch)\s+)?(?:only\s+)?(?:the\s+)?files (?:touched|changed|modified) (?:by|in) (?:the\s+)?(?:earlier|previous|prior|above) tasks\b/i.test(rest)) return undefined;
  if (/^\W*(?:(?:review|check|inspect|verify)\s+)?(?:all|any) (?:the )?(?:(?:touched|changed|modified|staged)(?: [\w-]+){0,3} files|files (?:(?:changed|touched|modified) )?(?:above|listed above|from (?:the )?(?:tasks|steps) (?:above|\d+\s*(?:[-–]|to|and)\s*\d+)))\b/i.test(rest)) return undefined;
  // "Verify: council workflow, runtime, derivation, and UI files above": a closing check over the files named above.
  if (/^(?:verify|review|check|inspect)$/.test(action) && /\bfiles (?:(?:listed|named) )?above\W*$/i.test(rest)) return undefined;
  // "Commit Phase46 script, docs, and plan changes.": the scope of the task's closing commit, whose `git add` names the files.
  if (/^\W*commit\b/i.test(raw) && !/`/.test(raw)) return undefined;
  // "Verify: all files changed by Tasks 1 and 2.": the same, naming the tasks.
  if (/^\W*(?:all|any) (?:the )?files (?:changed|touched|modified|created) (?:by|in) tasks? \d+(?:\s*(?:,|and|[-–]|to)\s*\d+)*\W*$/i.test(rest)) return undefined;
  // "Reference: run `snipdoc check` to enumerate the current drift": a command to run, not a file.
  if (!CHANGES.test(action.split(/[ /+]/)[0]!) && /^\W*run\s+`[^`]+`/i.test(rest)) return undefined;
  // "Leave settlement/observation modules in place until Task 6": a file the task keeps as it is.
  // "All — merge touches 182 files": a merge's files are upstream's, named by the merge.
  if (/\b(?:leave|keep)\b[^.]*\b(?:in place|as is|unchanged|untouched|alone)\b|\bmerge (?:touches|brings in|changes)\b/i.test(rest)) return undefined;
  // "all M0 files after verification only": the closing commit's scope, or fixes verification may ask for.
  if (/^\W*all\b[^`]*\bfiles\b[^`]*\b(?:after|on) verification only\b/i.test(rest)) return undefined;
  // "Modify only if needed for accurate current traceability: `x.md`": a condition with its criterion; "Modify:
  // `store.ts` only if needed for reuse": the same condition after the path.
  if (ONLY_IF_ENTRY.test(rest)) return undefined;
  // "`errors.go` — add sentinel if needed": the file is decided; what the note adds to it waits on a need.
  // A map row: "`src/team/tmux.ts` | Optional env passthrough if needed |".
  // "Modify `design.md` (link to plan/usage if needed)": the same, in parentheses.
  if (/^\W*(?:(?:create|modify|update|edit)\s+)?`[^`]+`\s*[—–|:(-]\s*.*\b(?:if|when|where) (?:needed|necessary|required)\b/i.test(rest)) return undefined;
  // "Unchanged: `a.go`, `b.go`": files the task leaves alone.
  if (/^(?:unchanged|untouched|not (?:changed|modified))$/.test(action)) return undefined;
  // "[smart-grouping.ts:1-20](src/history/smart-grouping.ts#L1-L20)": a link names the file by its target.
  const codes = [...codeSpanTexts(rest), ...[...rest.matchAll(/\]\(([^)\s#:]+)(?:#L\d+(?:-L?\d+)?)?\)/g)].map((m) => m[1]!)];
  // `cli.py: after cmd_task_new`, `a.md:1-10, 460-484, 附录 D`: the path, without the location after it.
  // A name with a line range is a file however it is named (`sbx:24-36`, a script at the root).
  const paths = codes
    .map((c) => pathAndLines(withoutLocation(c.split(/:\s/)[0]!.trim())))
    // Code is not a path: `auth.require(Permission::X)?` (a call, a `::` path of a language).
    .filter(({ path }) => !/::|\w\(/.test(path))
    .filter(({ path, lines }) => ABSOLUTE_FILE.test(path) || (CODE_PATH.test(path) && (/[./]/.test(path) || EXTENSIONLESS.test(path) || lines !== undefined)))
    .map(({ path }) => path);
  const prose = rest.replace(/`[^`]*`/g, ' ');
  const bare = BARE_PATH.exec(prose)?.[1];
  // A pattern from the root (`/api/scheduler/*`) is a route or a URL, not a file of the repository.
  // `tooling/{aws-0,gcp-0}/main.k` names exactly two files: braces without a wildcard are a list, not a pattern.
  // Verbs that change no file of the task ("Preserve from history: `tools/x/**`", "Read: `docs/*.md`") may name a tree.
  // Deleting by pattern (`pkg/channels/{discord,slack}/*`, `console*.go`) says exactly what goes.
  const otherVerb = action !== '' ? (!CHANGES.test(action.split(/[ /+]/)[0]!) && !/^tests?$/.test(action)) || /^(?:delete|remove)$/.test(action) : /^\s*(?:\*\*)?\p{L}[\p{L} ]{0,40}(?:\*\*)?\s*:/u.test(raw);
  // A dotted name ending in `*` with no directory (`observation.tactile.*`, `env.HYPERDX_*` in a note) is a key prefix, not files.
  const keyPrefix = (p: string): boolean => /^[A-Za-z_]\w*(?:\.\w+)*\.\w*\*$/.test(p);
  const glob = otherVerb ? undefined : [...paths, ...(bare ? [bare] : [])].find((p) => GLOB.test(p) && !p.startsWith('/') && /[*?]/.test(p) && !keyPrefix(p));
  // Outputs a step regenerates ("`profiles/*.yaml` (regenerated)") are named by their pattern on purpose.
  // "Create `examples/reference-spa/**` (backend from `loco new`)": a project a generator makes, named by its tree.
  if (glob && !GENERATED.test(prose) && !UNTOUCHED.test(prose) && !/\bfrom `[\w-]+ (?:new|init|create)\b/.test(rest)) return { what: `names a pattern, \`${glob}\``, advice: 'list the exact files the task creates or changes' };
  if (ALTERNATIVE.test(rest)) return { what: 'names two alternatives', advice: 'decide which file the task changes and list only that one' };
  const open = OPEN.exec(prose);
  // "Create as needed: `x/Emitter.cs`": the file is named; whether the task creates it is left open.
  if (open && paths.length === 1 && !bare && /^(?:as|if|when|where) needed$/i.test(open[0])) {
    const verb = { create: 'creates', modify: 'modifies', update: 'updates', test: 'tests' }[/^\W*([A-Za-z]+)/.exec(raw)?.[1]?.toLowerCase() ?? ''] ?? 'touches';
    return { what: `leaves open whether the task ${verb} \`${paths[0]}\` ("${open[0]}")`, advice: 'decide, and list the file only if the task changes it' };
  }
  // "`docs/validation-protocol.md`, `docs/architecture.md` (if needed)": every file is named; one waits on a need.
  if (open && !bare && /`[^`]+`\s*\(\s*(?:only\s+)?(?:if|when) (?:needed|necessary|required)\s*\)/i.test(rest) && /^(?:if|when) needed$/i.test(open[0])) return undefined;
  // "Add if needed: proxy-aware authentication entry point": a condition in the label, not an open list; the
  // entry touches a file only on a condition (below).
  const labelled = open !== null && paths.length === 0 && !bare && rest.indexOf(open[0]) < rest.indexOf(':');
  if (open && !labelled) return { what: `leaves the list open ("${open[0]}")`, advice: 'name every file the task touches' };
  // "Modify only if verification exposes a defect": a task that may touch nothing says so, if loosely.
  // "tests only if gaps are discovered": the same, after the role of the files.
  // "Modify any file producing verification failures": the same condition, on the files the checks flag.
  if (paths.length === 0 && !bare && (/^\W*(?:(?:create|modify|update|change|edit|touch)\s+)?(?:only\s+)?if\b/i.test(rest) || /\bonly (?:if|when)\b/i.test(rest) || ANY_FLAGGED.test(rest))) return undefined;
  // "dist generated by build": output a step regenerates, not a file the task writes. "Create: new drizzle migration
  // to drop `outbox_events` table": a migration tool names the file (a timestamp), so the plan cannot.
  if (paths.length === 0 && !bare && (GENERATED.test(prose) || /\bnew\b[\w\s-]{0,30}\bmigration\b/i.test(prose))) return undefined;
  // "Generated ignored files only:" over a nested list of paths: a label, not an entry.
  if (paths.length === 0 && !bare && /:\s*$/.test(rest)) return undefined;
  // "Test: release notes check": a check the steps run inline, with no test file to name.
  if (paths.length === 0 && !bare && action === 'test') return undefined;
  if (inMap) return undefined;
  // An entry that says it changes something, or that names files by their role ("audit test and fast
  // runner", "Reference: Design spec Section 8"), without a path. A constraint ("Do not modify:
  // working-tree files") or a note ("plus an HTTP check that …") is not held to the form.
  // Beside a reported entry of the same inline line ("**Files:** hook integration, settings/UI binding,
  // tests."), a role is a file left unnamed too (not a bare directory, `src/leaf/templates/`).
  const aboutFiles = (besideReported && !/\S+\/\S*\//.test(prose)) || CHANGES.test(action.split(/[ /+]/)[0]!) || /\b(?:files?|tests?|specs?|modules?|scripts?|runners?|components?)\b/i.test(prose);
  // "Modify: [ChatTextInput.tsx](file:///d:/…/superagent/src/components/ChatTextInput.tsx#L112-L120)": the path is
  // there, but on the machine the plan was written on, not in the repository.
  if (/\]\(file:\/\//i.test(raw)) return { what: "links to the file on the author's machine (`file:///…`)", advice: 'write its path relative to the repository, e.g. "- Modify: `src/path/file.ts`"' };
  if (paths.length === 0 && !bare && aboutFiles && !/\b(?:do not|don't|never|not)\b/i.test(raw)) return { what: 'names no file path', advice: 'write each file as an exact path, e.g. "- Modify: `src/path/file.py`"' };
  // "Create: `docs/parameters/` (directory)", "Create: `plugins/x/agents/`": the directory is what the task makes
  // (reviewers called 12 of 14 such Create findings false); a directory it modifies or tests leaves its files unnamed.
  const makesDirectory = /\((?:new |empty )?(?:directory|folder|dir)\)/i.test(prose) || action === 'create';
  const dir = makesDirectory ? undefined : paths.find((p) => p.endsWith('/'));
  if (dir && /^(?:modify|update|edit|test|tests|change)$/.test(action) && paths.every((p) => p.endsWith('/'))) {
    return { what: `names a directory, \`${dir}\``, advice: 'name the files in it that the task changes' };
  }
  return undefined;
}

/** A step of the task copies files into the directory of a pattern: "copy the 6 goldens from `a/` into `tests/golden/`". */
function copiedInto(plan: Plan, task: Task, glob: string): boolean {
  const dir = glob.replace(/[^/]*[*?{][^/]*(?:\/.*)?$/, '');
  if (dir === '' || dir === glob) return false;
  return taskProse(plan, task).some((l) => /\b(?:copy|copies|cp)\b/i.test(l.text) && codeSpanTexts(l.text).some((c) => c.replace(/\/?$/, '/') === dir || c.startsWith(dir)) && /\b(?:from|into)\b/i.test(l.text));
}

/** A nested list item of the map whose parent item names one exact file: it says what changes inside that file. */
function underExactFile(plan: Plan, line: number, from: number): boolean {
  const indent = (s: string): number => s.length - s.trimStart().length;
  const own = indent(lineText(plan, line));
  if (own === 0) return false;
  for (let l = line - 1; l >= from; l--) {
    const t = lineText(plan, l);
    if (t.trim() === '' || indent(t) >= own) continue;
    const first = /^\s*(?:[-*+]|\d+[.)])\s+`([^`\s]+)`/.exec(t)?.[1];
    return first !== undefined && !/[*?{}]|\/$/.test(first) && /[./]/.test(first);
  }
  return false;
}

/**
 * The part of a File Structure entry that names files: a table row's first cell, or a list item up to
 * the dash or colon before its responsibility ("`messages/en/app.json` — `profile.displayName*` keys").
 * The responsibility may name routes, keys and other patterns that are not files.
 */
function mapPathPart(body: string): string {
  if (body.trimStart().startsWith('|')) return body.split('|').map((c) => c.trim()).find((c) => c !== '') ?? '';
  const sep = /`\s*(?:[—–]|--|\s-\s|:\s)/.exec(body);
  return sep ? body.slice(0, sep.index + 1) : body;
}

/** The names a file map's entries open with (`- \`grove\` (modified) — …`, `| \`tests/run.sh\` | … |`): the plan's own files. */
function mapNames(plan: Plan, map: Section | undefined): Set<string> {
  const names = new Set<string>();
  if (!map) return names;
  for (let l = map.bodyStart; l <= map.bodyEnd; l++) {
    const m = /^\s*(?:(?:[-*+]|\d+[.)])\s+|\|\s*)(?:\*\*)?`([^`\s]+)`/.exec(lineText(plan, l));
    if (m && !isCode(plan, l)) names.add(m[1]!);
    // A file in the map's tree: "├── repo-radar   # Thin entry point" (a directory ends in "/").
    const leaf = /^[\s│|]*(?:├──|└──|\|--|`--)\s*([^\s#/]+)\s*(?:#.*)?$/.exec(lineText(plan, l));
    if (leaf && isCode(plan, l)) names.add(leaf[1]!);
  }
  return names;
}

export const spFilesExactPaths: Rule = {
  id: 'sp-files-exact-paths',
  family: 'superpowers',
  severity: 'warning',
  strict: true,
  formats: ['superpowers'],
  description:
    '"Exact file paths always": every entry of a task\'s Files block names the file as an exact path, so the engineer (or subagent) knows precisely what to open and reviewers can check the change stays inside it. Reported, per entry: an entry that says it creates, modifies or deletes something, or names files by their role, and gives no path ("Modify: English and French portal pages", "audit test and fast runner", "Reference: Design spec Section 8"; a Markdown link to the file is its path, "[smart-grouping.ts:38-60](src/history/smart-grouping.ts#L38-L60)", though a link to the author\'s own disk, "[app.tsx](file:///d:/…/src/app.tsx)", is asked for the path in the repository, and a command to run is no entry, "Reference: run `snipdoc check` to enumerate the drift"), a glob (`src/Models/*`), an open-ended list ("related new test files as needed", "various test files"), two alternatives ("(or create `x_test.go`)"), and a Modify/Test entry that names only a directory (a Create entry\'s directory is what the task makes). The same open-ended forms and alternatives are reported in the File Structure map, and globs where a map entry names its files (a table row\'s first cell, a list item before the dash or colon of its responsibility, which may name routes or keys such as `profile.displayName*`). An entry that names its file but leaves open whether the task creates it ("Create as needed: `x.cs`") is reported as such. A Test entry that names a check instead of a file ("Test: release notes check", run inline by the steps), a label over a nested list of paths, and a pattern from the root (`/api/scheduler/*`, a route) are not reported. Entries that say the task touches no file ("none — testing only", "ninguno", "Do not modify: working-tree files") or name a resource made through a service ("Create: Notion database via MCP API") or point at the plan\'s map or lists ("see File Structure above.", "The ten locale JSON files in the File Map.", "All files from commit `9a600dea` (see reverted file lists above)"), touches one only on a condition ("Modify only if verification exposes a defect", "Modify any file producing verification failures", "Modify only files required by failures found in this task.", "Modify: only files required by formatter/type checker, if any.", "tests only if gaps are discovered", "Modify only if needed for accurate traceability: `x.md`", "Modify: `x.ts` only if needed for reuse", "`a.md`, `b.md` (if needed)", "Modify: `errors.go` — add sentinel if needed", a map row "| `src/team/tmux.ts` | Optional env passthrough if needed |"), or scope a closing commit or review ("all touched files", "All files above.", "Review all files from Tasks 1-4.", "Verify: all files changed by Tasks 1 and 2.", "Commit Phase46 script, docs, and plan changes.", "Review all files changed above", "Verify all modified Go and JSON files.", "Verify: council workflow, runtime and UI files above", "Leave settlement modules in place until Task 6", "All — merge touches 182 files", "any touched files above", "only files touched by earlier tasks if verification finds issues", "all M0 files after verification only."), a name the shell quotes for its spaces (`$REPO/\'New Text Document.txt\'`, a path), code written in an entry (`auth.require(Permission::X)?` is no glob, nor is a dotted key prefix with no directory, `observation.tactile.*`), and patterns of generated or copied output ("`profiles/*.yaml` (regenerated)", "generator output", "Create `examples/reference-spa/**` (backend from `loco new`)", "`testdata/Articles/*.json` (copied from the user\'s real library)", a pattern a step of the task copies files into, "copy the 6 goldens from `scratchpad/p2-golden/` into `tests/fixtures/golden-configs/`", a map row "| `golden/*.yaml` | regenerated |" or one over "Generated only from fork commits …"), patterns of files the entry says stay untouched ("existing `tests/test_prewrite*.py` stay green untouched", a map row "**No changes needed**", map rows under a line that says so, "EXISTING code preserved (untouched in v0.1; refactored later):") or of identical copies ("(15 files, identical content)", "(30 Java files, verbatim copies)"), the entries of a task whose title says it may find nothing to change ("Task 2.3: Actualizar Dynamic Modules (si hay)", "(if any)"), what a map entry says goes into the one file its parent entry names ("- `.gitignore` — required changes:" over "  - Add `.claude/*` rule …"), a map\'s pattern that is shorthand for files the same map lists by path (one with a count, "(15 other files)", is still reported) or of what a Delete entry removes (`pkg/channels/{discord,slack}/*`, "(any other files in the directory)" under "**Files (delete):**"), a map row whose files are reverted ("`packages/event-bus/*` — reverted to `origin/main`"), and generated output named without a path ("dist generated by build", "Create: new drizzle migration to drop `outbox_events` table") are fine, as is a root script named without an extension that the file map lists as a file (`grove`, or `repo-radar` in its tree), and other verbs (Delete, Read, Read-only, Reference; a pattern under them too) with a path and a location note after the path (`cli.py: after cmd_task_new`). An entry under a path that says where in that file the change goes ("Modify: the link-copy test near its `vi.useFakeTimers()` call", "Add method: `updateMilestoneActive` to `MilestoneStore`") is a note on that file, and a root file written without backticks ("Modify: wrangler.jsonc:1-17", "Modify: .dev.vars.example:4-9") is an exact path. Off by default (strict): on real plans nobody tuned it on, reviewers agreed with about a third of its findings (docs/precision.md); a project that wants it turns it on under `rules:`.',
  instruction: 'List every file a task touches as an exact path in backticks ("- Modify: `src/harness/cli.py`"): no globs, no "as needed", no alternatives, no roles instead of files.',
  examples: {
    valid: [
      {
        plan: '# Task Recovery Implementation Plan\n\n**Goal:** Recover a stale task.\n\n**Tech Stack:** Python 3.11, pytest\n\n---\n\n### Task 1: Recovery CLI contract\n\n**Files:**\n- Modify: `src/harness/cli.py: task subparser setup`\n- Create: `tests/test_cli_task_recovery.py`\n\n- [ ] **Step 1: Write the failing test**\n',
      },
    ],
    invalid: [
      {
        plan: '# Model Provisioning Implementation Plan\n\n**Goal:** Resume downloads after stalls.\n\n**Tech Stack:** C# / .NET 9\n\n---\n\n### Task 1: Harden resumable transport\n\n**Files:** `src/Models/ModelDownloader.cs`, related new test files as needed.\n\n- [ ] **Step 1: Write the failing test**\n',
        message: 'leaves the list open ("related new test files")',
      },
    ],
  },
  check(plan) {
    const out: Finding[] = [];
    const map = fileMapSection(plan);
    const mapped = mapNames(plan, map);
    for (const task of plan.tasks) {
      const block = task.filesBlock;
      // "Task 2.3: Update Dynamic Modules (if any)": where the task looks, not files it is known to change.
      if (!block || IF_ANY_TITLE.test(task.title.text)) continue;
      // One finding per line: an inline "**Files:** a, b, c" is one entry line.
      const byLine = new Map<number, Array<{ item: Text; problem: Problem }>>();
      // "**Files:** App shell/pages, app-management dialogs, …, and shared UI primitives listed in the File Map.":
      // the list ends by pointing at the map, for all of it.
      const pointsAtMap = (text: string): boolean => POINTS_AT_MAP.test(text.replace(/^\W*and\s+/i, ''));
      const pointing = block.items.filter((i) => pointsAtMap(i.text)).map((i) => i.span.start.line);
      // The line may wrap, its last entries on the next line of the paragraph.
      for (const l of new Set(block.items.map((i) => i.span.start.line))) {
        const next = lineText(plan, l + 1);
        if (!block.items.some((i) => i.span.start.line === l + 1) && /^\s*\p{L}/u.test(next) && pointsAtMap(next.split(',').pop()!)) pointing.push(l + 1);
      }
      // "**Files (delete):**" over "(any other files in the directory)": what a deletion removes may be named loosely.
      const deletes = /\b(?:delete|deleted|remove|removed)\b/i.test(block.label.text);
      for (const item of block.items) {
        const problem = entryProblem(item.text);
        if (!problem || (deletes && /^names (?:a pattern|no file path)/.test(problem.what))) continue;
        if (problem.what === 'names no file path' && pointing.some((l) => l === item.span.start.line || l === item.span.start.line + 1)) continue;
        // "Modify: `grove` — add `cmd_migrate`": a script at the root named without an extension, which the
        // plan's file map lists as a file ("- `grove` (modified) — …"), is an exact path.
        if (problem.what === 'names no file path' && [...item.text.matchAll(/`([^`\s]+)`/g)].some((m) => mapped.has(m[1]!))) continue;
        // "Modify: `link-sharing.test.tsx:6-11`" over "Modify: the link-copy timeout test near its `vi.useFakeTimers()` call",
        // "Add method: `updateMilestoneActive` to `MilestoneStore`": where in the file above, not another file.
        const previous = block.items[block.items.indexOf(item) - 1];
        if (problem.what === 'names no file path' && previous !== undefined && previous.span.start.line === item.span.start.line - 1 && entryProblem(previous.text) === undefined && /`[^`\s]+[./][^`\s]*`/.test(previous.text) && LOCATION_NOTE.test(item.text)) continue;
        // "Create `tests/fixtures/golden-configs/*.yml`" over a step that copies "the 6 goldens from `scratchpad/p2-golden/` into
        // `tests/fixtures/golden-configs/`": copied output, named by the directory it is copied from.
        const glob = /^names a pattern, `(.+)`$/.exec(problem.what)?.[1];
        if (glob && copiedInto(plan, task, glob)) continue;
        // "Create: `src/diskann/`" over "Create: `src/diskann/graph.zig`": the files in it are named.
        const dir = /^names a directory, `(.+)`$/.exec(problem.what)?.[1];
        if (dir && task.files.some((f) => f.path !== dir && f.path.startsWith(dir))) continue;
        const l = item.span.start.line;
        byLine.set(l, [...(byLine.get(l) ?? []), { item, problem }]);
      }
      for (const [line, reported] of byLine) {
        const found = block.items.flatMap((item) => {
          if (item.span.start.line !== line) return [];
          const problem = reported.find((r) => r.item === item)?.problem ?? entryProblem(item.text, { besideReported: true });
          return problem ? [{ item, problem }] : [];
        });
        const first = found[0]!;
        const quoted = found.map((f) => `"${clip(f.item.text, 70)}"`).join(', ');
        const what = found.length === 1 ? first.problem.what : found.every((f) => f.problem.what === first.problem.what) ? first.problem.what.replace(/^names/, 'name') : 'are not exact paths';
        out.push({
          message: `${found.length === 1 ? 'Files entry' : 'Files entries'} ${quoted} of ${taskName(task)} ${what}: ${first.problem.advice}.`,
          span: found.length === 1 ? first.item.span : span(first.item.span.start.line, first.item.span.start.column, first.item.span.start.line, found[found.length - 1]!.item.span.end.column),
        });
      }
    }
    if (map) {
      const task = plan.tasks.find((t) => t.span.start.line > map.heading.span.start.line);
      const end = Math.min(map.bodyEnd, (task?.span.start.line ?? Infinity) - 1);
      // "`src/lang/*.json`: localized labels" under a list that names `src/lang/zh-cn.json`, … : shorthand for files the map gives.
      const exact: string[] = [];
      for (let l = map.bodyStart; l <= end; l++) for (const m of lineText(plan, l).matchAll(/`([^`\s*?]+\/[^`\s*?]+)`/g)) exact.push(withoutLocation(m[1]!));
      const listed = (what: string): boolean => {
        const glob = /names a pattern, `([^`]+)`/.exec(what)?.[1];
        if (glob === undefined) return false;
        const re = globToRegExp(glob.replace(/^\.\//, ''));
        return exact.some((p) => re.test(p.replace(/^\.\//, '')));
      };
      for (let l = map.bodyStart; l <= end; l++) {
        const t = lineText(plan, l);
        if (isCode(plan, l) || !/^\s*(?:[-*+]|\d+[.)])\s|^\s*\|/.test(t) || /^\s*\|[\s:|-]+\|\s*$/.test(t)) continue;
        const body = t.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '');
        // "- `.gitignore` — required changes:" over "  - Add `.claude/*` rule …": what goes into the file above, not files.
        if (underExactFile(plan, l, map.bodyStart)) continue;
        // Patterns count only where the entry names its files; open lists and alternatives anywhere.
        const whole = entryProblem(body, { inMap: true });
        // A row whose responsibility says the files are generated ("| `golden/*.yaml` | regenerated |") names
        // them by pattern on purpose.
        const part = entryProblem(mapPathPart(body), { inMap: true });
        // Only a responsibility that is that word: "generator and analyzer tests" names what is tested.
        // So does one that says they go back as they were ("`packages/event-bus/*` — **reverted to `origin/main`.**").
        const responsibility = body.replace(/`[^`]*`/g, '');
        // Or the item under it: "- Modify later: `patches/*.patch`" over "  - Generated only from fork commits …".
        const under = /^\s+[-*+]\s/.test(lineText(plan, l + 1)) ? lineText(plan, l + 1).replace(/^\s*[-*+]\s+/, '') : '';
        const generated =
          part?.what.startsWith('names a pattern') === true &&
          (/^[\s|:—–-]*\(?(?:re)?generated\b/i.test(responsibility) || /^\W*(?:re)?generated\b/i.test(under) || UNTOUCHED.test(responsibility) || UNTOUCHED.test(listLead(plan, l, map.bodyStart)));
        const problem = generated ? undefined : (part ?? (whole?.what.startsWith('names a pattern') ? undefined : whole));
        if (!problem || (listed(problem.what) && !/\bother\b|\(\d+ (?:\w+ )?files?\b/i.test(body))) continue;
        const at = t.length - t.trimStart().length;
        out.push({ message: `File Structure entry "${clip(body.replace(/^\|\s*/, ''), 70)}" ${problem.what}: ${problem.advice}.`, span: span(l, at + 1, l, t.trimEnd().length + 1) });
      }
    }
    return out;
  },
};
