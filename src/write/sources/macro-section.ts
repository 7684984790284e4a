/**
 * One section of a macro-plan as the source of work: `--section "Phase 2, PR 5"` picks the
 * heading "PR 5: …" nested under a heading "Phase 2 …". Matching is on words, not characters, so
 * punctuation, case and "PR5"/"PR 5" do not matter, yet "PR 4" never matches "PR 40".
 */
import { InputError } from '../../errors.js';
import { readSourceFile, type FileOptions } from './file.js';
import { headingPath, parseHeadings, type Heading } from './headings.js';
import type { Source } from './types.js';

export interface Section {
  heading: Heading;
  /** Enclosing headings, outermost first. */
  ancestors: Heading[];
  /** The heading line through the end of its section. */
  text: string;
}

export async function loadMacroSection(path: string, selector: string, options: FileOptions = {}): Promise<Source> {
  const markdown = await readSourceFile(path, options);
  const section = selectSection(markdown, selector, path);
  const trail = [...section.ancestors, section.heading].map((h) => h.text).join(' › ');
  const lines = section.heading.line === section.heading.endLine ? `line ${section.heading.line}` : `lines ${section.heading.line}–${section.heading.endLine}`;
  return { kind: 'macro-section', title: section.heading.text, text: section.text, origin: `${path}, section "${trail}" (${lines})` };
}

/** `name` names the document in messages. Throws InputError listing the headings when nothing fits. */
export function selectSection(markdown: string, selector: string, name: string): Section {
  const parts = selector
    .split(/[,>›»|]/)
    .map(words)
    .filter((p) => p.length > 0);
  const last = parts[parts.length - 1];
  if (!last) throw new InputError(`--section "${selector}" names no heading; e.g. --section "Phase 2, PR 5"`);
  const outer = parts.slice(0, -1);
  const headings = parseHeadings(markdown);

  type Candidate = { index: number; score: number };
  const matches: Candidate[] = [];
  const nearMisses: number[] = [];
  headings.forEach((heading, index) => {
    const own = matchScore(last, words(heading.text));
    if (own === 0) return;
    const ancestors = headingPath(headings, index).slice(0, -1);
    const outerScore = matchInOrder(outer, ancestors);
    if (outerScore === undefined) nearMisses.push(index);
    // The heading itself decides first; better-matching ancestors break ties.
    else matches.push({ index, score: own * 100 + outerScore });
  });

  if (matches.length === 0) throw noMatch(selector, name, headings, nearMisses, outer.length > 0);
  const best = Math.max(...matches.map((m) => m.score));
  const winners = matches.filter((m) => m.score === best);
  if (winners.length > 1) {
    const listed = winners.map((w) => `  line ${headings[w.index]!.line}: ${trailOf(headings, w.index)}`).join('\n');
    throw new InputError(
      `--section "${selector}" matches ${winners.length} headings in ${name}; add an enclosing heading to pick one (e.g. "Phase 2, PR 5"):\n${listed}`,
    );
  }
  const index = winners[0]!.index;
  const heading = headings[index]!;
  const lines = markdown.split(/\r\n|\r|\n/).slice(heading.line - 1, heading.endLine);
  while (lines.length > 1 && lines[lines.length - 1]!.trim() === '') lines.pop();
  return { heading, ancestors: headingPath(headings, index).slice(0, -1), text: `${lines.join('\n')}\n` };
}

/**
 * Lowercase words with accents and punctuation gone; letters and digits split apart so
 * "PR5" and "PR 5" are the same words.
 */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/gu, ' ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/** 3: same words; 2: heading starts with them; 1: they appear together inside it; 0: no match. */
function matchScore(wanted: string[], heading: string[]): number {
  if (wanted.length > heading.length) return 0;
  if (wanted.length === heading.length && wanted.every((w, i) => heading[i] === w)) return 3;
  for (let start = 0; start + wanted.length <= heading.length; start++) {
    if (wanted.every((w, i) => heading[start + i] === w)) return start === 0 ? 2 : 1;
  }
  return 0;
}

/** Each selector part must match a distinct ancestor, outermost first; undefined when one does not. */
function matchInOrder(parts: string[][], ancestors: Heading[]): number | undefined {
  let total = 0;
  let from = 0;
  for (const part of parts) {
    let found = false;
    for (; from < ancestors.length; from++) {
      const score = matchScore(part, words(ancestors[from]!.text));
      if (score > 0) {
        total += score;
        from++;
        found = true;
        break;
      }
    }
    if (!found) return undefined;
  }
  return total;
}

const OUTLINE_LIMIT = 80;

function noMatch(selector: string, name: string, headings: Heading[], nearMisses: number[], hadOuter: boolean): InputError {
  if (headings.length === 0) return new InputError(`${name} has no Markdown headings, so --section "${selector}" cannot select anything`);
  const lines = [`no heading in ${name} matches --section "${selector}".`];
  if (hadOuter && nearMisses.length > 0) {
    lines.push('The last part matches, but under other headings:');
    for (const i of nearMisses.slice(0, 10)) lines.push(`  line ${headings[i]!.line}: ${trailOf(headings, i)}`);
  }
  lines.push('Headings:');
  for (const h of headings.slice(0, OUTLINE_LIMIT)) lines.push(`  ${`line ${h.line}:`.padEnd(11)}${'  '.repeat(h.level - 1)}${'#'.repeat(h.level)} ${h.text}`);
  if (headings.length > OUTLINE_LIMIT) lines.push(`  … and ${headings.length - OUTLINE_LIMIT} more`);
  return new InputError(lines.join('\n'));
}

function trailOf(headings: Heading[], index: number): string {
  return headingPath(headings, index)
    .map((h) => h.text)
    .join(' › ');
}
