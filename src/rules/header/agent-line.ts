import type { Finding, Rule } from '../types.js';
import type { Plan, Text } from '../../plan/types.js';
import { span, trimmedLine } from '../../plan/source.js';

const normalize = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * The plan's agent line: the one the parser recognises (the spec's wording and its variants), or
 * a blockquote line of the header that is exactly the configured line (a project's own wording).
 */
function findAgentLine(plan: Plan, expected: string, from: number): Text | undefined {
  if (plan.agentLine) return plan.agentLine;
  for (let l = from; l <= plan.lines.length; l++) {
    const text = plan.lines[l - 1] ?? '';
    if (/^\s{0,3}(#|\*\*)/.test(text)) break;
    if (normalize(text) === expected) return trimmedLine(l, text);
  }
  return undefined;
}

export const agentLine: Rule = {
  id: 'agent-line',
  family: 'header',
  severity: 'error',
  formats: ['full'],
  description:
    'A full plan has, right after its title, the agent line of the project\'s config (`agentLine`): by default "> **For the implementing agent:** Execute this plan task by task, in order; run each command and check its Expected before going on.", which names no agent; the spec\'s project (preset `inference-sim`) uses "> **For Claude:** REQUIRED SUB-SKILL: Use superpowers:executing-plans to implement this plan task-by-task." It tells an agent that opens the plan how to execute it. The line must come right after the title (only blockquoted status notes may precede it) and match the configured line word for word; compact plans do not carry it.',
  instruction: (config) => `Put this line right after the title, exactly as written: ${config.agentLine}`,
  check(plan, { config }) {
    const AGENT_LINE = normalize(config.agentLine);
    const titleLine = plan.title?.span.end.line ?? 0;
    // The first non-blank line after the title: where the agent line belongs.
    let first = titleLine + 1;
    while (first <= plan.lines.length && (plan.lines[first - 1] ?? '').trim() === '') first++;

    const found = findAgentLine(plan, AGENT_LINE, titleLine + 1);
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
        message: `The executing-agent line differs from the project's (config agentLine): write exactly "${AGENT_LINE}".`,
        span: found.span,
        fix: { span: span(line, 1, line, (plan.lines[line - 1] ?? '').length + 1), replacement: AGENT_LINE },
      });
    }
    return findings;
  },
};
