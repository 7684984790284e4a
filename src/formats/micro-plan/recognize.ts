/**
 * The micro-plan format's recognizer: full, compact or not a micro-plan. A plan defines contracts or tasks; design docs and macro plans
 * do not (they get one "not a plan" note instead of hundreds of findings). A full plan has the
 * lettered sections / Parts of the full format; anything else with contracts or tasks is compact.
 */
import type { FormatSignals } from '../types.js';
import type { PlanFormat } from '../../plan/types.js';

export function recognizeMicroPlan(s: FormatSignals): { format: PlanFormat; reason: string } {
  // Letters count only where a title names the section: a macro plan's own "A)…K)" are not the spec's.
  const letters = new Set(s.sections.flatMap((x) => (x.kind.type === 'lettered' && !x.kind.byLetterOnly ? [x.kind.letter] : [])));
  const parts = s.sections.filter((x) => x.kind.type === 'part').length;
  const contractsWithClauses = s.contracts.filter((c) => c.clauses.length > 0).length;
  const planTitle = s.title !== undefined && /implementation plan\s*$/i.test(s.title.text);
  const hasGoal = s.header.some((f) => f.name === 'Goal');
  const body = contractsWithClauses > 0 || s.tasks.length > 0;

  // The full format's skeleton (most of its sections, named as the spec names them) is a plan even
  // where contracts and tasks are written another way (Gherkin scenarios, per-file changes).
  const skeleton = letters.size >= 5;
  // A document titled "… Implementation Plan" with the header of one is a (broken) plan even with no contracts yet.
  if (!body && !skeleton && !(planTitle && hasGoal && s.header.length >= 4)) {
    return {
      format: 'none',
      reason: 'no behavioral contracts (BC-N with GIVEN/WHEN/THEN) and no "Task N" sections — a design doc, macro plan or other document',
    };
  }
  const hasSource = s.header.some((f) => f.name === 'Source');
  const contractsHeading = s.sections.some((x) => (x.kind.type === 'compact' && x.kind.name === 'contracts') || (x.kind.type === 'lettered' && x.kind.letter === 'B' && !x.kind.byLetterOnly));
  if (contractsWithClauses === 0 && letters.size < 3 && !hasSource && !contractsHeading && !skeleton) {
    // Task-by-task plans in other templates (e.g. Goal / Architecture / Tech Stack headers).
    return { format: 'none', reason: 'tasks but no behavioral contracts, no Source field and no contract section — a plan in another template, not a micro-plan' };
  }
  if (s.tasks.length === 0 && !hasGoal && !planTitle && letters.size < 3) {
    return { format: 'none', reason: 'contracts but no tasks and no plan header — a design doc or partial plan' };
  }
  // Part headings alone ("Part 2: TDD Tasks") over compact sections do not make the full format.
  if (letters.size >= 3 || (parts >= 2 && letters.size >= 1)) {
    return { format: 'full', reason: `${letters.size} lettered sections (A–K) and ${parts} Part headings` };
  }
  return { format: 'compact', reason: 'contracts or tasks without the lettered sections of the full format' };
}
