/**
 * The writing-plans skill's "No Placeholders" phrases, found in the text of a plan's steps. A phrase
 * quoted (`TBD`, "TODO"), negated ("no TBD/TODO", "never write …") or named in a self-review line
 * ("Placeholder scan: …") is a mention, not a placeholder.
 */
import { span } from '../../../plan/source.js';
import type { Span, Text } from '../../../plan/types.js';
import { SHELL_LANGS } from '../../../rules/tasks/shared.js';
import { showsCode, type WorkUnit } from './units.js';

export type PhraseKind = 'placeholder' | 'similar' | 'open';

interface Phrase {
  re: RegExp;
  kind: PhraseKind;
  /** Only a placeholder where the step shows no code of its own ("Add validation:" above a block introduces it). */
  withoutCode: boolean;
  /** Only in the step's head (its title or first line). */
  headOnly?: boolean;
}

const PHRASES: readonly Phrase[] = [
  { re: /\bTBD\b/, kind: 'placeholder', withoutCode: false },
  // "TODO:" / "(TODO)" / a line that is "TODO …"; not "TODO" the product name ("TODO Backup Ring").
  { re: /^TODO\b|\bTODO(?=\s*[:)—–]|\s*$)/, kind: 'placeholder', withoutCode: false },
  { re: /\bimplement(?:ed)? later\b/i, kind: 'placeholder', withoutCode: false },
  { re: /\bfill in (?:the )?(?:details|rest|remaining \w+|blanks?|gaps|later)\b/i, kind: 'placeholder', withoutCode: false },
  { re: /\badd (?:appropriate |proper |necessary |the |input )?(?:error handling|validation)\b/i, kind: 'placeholder', withoutCode: true },
  { re: /\bhandle (?:all |any |the )?(?:other |remaining )?edge[- ]cases\b/i, kind: 'placeholder', withoutCode: true },
  { re: /\b(?:write|add) (?:the )?(?:unit )?tests? for (?:the )?above\b/i, kind: 'placeholder', withoutCode: true },
  { re: /\b(?:similar to|same (?:as|pattern as|approach as|(?:[\w-]+\s+){0,2}(?:steps|checks) as)|analogous to|mirror(?:s|ing)?|repeat(?: the steps of| for)?)\s+(?:in\s+)?Task\s+\d+(?:\.\d+)?\b/i, kind: 'similar', withoutCode: true },
  // Steps that leave what to do to the engineer.
  { re: /\bfix (?:any|all) (?:real |remaining |resulting |other )?(?:issues|problems|errors|failures|warnings|regressions)(?: (?:found|that arise|you find))?\b/i, kind: 'open', withoutCode: true },
  { re: /\bidentify and fix\b/i, kind: 'open', withoutCode: true },
  { re: /\b(?:where practical|as appropriate)\b/i, kind: 'open', withoutCode: false },
  // Not a field of a record the step writes: "Record preview URL, commit SHA if applicable, routes, …".
  { re: /(?<!^\W*(?:record|note|log|list|document|capture|report|include)\b[^.]*)\bif applicable\b/i, kind: 'open', withoutCode: false },
  // Not an optional extra among a step's lettered items: "(a) conservation … (b) a resolution check … (c) Optionally an equivalence".
  { re: /(?<!\([a-z\d]\)\s{0,2})\boptionally\b/i, kind: 'open', withoutCode: false, headOnly: true },
];

/** A self-review or checklist line that names the phrases it checks for. */
const SELF_REVIEW = /\b(?:placeholder|self-review|scan)\b[^:]*:|\bno placeholders\b/i;
/** "no TBD/TODO", "never write TODO", "without TBDs". */
const NEGATED = /\b(?:no|never|not|without|avoid|zero|nor)\b[^.;:]*$/i;

export interface PhraseHit {
  kind: PhraseKind;
  phrase: string;
  span: Span;
}

function quotedAt(text: string, at: number): boolean {
  let ticks = 0;
  for (let i = 0; i < at; i++) if (text[i] === '`') ticks++;
  if (ticks % 2 === 1) return true;
  const before = text[at - 1];
  return before === '"' || before === '“' || before === "'" || before === '‘';
}

function hitIn(t: Text, phrase: Phrase): PhraseHit | undefined {
  if (SELF_REVIEW.test(t.text)) return undefined;
  const m = phrase.re.exec(t.text);
  if (!m || quotedAt(t.text, m.index) || NEGATED.test(t.text.slice(Math.max(0, m.index - 30), m.index))) return undefined;
  const col = t.span.start.column + m.index;
  return { kind: phrase.kind, phrase: m[0], span: span(t.span.start.line, col, t.span.start.line, col + m[0].length) };
}

/** The first placeholder phrase in a unit's text, if any. */
export function phraseIn(unit: WorkUnit, kinds: readonly PhraseKind[] = ['placeholder', 'similar', 'open']): PhraseHit | undefined {
  // Shell commands and commented-out examples show no code of the step's own.
  const hasCode = unit.codeBlocks.some((b) => !SHELL_LANGS.has(b.lang) && showsCode(b));
  // "Launch both (same pattern as Task 3 Step 1 — sleep-loop + tail)" over the step's own commands: what it runs is
  // shown (not a head that repeats a task: "Cross-build and repeat Task 1 … metrics").
  const runsOwn = unit.codeBlocks.some((b) => SHELL_LANGS.has(b.lang) && showsCode(b));
  for (const t of unit.prose) {
    for (const p of PHRASES) {
      if (!kinds.includes(p.kind) || (p.withoutCode && (hasCode || (p.kind === 'similar' && runsOwn && t !== unit.head))) || (p.headOnly && t !== unit.head)) continue;
      const hit = hitIn(t, p);
      if (hit) return hit;
    }
  }
  return undefined;
}
