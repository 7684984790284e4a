/**
 * The "write a plan" command for each agent, in the words of the project's plan format (its
 * module's `writing.command`), where and how the agent's current documentation says:
 * Claude Code reads `.claude/commands/*.md` (front matter, `$ARGUMENTS`); Codex reads skills from
 * `.agents/skills/<name>/SKILL.md` (name and description); VS Code Copilot reads
 * `.github/prompts/*.prompt.md` (front matter `agent:`, the `mode:` key is deprecated); Cursor
 * reads plain Markdown from `.cursor/commands/`; Gemini CLI reads TOML from `.gemini/commands/`
 * (`{{args}}`); OpenCode reads `.opencode/commands/*.md` (`$ARGUMENTS`). The commands run
 * microplan as `bin` says: the global or linked `microplan`, or the project's node_modules/.bin.
 */
import type { AgentCommand } from '../../formats/index.js';
import type { Agent } from './detect.js';

export interface AgentFile {
  agent: Agent;
  path: string;
  content: string;
}

export const AGENT_NAMES: Record<Agent, string> = {
  claude: 'Claude Code',
  codex: 'Codex',
  copilot: 'GitHub Copilot (VS Code)',
  cursor: 'Cursor',
  gemini: 'Gemini CLI',
  opencode: 'OpenCode',
};

/** The instructions every agent gets; `arg` is the agent's argument placeholder, `bin` how microplan runs. */
function body(command: AgentCommand, arg: string, plansDir: string, bin: string): string {
  return [
    `${command.task}: ${arg}`,
    '',
    `microplan runs as \`${bin}\` in this repository (the microplan MCP server, when connected, offers the same lint as its \`lint_plan\` tool).`,
    '',
    `1. Get the instructions and ${command.facts} from microplan:`,
    `   - GitHub issues ("#12" or "#12,#15") or a file (issue text, design doc): \`${bin} prompt --source "<source>"\``,
    `   - a section of a macro plan: \`${bin} prompt --source <macro-plan.md> --section "<Phase N, PR M>"\``,
    `   - a description typed here: pipe it in: \`printf '%s' "<description>" | ${bin} prompt --source -\``,
    `2. Follow those instructions exactly. They name the file to write (under ${plansDir}/) and the project's own test and lint commands.`,
    `3. Check the plan against the format and the code: \`${bin} lint <plan> --repo .\``,
    '4. Fix every finding and lint again, until no error remains. Never disable a rule to get there.',
    "5. Report the plan's path and any warnings you chose to leave, with the reason for each.",
  ].join('\n');
}

/** YAML front matter from plain string values, each quoted (descriptions contain colons). */
function frontMatter(fields: Record<string, string>): string {
  return ['---', ...Object.entries(fields).map(([k, v]) => `${k}: ${JSON.stringify(v)}`), '---'].join('\n');
}

export function agentFile(agent: Agent, plansDir: string, bin: string, command: AgentCommand): AgentFile {
  const { name, description } = command;
  switch (agent) {
    case 'claude':
      return {
        agent,
        path: `.claude/commands/${name}.md`,
        content: `${frontMatter({ description, 'argument-hint': '<#issue | file | description>' })}\n\n${body(command, '$ARGUMENTS', plansDir, bin)}\n`,
      };
    case 'opencode':
      return {
        agent,
        path: `.opencode/commands/${name}.md`,
        content: `${frontMatter({ description })}\n\n${body(command, '$ARGUMENTS', plansDir, bin)}\n`,
      };
    case 'cursor':
      return { agent, path: `.cursor/commands/${name}.md`, content: `# ${command.heading}\n\n${body(command, 'the text after the command', plansDir, bin)}\n` };
    case 'copilot':
      return {
        agent,
        path: `.github/prompts/${name}.prompt.md`,
        content: `${frontMatter({ agent: 'agent', description, 'argument-hint': '#issue, file or description' })}\n\n${body(command, '${input:source:#issue, file or description}', plansDir, bin)}\n`,
      };
    case 'gemini':
      return {
        agent,
        path: `.gemini/commands/${name}.toml`,
        content: `description = ${tomlString(description)}\nprompt = """\n${body(command, '{{args}}', plansDir, bin).replace(/\\/g, '\\\\').replace(/"""/g, '\\"\\"\\"')}\n"""\n`,
      };
    case 'codex':
      return {
        agent,
        path: `.agents/skills/${name}/SKILL.md`,
        content: `${frontMatter({ name, description: `${description}. ${command.useWhen}` })}\n\n${body(command, 'the issue, file or description the user gave', plansDir, bin)}\n`,
      };
  }
}

export function tomlString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
