import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/defaults.js';
import { lintPlan } from '../../src/engine/lint.js';
import { lintJson, type LintJson } from '../../src/mcp/lint-json.js';
import { parsePlan } from '../../src/plan/parse.js';
import { BAD_PLAN, GOOD_PLAN } from '../write/draft-plans.js';
import { BIN, requireBuild } from '../write/draft-helpers.js';

let dir: string;
let client: Client;

beforeAll(async () => {
  requireBuild();
  dir = await mkdtemp(join(tmpdir(), 'microplan-mcp-'));
  await writeFile(join(dir, 'bad-plan.md'), BAD_PLAN);
  client = new Client({ name: 'microplan-test', version: '1.0.0' });
  // The official client spawns the server exactly as an agent's MCP config would.
  await client.connect(new StdioClientTransport({ command: process.execPath, args: [BIN, 'mcp'], cwd: dir, stderr: 'pipe' }));
});
afterAll(async () => {
  await client?.close();
  await rm(dir, { recursive: true, force: true });
});

type ToolResult = { isError?: boolean; content: Array<{ type: string; text?: string }> };

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

  it('lint_plan on text reports a clean plan as clean', async () => {
    const report = JSON.parse(text(await call('lint_plan', { text: GOOD_PLAN }))) as LintJson;
    expect(report).toMatchObject({ path: '<text>', format: 'compact', errors: 0, warnings: 0, findings: [] });
  });

  it('lint_plan answers bad input with a tool error the agent can act on', async () => {
    const neither = await call('lint_plan', {});
    expect(neither.isError).toBe(true);
    expect(text(neither)).toBe('pass either "path" (a plan file) or "text" (the plan Markdown), not both or neither');
    const missing = await call('lint_plan', { path: 'nope.md' });
    expect(missing.isError).toBe(true);
    expect(text(missing)).toBe('nope.md does not exist');
  });

  it('plan_context, construction_sites and verify_pr say they are not available in this build, with no made-up data', async () => {
    for (const [name, args] of [
      ['plan_context', { source: '#1' }],
      ['construction_sites', { type: 'Request' }],
      ['verify_pr', { plan: 'bad-plan.md' }],
    ] as const) {
      const result = await call(name, args);
      expect(result.isError).toBe(true);
      expect(text(result)).toBe(`${name} is not available in this build of microplan (its command has not landed yet).`);
    }
  });
});
