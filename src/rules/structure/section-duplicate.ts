import type { Finding, Rule } from '../types.js';
import { placedSections } from './layout.js';

export const sectionDuplicate: Rule = {
  id: 'section-duplicate',
  family: 'structure',
  severity: 'error',
  formats: ['full', 'compact'],
  description:
    'Each section and each task number appears once: two "### E) Review Guide" headings, two "## Part 2" headings or two "### Task 4" headings are reported at the repeat. The parser and every reader take the first one, so the content of the repeat is invisible to the checks that use the section, and "Task 4" no longer names one task. Numbered subsections such as "K.1" are not repeats of K.',
  instruction: 'Write each section once and number tasks uniquely (Task 1, Task 2, …); merge a repeated section into the first one.',
  check(plan) {
    const findings: Finding[] = [];
    const firstAt = new Map<string, number>();
    for (const p of placedSections(plan)) {
      const line = p.section.heading.span.start.line;
      const seen = firstAt.get(p.slot.key);
      if (seen === undefined) {
        firstAt.set(p.slot.key, line);
        continue;
      }
      findings.push({
        message: `${p.slot.label.charAt(0).toUpperCase() + p.slot.label.slice(1)} appears again (first at line ${seen}): merge this one into it.`,
        span: p.section.heading.span,
      });
    }
    const taskAt = new Map<number, number>();
    for (const task of plan.tasks) {
      const line = task.span.start.line;
      const seen = taskAt.get(task.number);
      if (seen === undefined) {
        taskAt.set(task.number, line);
        continue;
      }
      findings.push({
        message: `Task ${task.number} appears twice (first at line ${seen}): renumber the tasks so each number names one task.`,
        span: task.title.span.start.line === line ? { start: task.span.start, end: task.title.span.end } : task.title.span,
      });
    }
    return findings;
  },
};
