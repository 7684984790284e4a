/**
 * The units of work of a superpowers task, as the content rules read them. Most plans write
 * numbered steps (`- [ ] **Step 1: …**`), which the plan model parses; many write a task as a
 * checklist (`- [ ] Write RED tests …`) or a numbered list (`1. Add failing tests …`) without
 * step numbers, and a few as plain paragraphs. Each list item is then a unit, and a task with
 * neither steps nor such a list is one unit. List structure comes from the CommonMark outline.
 */
import { outline, type Outline } from '../../../plan/blocks.js';
import { blankFrontMatter, span, textAt, trimmedLine } from '../../../plan/source.js';
import type { CodeBlock, Plan, Span, Step, Task, Text } from '../../../plan/types.js';
import { taskName } from './parts.js';

export interface WorkUnit {
  task: Task;
  /** The parsed step, when the task numbers its steps. */
  step: Step | undefined;
  /** How a message names the unit: "Step 2", "item 3", or "" for a whole task. */
  label: string;
  /** What the unit says to do: the step's title, the item's first line, the task's first paragraph line. */
  head: Text;
  /** Every line of text of the unit outside code (head first). */
  prose: Text[];
  codeBlocks: CodeBlock[];
  span: Span;
}

const outlines = new WeakMap<Plan, Outline>();

/** The plan's block outline (computed once per plan; the parser does not keep it). */
export function planOutline(plan: Plan): Outline {
  let o = outlines.get(plan);
  if (!o) {
    const lines = blankFrontMatter(plan.lines);
    o = outline(lines === plan.lines ? plan.text : lines.join('\n'), lines);
    outlines.set(plan, o);
  }
  return o;
}

const units = new WeakMap<Plan, WorkUnit[]>();

/** The units of every task, in plan order. */
export function workUnits(plan: Plan): WorkUnit[] {
  let out = units.get(plan);
  if (!out) {
    out = plan.tasks.flatMap((task) => taskUnits(plan, task));
    units.set(plan, out);
  }
  return out;
}

const ITEM_MARKER = /^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/;

function taskUnits(plan: Plan, task: Task): WorkUnit[] {
  if (task.steps.length > 0) {
    return task.steps.map((step, i) => {
      // "- [ ] Write the test" is often followed by an unindented code block, which Markdown puts
      // after the list item but the author put in the step: blocks up to the next step are its own.
      const until = task.steps[i + 1]?.span.start.line ?? task.span.end.line + 1;
      const after = plan.codeBlocks.filter((b) => b.span.start.line > step.span.end.line && b.span.end.line < until && !step.codeBlocks.includes(b));
      return {
        task,
        step,
        label: `Step ${step.number}${step.suffix ?? ''}`,
        head: step.title,
        prose: [step.title, ...step.prose],
        codeBlocks: [...step.codeBlocks, ...after],
        span: step.span,
      };
    });
  }
  const o = planOutline(plan);
  const from = task.span.start.line + 1;
  const to = task.span.end.line;
  const fences = plan.codeBlocks.filter((b) => b.span.start.line >= from && b.span.end.line <= to);
  // Lines that belong to the task's Files and Interfaces blocks are not work (a numbered or checkbox item is, whatever a Files label above it took in).
  const label = (l: number): boolean =>
    (task.interfaces !== undefined && l >= task.interfaces.span.start.line && l <= task.interfaces.span.end.line) ||
    /^\s*(?:[-*+]\s+)?\*\*(?:Files?|Interfaces|Depends on|Complexity|Gotchas)\b[^*]*:?\*\*/i.test(plan.lines[l - 1] ?? '');
  const skip = (l: number): boolean => label(l) || task.files.some((f) => f.span.start.line === l);
  const items = o.listItems.filter((i) => i.line >= from && i.line <= to && !label(i.line));
  const depth = Math.min(...items.map((i) => i.depth));
  const steps = items.filter((i) => i.depth === depth && (i.ordered || /^\s*[-*+]\s+\[[ xX]\]\s/.test(plan.lines[i.line - 1] ?? '')));
  if (steps.length > 0) {
    return steps.map((item, n) => {
      const last = Math.min(item.endLine, to);
      const lineText = plan.lines[item.line - 1] ?? '';
      const marker = ITEM_MARKER.exec(lineText)?.[0].length ?? 0;
      const head = textAt(item.line, lineText, marker, lineText.trimEnd().length);
      return {
        task,
        step: undefined,
        label: `item ${n + 1}`,
        head,
        prose: [head, ...proseLines(plan, o, item.line + 1, last)],
        codeBlocks: fences.filter((b) => b.span.start.line > item.line && b.span.start.line <= last),
        span: span(item.line, 1, last, (plan.lines[last - 1] ?? '').length + 1),
      };
    });
  }
  const prose = proseLines(plan, o, from, to).filter((t) => !skip(t.span.start.line));
  if (prose.length === 0) return [];
  return [{ task, step: undefined, label: '', head: prose[0]!, prose, codeBlocks: fences, span: task.span }];
}

function proseLines(plan: Plan, o: Outline, from: number, to: number): Text[] {
  const out: Text[] = [];
  for (let l = from; l <= to; l++) {
    const lineText = plan.lines[l - 1] ?? '';
    if (o.codeMask[l] || lineText.trim() === '' || /^\s*#{1,6}\s/.test(lineText)) continue;
    out.push(trimmedLine(l, lineText));
  }
  return out;
}

/** A comment line: `// …`, `# …`, `-- …`, `/* …`, ` * …` inside a block comment (not a glob such as `*.sqlite`). */
const COMMENT_ONLY = /^\s*(?:\/\/|#|--|\/\*|\*(?:\s|\/|$)|<!--)/;

/** A block that shows code: not only comments (a commented-out example shows none). */
export function showsCode(block: CodeBlock): boolean {
  return block.content.split('\n').some((l) => l.trim() !== '' && !COMMENT_ONLY.test(l));
}

/** "Step 2 of Task 1", "item 3 of Task 1", "Task 2", "Step 3 of Task 0.1" (a task numbered within its phase). */
export function unitName(unit: WorkUnit): string {
  return unit.label === '' ? taskName(unit.task) : `${unit.label} of ${taskName(unit.task)}`;
}
