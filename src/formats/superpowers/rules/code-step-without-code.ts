import type { Plan } from '../../../plan/types.js';
import type { Finding, Rule } from '../../../rules/types.js';
import { isDocsOnly } from '../../../rules/tasks/shared.js';
import { codeSpanTexts } from '../../../plan/citations.js';
import { CI_FILE, LIST_ITEM, linesBeforeTasks, taskBlocks, taskProse } from './parts.js';
import { phraseIn } from './placeholder-phrases.js';
import { showsCode, unitName, workUnits, type WorkUnit } from './units.js';

/** The verbs of a step that changes code, first in its text ("Implement …", "Add …", "Wire …"). */
const CHANGE_VERB =
  /^(?:\*\*)?(implement|add|write|create|introduce|wire|update|fix|refactor|extract|define|register|integrate|route|port|convert|extend|expose|rewrite|replace|modify|change)\b/i;
/**
 * Verbs that edit code already there. Such a step often gives its edit exactly enough in words
 * ("Update callers", "Change defaults" that keep a value, "Update the five prose references"). On
 * the blind batches the rule was right on 4 of 11 such steps that name no code, 5 of 9 that name it
 * (`validateToken()`, a source file), and 76 of 79 "Implement", "Write" and "Wire" steps: an edit
 * step is reported only when it names the code it edits.
 */
const EDIT_VERB = /^(?:update|fix|refactor|replace|modify|change|convert|port|rewrite|route|extend)$/;
/** Source files, by extension (data, config and documents are not code a step must show). */
const CODE_FILE = /\.(?:py|js|mjs|cjs|ts|tsx|jsx|go|rs|java|kt|kts|cs|rb|php|sh|bash|zsh|ps1|c|h|cc|cpp|hpp|swift|scala|lua|pl|sql|vue|svelte|ex|exs|dart)\b/i;
const DOC_FILE = /\.(?:md|mdx|markdown|rst|txt|adoc)\b|\bREADME\b/i;
/** A docs site's configuration written as a script: `sidebars.js`, `docusaurus.config.ts`, `.vitepress/config.mts`. */
const SITE_CONFIG = /(?:^|\/)(?:sidebars|docusaurus\.config|astro\.config|\.vitepress\/config)\.[cm]?[jt]s$/;
/** Data and configuration (.NET solution and project files too): a step that writes results or settings in one describes values, not code. */
const DATA_FILE = /\.(?:json|jsonl|ya?ml|toml|csv|tsv|ini|cfg|conf|xml|lock|slnx?|csproj|fsproj|vbproj|props)\b/i;
/** What a step writes when it writes code. */
const CODE_NOUN =
  /(?<![/-])\b(?:functions?|methods?|class(?:es)?|handlers?|parsers?|validators?|modules?|tests?|test cases?|coordinator|state machine|structs?|fields?|flags?|hooks?|helpers?|endpoints?|API|seam|logic|wrapper|callback|timeout)\b/i;
/** A documents object right after the verb: "Update the runbook …", "Revise both plans …", "Edit the README". */
const DOC_OBJECT = /^\W*[A-Za-z]+\s+(?:the\s+|all\s+|both\s+|each\s+|our\s+)?(?:[\w-]+\s+)?(?:runbooks?|plans?|docs|documentation|guides?|README|changelog|notes)\b/i;
/** What a step writes when it writes prose: a section, a table, a comment, a procedure. */
const DOC_NOUN = /\b(?:section|sections|documentation|docs|table|paragraph|wording|prose|comment|comments|docstring|changelog|findings|guide|runbook|plans?|notes|procedures?)\b/i;
/** A code name in backticks: `f()`, `a.b`, `snake_case`, `camelCase`. */
const CODE_SYMBOL = /`(?:[A-Za-z_][\w]*\([^`]*\)?|[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+\(?\)?|[a-z]\w*_\w+|_\w+|[a-z]+[A-Z]\w*\(?)`/;
/**
 * Settings a step writes, named as the whole of its object ("Add packaging/discovery metadata without
 * …", not "Add configuration assertions"): in a task with a data or configuration file, that file is
 * what it writes, whatever nouns follow.
 */
const SETTINGS_OBJECT = /^\W*(?:add|write|create|update|set|define|register)\s+(?:the\s+|a\s+|an\s+)?(?:[\w/-]+\s+){0,2}(?:metadata|configuration|config|settings)\s*(?:$|[,.;:]|\s+(?:without|for|to|in|into|on|with|so|that|under|from)\b)/i;
/**
 * Entries of a package manifest a step adds ("Add format, lint, test … scripts", "Add to workspace members"), in a task
 * whose Files list the manifest: settings, not code.
 */
const MANIFEST_ENTRIES = /\b(?:scripts|workspace members?|(?:dev-?)?dependenc(?:y|ies))\W*$/i;
const MANIFEST = /\b(?:package\.json|Cargo\.toml|pyproject\.toml|go\.mod|composer\.json|Gemfile|pom\.xml|build\.gradle(?:\.kts)?|deno\.json)\b/;
/**
 * A step's text that opens with the file it edits: "In `manifests/components.json`:", "Document … in `REPORT.md`: …", and
 * after a bold head, "**Write the contract** to `HOST_MODE_CONTRACT.md`".
 */
const OPENS_IN_FILE = /^\W*(?:in\s+`([^`\s]+)`\s*[:,]|(?:document|record|describe|write down)\b[^.\n]{0,60}?\bin(?:to)?\s+`([^`\s]+)`|(?:to|into)\s+`([^`\s]+)`)/i;
/** A step that has the task's CI workflow run something: "Run the validator … from the governance workflow". */
const CI_RUNS = /^\W*(?:wire|hook|run|call|invoke|trigger)\b[^.\n]*\b(?:from|in|into|by)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:CI\s+)?(?:workflows?|pipelines?)\b/im;
/** A step whose first sentence ends on the steps or jobs it changes (in a CI workflow the task edits). */
const CI_STEPS = /^[^.]*\b(?:steps|jobs)\s*(?:\.|$)/i;
/**
 * Things a step makes that are not code: a directory, a branch, a CI workflow ("Add a temporary CI workflow and …",
 * "Add CI for formatting, Clippy, tests, and mock smoke execution.", configuration).
 */
const NOT_CODE_OBJECT =
  /^\S+\s+(?:the\s+|a\s+|an\s+)?(?:\w+\s+)?(?:directory|directories|folder|branch|worktree|commit|tag|release|PR|pull request)\b|^\S+\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}(?:CI|GitHub Actions?)\s+(?:workflows?|jobs?|pipelines?)\b|^\S+\s+CI\s+(?:for|to|that|which|running)\b/i;
/**
 * An exact edit written inline: "add `"kernel-profile"` to `sharedFlags`", "add `a` and `b` to
 * `$fillable`", "add `?string $id = null` params to `createToken()`" (but not "add `x` to
 * `serialize()`", whose code is not given), "change `index.js` to
 * `server.js`", "find and replace all calls from `extractFrontmatter(` to `core.extractFrontmatter(`",
 * "Change default `workerHoldEntryPath` → worker-bootstrap.js" (the new value ends the line).
 */
const EXACT_EDIT =
  /\b(?:add|append|insert|prepend)\s+`[^`]+`(?:\s*(?:,|and|or|&)\s*`[^`]+`)*\s+(?:(?:to|into|in|after|before)\s+(?!`[^`]*\()|(?:param(?:eter)?s?|arguments?|args?|imports?)\s+(?:to|into|in)\b)|\b(?:change|replace|rename|set)\b[^.`\n]{0,40}?`[^`]+`\s+(?:(?:to|with|by|=|->|→)\s+`|(?:->|→)\s*[\w@./-]+\s*(?:\n|$))/i;
/**
 * More exact edits: a whole statement given inline ("add `pub mod util;`", "Add `#include \"flow6_cache.h\"` at top", "add `export * from './space-members'`"),
 * an attribute or decorator given whole with what it goes on ("add `#[serde(rename_all = \"camelCase\")]` and `TS` derive to the struct";
 * not "add `#[allow(dead_code)]` locally", which leaves where open), a value kept as it is
 * ("Keep `limit` at `0`"), entries given with
 * their values ("Extend `OPERATION_BUDGETS` with `attempts: { maximum: 3 }` and …"), an import
 * named exactly ("import from `super::util::parse_datetime` instead of `super::context::parse_datetime`"),
 * and named items moved as they are ("with `parse_datetime` and `RELATIVE_TIME_RE` moved from `context.rs`"), fields given with
 * their types ("add to the `RunMetadata` TypedDict: `active_subagents: Dict[str, str]` and `current_subagent_id: Optional[str]`"),
 * callers given the argument they now pass ("Search for all calls to `.cval(` and update them to pass the `cwd_z` argument"),
 * an entry added at a named place ("in `[workspace] members = [...]`, add `\"crates/x\"`"), and a function's new
 * body given as one expression ("Change `buildReverseMap` to delegate to `buildToolCatalog(original).originalByShort`"), and
 * a line that only sets values ("Update `Theme.swift` to set `cardCornerRadius = 4`, `cardPadding = 3` (was 12)."), a whole
 * statement at a named place ("Add `private activeTasks = new Map<string, WorkerTask>();` beside `taskQueue`.") and a
 * manifest entry with its value ("Add `\"test:unit:bounded\": \"node scripts/verify.mjs\"`.").
 */
const EXACT_EDIT_MORE =
  /\bin\s+`[^`]+`,\s*(?:add|append|insert)\s+`["'][^`]*["']`|\b(?:add|append|insert)\b[^.\n]{0,60}?:\s*`\w+\s*:\s*[^`]+`(?:\s*(?:,|and)\s*`\w+\s*:\s*[^`]+`)*|\bupdate (?:them|each|every (?:call|caller)|the calls?|all calls?) to pass (?:the |an? )?`[^`]+`|\b(?:add|append|insert|prepend)\s+`[^`]*;`\s*(?:$|[.;,]|\s+(?:beside|after|before|below|above|near|next to|alongside|at|in|inside|into|to)\b)|\b(?:add|append|insert)\s+`"[^"`]+"\s*:\s*[^`]+`|\b(?:add|append|insert|prepend)\s+`(?:#\s*include\b|#import\b|import\s|export\s|from\s+\S+\s+import\b|using\s|use\s)[^`]*`|\b(?:add|append|insert|prepend)\s+`(?:#!?\[[^`]*\]|@\w[^`]*)`[^.;\n]{0,120}?\bto\s+(?:the\s+|this\s+|each\s+|both\s+)?(?:struct|enum|class|type|function|fn|method|field|trait|impl|`)|\bkeep\s+`[^`]+`\s+(?:at|as)\s+`|\bextend\s+`[^`]+`\s+with\s+`[^`]*[:=][^`]*`|\b(?:import|use)\s+(?:\w+\s+)?from\s+`[^`]+`|`[^`]+`\s+instead of\s+`[^`]+`|\bmoved?\s+(?:\w+\s+)?(?:from|out of)\s+`|\b(?:change|make|rewrite)\s+`[^`]+`\s+(?:to\s+)?(?:delegate to|return|forward to)\s+`[^`]+`|^\W*(?:(?:update|change|edit)\s+`[^`]+`\s+to\s+)?set\s+(?:`[A-Za-z_][\w.]*\s*=\s*[^`=]+`(?:\s*\([^)\n]*\))?(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*\.?\s*$))+$/im;
/** A whole statement given inline: an import or export line, or one that ends with its semicolon. */
const WHOLE_STATEMENT = /^(?:import|export|use|from|using|#\s*include)\s.*\S$|^[^;]{6,};$/;

/**
 * A registration given exactly: the entry and what it routes to, "register in `main.rs`" over "add a `Sustained(SustainedArgs)`
 * subcommand dispatching to `sustained::run`", "`MultiFanout(MultiFanoutArgs)` → `multi_fanout::run`".
 */
const REGISTERS = /^\W*(?:register|wire)\b/i;
/** The call a wiring step adds, given whole at its place: "Wire `onArrived`: after the snap+pause, `requestTrailFrame()`". */
const CALL_GIVEN = /\b(?:after|before|then|calls?)\b[^.`]{0,40}`[A-Za-z_][\w.]*\([^`]*\);?`/i;
const MAPS_TO = /`[^`]+`[^.`]{0,40}?(?:→|->|=>|\b(?:dispatching|routed|routing|mapped|mapping|pointing|delegating)\s+to)\s*`[^`]+`/;
/** Replacements listed as "`old` → `new`", in a step that says it updates or replaces (not in a test's cases). */
const REPLACEMENTS = /`[^`]+`"?\s*(?:→|->|=>)\s*"?`/;
const UPDATES = /^\W*(?:update|replace|rename|change|correct|point|repoint|switch)\b/i;
/**
 * A rename or swap given exactly in words, in a step that updates or replaces: "from `Component` to
 * `AppComponent`", "Any `impl Component<..>` to `impl AppComponent<..>`", "Replace remaining
 * `MockComponent` references with `Component`", "Replace every `forgejo:…` in the four tui files with
 * `github:…`", "… to use `Component`", "Update `space-repo.ts` to import `SpaceRepoStorage`", "Update this import to `Component`".
 */
const EXACT_RENAME =
  /`[^`]+`[^`.\n]{0,50}?\b(?:to|with|into|by)\s+(?:(?:use|import|export)\s+)?`[^`]+`|\b(?:update|rename|change|switch|point)\s+(?:this|the|that|each|every|all|any)\s+(?:\w+\s+){0,2}to\s+`[^`]+`/i;
/**
 * A swap given exactly in the step's text, whatever its title says: "Write failing tests for `X`" over "In `XTests`,
 * replace `hasCallback()` assertions with `storage.callback != nil` checks", "replace the post-EFA
 * `return (network_type, metadata)` for a matching AWS GPU node with `continue`".
 */
const REPLACE_CLAUSE = /\b(?:replace|swap|rename)\s+(?:all\s+|every\s+|each\s+|the\s+)?(?:[\w'’-]+\s+){0,2}`[^`]+`[^`.]{0,50}?\b(?:with|to|by|for)\s+`[^`]+`/i;
/**
 * A file's content moved or copied as it is: "Move the current `app/page.tsx` content to `app/legacy/page.tsx`",
 * "Copy `a.ts` to `b.ts`" (with a block that only says "Exact copy of current app/page.tsx").
 */
const COPIES_FILE = /\b(?:move|copy|duplicate)\b[^.\n]{0,40}?`[^`]+\.\w+`[^.\n]{0,30}?\b(?:to|into|as)\s+`[^`]+\.\w+`/i;
/** Comments that document code: "Update `command.rs` doc comments", "its doc-comment example URL", "Update the `file()` Javadoc". */
const DOC_COMMENTS = /\bdoc[- ]?comments?\b|\bdocstrings?\b|\b(?:java|js|ts|k|rust)doc\b/i;

/**
 * A list of edits each exact without code: deleting a named item ("Delete the local `fn iso_date_prefix`
 * definition") or adding a whole statement ("Add `use crate::utils::format::iso_date_prefix;` near the
 * existing `use` statements").
 */
const EXACT_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+(?:(?:delete|remove|drop)\b[^\n]*`[^`]+`|(?:add|insert|append)\s+`[^`]*;`)/i;
/** A list item that is one whole statement or a field with its type: "- `pub mod cst;`", "- `councilOpLog?: CouncilOp[]`". */
const STATEMENT_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+`(?:[^`]*;|[A-Za-z_]\w*\??\s*:\s*[^`]+)`\s*$/;
/** A line that introduces what a change leaves as it is: "The script should still:", "Keep:". */
const STILL = /\b(?:should|must|will) still\b|^\W*keep\s*:|\bstays? (?:as it is|unchanged)\b/i;
function exactListedEdits(text: string): boolean {
  // "The script should still:" over "- create `featureDir`": a list of what stays, not of edits.
  const lines = text.split('\n');
  const still = lines.findIndex((l) => STILL.test(l) && !LIST_ITEM.test(l));
  const items = (still >= 0 ? lines.slice(0, still) : lines).filter((l) => LIST_ITEM.test(l));
  // "Remove:" over "- `pub mod cst;`": the verb is the label's, each item a whole statement (or one added only
  // if needed: "- optional derived projection cache field only if needed").
  const labelled = /^\W*(?:remove|delete|drop|add|insert|append)\s*:\s*$/im.test(text);
  const exact = (l: string): boolean => EXACT_ITEM.test(l) || (labelled && STATEMENT_ITEM.test(l));
  return items.some(exact) && items.every((l) => exact(l) || (labelled && ONLY_IF.test(l)));
}

/** The step finds there is nothing to do ("This is unchanged — no list traversal needed", "Not applicable (Makefile).", "No new imports needed for this task."). */
const NOTHING_TO_DO = /\bnot applicable\b|^\W*n\/a\b|\bif (?:they|it) (?:break|breaks|fail|fails)\b|\bunchanged\b|\bno (?:code )?changes? (?:is |are )?(?:needed|required)\b|\bnothing (?:to change|to add|(?:more |else )?to do)\b|\bno (?:separate |new |additional )?(?:tests?|imports?) (?:file )?(?:is |are )?(?:needed|required)\b|\balready (?:handled|done|implemented|covered|in place|fixed)\b|\bwith no code changes?\b|\balready\b.{0,120}?\bworks? (?:identically|as is|unchanged)\b/i;

/**
 * The refactor pass of a red-green-refactor cycle, which sets no definite change: "Refactor and verify focused
 * coverage remains green" (not "Refactor for explicit types and narrow helpers").
 */
const REFACTOR_PASS = /^\W*(?:refactor|clean[\s-]?up|tidy)\b.*\b(?:green|passing)\b/i;
/** A check the step says it makes by hand: "Write failing test (manual)", "(manually, in the browser)". */
const MANUAL = /\(manual(?:ly)?\b[^)]*\)/i;
/** A change made only if a check asks for it: "Implement minimal production fix only if RED identifies a real gap". */
const ONLY_IF = /\bonly (?:if|when)\b|\bif (?:needed|necessary|required)\b/i;
/**
 * A clean-up whose edit is a deletion named by what it refers to: "Remove or update any tests in `BottomPanel.test.tsx`
 * that reference \"Raw Log\"".
 */
const REMOVES_REFERRING = /^\W*(?:remove|delete|drop)\b(?:\s+or\s+update)?\s+(?:any|all|every)\s+(?:[\w-]+\s+)?(?:tests?|cases?|assertions?|references?|usages?|imports?)\b[^.]*\b(?:that|which)\s+(?:reference|mention|use|assert|click|import|call)s?\b/im;
/** Directories made as packages, each with its marker: "Create `moneyflow/data/`, `moneyflow/tui/` with `__init__.py`". */
const PACKAGE_DIRS = /^\W*(?:create|add|make)\b[^.]*`[^`]+\/`[^.]*\bwith\s+(?:an?\s+|empty\s+)?`(?:__init__\.py|\.gitkeep|\.keep)`/i;
/**
 * A file written empty: "Implement `src/isbe/observability/__init__.py` (empty)", "Create an empty `__init__.py`",
 * "Create the empty package marker", "Create empty `src/store/__init__.py`", "(Leave the file empty — minimal `__init__.py`.)",
 * "Create `tests/analysis/__init__.py` (empty file)", "Create `chisel/__init__.py` (empty placeholder)" (over its licence header).
 */
const EMPTY_FILE = /\(empty(?: file| module| package| placeholder)?\)|\b(?:an?|the) empty\s+(?:`[^`]+`\s+)?(?:file|module|package|`)|\b(?:create|add|write|touch) empty\s+`|\bleave (?:the file|it|this file) empty\b/i;

/** Whether the unit says to write code (and which words say it), or undefined. */
export function changesCode(unit: WorkUnit): boolean {
  const head = unit.head.text.replace(/^\[[ xX]\]\s+/, '');
  const verb = CHANGE_VERB.exec(head)?.[1]?.toLowerCase();
  if (verb === undefined) return false;
  if (NOT_CODE_OBJECT.test(head) || (unit.step !== undefined && unit.step.commands.length > 0)) return false;
  const text = unit.prose.map((t) => t.text).join('\n');
  // A task that touches only data, configuration and documents (`config/route_sources.yaml`): its
  // snake_case names are keys and slices, not code.
  // Directories ("Review: all files under `docs/fleet/`") and a directory's contents ("Generate: `batch-01/batches/20260810/*`")
  // name no kind of file.
  const taskFiles = unit.task.files.map((f) => f.path).filter((f) => !f.endsWith('/') && !/\/\*{1,2}$/.test(f));
  if (taskFiles.length > 0 && taskFiles.every((f) => !CODE_FILE.test(f) && (DATA_FILE.test(f) || DOC_FILE.test(f)))) return false;
  // A docs site's pages and its navigation (`website/sidebars.js` beside `.mdx` pages): the script only lists the pages.
  if (taskFiles.some((f) => DOC_FILE.test(f)) && taskFiles.every((f) => DOC_FILE.test(f) || SITE_CONFIG.test(f))) return false;
  if (SETTINGS_OBJECT.test(head) && !CODE_FILE.test(head) && taskFiles.some((f) => DATA_FILE.test(f))) return false;
  // "In `manifests/components.json`:" over what to change, "Document the browser sequence in `VERIFICATION_REPORT.md`: …":
  // the step edits the one file it opens with, data or a document.
  const opening = OPENS_IN_FILE.exec(unit.prose[1]?.text ?? '');
  const opensIn = opening?.[1] ?? opening?.[2] ?? opening?.[3];
  if (opensIn !== undefined && !CODE_FILE.test(opensIn) && (DATA_FILE.test(opensIn) || DOC_FILE.test(opensIn))) return false;
  // "Replace … `wait_health.sh` and `triage.sh` steps." in a task that edits a CI workflow: the workflow's steps.
  if (CI_STEPS.test(head.replace(/`[^`]*`/g, 'x')) && taskFiles.some((f) => CI_FILE.test(f))) return false;
  // "Wire the validator into pre-merge governance" over "Run the validator … from the governance workflow": the
  // step edits the workflow the task lists, not code.
  if (!CODE_FILE.test(head) && CI_RUNS.test(`${head}\n${text}`) && taskFiles.some((f) => CI_FILE.test(f))) return false;
  if (MANIFEST_ENTRIES.test(head) && (unit.task.filesBlock?.items.some((it) => MANIFEST.test(it.text)) ?? false)) return false;
  const namesCode = CODE_FILE.test(head) || CODE_SYMBOL.test(text);
  if (EDIT_VERB.test(verb) && !namesCode) return false;
  if (!CODE_FILE.test(head) && (DOC_FILE.test(head) || DATA_FILE.test(head))) return false;
  if (!namesCode && DOC_NOUN.test(head)) return false;
  // "Update the runbook and both plans to state that …": documents are what it edits, whatever code it names.
  if (!CODE_FILE.test(head) && DOC_OBJECT.test(head)) return false;
  if (!namesCode && isDocsOnly(unit.task)) return false;
  // A block of comments may carry the exact edit: "// src/lib.rs: add `pub mod generate;`".
  const comments = unit.codeBlocks.map((b) => b.content).join('\n');
  // "Write failing test (manual)" over a curl command or a click-through: a check by hand, no code.
  if (MANUAL.test(head)) return false;
  if (EXACT_EDIT.test(`${text}\n${comments}`) || NOTHING_TO_DO.test(text) || ONLY_IF.test(head) || REMOVES_REFERRING.test(text.replace(/`[^`]*`/g, 'x')) || PACKAGE_DIRS.test(head) || REFACTOR_PASS.test(head) || EMPTY_FILE.test(`${head}\n${text}`) || EXACT_EDIT_MORE.test(`${head}\n${text}\n${comments}`)) return false;
  if ((UPDATES.test(head) && (REPLACEMENTS.test(text) || EXACT_RENAME.test(`${head}\n${text}`))) || exactListedEdits(text)) return false;
  if (REPLACE_CLAUSE.test(text) || COPIES_FILE.test(`${head}\n${text}`)) return false;
  // "Replace the type and delete `statusEndpoint` uses." under "Modify: `bootstrap.ts:6-22` (delete the hand-written
  // `InitSummary`; `export type { … } from \"…\";`)": the task's Files entry gives the new line whole.
  if (EDIT_VERB.test(verb) && (unit.task.filesBlock?.items.some((it) => codeSpanTexts(it.text).some((c) => WHOLE_STATEMENT.test(c))) ?? false)) return false;
  if (REGISTERS.test(head) && (MAPS_TO.test(`${head}\n${text}`) || CALL_GIVEN.test(text))) return false;
  // "Update `command.rs` doc comments", "Add `@deprecated` JSDoc tag": documentation of the code, whichever file holds it.
  // "Update stale nearby documentation" over the `///` lines to write: the comments are the deliverable.
  if ((UPDATES.test(head) || /^\W*(?:add|write|document)\b/i.test(head)) && (DOC_COMMENTS.test(head) || /^\W*[A-Za-z]+\s+(?:[\w-]+\s+){0,3}documentation\b/i.test(head))) return false;
  if (verb === 'implement' || namesCode || CODE_NOUN.test(head)) return true;
  // "Add a 30-second idle timeout …" in a task whose files are all source files.
  const files = unit.task.files.map((f) => f.path);
  return files.length > 0 && files.every((f) => CODE_FILE.test(f));
}

/**
 * A plan that says it describes the implementation in words, by choice: "This plan shows tests as code;
 * implementation described in PROSE only — never a finished production code block." Its implementation
 * steps follow that choice; its test steps are still owed code. A step titled "Implement (prose)" says the same.
 */
const PROSE_ONLY =
  /\b(?:implementation|production code)\b[^.]{0,40}?\b(?:in|as) prose\b|\bprose[- ]only\b|\bno (?:finished |complete )?(?:production|implementation) code blocks?\b/i;
const TEST_STEP = /\b(?:tests?|specs?)\b/i;

/**
 * A step that applies code its task gives before it: a swap toward a form ("Replace the offset at all 15
 * sites … with the general form"), a sweep or an implementation it points back to ("Add handler permission
 * checks (mechanical sweep above).", "implement per Interfaces").
 */
const APPLIES_GIVEN =
  /^\W*(?:replace|swap|substitute|update|change)\b.*\b(?:with|to) the (?:[\w-]+ ){0,2}(?:form|expression|formula|version|snippet|statement|line|code)\b|\b(?:sweep|pattern|form|change|template) above\b|\b(?:as|per) (?:shown )?(?:above|(?:the )?interfaces)\b/i;
/** The step's text points back to code its task showed: "Same pattern in `test_single_layer.py`." */
const SAME_AS_ABOVE = /^\W*(?:the\s+)?same (?:pattern|change|edit|fix|code|snippet)\b/im;
/** An expression or statement in backticks: "General: `xi = (real(mod(f, rr), wp) - …) / real(rr, wp)`". */
const INLINE_EXPRESSION = /`[^`]*(?:=|\w\([^`]*\))[^`]*`/;

/** The step applies code its task shows above it, in a block or inline: the code is given, once. */
function appliesGivenCode(plan: Plan, unit: WorkUnit): boolean {
  if (!APPLIES_GIVEN.test(unit.head.text) && !unit.prose.some((t) => SAME_AS_ABOVE.test(t.text))) return false;
  const at = unit.head.span.start.line;
  return (
    taskBlocks(plan, unit.task).some((b) => b.span.end.line < at && showsCode(b)) ||
    taskProse(plan, unit.task).some((l) => l.line < at && INLINE_EXPRESSION.test(l.text))
  );
}

const clip = (s: string): string => (s.length > 80 ? `${s.slice(0, 77).trimEnd()}…` : s);

export const spCodeStepWithoutCode: Rule = {
  id: 'sp-code-step-without-code',
  family: 'superpowers',
  severity: 'warning',
  formats: ['superpowers'],
  description:
    'writing-plans: "Complete code in every step — if a step changes code, show the code." A step whose text starts by saying it implements, adds, writes or wires code — it names a source file, a function, or code such as a test, handler or parser, or it belongs to a task whose files are all source files — and that has no code block is reported. Steps in numbered lists and checklists without step numbers count as steps; a task written as a paragraph is one step. Not reported: steps that write documentation (a section, a README, a comment) or data and configuration files (`results.json`, `bounds.yaml`, a .NET solution or project file: "Add both projects to .slnx"), steps of a task whose files are all data, configuration or documents (a docs site\'s pages and its `sidebars.js` too; directories it only reviews, and a directory\'s contents it generates, `batches/20260810/*`, aside), steps that add a CI workflow ("Add a temporary CI workflow and …", "Add CI for formatting, Clippy, tests, and mock smoke execution.") or change a workflow\'s steps ("Replace the Docker and `triage.sh` steps." beside `.github/workflows/qe.yml`, "Wire the validator into pre-merge governance" over "Run the validator … from the governance workflow" beside `.github/workflows/governance.yml`), steps whose text opens with the data or document they edit ("In `manifests/components.json`:", "Document the browser sequence in `VERIFICATION_REPORT.md`: …", "**Write the contract** to `HOST_MODE_CONTRACT.md`"), steps that add entries to a package manifest the task lists ("Add format, lint, test and build scripts", "Add to workspace members", an entry with its value: "Add `\\"test:unit:bounded\\": \\"node scripts/verify.mjs\\"`"), steps that write settings in a task with a data or configuration file ("Add packaging/discovery metadata …" beside `agents/openai.yaml`), steps whose edit is exact inline ("add `\\"x\\"` to `flags`", "add `a` and `b` to `$fillable`", "add `?string $id = null` params to `createToken()`", "change `index.js` to `server.js`", "Change default `workerHoldEntryPath` → worker-bootstrap.js", "Extend `BUDGETS` with `attempts: { maximum: 3 }`", a function\'s new body as one expression: "Change `buildReverseMap` to delegate to `buildToolCatalog(original).originalByShort`", fields given with their types: "add to the `RunMetadata` TypedDict: `active_subagents: Dict[str, str]` and …", callers given the argument they now pass: "update them to pass the `cwd_z` argument"; a rename or swap in a step that updates or replaces: "from `Component` to `AppComponent`", "Replace every `forgejo:…` in the four tui files with `github:…`", "Update this import to `Component`"), steps that update doc comments ("Update `command.rs` doc comments", "Update the `file()` Javadoc", "Add `@deprecated` JSDoc tag" over the new comment, "Update stale nearby documentation" over the `///` lines), steps whose text gives a swap exactly whatever their title ("Write failing tests for `X`" over "replace `hasCallback()` assertions with `storage.callback != nil` checks", "replace the post-EFA `return (network_type, metadata)` … with `continue`"), steps that register an entry with what it routes to, or wire in a call given whole ("Wire `onArrived`: after the snap+pause, `requestTrailFrame()`", "register in `main.rs`" over "`MultiFanout(MultiFanoutArgs)` → `multi_fanout::run`", "add a `Sustained(SustainedArgs)` subcommand dispatching to `sustained::run`"), steps that move or copy a file as it is ("Move the current `app/page.tsx` content to `app/legacy/page.tsx`"), steps whose listed edits each delete a named item or add a whole statement ("Delete the local `fn iso_date_prefix` definition", "Add `use crate::utils::format::iso_date_prefix;`", "Add `#include \\"flow6_cache.h\\"` at top.", "add `export * from \'./space-members\'`", "Add `private activeTasks = new Map<string, WorkerTask>();` beside `taskQueue`.", an attribute with what it goes on: "add `#[serde(rename_all = \\"camelCase\\")]` and `TS` derive to the struct", "Update `space-repo.ts` to import `SpaceRepoStorage`", "Remove:" over "- `pub mod cst;`", "Add:" over "- `councilOpLog?: CouncilOp[]`" and an item added only if needed; a list of what stays after them, "The script should still:", aside), steps that find nothing to change or say they do not apply ("Not applicable (Makefile).", "Fix DTO parsing — already handled", "No separate test file needed — the change is verified by the compiler.", "No new imports needed for this task.", "The file already imports `FileSystem` … Nothing to add."), or change only if something breaks ("update the tests if they break", "Implement the fix only if RED identifies a real gap") or remove what refers to a removed thing ("Remove or update any tests in `BottomPanel.test.tsx` that reference \\"Raw Log\\""), the refactor pass of a red-green cycle that keeps the tests green and sets no definite change ("Refactor and verify focused coverage remains green"; not "Refactor for explicit types and narrow helpers"), steps that write an empty file or make package directories ("Implement `__init__.py` (empty)", "Create `moneyflow/data/`, `moneyflow/tui/` with `__init__.py`", "Create `tests/analysis/__init__.py` (empty file)", "Create the empty package marker", "(empty placeholder)" over its licence header), checks a step says it makes by hand ("Write failing test (manual)" over a curl command), steps that edit code already there ("Update …", "Fix …", "Replace …", "Change …") and name neither a source file nor a code name (their edit is most often exact in words: "Update callers", "Change defaults"), steps with a code block that shows code, steps that apply code their task shows above them (a replacement its Files entry gives whole: "Replace the type" under "Modify: `bootstrap.ts:6-22` (…; `export type { DesktopInitSummary as InitSummary } from …;`)", "General: `xi = …`" over "Replace the offset at all 15 sites … with the general form", "Add handler permission checks (mechanical sweep above)", "Same pattern in `test_single_layer.py`."), and the implementation steps of a plan that says it describes the implementation in prose by choice ("This plan shows tests as code; implementation described in PROSE only", a step titled "Implement (prose)"): its test steps are still reported. A step whose only code block holds comments that describe the code (`// call parseSkillDependents and set Dependents`) is reported as such, unless the comments give the exact edit (a comment that says to add `pub mod generate;` to `src/lib.rs`). A heuristic, so a warning.',
  instruction: 'Show the code in every step that changes code: the test, the function, the edit — never only a description of it.',
  examples: {
    valid: [
      {
        plan: '# Curl Installer Implementation Plan\n\n**Goal:** Install with one command.\n\n**Tech Stack:** POSIX sh\n\n### Task 1: Verify checksums\n\n**Files:**\n- Modify: `install.sh`\n\n- [ ] **Step 1: Add the checksum check to `install.sh`**\n\n```sh\nsha256sum -c "$SUMS" || exit 1\n```\n\n- [ ] **Step 2: Update the README section on installing**\n\nDescribe the checksum check in one sentence.\n',
      },
    ],
    invalid: [
      {
        plan: '# Evidence Implementation Plan\n\n**Goal:** Keep each phase\'s evidence.\n\n**Tech Stack:** Python 3.12, pytest\n\n## Task 1: Filename API\n\n**Files:** `src/harness/collect_evidence.py`, `tests/test_evidence.py`\n\n- [ ] Write RED tests for `evidence_filename("unit_test")` and invalid phase combinations.\n- [ ] Run `python -m pytest tests/test_evidence.py -q`; verify RED.\n',
        message: 'shows no code',
      },
    ],
  },
  check(plan) {
    const out: Finding[] = [];
    const proseOnly = PROSE_ONLY.test(linesBeforeTasks(plan).join(' '));
    for (const unit of workUnits(plan)) {
      if (unit.codeBlocks.some(showsCode) || !changesCode(unit) || phraseIn(unit) !== undefined) continue;
      if ((proseOnly || /\((?:in )?prose\)/i.test(unit.head.text)) && !TEST_STEP.test(unit.head.text)) continue;
      if (appliesGivenCode(plan, unit)) continue;
      // A block of comments only ("// call parseSkillDependents and set Dependents") stands in for the code.
      const standIn = unit.codeBlocks.some((b) => b.content.trim() !== '');
      out.push({
        message: standIn
          ? `${unitName(unit)} says to change code ("${clip(unit.head.text)}") but its code block holds only comments that describe the code: write the code itself.`
          : `${unitName(unit)} says to change code ("${clip(unit.head.text)}") but shows no code: add a code block with the code it writes.`,
        span: unit.head.span,
      });
    }
    return out;
  },
};
