/**
 * "Not a plan" must not look like a pass where a plan was expected: a file under the configured
 * plans directory, `--require-plan`, an MCP `lint_plan` call, a drafted answer. There the
 * classifier's verdict becomes one error that says why.
 */
import type { Plan } from '../plan/types.js';
import type { Diagnostic } from '../rules/types.js';

export const NOT_A_PLAN = 'not-a-plan';

export function notAPlanDiagnostic(plan: Pick<Plan, 'formatReason'>, fix: string): Diagnostic {
  const start = { line: 1, column: 1 };
  return {
    ruleId: NOT_A_PLAN,
    severity: 'error',
    message: `This is not a micro-plan (${plan.formatReason}), where a plan was expected: ${fix}`,
    span: { start, end: start },
  };
}

/** The advice for a file a user asked to lint as a plan. */
export const WRITE_AS_PLAN = 'write it in the micro-plan format (a "# … Implementation Plan" title, Behavioral Contracts and Tasks), or lint it without --require-plan and outside the plans directory.';
