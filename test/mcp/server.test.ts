import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { getDefaultEnvironment, StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/defaults.js';
import { lintPlan } from '../../src/engine/lint.js';
import { lintJson, type LintJson } from '../../src/mcp/lint-json.js';
import { parsePlan } from '../../src/plan/parse.js';
import { BAD_PLAN, GOOD_PLAN } from '../write/draft-plans.js';
import { BIN, requireBuild } from '../write/draft-helpers.js';

let dir: string;
let client: Client;
let transport: StdioClientTransport;

beforeAll(async () => {
  requireBuild();
  dir = await mkdtemp(join(tmpdir(), 'microplan-mcp-'));
  await writeFile(join(dir, 'bad-plan.md'), BAD_PLAN);
  // A small Go repository, so the repository tools answer from real code.
  await mkdir(join(dir, 'sim'));
  await writeFile(join(dir, 'sim/request.go'), 'package sim\n\ntype Request struct {\n\tID int\n}\n\nfunc use() { _ = Request{ID: 1} }\n');
  await writeFile(join(dir, 'sim/queue.go'), 'package sim\n');
  await writeFile(join(dir, 'source.md'), '# Deadlines\n\nAdd a deadline to `sim.Request` and to `Session`.\n');
  for (const args of [['init', '-q'], ['add', '-A'], ['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'init']]) {
    execFileSync('git', args, { cwd: dir });
  }
  client = new Client({ name: 'microplan-test', version: '1.0.0' });
  // The official client spawns the server exactly as an agent's MCP config would.
  // The client passes the server only a few safe variables; the cache goes to this run's directory
  // (vitest.config.ts), not ~/.cache.
  const env = { ...getDefaultEnvironment(), MICROPLAN_CACHE_DIR: process.env.MICROPLAN_CACHE_DIR ?? (await mkdtemp(join(tmpdir(), 'microplan-cache-'))) };
  transport = new StdioClientTransport({ command: process.execPath, args: [BIN, 'mcp'], cwd: dir, env, stderr: 'pipe' });
  await client.connect(transport);
});
afterAll(async () => {
  await client?.close();
  await rm(dir, { recursive: true, force: true });
});

type ToolResult = { isError?: boolean; content: Array<{ type: string; text?: string }> };

/** The command names of a process's children, from /proc (`stat`: pid (comm) state ppid …). */
function childCommands(parent: number): string[] {
  const out: string[] = [];
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    const close = stat.lastIndexOf(')');
    const ppid = Number(stat.slice(close + 2).split(' ')[1]);
    if (ppid === parent) out.push(stat.slice(stat.indexOf('(') + 1, close));
  }
  return out;
}

async function call(name: string, args: Record<string, unknown>): Promise<ToolResult> {
  return (await client.callTool({ name, arguments: args })) as ToolResult;
}

function text(result: ToolResult): string {
  return result.content.map((c) => c.text ?? '').join('');
}

describe('microplan mcp', () => {
  it('lists its four tools, cheaply: a few hundred tokens for the whole list', async () => {
    const listed = await client.listTools();
    expect(listed.tools.map((t) => t.name)).toEqual(['lint_plan', 'plan_context', 'construction_sites', 'verify_pr']);
    const tokens = Math.ceil(JSON.stringify(listed).length / 4);
    console.log(`tools/list: ${JSON.stringify(listed).length} characters ≈ ${tokens} tokens`);
    expect(tokens).toBeLessThan(400);
  });

  it('lint_plan on a file returns the same findings as the library lint', async () => {
    const result = await call('lint_plan', { path: 'bad-plan.md' });
    expect(result.isError).toBeFalsy();
    const report = JSON.parse(text(result)) as LintJson;
    const plan = parsePlan(BAD_PLAN, 'bad-plan.md');
    const expected = lintJson('bad-plan.md', plan.format, await lintPlan(plan, { config: defaultConfig() }));
    expect(expected.findings.length).toBeGreaterThan(0);
    expect(report).toEqual(expected);
    expect(report.findings[0]).toMatchObject({ ruleId: 'title-format', severity: 'error', line: 1, column: 3 });
  });

  it('lint_plan returns the same findings as `microplan lint --repo .` on the command line', async () => {
    const mcp = JSON.parse(text(await call('lint_plan', { path: 'bad-plan.md' }))) as LintJson;
    let stdout: string;
    try {
      stdout = execFileSync(process.execPath, [BIN, 'lint', '--repo', '.', '--format', 'json', 'bad-plan.md'], { cwd: dir, encoding: 'utf8' });
    } catch (err) {
      stdout = (err as { stdout: string }).stdout; // exit 1: the plan has errors
    }
    const cli = JSON.parse(stdout) as { files: Array<{ diagnostics: Array<{ ruleId: string; line: number; column: number; message: string }> }> };
    const key = (d: { ruleId: string; line: number; column: number; message: string }): string => `${d.line}:${d.column} ${d.ruleId} ${d.message}`;
    expect(mcp.findings.map(key)).toEqual(cli.files[0]!.diagnostics.map(key));
  });

  it('lint_plan on text reports a clean plan as clean', async () => {
    const report = JSON.parse(text(await call('lint_plan', { text: GOOD_PLAN }))) as LintJson;
    expect(report).toMatchObject({ path: '<text>', format: 'compact', errors: 0, warnings: 0, findings: [] });
  });

  it('lint_plan on a document that is not a plan answers with an error saying why, never clean', async () => {
    const report = JSON.parse(text(await call('lint_plan', { text: '# Design notes\n\nSome prose about a design.\n' }))) as LintJson;
    expect(report).toMatchObject({ format: 'none', errors: 1 });
    expect(JSON.stringify(report.findings)).toContain('not-a-plan');
  });

  it('lint_plan leaves no git process behind, for a plan read at the commit it records', async () => {
    if (process.platform !== 'linux') return; // children are read from /proc
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir, encoding: 'utf8' }).trim();
    // A recorded Base makes grounding read that commit through long-lived `git cat-file` processes.
    const based = GOOD_PLAN.replace('**Closes:** Fixes #42', `**Closes:** Fixes #42\n**Base:** ${head}`).replace(
      '**Files:** modify `sim/queue.go`',
      '**Files:** modify `sim/queue.go` (see `sim/request.go:3`)',
    );
    for (let i = 0; i < 3; i++) expect((await call('lint_plan', { text: based })).isError).toBeFalsy();
    expect(childCommands(transport.pid!)).not.toContain('git');
  });

  it('lint_plan answers bad input with a tool error the agent can act on', async () => {
    const neither = await call('lint_plan', {});
    expect(neither.isError).toBe(true);
    expect(text(neither)).toBe('pass either "path" (a plan file) or "text" (the plan Markdown), not both or neither');
    const missing = await call('lint_plan', { path: 'nope.md' });
    expect(missing.isError).toBe(true);
    expect(text(missing)).toBe('nope.md does not exist');
  });

  it('lint_plan checks the plan against a design spec given as spec, and says how much of it is covered', async () => {
    await writeFile(join(dir, 'installer-design.md'), '# Installer Design\n\n## Files\n\n- `install.sh`: the script.\n- `CLAUDE.md`: note the installer.\n');
    const plan = '# Installer Implementation Plan\n\n**Goal:** Install in one command.\n\n**Tech Stack:** Bash\n\n### Task 1: Write install.sh\n\n**Files:**\n- Create: `install.sh`\n\n- [ ] **Step 1: Write the script**\n';
    const report = JSON.parse(text(await call('lint_plan', { text: plan, spec: 'installer-design.md' }))) as LintJson;
    expect(report.findings.filter((f) => f.ruleId === 'spec-coverage').map((f) => f.message)).toEqual([expect.stringMatching(/^installer-design\.md:6 .*names `CLAUDE\.md`, which no task mentions/)]);
    expect(report.specCoverage).toEqual([expect.objectContaining({ spec: 'installer-design.md', requirements: 2, checkable: 2, covered: 1, reported: 1 })]);
    const missing = await call('lint_plan', { text: plan, spec: 'nope-design.md' });
    expect(missing.isError).toBe(true);
    expect(text(missing)).toMatch(/^spec nope-design\.md: no such file/);
  });

  it('construction_sites lists the sites the sites command finds', async () => {
    const result = await call('construction_sites', { type: 'Request' });
    expect(result.isError).toBeFalsy();
    expect(JSON.parse(text(result))).toEqual({
      type: 'Request',
      sites: [{ file: 'sim/request.go', line: 7, column: 18, kind: 'composite-literal', enclosing: 'use' }],
    });
  });

  it('plan_context gives the Phase 0 facts for a source file, with DEVIATIONs', async () => {
    const result = await call('plan_context', { source: 'source.md' });
    expect(result.isError).toBeFalsy();
    expect(text(result)).toContain('`sim/request.go:7` composite-literal in `use`');
    expect(text(result)).toContain('DEVIATION: `Session` is named in the source but declared nowhere');
  });

  it('verify_pr asks for the base revision, then reports the ledger', async () => {
    const missing = await call('verify_pr', { plan: 'bad-plan.md' });
    expect(missing.isError).toBe(true);
    expect(text(missing)).toContain('verify_pr needs base');
    const report = JSON.parse(text(await call('verify_pr', { plan: 'bad-plan.md', base: 'HEAD' }))) as { ok: boolean; tasks: Array<{ task: number; problems: Array<{ kind: string }> }> };
    expect(report.ok).toBe(false);
    expect(report.tasks[0]!.problems.map((p) => p.kind)).toContain('no-commit');
  });
});
