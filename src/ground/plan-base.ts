/**
 * The commit a plan records as written against (`**Base:** <sha>`), and the error for a Base the
 * repository does not have. Light on purpose: plain lint imports it without the repository code.
 */
import { InputError } from '../errors.js';
import type { HeaderField, Plan } from '../plan/types.js';

const baseField = (plan: Plan): HeaderField | undefined =>
  plan.header.find((f) => f.label.toLowerCase() === 'base' || f.label.toLowerCase() === 'base commit');

/** The `**Base:** <sha>` a plan records, if any. */
export function planBase(plan: Plan): string | undefined {
  const value = baseField(plan)?.value.text.replace(/`/g, '').trim().split(/\s+/)[0];
  return value && value !== '' ? value : undefined;
}

/** A plan's recorded Base is not in the repository: reported for that plan; the others are still linted. */
export class PlanBaseError extends InputError {
  override name = 'PlanBaseError';
  constructor(plan: Plan, revision: string, shallow: boolean) {
    const line = baseField(plan)?.value.span.start.line;
    super(
      `${line !== undefined ? `line ${line}: ` : ''}**Base:** ${revision} is not in the repository${shallow ? ' (a shallow clone: its history stops before that commit)' : ''}; ` +
        'fetch the full history (`git fetch --unshallow`; in GitHub Actions, actions/checkout with `fetch-depth: 0`) or correct the Base line',
    );
  }
}
