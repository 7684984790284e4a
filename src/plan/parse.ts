/** parsePlan: Markdown text → the typed Plan model. Pure and tolerant: it never throws on text. */
import { parseAudits } from './audits.js';
import { outline } from './blocks.js';
import { parseChecklist } from './checklist.js';
import { parseCitations } from './citations.js';
import { findContractRefs, parseContracts } from './contracts.js';
import { parseDirectives } from './directives.js';
import { parseHeader } from './header.js';
import { buildSections, sectionByLetter } from './sections.js';
import { blankFrontMatter, normalizeText, splitLines } from './source.js';
import { parseDeviations, parseRisks, parseTestStrategy, partSection } from './tables.js';
import { addListItemSteps, parseTasks } from './tasks.js';
import type { Plan, Section } from './types.js';
import { recognize } from '../formats/recognize.js';
import type { FormatChoice } from '../formats/types.js';
import { lazy } from '../lazy.js';

export interface ParseOptions {
  /** The format the plans are in (a config's `format`); `auto` recognizes it from the text. */
  format?: FormatChoice | undefined;
}

export function parsePlan(rawText: string, path = '<input>', options: ParseOptions = {}): Plan {
  const text = normalizeText(rawText);
  const source = splitLines(text);
  // Everything below reads the plan with its front matter blanked; the Plan keeps the text as written.
  const lines = blankFrontMatter(source) as string[];
  const o = outline(lines === source ? text : lines.join('\n'), lines);
  const sections = buildSections(o.headings, lines);
  const header = parseHeader(lines, o);

  const compact = (name: string): Section | undefined =>
    sections.find((s) => s.kind.type === 'compact' && s.kind.name === name);
  const contractsSection = sectionByLetter(sections, 'B') ?? compact('contracts');
  const contracts = contractsSection
    ? parseContracts(lines, o, contractsSection.bodyStart, contractsSection.bodyEnd)
    : parseContracts(lines, o, header.end + 1, lines.length).filter((c) => c.clauses.length > 0);
  const contractPrefixes = new Set(contracts.map((c) => c.prefix));
  const tasks = parseTasks(lines, o, sections, contractPrefixes);
  const checklistSection = partSection(sections, 'checklist') ?? compact('checklist');
  const { format, reason } = recognize(
    { path, lines, title: header.title, agentLine: header.agentLine, header: header.fields, sections, contracts, tasks },
    options.format,
  );
  // A superpowers task may write its steps as a checklist or numbered list instead of "Step N" heads.
  if (format === 'superpowers') addListItemSteps(lines, o, tasks);
  // Read on first use (~3 ms of a cold lint): only the grounding rules, which need --repo, and an
  // audit's listing read them, and most plans have no audit.
  const citationsOf = lazy(() => parseCitations(lines, o));

  return {
    path,
    text,
    lines: source,
    format,
    formatReason: reason,
    title: header.title,
    agentLine: header.agentLine,
    header: header.fields,
    headerEnd: header.end,
    sections,
    contracts,
    contractRefs: findContractRefs(lines, contractPrefixes),
    tasks,
    testStrategy: parseTestStrategy(o, partSection(sections, 'testStrategy')),
    deviations: parseDeviations(o, partSection(sections, 'deviations'), lines),
    risks: parseRisks(o, partSection(sections, 'risks'), lines),
    checklist: checklistSection ? parseChecklist(lines, o, checklistSection.bodyStart, checklistSection.bodyEnd) : [],
    codeBlocks: o.fences,
    get citations() {
      return citationsOf();
    },
    // An audit may sit outside Phase 0 too (a macro plan, an Implementation Overview); its lead says what it is.
    audits: parseAudits(lines, o, 1, lines.length, citationsOf),
    directives: parseDirectives(o),
    fenceProblems: o.fenceProblems,
  };
}
