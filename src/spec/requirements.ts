/**
 * The requirements of a design spec, read with the plan parser's CommonMark outline: each
 * paragraph (a list item's text included) and each table row under the spec's sections. Sections
 * that say what is not to be done, or only why (Non-goals, Out of scope, Future work, Alternatives,
 * Open questions, Background, Files not changed, …), hold no requirement; nor do the spec's own
 * metadata lines (**Date:**, **Status:**) and statements that something stays as it is.
 */
import { outline } from '../plan/blocks.js';
import { namesIn, type SpecName } from './names.js';

export interface Requirement {
  /** 1-based line in the spec where the requirement starts. */
  line: number;
  /** Its Markdown as written (a table row's cells joined with " | "). */
  text: string;
  /** The headings above it, outermost first. */
  section: string[];
  names: SpecName[];
}

export interface SpecRequirements {
  requirements: Requirement[];
  /** Paragraphs and rows left out because of their section or their wording. */
  excluded: number;
  /**
   * The spec splits its delivery into phases or pull requests (a "Phasing", "Rollout" or
   * "Milestones" section): one plan implements a part, and which part a requirement belongs to
   * is not written in names.
   */
  phased: boolean;
}

/** A section that splits the delivery: "## 12. Phasing", "## Rollout plan", "## PR breakdown". */
const PHASING = /^(?:\d+(?:\.\d+)*[.)]?\s*)?(?:phasing|phases|delivery phases|implementation phases|phased (?:delivery|rollout|implementation)|rollout(?: plan)?|milestones|pr (?:plan|breakdown|sequence|split)|pull requests|implementation order|delivery plan|work breakdown)$/i;

/** Headings of sections that set bounds or give reasons rather than ask for work. */
const NOT_REQUIRED =
  /\b(?:non[- ]?goals?|not goals?|out[- ]of[- ]scope|not in scope|scope exclusions?|exclusions?|future(?: work| improvements?| enhancements?)?|later|follow[- ]?ups?|deferred|alternatives?|rejected|considered|open questions?|questions|unresolved|not (?:changed|touched|included|covered|affected)|unchanged|won'?t|will not|nice[- ]to[- ]have|background|context|motivation|problems?(?: statement)?|prior art|references?|related(?: work)?|history|glossary|terminology|rollback|risks?|changelog|revision|notes?)\b/i;

/** A statement that something stays as it is, or is not to be done: the plan need not name it. */
const STAYS = /^(?:[-*+]|\d+[.)])?\s*(?:\*\*[^*]+\*\*\s*[—:-]?\s*)?(?:do not|don't|never|no\b|not\b|must not|should not|without)\b|\b(?:does|do|must|should|will) not (?:touch|change|modify|alter)\b|\bunchanged\b|\bremains? (?:unchanged|compatible|as is)\b|\bno changes?\b/i;

const REMARK_COLUMN = /^(?:rationale|reasons?|why|notes?|remarks?|comments?|alternatives?(?: considered)?|trade-?offs?|source|evidence)$/i;

/** A paragraph that is only a bold label: `**Out of scope:**`. */
const PSEUDO_HEADING = /^\*\*([^*]{2,60}?):?\*\*:?$/;

/** A metadata line of the spec's header: `**Date:** 2026-04-25`. */
const META_LINE = /^\s*(?:[-*]\s*)?\*\*[^*]{1,40}:\*\*|^\s*(?:[-*]\s*)?\*\*[^*]{1,40}\*\*:/;

function headingText(raw: string): string {
  return raw.replace(/[*_`]/g, '').trim();
}

export function readRequirements(text: string): SpecRequirements {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const o = outline(lines.join('\n'), lines);
  const headings = [...o.headings].sort((a, b) => a.line - b.line);
  const firstSection = headings.find((h) => h.depth >= 2)?.line ?? Infinity;
  const sectionAt = (line: number): string[] => {
    const stack: Array<{ depth: number; text: string }> = [];
    for (const h of headings) {
      if (h.line > line) break;
      while (stack.length > 0 && stack[stack.length - 1]!.depth >= h.depth) stack.pop();
      stack.push({ depth: h.depth, text: headingText(h.raw) });
    }
    // The document's title names the spec, not a section of it.
    return stack.filter((s) => s.depth > 1 || headings.filter((h) => h.depth === 1).length > 1).map((s) => s.text);
  };

  const blocks: Array<{ line: number; text: string; meta: boolean }> = [];
  for (const [start, end] of o.paragraphs) {
    const body = lines.slice(start - 1, end);
    blocks.push({ line: start, text: body.join('\n'), meta: start < firstSection && body.every((l) => META_LINE.test(l)) });
  }
  for (const table of o.tables) {
    // A column that gives reasons or remarks ("Rationale", "Why", "Notes") asks for nothing.
    const asks = table.header.map((h) => !REMARK_COLUMN.test(headingText(h.text)));
    for (const row of table.rows) {
      const cells = row.cells.filter((_, i) => asks[i] ?? true);
      blocks.push({ line: row.span.start.line, text: cells.map((c) => c.text).join(' | '), meta: false });
    }
  }
  blocks.sort((a, b) => a.line - b.line);

  const inList = (line: number): boolean => o.listItems.some((item) => item.line <= line && item.endLine >= line);
  const requirements: Requirement[] = [];
  let excluded = 0;
  // A bold label on its own ("**Out of scope:**", "**Deferred:**") heads the list under it as a heading would.
  let label: { text: string; section: string } | undefined;
  for (const b of blocks) {
    const section = sectionAt(b.line);
    const key = section.join('\0');
    const pseudo = PSEUDO_HEADING.exec(b.text.trim());
    if (pseudo && !inList(b.line)) {
      label = { text: pseudo[1]!, section: key };
      excluded++;
      continue;
    }
    if (label && (label.section !== key || !inList(b.line))) label = undefined;
    const under = label ? [...section, label.text] : section;
    if (b.meta || under.some((s) => NOT_REQUIRED.test(s)) || STAYS.test(b.text)) {
      excluded++;
      continue;
    }
    requirements.push({ line: b.line, text: b.text, section: under, names: namesIn(b.text) });
  }
  return { requirements, excluded, phased: headings.some((h) => PHASING.test(headingText(h.raw))) };
}
