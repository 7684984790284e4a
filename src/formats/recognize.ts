/**
 * Which format a document is in. The micro-plan recognizer speaks first (its contracts and
 * lettered sections are unmistakable); a document it does not claim is offered to the other
 * formats. A config that names the format (`format: superpowers`) decides instead of the text.
 */
import { recognizeMicroPlan } from './micro-plan/recognize.js';
import { recognizeSuperpowers, superpowersSignals, unreadUnitHeading } from './superpowers/recognize.js';
import type { FormatChoice, FormatSignals, Recognition } from './types.js';

export function recognize(s: FormatSignals, choice: FormatChoice = 'auto'): Recognition {
  if (choice === 'superpowers') {
    return recognizeSuperpowers(s, true) ?? unreadTasks(s) ?? { format: 'none', reason: 'no "Task N" sections and no plan header — not a superpowers plan' };
  }
  const micro = recognizeMicroPlan(s);
  // The skill's own header line with two more of its marks outweighs a compact reading that rests
  // on nothing but a stray "contract" (a `## FEAT-043:` heading in a Markdown example and a "When …"
  // line after it): no contract section, no Source field, no contract with two clauses.
  if (micro.format === 'compact' && choice === 'auto' && strayContractsOnly(s)) {
    const signals = superpowersSignals(s);
    if (signals.includes('the superpowers agentic-workers line') && signals.length >= 3) {
      return { format: 'superpowers', reason: `${signals.join(', ')}: the superpowers header, over a stray contract-like line` };
    }
  }
  if (micro.format !== 'none' || choice === 'micro-plan') return micro;
  return recognizeSuperpowers(s, false) ?? unreadTasks(s) ?? micro;
}

/**
 * A superpowers plan whose tasks the parser cannot find ("## Aufgabe 1:", "### Task 2b-1:"): say so,
 * and how to head them, rather than call it a design doc. Its rules are not run: read without its
 * tasks, the plan would draw findings about tasks it has.
 */
function unreadTasks(s: FormatSignals): Recognition | undefined {
  const signals = superpowersSignals(s);
  const unit = signals.length > 0 ? unreadUnitHeading(s) : undefined;
  if (unit === undefined) return undefined;
  const shown = unit.length > 50 ? `${unit.slice(0, 49)}…` : unit;
  return {
    format: 'none',
    reason: `a superpowers plan by ${signals.join(' and ')}, but its units of work are headed "${shown}", and microplan finds tasks only by "Task N:" headings (numbered, in English): head them "### Task N: <Component Name>" to lint it`,
  };
}

function strayContractsOnly(s: FormatSignals): boolean {
  if (s.header.some((f) => f.name === 'Source')) return false;
  if (s.sections.some((x) => (x.kind.type === 'compact' && x.kind.name === 'contracts') || x.kind.type === 'lettered')) return false;
  return s.contracts.every((c) => c.clauses.length < 2);
}
