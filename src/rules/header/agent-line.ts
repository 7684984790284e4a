import type { Finding, Rule } from '../types.js';
import { span } from '../../plan/source.js';

/** The exact line the spec puts under the title; the executing skill looks for it. */
export const AGENT_LINE =
  '> **For Claude:** REQUIRED SUB-SKILL: Use superpowers:executing-plans to implement this plan task-by-task.';

const normalize = (s: string): string => s.replace(/\s+/g, ' ').trim();

export const agentLine: Rule = {
  id: 'agent-line',
  family: 'header',
  severity: 'error',
  formats: ['full'],
  description:
    'A full plan has, right after its title, the line "> **For Claude:** REQUIRED SUB-SKILL: Use superpowers:executing-plans to implement this plan task-by-task." It tells an agent that opens the plan which skill executes it. The line must come right after the title (only blockquoted status notes may precede it) and match the spec word for word; compact plans do not carry it.',
  instruction: `Put this line right after the title, exactly as written: ${AGENT_LINE}`,
  check(plan) {
    const titleLine = plan.title?.span.end.line ?? 0;
    // The first non-blank line after the title: where the agent line belongs.
    let first = titleLine + 1;
    while (first <= plan.lines.length && (plan.lines[first - 1] ?? '').trim() === '') first++;

    const found = plan.agentLine;
    if (!found) {
      const insertAt = titleLine + 1;
      return [
        {
          message: `The plan has no executing-agent line: add "${AGENT_LINE}" right after the title.`,
          span: span(first, 1, first, (plan.lines[first - 1] ?? '').length + 1),
          fix: { span: span(insertAt, 1, insertAt, 1), replacement: `\n${AGENT_LINE}\n` },
        },
      ];
    }
    const findings: Finding[] = [];
    const line = found.span.start.line;
    // Status notes added to a finished plan ("> **Status: COMPLETED …**") may sit above it; prose or fields may not.
    const between = plan.lines.slice(first - 1, line - 1).filter((l) => l.trim() !== '' && !/^\s{0,3}>/.test(l));
    if (between.length > 0) {
      findings.push({
        message: `The executing-agent line is on line ${line}, not right after the title: move it directly under the title.`,
        span: found.span,
      });
    }
    const written = normalize(plan.lines[line - 1] ?? '');
    if (written !== AGENT_LINE) {
      findings.push({
        message: `The executing-agent line differs from the spec: write exactly "${AGENT_LINE}".`,
        span: found.span,
        fix: { span: span(line, 1, line, (plan.lines[line - 1] ?? '').length + 1), replacement: AGENT_LINE },
      });
    }
    return findings;
  },
};
