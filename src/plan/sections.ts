/**
 * Sections: every heading becomes a Section; its kind comes from the heading text. Real plans
 * vary ("### B) Behavioral Contracts", "### B. Behavioral Contracts", "## PART 1: Design
 * Validation", "## Appendix K: …"), so recognition is by letter and by name, case-insensitive.
 */
import type { HeadingBlock } from './blocks.js';
import { plainInline, span } from './source.js';
import { SECTION_LETTERS, SECTION_NAMES, type Section, type SectionKind, type SectionLetter } from './types.js';

const NAME_TO_LETTER = new Map<string, SectionLetter>();
for (const letter of SECTION_LETTERS) NAME_TO_LETTER.set(SECTION_NAMES[letter].toLowerCase(), letter);
// Names the corpus uses for the appendix and the checklist.
NAME_TO_LETTER.set('file-level implementation details', 'K');
NAME_TO_LETTER.set('file-level details', 'K');
NAME_TO_LETTER.set('detailed specifications', 'K');
NAME_TO_LETTER.set('design sanity checklist', 'J');

/**
 * What a lettered heading's title says it is, when the title is not the spec's exact name
 * ("C) Expanded Contracts", "F) Test Matrix", "J. Antipattern Prevention"). Most specific first:
 * "Design Bug Prevention Checklist" is a checklist, "Architectural Risk Register" a risk section.
 */
const TITLE_PATTERNS: ReadonlyArray<[RegExp, SectionLetter]> = [
  [/\bexecutive summary\b|^summary$/, 'A'],
  [/\bcontracts?\b/, 'B'],
  [/\bdeviations?\b/, 'D'],
  [/\breview(?:er)? guide\b/, 'E'],
  [/\bimplementation overview\b|^overview$|\bfiles? (?:modified|changed|to (?:create|modify|change))\b/, 'F'],
  [/\btask(?:s| breakdown)?\b|\bimplementation plan\b/, 'G'],
  [/\btest(?:ing)? (?:strategy|plan|matrix)\b/, 'H'],
  [/\brisks?\b/, 'I'],
  [/\bchecklist\b|\bantipattern/, 'J'],
  [/\bappendix\b|\bfile-level\b|\bdetailed spec/, 'K'],
  [/\bcomponent interaction\b|\bcomponent diagram\b/, 'C'],
];

function letterForTitle(title: string, loose: boolean): SectionLetter | undefined {
  const name = title.toLowerCase().replace(/\s*\(.*\)\s*$/, '').replace(/[:.]$/, '').trim();
  const exact = NAME_TO_LETTER.get(name);
  if (exact || !loose) return exact;
  return TITLE_PATTERNS.find(([re]) => re.test(name))?.[1];
}

/**
 * A section is identified by its title first and its letter second: "### A. Behavioral
 * Contracts" is the contracts section whatever its letter, and a letter whose title names no
 * section of the spec ("G) Exercisability Proof") stands for its letter only while no other
 * heading's title claims that letter (`buildSections` checks that across the document).
 */
export function classifyHeading(raw: string): SectionKind {
  const text = plainInline(raw).replace(/\s+/g, ' ');
  const lower = text.toLowerCase();

  if (/^phase 0\b/.test(lower) || /^component context\b/.test(lower)) return { type: 'phase0' };

  // "Part 3J — Sanity Checklist": a Part number run into a section letter.
  const partLetter = /^part \d([a-k])\b\s*(?:[—:–-]\s*)?(.*)$/i.exec(text);
  if (partLetter) return lettered(partLetter[1]!.toUpperCase() as SectionLetter, partLetter[2]!);

  const part = /^part (1|2|3|one|two|three)\b/.exec(lower);
  if (part) {
    const n = { '1': 1, one: 1, '2': 2, two: 2, '3': 3, three: 3 }[part[1] as '1'] as 1 | 2 | 3;
    if (/appendix/.test(lower)) return { type: 'part', part: 'appendix' };
    return { type: 'part', part: n };
  }
  if (/^appendix\b/.test(lower)) {
    return { type: 'part', part: 'appendix' };
  }

  // "B) Behavioral Contracts", "B. Behavioral Contracts", "B: …", "Section B — …" — but not
  // "K.1: `docs/rules.md`", a numbered subsection inside K.
  const prefixed = /^(?:section )?([A-K])(?:\)|\.(?!\d)|:| —| –| -)\s*(.*)$/.exec(text);
  if (prefixed) return lettered(prefixed[1] as SectionLetter, prefixed[2]!);

  const name = lower.replace(/\s*\(.*\)\s*$/, '').replace(/[:.]$/, '').trim();
  if (name === 'behavioral contracts' || name === 'behavioural contracts') return { type: 'compact', name: 'contracts' };
  if (name === 'tasks' || name === 'task breakdown') return { type: 'compact', name: 'tasks' };
  if (name === 'sanity checklist' || name === 'design sanity checklist') return { type: 'compact', name: 'checklist' };
  if (name === 'deviation log' || name === 'deviations') return { type: 'compact', name: 'deviations' };
  const byName = letterForTitle(name, false);
  if (byName) return { type: 'lettered', letter: byName };
  return { type: 'other' };
}

function lettered(written: SectionLetter, title: string): SectionKind {
  const byTitle = letterForTitle(title, true);
  if (byTitle) return byTitle === written ? { type: 'lettered', letter: byTitle } : { type: 'lettered', letter: byTitle, relettered: true };
  return { type: 'lettered', letter: written, byLetterOnly: true };
}

/**
 * A heading known only by its letter gives way to a heading whose title names that section; and
 * in a document that letters its own sections (some title names another section than its
 * letter: "D. Risks and Mitigations"), a letter alone says nothing.
 */
function settleLetters(sections: Section[]): void {
  const claimed = new Set<SectionLetter>();
  let ownLettering = false;
  for (const s of sections) {
    if (s.kind.type !== 'lettered' || s.kind.byLetterOnly) continue;
    claimed.add(s.kind.letter);
    if (s.kind.relettered) ownLettering = true;
  }
  for (const s of sections) {
    if (s.kind.type === 'lettered' && s.kind.byLetterOnly && (ownLettering || claimed.has(s.kind.letter))) s.kind = { type: 'other' };
  }
}

/** Sections for every heading, each running to the next heading of the same or lower depth. */
export function buildSections(headings: readonly HeadingBlock[], lines: readonly string[]): Section[] {
  const sections: Section[] = [];
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i]!;
    let endLine = lines.length;
    for (let j = i + 1; j < headings.length; j++) {
      if (headings[j]!.depth <= h.depth) {
        endLine = headings[j]!.line - 1;
        break;
      }
    }
    // Trailing blank lines and thematic breaks are not part of a section's content.
    while (endLine > h.line && /^\s*(?:[-*_]\s*){0,2}$|^\s*(?:---+|\*\*\*+|___+)\s*$/.test(lines[endLine - 1] ?? '')) endLine--;
    const headingEnd = h.span.end.line;
    sections.push({
      kind: classifyHeading(h.raw),
      heading: { text: plainInline(h.raw), span: h.span },
      depth: h.depth,
      span: span(h.line, 1, endLine, (lines[endLine - 1] ?? '').length + 1),
      bodyStart: headingEnd + 1,
      bodyEnd: endLine,
    });
  }
  settleLetters(sections);
  return sections;
}

/** The section for a letter (the first one; duplicates are a structure finding). */
export function sectionByLetter(sections: readonly Section[], letter: SectionLetter): Section | undefined {
  return sections.find((s) => s.kind.type === 'lettered' && s.kind.letter === letter);
}

/** Body lines of a section that are not blank. */
export function contentLineCount(section: Section, lines: readonly string[]): number {
  let n = 0;
  for (let l = section.bodyStart; l <= section.bodyEnd; l++) if ((lines[l - 1] ?? '').trim() !== '') n++;
  return n;
}
