/**
 * What the task rules need to know about a task beyond the parsed model: its shape (numbered
 * steps, compact parts, or neither), whether it is a docs-only, test-only or verification-only
 * task, and whether it explicitly waives the failing-test step. The choices are documented in the
 * rule descriptions; they are kept here so that every task rule decides them the same way.
 */
import { findInLine, span } from '../../plan/source.js';
import { SHELL_LANGS } from '../../plan/tasks.js';
import type { CodeBlock, Plan, Span, Step, StepKind, Task } from '../../plan/types.js';

export { SHELL_LANGS };

export const CONVENTIONAL_COMMIT = /^(feat|fix|refactor|test|docs|chore|perf|build|ci|style)(\([^)\s]*\))?!?: \S/;

/** Stepped tasks follow the full template; compact tasks use Test/Impl/Verify labels; stubs have neither. */
export function taskShape(task: Task): 'steps' | 'compact' | 'stub' {
  if (task.steps.length > 0) return 'steps';
  return task.compact ? 'compact' : 'stub';
}

/** The "Task N" words of the task's heading line (for pointing at the task itself). */
export function taskHeadSpan(plan: Plan, task: Task): Span {
  const line = task.span.start.line;
  const lineText = plan.lines[line - 1] ?? '';
  const m = /Task\s+\d+/i.exec(lineText);
  return m ? span(line, m.index + 1, line, m.index + m[0].length + 1) : findInLine(plan.lines, line, lineText.trim());
}

/** The "Step N" words of a step's head line. */
export function stepHeadSpan(plan: Plan, step: Step): Span {
  const line = step.span.start.line;
  const lineText = plan.lines[line - 1] ?? '';
  const m = /Step\s+\d+[a-z]?/i.exec(lineText);
  return m ? span(line, m.index + 1, line, m.index + m[0].length + 1) : step.title.span;
}

export function stepLabel(step: Step): string {
  return `Step ${step.number}${step.suffix ?? ''}`;
}

const DOC_FILE = /\.(md|mdx|markdown|rst|txt|adoc)$|(^|\/)docs?\//i;

/** The conventional-commit type of the task's commit message ("docs", "test", …), if any. */
export function commitType(task: Task): string | undefined {
  const m = CONVENTIONAL_COMMIT.exec(task.commit?.subject.text.trim() ?? '');
  return m?.[1];
}

/** All code blocks of the task that are source code (not shell commands, not prose). */
export function taskCode(task: Task): CodeBlock[] {
  const blocks = [...task.steps.flatMap((s) => s.codeBlocks), ...(task.compact ? [...task.compact.test, ...task.compact.impl] : [])];
  return blocks.filter((b) => !SHELL_LANGS.has(b.lang) && !['markdown', 'md', 'text', 'txt'].includes(b.lang));
}

/**
 * A docs-only task changes documentation and nothing else: every listed file is documentation,
 * or the commit type is "docs". It has nothing to test or lint; it still edits and commits.
 */
export function isDocsOnly(task: Task): boolean {
  if (commitType(task) === 'docs') return true;
  if (task.files.length > 0) return task.files.every((f) => DOC_FILE.test(f.path));
  return taskCode(task).length === 0 && /\b(docs?|documentation|readme|claude\.md|glossary|erratum)\b/i.test(task.title.text);
}

/**
 * A verification-only task ("Final verification gate", "Regenerate golden dataset") has no test
 * or implementation step: it runs commands (and may commit what they produce), so the TDD cycle
 * does not apply to it.
 */
export function isVerificationOnly(task: Task): boolean {
  // "Task 7: Run full test suite and verify" written as a numbered list of commands.
  if (!task.compact && task.steps.length === 0) return /^\W*(?:run|verify|final|check|confirm)\b|\bverification\b/i.test(task.title.text);
  if (task.compact) return false;
  // Regeneration and verification tasks may commit (e.g. a regenerated golden file) but write no code.
  return !task.steps.some((s) => s.kind === 'test' || s.kind === 'implement');
}

/**
 * A red-only task writes a test, sees it fail and stops ("**Impl:** No implementation yet —
 * test must fail first", "Step 3: No implementation yet"): a later task makes it pass.
 */
export function isRedOnly(plan: Plan, task: Task): boolean {
  const stated = (t: string): boolean => /\bno implementation(?: yet)?\b|\b(?:implementation|fix) (?:is |comes )?in (?:the next|a later) task\b|\btest must fail first\b/i.test(t);
  if (task.compact) {
    // "**Verify (expect fail):** `go test …`": the label or the value says the run fails.
    const verifyLine = task.compact.verify ? (plan.lines[task.compact.verify.span.start.line - 1] ?? '') : '';
    const failing = /\bexpect(?:ed|s)?\b[^`]{0,20}\bfail/i.test(verifyLine);
    return task.compact.test.length > 0 && task.compact.impl.length === 0 && (stated(task.compact.implLabel?.text ?? '') || failing);
  }
  const writes = task.steps.some((s) => s.kind === 'test');
  const fails = task.steps.some((s) => s.kind === 'run-fail');
  const passes = task.steps.some((s) => s.kind === 'run-pass');
  return writes && fails && !passes && task.steps.some((s) => stated(s.title.text) || s.prose.some((p) => stated(p.text)));
}

/** A test-only task adds tests for behavior that already exists (commit type "test", or only test steps). */
export function isTestOnly(task: Task): boolean {
  if (commitType(task) === 'test') return true;
  return task.steps.some((s) => s.kind === 'test') && !task.steps.some((s) => s.kind === 'implement');
}

const WAIVER =
  /\bno (?:new |failing )?tests?\b|\bnot TDD\b|\bTDD (?:deviation|exception)\b|\bguard test\b|\bexisting tests (?:serve|validate|verify|cover)|\bno new implementation\b/i;

/**
 * The plan says in so many words that this task has no failing-test step ("**Step 1: No new
 * test** — mechanical refactor", "TDD deviation note: …", "guard test, not TDD red-green").
 */
export function testWaived(plan: Plan, task: Task): boolean {
  if (task.steps.some((s) => WAIVER.test(s.title.text))) return true;
  // A note written before the first step, or on the first line of a step.
  const firstStep = task.steps[0]?.span.start.line ?? task.span.end.line + 1;
  for (let l = task.span.start.line + 1; l < firstStep; l++) if (WAIVER.test(plan.lines[l - 1] ?? '')) return true;
  return task.steps.some((s) => s.prose.slice(0, 2).some((t) => WAIVER.test(t.text)));
}

/** Commit types that do not change behavior (or are the tests themselves): no new failing test is owed. */
const NO_NEW_TEST_TYPES = new Set(['refactor', 'perf', 'test', 'docs', 'chore', 'build', 'ci', 'style']);

/**
 * Whether the TDD red cycle (a new failing test before the code) applies to this task: not for
 * docs-only tasks, tasks that say they need no new test, tasks that only remove code, or tasks whose conventional-commit type
 * says they do not change behavior (refactor, perf, chore, …) or are tests themselves (test).
 */
export function needsNewTest(plan: Plan, task: Task): boolean {
  const type = commitType(task);
  return !(isDocsOnly(task) || testWaived(plan, task) || onlyRemoves(task) || (type !== undefined && NO_NEW_TEST_TYPES.has(type)));
}

/** A task whose changes all remove code ("Remove the field", "Delete the dead branch") has no new behavior to test first. */
function onlyRemoves(task: Task): boolean {
  const changes = task.steps.filter((s) => s.kind === 'implement');
  return changes.length > 0 && /^(?:remove|delete|drop)\b/i.test(changes[0]!.title.text.trim()) && !task.steps.some((s) => s.kind === 'test');
}

export function stepsOf(task: Task, kind: StepKind): Step[] {
  return task.steps.filter((s) => s.kind === kind);
}
