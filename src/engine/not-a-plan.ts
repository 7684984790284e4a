/**
 * "Not a plan" must not look like a pass where a plan was expected: a file under the configured
 * plans directory, `--require-plan`, an MCP `lint_plan` call, a drafted answer. There the
 * classifier's verdict becomes one error that says why, in the words of the format the project
 * writes (its module's `writing.notAPlan`).
 */
import type { PlanFormatModule } from '../formats/index.js';
import type { Plan } from '../plan/types.js';
import type { Diagnostic } from '../rules/types.js';

export const NOT_A_PLAN = 'not-a-plan';

/**
 * The error for a document that is not a plan of `format`: `lint` advice for a file a user asked
 * to lint as a plan, `write` advice for an agent or model that was asked to write one.
 */
export function notAPlanDiagnostic(plan: Pick<Plan, 'formatReason'>, format: PlanFormatModule, situation: 'lint' | 'write'): Diagnostic {
  const start = { line: 1, column: 1 };
  return {
    ruleId: NOT_A_PLAN,
    severity: 'error',
    message: `This is not a ${format.writing.noun} (${plan.formatReason}), where a plan was expected: ${format.writing.notAPlan[situation]}`,
    span: { start, end: start },
  };
}
