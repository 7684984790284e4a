/**
 * A new user's first run, for each stack: a fresh repository, `microplan init` with no hand edit
 * of the config, `microplan prompt`, a plan written to the prompt's instructions (its agent line,
 * its commands, its checklist), then `microplan lint` — clean. The plan's body is the shipped
 * full example (examples/lint-stats-plan.md); every part the prompt dictates is taken from the
 * prompt this repository got, so a prompt that names another stack's tools, or a linter that
 * rejects the commands it told the agent to write, fails here.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, requireBuild, runCli } from './draft-helpers.js';

const EXAMPLE = readFileSync(join(REPO, 'examples/lint-stats-plan.md'), 'utf8');
const SUPERPOWERS_EXAMPLE = readFileSync(join(REPO, 'examples/superpowers-plan.md'), 'utf8');

interface Stack {
  name: string;
  files: Record<string, string>;
  /** What the writing agent finds in the repository when the config names no command. */
  ownCommands?: { test: string; lint: string };
  /** Marks of another stack the prompt must not carry. */
  foreign: RegExp;
}

const GO_MARKS = /\.go\b|x\.\(\*T\)|\*ConstantPriority|func Test|golangci|go test|CLAUDE\.md|superpowers|R1–R23/;

const STACKS: Stack[] = [
  {
    name: 'typescript',
    files: {
      'package.json': JSON.stringify({ name: 'app', scripts: { test: 'vitest run', lint: 'eslint .' }, devDependencies: { typescript: '^5', vitest: '^3', eslint: '^9' } }),
      'tsconfig.json': '{}',
      'src/index.ts': 'export const answer = 42;\n',
    },
    foreign: GO_MARKS,
  },
  {
    name: 'python',
    files: {
      'pyproject.toml': '[project]\nname = "app"\n\n[tool.ruff]\nline-length = 100\n\n[tool.pytest.ini_options]\ntestpaths = ["tests"]\n',
      'app/__init__.py': 'ANSWER = 42\n',
    },
    foreign: GO_MARKS,
  },
  {
    name: 'go',
    files: { 'go.mod': 'module example.com/app\n\ngo 1.22\n', 'main.go': 'package main\n\nfunc main() {}\n' },
    foreign: /\.ts\b|vitest|eslint|pytest|CLAUDE\.md|superpowers|R1–R23/,
  },
  {
    name: 'unknown',
    files: { 'README.md': '# App\n\nRun the tests with `./scripts/test.sh` and the linter with `./scripts/lint.sh`.\n', 'scripts/test.sh': '#!/bin/sh\n', 'scripts/lint.sh': '#!/bin/sh\n' },
    ownCommands: { test: './scripts/test.sh', lint: './scripts/lint.sh' },
    foreign: GO_MARKS,
  },
];

let work: string;
beforeAll(() => {
  requireBuild();
  work = mkdtempSync(join(tmpdir(), 'mp-first-run-'));
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

function repository(stack: Stack): string {
  const root = join(work, stack.name);
  for (const [path, content] of Object.entries(stack.files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  writeFileSync(join(root, 'issue.md'), '# Per-rule summary\n\nAdd a per-rule summary of findings to the lint output (issue #42).\n');
  for (const args of [['init', '-q'], ['add', '-A'], ['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'init']]) execFileSync('git', args, { cwd: root });
  return root;
}

/** The one line of the prompt that starts with `start`, or the test fails. */
function lineOf(prompt: string, start: RegExp): string {
  const line = prompt.split('\n').find((l) => start.test(l));
  expect(line, `the prompt has a line matching ${start}`).toBeDefined();
  return line!;
}

/** The commands the prompt's task template tells the agent to run (or the project's own, where the prompt says to find them). */
function promptCommands(prompt: string, stack: Stack): { test: string; lint: string } {
  if (stack.ownCommands) {
    expect(prompt).toMatch(/names no test or lint command: find the one its README/);
    return stack.ownCommands;
  }
  const test = /^Run: `(.+) <narrowed to this test>`$/.exec(lineOf(prompt, /^Run: `.+<narrowed to this test>`$/))?.[1];
  const lint = /^Run: `(.+)`$/.exec(lineOf(prompt, /^\*\*Lint:\*\* `/).replace(/^\*\*Lint:\*\* /, 'Run: '))?.[1];
  expect(test).toBeDefined();
  expect(lint).toBeDefined();
  return { test: test!, lint: lint! };
}

/** The example plan rewritten to this prompt: agent line, test and lint commands, checklist. */
function planFor(prompt: string, stack: Stack): string {
  const agentLine = lineOf(prompt, /^> \*\*For /);
  const { test, lint } = promptCommands(prompt, stack);
  const checklistStart = prompt.indexOf('## The sanity checklist');
  const checklist = prompt
    .slice(checklistStart, prompt.indexOf('\n## ', checklistStart + 5))
    .split('\n')
    .filter((l) => l.startsWith('- [ ] ') || /^(Plan-specific checks|Antipattern rules):$/.test(l) || l === '')
    .map((l) => l.replace('- [ ] ', '- [x] '))
    .join('\n')
    .trim();
  let plan = EXAMPLE.replace(/^> \*\*For .*$/m, agentLine)
    .replace(/`npx vitest run ([^`]*)`/g, (_m, rest: string) => `\`${test} ${rest}\``)
    .replace(/`npx eslint [^`]*`/g, `\`${lint}\``);
  const j = plan.indexOf('### J) Sanity Checklist');
  const end = plan.indexOf('\n---\n', j);
  plan = `${plan.slice(0, j)}### J) Sanity Checklist\n\n${checklist}\n${plan.slice(end)}`;
  return plan;
}

describe('first run: init → prompt → plan → lint, with no hand edit of the config', () => {
  it.each(STACKS)('$name repository', async (stack) => {
    const root = repository(stack);
    const env = { HOME: root, PATH: process.env.PATH ?? '', MICROPLAN_CACHE_DIR: join(work, 'cache') };
    const initRun = await runCli(['init', '--agents', 'claude,codex'], { cwd: root, env });
    expect(initRun.code, initRun.stderr).toBe(0);
    if (stack.ownCommands) expect(initRun.stdout).toContain('Not detected: the language, the test command, the lint command.');

    const out = 'docs/plans/per-rule-summary-plan.md';
    const promptRun = await runCli(['prompt', '--source', 'issue.md', '--out', out], { cwd: root, env });
    expect(promptRun.code, promptRun.stderr).toBe(0);
    expect(promptRun.stderr).toBe('');
    const prompt = promptRun.stdout;
    expect(prompt.split('\n').filter((l) => stack.foreign.test(l)), 'lines naming another stack').toEqual([]);
    expect(prompt).not.toContain('undefined');

    mkdirSync(join(root, 'docs/plans'), { recursive: true });
    writeFileSync(join(root, out), planFor(prompt, stack));
    const lint = await runCli(['lint', out], { cwd: root, env });
    expect({ code: lint.code, out: lint.stdout, err: lint.stderr }).toEqual({ code: 0, out: '', err: '' });
  });
});

describe('first run of a superpowers project: init --format superpowers → prompt → plan → lint', () => {
  it('typescript repository', async () => {
    const stack = STACKS.find((s) => s.name === 'typescript')!;
    const root = repository({ ...stack, name: 'typescript-superpowers' });
    const env = { HOME: root, PATH: process.env.PATH ?? '', MICROPLAN_CACHE_DIR: join(work, 'cache') };
    const initRun = await runCli(['init', '--format', 'superpowers', '--agents', 'claude'], { cwd: root, env });
    expect(initRun.code, initRun.stderr).toBe(0);

    const out = 'docs/superpowers/plans/2026-12-06-per-rule-summary.md';
    const promptRun = await runCli(['prompt', '--source', 'issue.md', '--out', out], { cwd: root, env });
    expect(promptRun.code, promptRun.stderr).toBe(0);
    const prompt = promptRun.stdout;
    expect(prompt.split('\n').filter((l) => /\.go\b|golangci|go test|CLAUDE\.md|R1–R23|Behavioral Contracts/.test(l)), 'lines of another stack or format').toEqual([]);

    // The example, with the header line and the test command this prompt dictates.
    const agentLine = lineOf(prompt, /^> \*\*For agentic workers:\*\*/);
    const test = /^Run: `(.+) <narrowed to this test>`$/.exec(lineOf(prompt, /^Run: `.+<narrowed to this test>`$/))?.[1];
    expect(test).toBe('npm test');
    const plan = SUPERPOWERS_EXAMPLE.replace(/^> \*\*For agentic workers:\*\*.*$/m, agentLine).replace(/`npx vitest run ([^`]*)`/g, (_m, rest: string) => `\`${test} -- ${rest}\``);
    mkdirSync(join(root, 'docs/superpowers/plans'), { recursive: true });
    writeFileSync(join(root, out), plan);
    const lint = await runCli(['lint', out, '--repo', '.'], { cwd: root, env });
    expect({ code: lint.code, out: lint.stdout, err: lint.stderr }).toEqual({ code: 0, out: '', err: '' });
  });
});
