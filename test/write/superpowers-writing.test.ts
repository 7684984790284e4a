/**
 * Writing superpowers plans: a project whose config says `format: superpowers` (or `init --format
 * superpowers`, or a repository that already keeps superpowers plans) gets the writing-plans
 * instructions, agent commands that ask for a superpowers plan, a draft system prompt for one,
 * and "not a superpowers plan" where a plan was expected. The micro-plan's texts do not change.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { defaultConfig } from '../../src/config/defaults.js';
import { parseConfig } from '../../src/config/load.js';
import type { Config } from '../../src/config/types.js';
import { lintText } from '../../src/engine/run.js';
import { notAPlanDiagnostic } from '../../src/engine/not-a-plan.js';
import { FORMATS, formatById, formatOfChoice, rulesOf } from '../../src/formats/index.js';
import { lintPlanHandler } from '../../src/mcp/lint-tool.js';
import { lintPlan } from '../../src/engine/lint.js';
import { parsePlan } from '../../src/plan/parse.js';
import { draftLint } from '../../src/write/draft/draft-run.js';
import { defaultPlanPath } from '../../src/write/draft/plan-path.js';
import { runPrompt } from '../../src/write/draft/prompt-run.js';
import { agentFile } from '../../src/write/init/agent-files.js';
import { AGENTS } from '../../src/write/init/detect.js';
import { init } from '../../src/write/init/init.js';
import { renderPrompt } from '../../src/write/prompt.js';
import { InputError } from '../../src/errors.js';
import { requireBuild, runCli } from './draft-helpers.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dir(files: Record<string, string> = {}, fixture?: string): string {
  const root = mkdtempSync(join(tmpdir(), 'mp-sp-write-'));
  made.push(root);
  if (fixture) cpSync(join('test/fixtures/init', fixture), root, { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const read = (root: string, path: string): string => readFileSync(join(root, path), 'utf8');

const goSuperpowers: Config = {
  ...defaultConfig(),
  format: 'superpowers',
  language: 'go',
  commands: { test: 'go test ./...', lint: 'golangci-lint run ./...' },
  antipatterns: [{ id: 'R1', text: 'No silent continue/return dropping data' }],
  invariants: ['Request conservation: completed + queued + dropped = injected'],
};

/** A superpowers plan in the writing-plans template, as an agent following the prompt writes it. */
const SP_PLAN = `# Verbose Flag Implementation Plan

> **For agentic workers:** REQUIRED SUB-SKILL: Use superpowers:subagent-driven-development (recommended) or superpowers:executing-plans to implement this plan task-by-task. Steps use checkbox (\`- [ ]\`) syntax for tracking.

**Goal:** Print each step the simulator takes when asked to.

**Architecture:** A flag on the root command sets a field of the config; the loop prints when it is set.

**Tech Stack:** Go, cobra

---

## File Structure

- \`cmd/root.go\`: the flag

### Task 1: Verbose flag

**Files:**
- Modify: \`cmd/root.go\`
- Test: \`cmd/root_test.go\`

- [ ] **Step 1: Write the failing test**

\`\`\`go
func TestRoot_Verbose_PrintsSteps(t *testing.T) {}
\`\`\`

- [ ] **Step 2: Run test to verify it fails**

Run: \`go test ./cmd/... -run TestRoot_Verbose_PrintsSteps\`
Expected: FAIL

- [ ] **Step 3: Write minimal implementation**

\`\`\`go
var verbose bool
\`\`\`

- [ ] **Step 4: Run test to verify it passes**

Run: \`go test ./cmd/... -run TestRoot_Verbose_PrintsSteps\`
Expected: PASS

- [ ] **Step 5: Commit**

\`\`\`bash
git add cmd/root.go cmd/root_test.go
git commit -m "feat(cmd): --verbose prints each step"
\`\`\`
`;

describe('prompt for a project that writes superpowers plans', () => {
  const text = renderPrompt({ config: goSuperpowers, source: { origin: 'GitHub issue #7', text: 'Add a --verbose flag.' }, planPath: 'docs/superpowers/plans/2026-03-05-verbose.md' });

  it("renders the writing-plans template: header, File Structure, Task N with Files, Interfaces and checkbox steps, Run/Expected and a commit step", () => {
    for (const part of [
      '# Write a superpowers implementation plan',
      '# <Feature Name> Implementation Plan',
      '> **For agentic workers:** REQUIRED SUB-SKILL: Use superpowers:subagent-driven-development (recommended) or superpowers:executing-plans',
      '**Goal:** <one sentence',
      '**Architecture:** <2–3 sentences',
      '**Tech Stack:** <go,',
      '## Global Constraints',
      '## File Structure',
      '### Task N: <Component Name>',
      '**Files:**\n- Create: `exact/path/to/new_file`\n- Modify: `exact/path/to/existing_file:123-145`\n- Test: `exact/path/to/test_file`',
      '**Interfaces:**\n- Consumes:',
      '- Produces:',
      '- [ ] **Step 1: Write the failing test**',
      '- [ ] **Step 2: Run test to verify it fails**',
      'Expected: FAIL with "<the message you expect>"',
      '- [ ] **Step 3: Write minimal implementation**',
      '- [ ] **Step 4: Run test to verify it passes**',
      'Expected: PASS',
      '- [ ] **Step 5: Commit**',
      'git commit -m "feat(scope): <what the task delivers>"',
    ]) {
      expect(text).toContain(part);
    }
  });

  it("speaks the project's language and commands, and holds its rules as Global Constraints", () => {
    expect(text).toContain('Project language: go.');
    expect(text).toContain('Run: `go test ./... <narrowed to this test>`');
    expect(text).toContain('```go\nfunc TestComponent_Scenario_Behavior(t *testing.T) {');
    expect(text).toContain('`golangci-lint run ./...`');
    expect(text).toContain('- R1: No silent continue/return dropping data');
    expect(text).toContain('- Invariant: Request conservation');
    expect(text).toContain('Run `microplan lint docs/superpowers/plans/2026-03-05-verbose.md`');
    expect(text).toContain('<source>\nAdd a --verbose flag.\n</source>');
  });

  it('lists every rule that holds superpowers plans, whatever the catalog holds, and none that holds only micro-plans', () => {
    const sp = rulesOf(formatById('superpowers'));
    expect(sp.length).toBeGreaterThan(0);
    for (const rule of sp) expect(text).toContain(`\`${rule.id}\``);
    for (const rule of rulesOf(formatById('micro-plan')).filter((r) => !sp.includes(r))) expect(text).not.toContain(`\`${rule.id}\``);
  });

  it('says nothing of micro-plans: no contracts, no lettered sections, no sanity checklist, no Phase 0', () => {
    expect(text).not.toMatch(/Behavioral Contracts|BC-\d|BC-X|GIVEN|### [A-K]\)|Sanity Checklist|sanity checklist|Phase 0|DEVIATION|micro-plan|Micro Plan/);
  });

  it('asks the agent to find the commands a project without config names, with no Go in sight', () => {
    const bare = renderPrompt({ config: { ...defaultConfig(), format: 'superpowers' } });
    expect(bare).toContain("<the project's test command, narrowed to this test>");
    expect(bare).toContain('**Tech Stack:** <key technologies and libraries>');
    expect(bare).not.toMatch(/go test|golangci|testing\.T|## Rules of this project/);
  });

  it('is what `microplan prompt` prints for a config with `format: superpowers`, or with --format superpowers over the default config', async () => {
    const root = dir({ 'microplan.config.yaml': 'format: superpowers\nplansDir: docs/superpowers/plans\n', 'issue.md': '# Verbose flag\n\nAdd a --verbose flag.\n' });
    const plain = dir({ 'issue.md': '# Verbose flag\n\nAdd a --verbose flag.\n' });
    const deps = {
      configFor: async (d: string) => (existsSync(join(d, 'microplan.config.yaml')) ? parseConfig(read(d, 'microplan.config.yaml'), join(d, 'microplan.config.yaml')) : defaultConfig()),
      lintFor: () => async () => [],
      factsFor: () => undefined,
    };
    const run = async (cwd: string, format?: string): Promise<string> => {
      let out = '';
      const io = { cwd, env: {}, stdin: process.stdin, stdout: { write: (s: string) => (out += s) }, stderr: { write: () => true }, today: () => new Date(2026, 2, 5) };
      await runPrompt({ source: 'issue.md', ...(format ? { format } : {}) }, io, deps);
      return out;
    };
    const byConfig = await run(root);
    expect(byConfig).toMatch(/^# Write a superpowers implementation plan\n/);
    // The writing-plans skill's file name: docs/superpowers/plans/YYYY-MM-DD-<feature-name>.md.
    expect(byConfig).toContain('Write the plan to `docs/superpowers/plans/2026-03-05-verbose-flag.md`.');
    expect(await run(plain, 'superpowers')).toMatch(/^# Write a superpowers implementation plan\n/);
    expect(await run(plain)).toMatch(/^# Write a micro-plan\n/);
    await expect(run(plain, 'speckit')).rejects.toThrow(new InputError('--format: unknown plan format "speckit"; choose from micro-plan, superpowers.'));
  });
});

describe('agent commands and the draft system prompt, per format', () => {
  it('asks for a superpowers plan under docs/superpowers/plans, in every agent\'s own place', () => {
    const command = formatById('superpowers').writing.command;
    const paths = AGENTS.map((a) => agentFile(a, 'docs/superpowers/plans', 'microplan', command).path);
    expect(paths).toEqual([
      '.claude/commands/superpowers-plan.md',
      '.agents/skills/superpowers-plan/SKILL.md',
      '.github/prompts/superpowers-plan.prompt.md',
      '.cursor/commands/superpowers-plan.md',
      '.gemini/commands/superpowers-plan.toml',
      '.opencode/commands/superpowers-plan.md',
    ]);
    const claude = agentFile('claude', 'docs/superpowers/plans', 'microplan', command).content;
    expect(claude).toContain('Write a superpowers implementation plan for this source of work: $ARGUMENTS');
    expect(claude).toContain('(under docs/superpowers/plans/)');
    expect(claude).not.toMatch(/micro-plan|Phase 0/);
    expect(agentFile('cursor', 'docs/superpowers/plans', 'microplan', command).content).toMatch(/^# Superpowers plan\n/);
  });

  it('gives draft a system prompt per format, every one asking for the plan alone', () => {
    expect(formatById('micro-plan').writing.systemPrompt).toMatch(/^You write micro-plans/);
    expect(formatById('superpowers').writing.systemPrompt).toMatch(/^You write implementation plans in the superpowers writing-plans format/);
    for (const f of FORMATS) expect(f.writing.systemPrompt).toContain('Answer with the plan only');
  });

  it('names a new plan the way each format does', () => {
    const date = new Date(2026, 2, 5);
    expect(defaultPlanPath({ ...defaultConfig() }, 'Verbose flag', '/r', date)).toBe('/r/docs/plans/2026-03-05-verbose-flag-plan.md');
    expect(defaultPlanPath({ ...defaultConfig(), format: 'superpowers', plansDir: 'docs/superpowers/plans' }, 'Verbose flag', '/r', date)).toBe(
      '/r/docs/superpowers/plans/2026-03-05-verbose-flag.md',
    );
  });

  it('serves the micro-plan format to an `auto` config', () => {
    expect(formatOfChoice('auto').id).toBe('micro-plan');
    expect(formatOfChoice('superpowers').id).toBe('superpowers');
  });
});

describe('init --format superpowers', () => {
  it('writes a config with format: superpowers and plansDir docs/superpowers/plans, that loads, and commands that ask for a superpowers plan', () => {
    const root = dir({ 'CLAUDE.md': '# project\n' }, 'go');
    const r = init({ root, format: 'superpowers' });
    expect(r.format).toBe('superpowers');
    expect(r.formatSource).toEqual({ by: 'option' });
    const text = read(root, 'microplan.config.yaml');
    expect(parseYaml(text)).toMatchObject({ format: 'superpowers', plansDir: 'docs/superpowers/plans', language: 'go', commands: { test: 'go test ./...' } });
    // The sanity checklist is the micro-plan format's section J: a superpowers config has none.
    expect(text).not.toContain('planSpecificChecks');
    expect(parseConfig(text, 'microplan.config.yaml')).toMatchObject({ format: 'superpowers', plansDir: 'docs/superpowers/plans' });
    expect(read(root, '.claude/commands/superpowers-plan.md')).toContain('Write a superpowers implementation plan for this source of work');
    expect(existsSync(join(root, '.claude/commands/micro-plan.md'))).toBe(false);
  });

  it('without --format, sets up superpowers where the repository keeps superpowers plans, and says where it found them', () => {
    const root = dir({ 'docs/superpowers/plans/2026-03-01-login.md': SP_PLAN, 'docs/superpowers/plans/2026-03-02-logout.md': SP_PLAN });
    const r = init({ root, agents: ['claude'] });
    expect(r.formatSource).toEqual({ by: 'found', dir: 'docs/superpowers/plans', count: 2 });
    expect(parseYaml(read(root, 'microplan.config.yaml'))).toMatchObject({ format: 'superpowers', plansDir: 'docs/superpowers/plans' });
    expect(existsSync(join(root, '.claude/commands/superpowers-plan.md'))).toBe(true);
  });

  it("keeps the format a config already names on a later run, and micro-plan once asked for by name", () => {
    const root = dir({ 'docs/superpowers/plans/2026-03-01-login.md': SP_PLAN });
    const first = init({ root, format: 'micro-plan' });
    expect(first.format).toBe('micro-plan');
    expect(parseYaml(read(root, 'microplan.config.yaml'))).toMatchObject({ format: 'micro-plan', plansDir: 'docs/plans' });
    const again = init({ root });
    expect(again).toMatchObject({ format: 'micro-plan', formatSource: { by: 'config', file: 'microplan.config.yaml' } });
    expect(again.results.find((x) => x.path === 'microplan.config.yaml')?.outcome).toBe('unchanged');
  });

  it('writes the default micro-plan config, without a format line, where nothing points elsewhere', () => {
    const root = dir({}, 'go');
    expect(init({ root }).formatSource).toEqual({ by: 'default' });
    expect(read(root, 'microplan.config.yaml')).not.toMatch(/^format:/m);
  });

  it('says on the command line where it found superpowers plans, and how to choose micro-plans instead', async () => {
    requireBuild();
    const root = dir({ 'docs/superpowers/plans/2026-03-01-login.md': SP_PLAN, 'go.mod': 'module x\n' });
    const run = await runCli(['init', '--agents', 'claude'], { cwd: root, env: { PATH: process.env.PATH ?? '' } });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Found 1 plan in docs/superpowers/plans/: set up for superpowers plans (format: superpowers, plansDir: docs/superpowers/plans). For micro-plans instead: microplan init --format micro-plan.',
    );
    expect(run.stdout).toContain('created      .claude/commands/superpowers-plan.md');
  });

  it('refuses an unknown format with the list of known ones', () => {
    expect(() => init({ root: dir(), format: 'speckit' })).toThrow(/--format: unknown plan format "speckit"; choose from micro-plan, superpowers/);
  });
});

describe('a document that is not a plan, where a superpowers plan was expected', () => {
  const config: Config = { ...defaultConfig(), format: 'superpowers' };

  it('is "not a superpowers plan", with advice in the format\'s words', () => {
    const prose = parsePlan('# Notes\n\nSome thoughts.\n', 'notes.md', { format: 'superpowers' });
    expect(notAPlanDiagnostic(prose, formatById('superpowers'), 'lint').message).toMatch(
      /^This is not a superpowers plan \(.*\), where a plan was expected: write it in the superpowers format \(a "# … Implementation Plan" title, the Goal \/ Architecture \/ Tech Stack header and "### Task N:" sections with checkbox steps\), or lint it without --require-plan/,
    );
    expect(notAPlanDiagnostic(prose, formatById('micro-plan'), 'write').message).toMatch(/^This is not a micro-plan .*Behavioral Contracts and Tasks\.$/);
  });

  it('is what lint --require-plan reports under a superpowers config', async () => {
    const r = await lintText('# Notes\n\nSome thoughts.\n', 'notes.md', { config, requirePlan: true });
    expect(r.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/^This is not a superpowers plan/)]);
  });

  it('reaches the MCP lint_plan tool and draft through the config\'s format', async () => {
    const deps = { cwd: process.cwd(), configFor: async () => config, lintFor: () => async (text: string, path: string) => lintPlan(parsePlan(text, path, { format: config.format }), { config }) };
    const handler = lintPlanHandler(deps);
    const plan = await handler({ text: SP_PLAN });
    expect(plan.format).toBe('superpowers');
    const prose = await handler({ text: '# Notes\n\nSome thoughts.\n' });
    expect(prose.findings.map((f) => f.message)).toEqual([expect.stringMatching(/^This is not a superpowers plan .*with a "# … Implementation Plan" title, the Goal/)]);

    const lint = draftLint(async () => [], 'superpowers');
    expect(await lint(SP_PLAN, 'p.md')).toEqual([]);
    expect((await lint('I cannot help with that.', 'p.md')).map((d) => d.message)).toEqual([expect.stringMatching(/^This is not a superpowers plan/)]);
  });
});
