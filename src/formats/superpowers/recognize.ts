/**
 * Recognizing a superpowers writing-plans plan. The micro-plan format grew out of this template,
 * so micro-plans carry most of its header (the agentic line, Goal, Architecture, `### Task N`):
 * what tells the two apart is behavioral contracts (micro-plans) against a Tech Stack line and
 * checkbox steps (superpowers). This recognizer is asked only about documents the micro-plan
 * recognizer did not claim, or where the config says the plans are superpowers plans.
 */
import type { FormatSignals, Recognition } from '../types.js';

const CHECKBOX_STEP = /^\s*[-*+]\s+\[[ xX]\]\s/;

/** The signals of the format, each named for the recognition reason. */
export function superpowersSignals(s: FormatSignals): string[] {
  const out: string[] = [];
  if (s.header.some((f) => /^tech(?:nology)?[ -]stack$/i.test(f.label.trim()))) out.push('a Tech Stack line');
  if (s.tasks.some((t) => t.steps.some((st) => CHECKBOX_STEP.test(s.lines[st.span.start.line - 1] ?? '')))) out.push('checkbox steps');
  if (s.agentLine && /superpowers:(?:executing-plans|subagent-driven-development)/.test(s.agentLine.text)) out.push('the superpowers agentic-workers line');
  if (/(?:^|\/)docs\/(?:[\w-]+\/)?plans\//.test(s.path.replace(/\\/g, '/')) && /superpowers/.test(s.path)) out.push('a superpowers plans folder');
  return out;
}

export function recognizeSuperpowers(s: FormatSignals, chosen: boolean): Recognition | undefined {
  if (s.contracts.some((c) => c.clauses.length > 0) && !chosen) return undefined;
  const planTitle = s.title !== undefined && /implementation plan\s*$/i.test(s.title.text);
  const hasGoal = s.header.some((f) => /^goal$/i.test(f.label.trim()));
  if (s.tasks.length === 0 && !(planTitle && hasGoal)) return undefined;
  const signals = superpowersSignals(s);
  if (chosen) return { format: 'superpowers', reason: `the config reads these plans as superpowers plans${signals.length > 0 ? ` (${signals.join(', ')})` : ''}` };
  if (signals.length === 0) return undefined;
  return { format: 'superpowers', reason: `tasks without behavioral contracts, with ${signals.join(', ')}` };
}

/**
 * A heading that numbers a unit of work: "Aufgabe 1: …", "Tarea 2 — …", "Task 2b-1: …" (a word, a
 * number or lettered id, a separator).
 */
const UNIT_HEADING = /^(\p{L}[\p{L}\p{M}'’-]*)\s+(\p{Lu}{0,4}\d+[a-z]?(?:[.-]\d+[a-z]?)*)\s*[:.—–-]\s*\S/u;

/**
 * The first heading of a plan's units of work where none is a "Task N" heading the parser reads as a
 * task: translated ("## Aufgabe 1: …") or given ids the parser does not read ("### Task 2b-1: …"). The most used word wins.
 */
export function unreadUnitHeading(s: FormatSignals): string | undefined {
  if (s.tasks.length > 0) return undefined;
  const units = s.sections.flatMap((x) => {
    const text = x.heading.text.replace(/[*_]/g, '').trim();
    const m = x.depth >= 2 ? UNIT_HEADING.exec(text) : null;
    return m ? [{ text, word: m[1]!.toLowerCase() }] : [];
  });
  const count = new Map<string, number>();
  for (const u of units) count.set(u.word, (count.get(u.word) ?? 0) + 1);
  const top = [...count.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  return units.find((u) => u.word === top)?.text;
}
