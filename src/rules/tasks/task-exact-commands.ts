import type { Config } from '../../config/types.js';
import { gitCommand } from '../../plan/git-command.js';
import type { Text } from '../../plan/types.js';
import type { Finding, Rule } from '../types.js';
import { isConfiguredCommand, isRunnerCommand } from './commands.js';
import { isDocsOnly, stepHeadSpan, stepLabel } from './shared.js';

/** `git add` and `git commit` stage and record; they print nothing to expect. */
const GIT_STAGES = new RegExp(String.raw`^\s*${gitCommand('add|commit').source}`);

const PLACEHOLDER = /<[A-Za-z][\w ./-]*>|\[(?:package|pkg|path|name|test ?name|file|dir)\]|(?:^|\s)(?:\.\.\.|…)(?=\s|$)|\b(?:TODO|TBD|XXX|FIXME)\b/;
/** A step a person does by hand: there is no command to write. */
const MANUAL = /^(?:open|visit|navigate|click|observe|look|watch|press|type|drag)\b/i;
const VAGUE = /^(?:run|execute|use|invoke|manual(?:ly)?|see|same|all|the|n\/a|none|check|verify|ensure)\b/i;

/**
 * Why a command is not an exact command, or undefined when it is one. The project's own commands
 * (config `commands`) and runner invocations ("npm run lint", "make test unit") are commands
 * whatever their words; the description heuristics below apply to the rest.
 */
export function commandProblem(cmd: string, config?: Config): string | undefined {
  const c = cmd.trim();
  if (c === '') return 'is empty';
  const ph = PLACEHOLDER.exec(c);
  if (ph) return `has a placeholder ("${ph[0].trim()}") in place of an argument`;
  if ((config && isConfiguredCommand(c, config)) || isRunnerCommand(c)) return undefined;
  const words = c.split(/\s+/);
  if (VAGUE.test(c) && !/[/=]|\s-{1,2}\w/.test(c)) return 'is a description, not a command';
  if (words.length >= 3 && words.every((w) => /^[A-Za-z,;:()'"]+$/.test(w))) return 'is a description, not a command';
  // "Read back the file and confirm …": commands do not start with a capitalised English word.
  if (words.length >= 3 && /^[A-Z][a-z]+$/.test(words[0]!) && !/[/=`]|\s-{1,2}\w/.test(c)) return 'is a description, not a command';
  return undefined;
}

/** The command inside a compact "**Verify:** `cmd` (expect FAIL)" value. */
function compactCommand(t: Text): { text: string; span: Text['span'] } {
  const m = /`([^`]+)`/.exec(t.text);
  if (!m) return t;
  const col = t.span.start.column + m.index + 1;
  return { text: m[1]!, span: { start: { line: t.span.start.line, column: col }, end: { line: t.span.start.line, column: col + m[1]!.length } } };
}

export const taskExactCommands: Rule = {
  id: 'task-exact-commands',
  family: 'tasks',
  severity: 'error',
  // Not superpowers plans: their Run/Expected pairs are sp-run-expected's, and this rule's
  // micro-plan reading of step commands was wrong on all 3 reviewed superpowers findings.
  formats: ['full', 'compact'],
  description:
    'Every "Run:" (and compact "**Verify:**" / "**Lint:**") is an exact command the agent can paste: not empty, not a description such as "run the tests", with no placeholder (`<package>`, `[path]`, a lone `...` or `…` in place of an argument — Go\'s `./pkg/...` pattern is fine — TODO). The commands the project\'s config names, and invocations of the usual runners (`npm run lint`, `npm test`, `pnpm`, `yarn`, `make test unit`, `just lint`, `cargo test …`, `uv run pytest`) with no English function words in them, are commands whatever their words. In numbered steps every Run has an "Expected:" so the agent knows whether verification succeeded ("Exact commands with expected output"); compact tasks have no Expected in their template and are not asked for one. Docs-only compact tasks may describe their Verify/Lint in words ("Visual review of the rendered page", "N/A (markdown)"): there may be no command to run. Red and green steps without an Expected are left to task-red-step and task-green-step, and in superpowers plans every missing Expected to sp-run-expected.',
  instruction: 'Write every Run/Verify/Lint as the exact command (in backticks) and follow each Run with "Expected: <PASS, FAIL with \\"…\\", or the output>".',
  check(plan, { config }) {
    const out: Finding[] = [];
    for (const task of plan.tasks) {
      for (const step of task.steps) {
        // Several Runs may share one Expected ("Run: a", "Run: b", "Expected: PASS"); a step with none is reported once.
        const anyExpected = step.commands.some((c) => c.expected !== undefined);
        let reportedMissing = false;
        for (const c of step.commands) {
          if (c.run.text.trim() === '') {
            // A superpowers step done by hand ("Open browser to http://localhost:9876", "Expected: Waiting page") has nothing to run.
            if (plan.format === 'superpowers' && MANUAL.test(step.title.text)) continue;
            out.push({
              message: `${stepLabel(step)} of Task ${task.number} has an Expected but no command: add "Run: <exact command>" before it.`,
              span: c.expected?.span ?? stepHeadSpan(plan, step),
            });
            continue;
          }
          const problem = commandProblem(c.run.text, config);
          if (problem) {
            out.push({ message: `The command of ${stepLabel(step)} in Task ${task.number} ${problem}: write the exact command to run.`, span: c.run.span });
            continue;
          }
          // Red and green steps without an Expected are reported by task-red-step / task-green-step,
          // and every superpowers step by sp-run-expected.
          const ownExpected = step.kind !== 'commit' && step.kind !== 'run-fail' && step.kind !== 'run-pass' && plan.format !== 'superpowers';
          if (!anyExpected && !reportedMissing && ownExpected && !GIT_STAGES.test(c.run.text)) {
            reportedMissing = true;
            out.push({
              message: `The command of ${stepLabel(step)} in Task ${task.number} has no Expected: add "Expected: PASS" (or the failure or output to expect) after it.`,
              span: c.run.span.start.line === c.run.span.end.line ? c.run.span : stepHeadSpan(plan, step),
            });
          }
        }
      }
      const compact = task.compact;
      if (!compact) continue;
      const docs = isDocsOnly(task);
      for (const [label, value] of [['Verify', compact.verify], ['Lint', compact.lint]] as const) {
        if (!value) continue;
        const cmd = compactCommand(value);
        const problem = commandProblem(cmd.text, config);
        // Docs-only tasks may verify by review and skip lint ("Visual review", "N/A (markdown)").
        if (docs && problem === 'is a description, not a command') continue;
        if (problem) out.push({ message: `The **${label}:** command of Task ${task.number} ${problem}: write the exact command in backticks.`, span: cmd.span });
      }
    }
    // A step with several shell blocks can yield the same finding at its head twice.
    const seen = new Set<string>();
    return out.filter((f) => {
      const key = `${f.span.start.line}:${f.span.start.column}:${f.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  },
};
