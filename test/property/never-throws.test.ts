/**
 * Whatever Markdown it is given — generated plan-like text, or real corpus plans with line ranges
 * deleted, duplicated and shuffled — parsing and linting with the whole catalog never throws, no
 * rule crashes, and every diagnostic points inside the file.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/defaults.js';
import { lintPlan } from '../../src/engine/lint.js';
import { parsePlan } from '../../src/plan/parse.js';
import type { PlanFormat } from '../../src/plan/types.js';
import type { Diagnostic } from '../../src/rules/types.js';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/plans/', import.meta.url));
const corpusFiles = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith('.md')).sort() : [];
const HELDOUT = fileURLToPath(new URL('../fixtures/superpowers-heldout/', import.meta.url));
const heldoutFiles = readdirSync(HELDOUT).filter((f) => f.endsWith('.md') && f.includes('__')).sort();

/** Problems with a diagnostic, as strings, so a failure shows all of them. */
function malformed(d: Diagnostic, lineCount: number): string[] {
  const out: string[] = [];
  const { start, end } = d.span;
  const inFile = (l: number): boolean => Number.isInteger(l) && l >= 1 && l <= lineCount + 1;
  if (typeof d.ruleId !== 'string' || d.ruleId === '') out.push('empty rule id');
  if (d.severity !== 'error' && d.severity !== 'warning') out.push(`severity ${String(d.severity)}`);
  if (typeof d.message !== 'string' || d.message.trim() === '') out.push('empty message');
  if (d.message.startsWith('internal error in rule')) out.push(`rule crashed: ${d.message}`);
  if (!inFile(start.line) || !inFile(end.line)) out.push(`line outside 1..${lineCount + 1}: ${start.line}-${end.line}`);
  if (!Number.isInteger(start.column) || start.column < 1 || !Number.isInteger(end.column) || end.column < 1) {
    out.push(`column < 1: ${start.column}-${end.column}`);
  }
  if (end.line < start.line || (end.line === start.line && end.column < start.column)) out.push('end before start');
  return out.map((p) => `${d.ruleId} ${start.line}:${start.column}: ${p}`);
}

/** Parses and lints as classified, then forced full and compact, so every rule meets odd input. */
async function check(text: string, forced: readonly PlanFormat[] = ['full', 'compact']): Promise<void> {
  const config = defaultConfig();
  const classified = parsePlan(text, 'plan.md');
  const formats: PlanFormat[] = [classified.format, ...forced.filter((f) => f !== classified.format)];
  for (const format of formats) {
    const plan = parsePlan(text, 'plan.md');
    plan.format = format;
    const ds = await lintPlan(plan, { config });
    const problems = ds.flatMap((d) => malformed(d, plan.lines.length));
    if (problems.length > 0) throw new Error(`${format}: ${problems.slice(0, 5).join('; ')}`);
  }
}

const words = fc.constantFrom('cache', 'Widget', 'request', 'MUST', 'should', 'NewFoo()', '`sim/x.go:12`', 'TODO', '—', '…', 'ä', '日本', '🙂', '\t', '|', '*', '_', '`');
const phrase = fc.array(fc.oneof(words, fc.string({ maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 6 }).map((ws) => ws.join(' '));
const n = fc.integer({ min: 0, max: 20 });

const line = fc.oneof(
  fc.constant(''),
  phrase,
  fc.tuple(fc.integer({ min: 1, max: 7 }), phrase).map(([d, t]) => `${'#'.repeat(d)} ${t}`),
  fc.tuple(fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'Z'), phrase).map(([l, t]) => `## ${l}) ${t}`),
  fc.constantFrom('## Part 1: Design Validation', '## Part 2: Executable Implementation', '## Part 3', '## Appendix', '## Phase 0', '## Behavioral Contracts', '## Tasks', '## Sanity Checklist', '---'),
  fc.tuple(n, phrase).map(([k, t]) => `### Task ${k}: ${t}`),
  fc.tuple(fc.constantFrom('BC', 'NC', 'EC'), n, phrase).map(([p, k, t]) => `${p}-${k}: ${t}`),
  fc.tuple(fc.constantFrom('GIVEN', 'WHEN', 'THEN', 'MECHANISM', 'Given', 'then'), phrase).map(([k, t]) => `- ${k} ${t}`),
  fc.tuple(fc.constantFrom('Goal', 'The problem today', 'What this PR adds', 'Why this matters', 'Architecture', 'Source', 'Closes', 'Behavioral Contracts', 'Files', 'Contracts Implemented', 'Verify', 'Lint', 'Commit', 'Test', 'Impl', 'Tech Stack'), phrase).map(
    ([k, t]) => `**${k}:** ${t}`,
  ),
  fc.tuple(fc.constantFrom('Create', 'Modify', 'Test', 'Delete'), phrase).map(([k, t]) => `- ${k}: \`${t}\``),
  fc.tuple(n, phrase).map(([k, t]) => `**Step ${k}: ${t}**`),
  fc.tuple(fc.constantFrom('Run', 'Expected', 'Verify'), phrase).map(([k, t]) => `${k}: ${t}`),
  fc.constantFrom('```', '```go', '```bash', '~~~', '    indented code', '> **For Claude:** REQUIRED SUB-SKILL: Use superpowers:executing-plans'),
  fc.array(phrase, { minLength: 1, maxLength: 4 }).map((cells) => `| ${cells.join(' | ')} |`),
  fc.constantFrom('|---|---|---|', '| Source Says | Micro Plan Does | Reason |', '| Contract | Task | Test |'),
  fc.tuple(fc.boolean(), phrase).map(([x, t]) => `- [${x ? 'x' : ' '}] ${t}`),
  fc.tuple(fc.constantFrom('disable', 'enable', 'disable-next-line', 'disable-line'), phrase).map(([k, t]) => `<!-- microplan-${k} ${t} -->`),
  fc.tuple(n, phrase).map(([k, t]) => `${k}. ${t}`),
  // A list quoted in a block quote: a list item that does not open its line.
  fc.tuple(n, phrase).map(([k, t]) => `> ${k}. ${t}`),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

const markdown = fc
  .tuple(fc.array(line, { maxLength: 60 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean(), fc.boolean())
  .map(([lines, eol, bom, finalEol]) => (bom ? '\ufeff' : '') + lines.join(eol) + (finalEol ? eol : ''));

describe('parse + lint never throw', () => {
  it('on generated plan-like Markdown', async () => {
    await fc.assert(fc.asyncProperty(markdown, (text) => check(text)), { numRuns: 300 });
  });

  it('on arbitrary strings', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => check(text)), { numRuns: 100 });
  });

  type Op = { kind: 'delete' | 'duplicate' | 'swap' | 'truncate'; a: number; b: number; c: number };
  const op = fc.record({
    kind: fc.constantFrom<Op['kind']>('delete', 'duplicate', 'swap', 'truncate'),
    a: fc.double({ min: 0, max: 1, noNaN: true }),
    b: fc.double({ min: 0, max: 1, noNaN: true }),
    c: fc.double({ min: 0, max: 1, noNaN: true }),
  });

  /** Applies line-range mutations; positions are fractions of the current length. */
  function mutate(text: string, ops: readonly Op[]): string {
    let lines = text.split('\n');
    for (const o of ops) {
      const at = (f: number): number => Math.floor(f * lines.length);
      const [from, to] = [at(Math.min(o.a, o.b)), at(Math.max(o.a, o.b))];
      const range = lines.slice(from, to + 1);
      if (o.kind === 'delete') lines.splice(from, range.length);
      else if (o.kind === 'duplicate') lines.splice(at(o.c), 0, ...range);
      else if (o.kind === 'swap') {
        lines.splice(from, range.length);
        lines.splice(at(o.c), 0, ...range);
      } else {
        const joined = lines.join('\n');
        lines = joined.slice(0, Math.floor(o.c * joined.length)).split('\n');
      }
    }
    return lines.join('\n');
  }

  it.skipIf(corpusFiles.length === 0)('on real corpus plans with line ranges deleted, duplicated, moved and truncated', async () => {
    const texts = new Map(corpusFiles.map((f) => [f, readFileSync(join(CORPUS, f), 'utf8')]));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...corpusFiles), fc.array(op, { minLength: 1, maxLength: 4 }), async (file, ops) => {
        await check(mutate(texts.get(file)!, ops));
      }),
      { numRuns: 40 },
    );
  });

  it('on every held-out superpowers plan with its numbered lines, or all of it, quoted in a block quote', () => {
    // Parsing alone: the list items a superpowers task reads as steps are found while parsing.
    for (const f of heldoutFiles) {
      const text = readFileSync(join(HELDOUT, f), 'utf8');
      const quoted = (pick: (l: string) => boolean): string => text.split('\n').map((l) => (pick(l) ? `> ${l}` : l)).join('\n');
      for (const t of [quoted((l) => /^\s*\d+[.)] /.test(l)), quoted(() => true)]) expect(() => parsePlan(t, 'docs/superpowers/plans/x.md'), f).not.toThrow();
    }
  });

  it.skipIf(corpusFiles.length === 0)('on every corpus file as it is', async () => {
    // As classified only: the mutation property above already forces formats on corpus text.
    for (const f of corpusFiles) await check(readFileSync(join(CORPUS, f), 'utf8'), []);
  });
});

describe('the well-formedness check', () => {
  it('rejects a diagnostic outside the file, so the properties above can fail', () => {
    const d: Diagnostic = { ruleId: 'r', severity: 'error', message: 'm', span: { start: { line: 5, column: 0 }, end: { line: 4, column: 1 } } };
    expect(malformed(d, 2)).toEqual(['r 5:0: line outside 1..3: 5-4', 'r 5:0: column < 1: 0-1', 'r 5:0: end before start']);
  });
});
