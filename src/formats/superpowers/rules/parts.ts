/**
 * What the superpowers rules read beyond the plan model: the agentic-workers line as a whole
 * blockquote, how a step or task heading was written, the plan's file map. The writing-plans
 * skill has had several versions (see test/fixtures/superpowers/RULES.md); the helpers name which
 * version a plan's wording belongs to, so each rule can accept every version's own form.
 */
import { gitCommand } from '../../../plan/git-command.js';
import { taskNumberText } from '../../../plan/tasks.js';
import { lineSpan, span, trimmedLine } from '../../../plan/source.js';
import type { CodeBlock, Plan, Section, Span, Step, Task } from '../../../plan/types.js';
import { codeLines } from '../../../rules/code-lines.js';
import { SHELL_LANGS } from '../../../rules/tasks/shared.js';

/** A step written as a checkbox list item ("- [ ] **Step 1: …**", "- [ ] Run …"). */
const CHECKBOX = /^\s*[-*+]\s+\[[ xX]\]\s/;

export function lineText(plan: Plan, line: number): string {
  return plan.lines[line - 1] ?? '';
}

export function isCheckboxStep(plan: Plan, step: Step): boolean {
  return CHECKBOX.test(lineText(plan, step.span.start.line));
}

/** How a step's head was written: a checkbox item, a bold paragraph, a heading, a numbered item or a plain line. */
export function stepForm(plan: Plan, step: Step): 'checkbox' | 'bold' | 'heading' | 'numbered' | 'plain' | 'prose' {
  const t = lineText(plan, step.span.start.line);
  if (CHECKBOX.test(t)) return 'checkbox';
  if (/^\s*#{1,6}\s/.test(t)) return 'heading';
  if (/^\s*(?:[-*+]\s+)?(?:\*\*|__)/.test(t)) return 'bold';
  if (/^\s*\d+[.)]\s/.test(t)) return 'numbered';
  // "Step 1a is the load-bearing assumption …" is prose the parser took for a step head.
  return /^\s*Step\s+\d+[a-z]?(?:\.\d+)?\s*[:.—–-]/i.test(t) ? 'plain' : 'prose';
}

/** The heading a task stands under, when it is a heading (tasks written as a bold line have none). */
export function taskSection(plan: Plan, task: Task): Section | undefined {
  return plan.sections.find((s) => s.heading.span.start.line === task.span.start.line);
}

/** "Task 3", "Task 1.2": the task as its heading names it. */
export function taskName(task: Task): string {
  return `Task ${taskNumberText(task)}`;
}

/** The "Task N" words of the task's heading line. */
export function taskHeadSpan(plan: Plan, task: Task): Span {
  const line = task.span.start.line;
  const m = /Task\s+(?:[A-Z]{1,3}\.?(?=\d))?\d+(?:[.-]\d+)?/i.exec(lineText(plan, line));
  return m ? span(line, m.index + 1, line, m.index + m[0].length + 1) : lineSpan(plan.lines, line);
}

/** A step as the plan names it: "Step 2", or its text when it was written as a list item without a number. */
export function stepName(plan: Plan, step: Step): string {
  const form = stepForm(plan, step);
  if (/\bStep\s+\d/i.test(lineText(plan, step.span.start.line))) return `Step ${step.number}${step.suffix ?? ''}`;
  return `the step "${clip(step.title.text, 50)}"${form === 'numbered' ? ` (item ${step.number})` : ''}`;
}

/** A step's title without its number and the marks around it: "**Step 2: Run, expect FAIL**" → "Run, expect FAIL**". */
// Only marks and spaces go before the number: "改 run.sh" (edit run.sh) keeps its first word, which `\W` would take.
export const withoutStepNumber = (title: string): string => title.replace(/^[^\p{L}\p{N}]*(?:step\s+\d+[a-z]?(?:\.\d+)*[^\p{L}\p{N}]*)?/iu, '');

export function clip(s: string, n: number): string {
  const t = s.trim().replace(/\s+/g, ' ');
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
}

/** The line of the first task heading (the end of the plan when it has no task). */
export function firstTaskLine(plan: Plan): number {
  return plan.tasks[0]?.span.start.line ?? plan.lines.length + 1;
}

/** The plan's lines before its first task: its header and the notes, constraints and maps it gives before the work. */
export function linesBeforeTasks(plan: Plan): readonly string[] {
  return plan.lines.slice(0, firstTaskLine(plan) - 1);
}

/** Whether a line is inside a code block. */
export function isCode(plan: Plan, line: number): boolean {
  return codeLines(plan).has(line);
}

/**
 * The blockquote under the title that speaks to the executing agent, whole: the skill's
 * "> **For agentic workers:** REQUIRED SUB-SKILL: …" (v-old: "> **For Claude:** …"), or whatever
 * a plan put in its place ("> **For the implementer:** …", "> **After approval:** …"). It is the
 * first blockquote of the header that opens with a bold label or names a sub-skill.
 */
export interface AgenticLine {
  /** The blockquote's text, its lines joined, `>` markers removed. */
  text: string;
  /** Its first line. */
  span: Span;
  /** The bold label it opens with ("For agentic workers"), if any. */
  addressee: string | undefined;
}

/** A quoted line's bold label: "**For agentic workers:** …" → "For agentic workers". */
function labelOf(part: string): string | undefined {
  return /^\*\*([^*]{1,60}?):?\*\*:?/.exec(part)?.[1]?.trim();
}

export function agenticLine(plan: Plan): AgenticLine | undefined {
  const quotes = headerQuotes(plan);
  // The skill's line wherever it stands (an aside may come first); else a quote that names one of the
  // execution skills ("> **For Hermes:** Use subagent-driven-development …" after a "> **Status:**" note);
  // else the first bold-labelled quote.
  const pick =
    quotes.find((q) => SKILL_ADDRESSEE.test(q.addressee ?? '') || /REQUIRED SUB-SKILL|\bsuperpowers:/i.test(q.text)) ??
    quotes.find((q) => q.addressee !== undefined && /\b(?:subagent-driven-development|executing-plans)\b/i.test(q.text)) ??
    quotes.find((q) => q.addressee !== undefined);
  if (!pick) return undefined;
  return { text: pick.text, span: pick.span, addressee: pick.addressee };
}

/** The quotes between the title and the first task, each read from the skill's line where a note comes first. */
export function headerQuotes(plan: Plan): AgenticLine[] {
  const from = (plan.title?.span.start.line ?? 0) + 1;
  const to = Math.min(plan.headerEnd, firstTaskLine(plan) - 1);
  const quotes: AgenticLine[] = [];
  for (let l = from; l <= to; l++) {
    const t = lineText(plan, l);
    if (isCode(plan, l) || !/^\s{0,3}>/.test(t)) continue;
    const parts: string[] = [];
    let end = l;
    for (; end <= to && /^\s{0,3}>/.test(lineText(plan, end)); end++) parts.push(lineText(plan, end).replace(/^\s{0,3}>\s?/, '').trim());
    // The skill's line may follow a note in the same quote ("> Historical implementation recipe. …" then
    // "> **For agentic workers:** …"): the quote is read from that line.
    const skillAt = parts.findIndex((part) => SKILL_ADDRESSEE.test(labelOf(part) ?? ''));
    const first = Math.max(skillAt, 0);
    const line = l + first;
    const lt = lineText(plan, line);
    const at = lt.length - lt.trimStart().length;
    quotes.push({ text: parts.slice(first).join(' ').trim(), span: span(line, at + 1, line, lt.trimEnd().length + 1), addressee: labelOf(parts[first] ?? '') });
    l = end - 1;
  }
  return quotes;
}

/**
 * The two addressees the skill has used: "For agentic workers:" (current), "For Claude:" (older); and the
 * first translated, in a plan written in another language ("Per worker agentici:", "Para agentes:",
 * "Für agentische Worker:", "给智能体执行者：").
 */
export const SKILL_ADDRESSEE =
  /^(?:for (?:agentic workers|claude)|(?:per|para|pour(?: les)?|für|voor|dla|для)\s+(?:\S+\s+)?(?:agent|agênt|agént|агент)\S*(?:\s+\S+)?|.*(?:智能体|代理|エージェント|에이전트).*)$/i;
/** "REQUIRED SUB-SKILL: Use superpowers:executing-plans" (and a fork's namespace for the same skills). */
export const REQUIRED_SKILL = /\bREQUIRED(?: SUB-SKILL)?:\s*Use\s+`?[\w-]+:(?:subagent-driven-development|executing-plans)\b/i;

/**
 * The plan follows the older skill: its agentic line is addressed "> **For Claude:**", as in the
 * version that wrote bold `**Step N:**` steps and had no file map ("For Claude:" lines that name
 * another execution route are that version's forks).
 */
export function olderSkill(plan: Plan): boolean {
  const line = agenticLine(plan);
  if (/^for claude$/i.test(line?.addressee ?? '')) return true;
  if (line === undefined || /^for agentic workers$/i.test(line.addressee ?? '') || /checkbox/i.test(line.text)) return false;
  // "> **REQUIRED SUB-SKILL:** Use the executing-plans skill": the older skill's one route, under another address.
  if (/executing-plans/i.test(line.text) && !/subagent-driven/i.test(line.text)) return true;
  // A fork's template of that version ("> **Execution:** Use the subagent-driven-development workflow …") over its
  // bold `**Step N:**` steps: the line names a route and no checkboxes, and every step is in the older form.
  return /subagent-driven|executing-plans|execute-plan/i.test(line.text) && boldStepsOnly(plan);
}

/** Every step of the plan is a bold `**Step N:**` paragraph, the older skill's form (and there is one). */
function boldStepsOnly(plan: Plan): boolean {
  const forms = plan.tasks.flatMap((t) => t.steps.map((s) => stepForm(plan, s))).filter((f) => f !== 'prose');
  return forms.length > 0 && forms.every((f) => f === 'bold');
}

/**
 * "File Structure", "File Map", "Planned File Map", "File map (Plan 2 additions)", "Files to create", "Project Layout",
 * "File and Interface Map".
 */
const MAP_HEADING =
  /^(?:\d+[.)]\s*)?(?:(?:planned|proposed|target|expected|new|full|complete)\s+)?(?:file (?:and [\w-]+ )?(?:structure|map|layout|tree|overview|responsibilities|inventory)|(?:project|repo(?:sitory)?|directory|package|module|source|code) (?:layout|structure|tree)|files? (?:overview|map|touched|to (?:create|modify|change))|(?:affected|changed|touched) files|files\b|arquivos\b|archivos\b|fichiers\b|dateien\b|文件|ファイル)/i;

/** The plan's file map: a File Structure / File Map section (not the title, not a task), or a labelled one before the tasks. */
export function fileMapSection(plan: Plan): Section | undefined {
  return (
    plan.sections.find(
      // A "### Files" heading inside a task is the task's Files block, not the plan's map.
      (s) => s.depth >= 2 && s.depth <= 6 && MAP_HEADING.test(s.heading.text.replace(/[*_`]/g, '').trim()) && !plan.tasks.some((t) => t.span.start.line <= s.heading.span.start.line && s.heading.span.start.line <= t.span.end.line),
    ) ?? labelledMap(plan)
  );
}

/**
 * A map under a bold label instead of a heading: "**File Structure:**" over a tree or list, before the first task.
 * Its body runs to the next heading (or the first task).
 */
function labelledMap(plan: Plan): Section | undefined {
  const first = firstTaskLine(plan);
  for (let l = 1; l < first; l++) {
    const text = lineText(plan, l);
    const label = /^\s*\*\*([^*]+?):?\*\*:?\s*$/.exec(text)?.[1];
    if (label === undefined || isCode(plan, l) || !MAP_HEADING.test(label.trim()) || /^files\b/i.test(label.trim())) continue;
    const next = plan.sections.find((s) => s.heading.span.start.line > l)?.heading.span.start.line ?? plan.lines.length + 1;
    const end = Math.min(next, first) - 1;
    // A label is no heading: it takes the deepest depth, so it holds no section under it.
    return { kind: { type: 'other' }, heading: trimmedLine(l, text), depth: 6, span: span(l, 1, end, lineText(plan, end).length + 1), bodyStart: l + 1, bodyEnd: end };
  }
  return undefined;
}

/**
 * The text of a section's body up to its first task (code blocks included: file maps are often
 * trees in a code block). "## File Structure" over "### Task 1" ends where the tasks begin.
 */
export function sectionText(plan: Plan, s: Section): string {
  const task = plan.tasks.find((t) => t.span.start.line > s.heading.span.start.line);
  const end = Math.min(s.bodyEnd, (task?.span.start.line ?? Infinity) - 1);
  return plan.lines.slice(s.bodyStart - 1, Math.max(s.bodyStart - 1, end)).join('\n');
}

/** The task's code blocks, in its steps or outside them ("Verification:" after the steps). */
export function taskBlocks(plan: Plan, task: Task): CodeBlock[] {
  return plan.codeBlocks.filter((b) => b.span.start.line > task.span.start.line && b.span.end.line <= task.span.end.line);
}

/** Lines of a task outside code blocks, with their numbers (the heading line excluded). */
export function taskProse(plan: Plan, task: Task): Array<{ line: number; text: string }> {
  const out: Array<{ line: number; text: string }> = [];
  for (let l = task.span.start.line + 1; l <= task.span.end.line; l++) if (!isCode(plan, l)) out.push({ line: l, text: lineText(plan, l) });
  return out;
}

/** Whether a task declares an "**Interfaces:**" block (the later skill versions' Consumes / Produces). */
export function hasInterfaces(plan: Plan, task: Task): boolean {
  return taskProse(plan, task).some((l) => /^\s*(?:[-*+]\s+)?\*\*Interfaces?(?::\*\*|\*\*:?)/i.test(l.text));
}

/** A Files entry the task only reads: "Read: `/etc/…`", "Reference: `src/x.ts`". */
export const READ_ENTRY = /^\W*(?:read|reference|inspect|consult|review|see)\b/i;

/** A task whose Files entries only read ("Read: `/etc/systemd/…`", "Reference: `docs/spec.md`"): it writes no file of the repository. */
export function readsOnly(task: Task): boolean {
  const items = task.filesBlock?.items ?? [];
  return items.length > 0 && items.every((i) => READ_ENTRY.test(i.text));
}

/**
 * A Files entry that touches its files only on a condition, with its criterion: "Modify only if final review exposes
 * a real gap", "Modify only if needed for accurate traceability: `x.md`", "Modify: `core/engine_test.go` only if a focused
 * regression test is missing.", "Modify: `README*`(如存在)" (if it exists).
 */
export const ONLY_IF_ENTRY =
  /^\W*(?:(?:create|modify|update|change|edit|touch)\s*:?\s+)?(?:(?:`[^`]+`\s*(?:\(\s*|[—–-]\s*)?)?only (?:if|when)\b|`[^`]+`\s*[（(]\s*(?:如有|如存在|若有|若存在|如需|如果))/i;

/** A line that opens a list item: "- …", "* …", "1. …", "2) …". */
export const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s/;

/** CI configuration: a GitHub Actions workflow, `.gitlab-ci.yml`, a CircleCI or Buildkite directory, a Jenkinsfile. */
export const CI_FILE = /(?:^|\/)(?:\.github\/workflows\/|\.circleci\/|\.buildkite\/)|(?:^|\/)(?:\.gitlab-ci\.ya?ml|azure-pipelines\.ya?ml|Jenkinsfile)$/;

/** "**Files:** none (verification only)", "No files modified": the task says it touches no file. */
export function touchesNoFile(task: Task): boolean {
  return task.filesBlock !== undefined && task.files.length === 0 && task.filesBlock.items.length > 0 && task.filesBlock.items.every((i) => /^\W*(?:no(?:ne)?\b|n\/a\b|nothing\b)/i.test(i.text));
}

/**
 * A task whose every block is shell that writes no file of the repository: it runs scripts ("create
 * the GitHub issue"), or works outside the repository (`git clone . ../code-map`), and has nothing
 * of its own to commit.
 */
export function shellOnly(plan: Plan, task: Task): boolean {
  const blocks = taskBlocks(plan, task);
  if (blocks.length === 0 || blocks.some((b) => !SHELL_LANGS.has(b.lang) || WRITES_FILE.test(b.content))) return false;
  return task.files.every((f) => /^(?:\.\.\/|\/|~)/.test(f.path) || (f.action !== 'create' && f.action !== 'modify' && f.action !== 'delete'));
}

/** Shell that writes a file: a redirect to a path, `tee`, `sed -i`, a heredoc into a file. */
const WRITES_FILE = new RegExp(String.raw`(?:^|[^>&2])>{1,2}\s*(?!\/dev\/null)[\w./~$"'-]|\btee\s|\bsed\s+-i|${gitCommand('add|commit|mv|rm').source}`, 'm');

/** Blocks that show what a run prints ("Expected:" over a ```text block), not code the task writes. */
export const OUTPUT_LANGS: ReadonlySet<string> = new Set(['text', 'txt', 'plaintext', 'output', 'log']);
