/**
 * What a shell command in a plan runs: the program (after env assignments and launchers such as
 * `npx` or `uv run`), or for script runners (`npm run lint`, `make test`) the runner and the
 * script. The task rules use it to tell a command from a description and to compare a lint step
 * with the project's lint command by what it runs, not by its words.
 */
import type { Config } from '../../config/types.js';

/** Runners whose first argument names a script of the project: `npm run lint`, `make lint`. */
const SCRIPT_RUNNERS = new Set(['npm', 'pnpm', 'yarn', 'bun', 'make', 'just', 'task']);
/** Runners that add `run` before the script name. */
const RUN_WORD = new Set(['npm', 'pnpm', 'yarn', 'bun']);
/** Launchers that run another program: `npx eslint`, `uv run pytest`, `poetry run ruff`. */
const LAUNCHERS = /^(npx|bunx|pnpx|uvx|uv|poetry|pipenv|pdm|hatch|exec)$/;

/**
 * Programs a command commonly starts with: package and script runners, build tools, language
 * toolchains. A step's command that starts with one of them is a command even when its words
 * read like English ("make test unit", "cargo test cache load").
 */
const RUNNERS = new Set([
  'npm', 'npx', 'pnpm', 'pnpx', 'yarn', 'bun', 'bunx', 'node', 'deno', 'tsc',
  'make', 'just', 'task', 'cmake', 'ctest', 'bazel', 'gradle', 'mvn', 'ant', 'sbt', 'dotnet',
  'cargo', 'rustup', 'go', 'golangci-lint',
  'uv', 'uvx', 'poetry', 'pipenv', 'pdm', 'hatch', 'tox', 'nox', 'python', 'python3', 'pytest', 'ruff', 'mypy', 'flake8', 'pylint',
  'bundle', 'rake', 'ruby', 'rspec', 'mix', 'composer', 'php', 'swift', 'zig', 'git',
]);

/** Words of English prose that no runner takes as a script or argument ("make sure the …", "just check the …"). */
const PROSE_WORD = /^(the|a|an|and|or|to|of|that|this|these|those|it|its|is|are|be|sure|all|every|each|with|for|from|if|then|whether|nothing|no|on|in)$/i;

const ENV_ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

export interface CommandTool {
  /** What is compared: "eslint", "golangci-lint", "npm lint" (runner and script). */
  key: string;
  /** How it is written back to the user: "eslint", "npm run lint". */
  label: string;
}

/** The tool a single command (no `&&`/`;`/`|`) runs. */
export function commandTool(command: string): CommandTool {
  const words = command.trim().split(/\s+/).filter((w) => w !== '' && !ENV_ASSIGNMENT.test(w));
  while (words.length > 0 && LAUNCHERS.test(words[0]!)) {
    words.shift();
    if (words[0] === 'run' || words[0] === 'exec') words.shift();
  }
  const first = (words[0] ?? '').replace(/^.*\//, '');
  if (SCRIPT_RUNNERS.has(first)) {
    const script = words.slice(1).find((w) => w !== 'run' && !w.startsWith('-')) ?? '';
    if (script === '') return { key: first, label: first };
    return { key: `${first} ${script}`, label: RUN_WORD.has(first) && script !== 'test' ? `${first} run ${script}` : `${first} ${script}` };
  }
  return { key: first, label: first };
}

/** The single commands of a shell line: `a && b; c | d` → a, b, c, d. */
export function commandParts(command: string): string[] {
  return command
    .split(/&&|\|\||;|\||\n/)
    .map((p) => p.trim().replace(/^\(+|\)+$/g, '').trim())
    .filter((p) => p !== '');
}

/** Whether any part of `command` runs `tool` (compared by what runs, so scoping and launchers do not matter). */
export function runsTool(command: string, tool: CommandTool): boolean {
  return commandParts(command).some((p) => commandTool(p).key === tool.key);
}

/** The project's lint tool, or undefined when the config names no lint command. */
export function configLintTool(config: Config): CommandTool | undefined {
  const lint = config.commands.lint;
  if (lint === undefined || lint.trim() === '') return undefined;
  const parts = commandParts(lint);
  return parts.length > 0 ? commandTool(parts[0]!) : undefined;
}

/** Whether a command runs one of the commands the project's config names (possibly narrowed: "npm test -- cache"). */
export function isConfiguredCommand(command: string, config: Config): boolean {
  const c = command.trim().replace(/\s+/g, ' ');
  return [config.commands.test, config.commands.lint].some((named) => {
    const n = named?.trim().replace(/\s+/g, ' ');
    return n !== undefined && n !== '' && (c === n || c.startsWith(`${n} `));
  });
}

/**
 * A command led by a known runner and with no English function words: "make test unit",
 * "npm run lint", "cargo test cache load" — not "make sure the tests pass".
 */
export function isRunnerCommand(command: string): boolean {
  const words = command.trim().split(/\s+/).filter((w) => !ENV_ASSIGNMENT.test(w));
  const first = (words[0] ?? '').replace(/^.*\//, '');
  return RUNNERS.has(first) && words[0] === words[0]!.toLowerCase() && !words.slice(1).some((w) => PROSE_WORD.test(w));
}
