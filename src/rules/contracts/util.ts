/** Shared helpers of the contracts family. */
import { span } from '../../plan/source.js';
import type { Plan, Section, Span } from '../../plan/types.js';

/** Section B of a full plan, or the "## Behavioral Contracts" section of a compact one. */
export function contractsSection(plan: Plan): Section | undefined {
  return (
    plan.sections.find((s) => s.kind.type === 'lettered' && s.kind.letter === 'B') ??
    plan.sections.find((s) => s.kind.type === 'compact' && s.kind.name === 'contracts')
  );
}

/** Where to report something about the contracts as a whole: the section heading, else the title. */
export function contractsAnchor(plan: Plan): Span {
  return contractsSection(plan)?.heading.span ?? plan.title?.span ?? span(1, 1, 1, 1);
}
