/**
 * The "write a micro-plan" command for each agent, in that agent's own location and format:
 * Claude Code and OpenCode read Markdown commands with front matter and `$ARGUMENTS`; Cursor
 * reads plain Markdown commands; Copilot reads `.prompt.md` files; Gemini CLI reads TOML with
 * `{{args}}`; Codex reads skills (`SKILL.md` with name and description).
 */
import type { Agent } from './detect.js';

export interface AgentFile {
  agent: Agent;
  path: string;
  content: string;
}

const DESCRIPTION = 'Write a micro-plan (PR implementation plan) for a source of work, checked by microplan until clean';

/** The instructions every agent gets; `arg` is the agent's argument placeholder. */
function body(arg: string, plansDir: string): string {
  return [
    `Write a micro-plan for this source of work: ${arg}`,
    '',
    '1. Get the instructions and the Phase 0 facts from microplan:',
    `   - GitHub issues ("#12" or "#12,#15") or a file (issue text, design doc): \`npx microplan prompt --source ${arg.includes(' ') ? '"<source>"' : `"${arg}"`}\``,
    '   - a section of a macro plan: `npx microplan prompt --source <macro-plan.md> --section "<Phase N, PR M>"`',
    '   - a description typed here: pipe it in: `printf \'%s\' "<description>" | npx microplan prompt --source -`',
    '2. Follow those instructions exactly. They name the file to write (under ' + plansDir + '/) and the project\'s own test and lint commands.',
    '3. Check the plan against the format and the code: `npx microplan lint <plan> --repo .`',
    '4. Fix every finding and lint again, until no error remains. Never disable a rule to get there.',
    '5. Report the plan\'s path and any warnings you chose to leave, with the reason for each.',
  ].join('\n');
}

export function agentFile(agent: Agent, plansDir: string): AgentFile {
  switch (agent) {
    case 'claude':
      return {
        agent,
        path: '.claude/commands/micro-plan.md',
        content: `---\ndescription: ${DESCRIPTION}\nargument-hint: <#issue | file | description>\n---\n\n${body('$ARGUMENTS', plansDir)}\n`,
      };
    case 'opencode':
      return {
        agent,
        path: '.opencode/command/micro-plan.md',
        content: `---\ndescription: ${DESCRIPTION}\n---\n\n${body('$ARGUMENTS', plansDir)}\n`,
      };
    case 'cursor':
      return { agent, path: '.cursor/commands/micro-plan.md', content: `# Micro-plan\n\n${body('the text after the command', plansDir)}\n` };
    case 'copilot':
      return {
        agent,
        path: '.github/prompts/micro-plan.prompt.md',
        content: `---\nmode: agent\ndescription: ${DESCRIPTION}\n---\n\n${body('${input:source:#issue, file or description}', plansDir)}\n`,
      };
    case 'gemini':
      return {
        agent,
        path: '.gemini/commands/micro-plan.toml',
        content: `description = ${tomlString(DESCRIPTION)}\nprompt = """\n${body('{{args}}', plansDir).replace(/\\/g, '\\\\').replace(/"""/g, '\\"\\"\\"')}\n"""\n`,
      };
    case 'codex':
      return {
        agent,
        path: '.codex/skills/micro-plan/SKILL.md',
        content: `---\nname: micro-plan\ndescription: ${DESCRIPTION}. Use when asked to plan a PR, an issue or a macro-plan section.\n---\n\n${body('the issue, file or description the user gave', plansDir)}\n`,
      };
  }
}

function tomlString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
