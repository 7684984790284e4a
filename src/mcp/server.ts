/**
 * `microplan mcp`: a Model Context Protocol server over stdio, so an agent can lint its plan and
 * ask for repository facts without shelling out. Every tool's work is an injected handler; a
 * handler this build lacks makes its tool answer with a clear "not available" error instead of
 * guessing. Descriptions are kept short: an agent pays for them on every request.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { InputError } from '../errors.js';
import { RepoError } from '../repo/types.js';

export interface LintPlanInput {
  path?: string | undefined;
  text?: string | undefined;
  /** The design spec the plan was written from (default: the one the plan names). */
  spec?: string | undefined;
}

export interface PlanContextInput {
  source: string;
  section?: string | undefined;
}

export interface VerifyPrInput {
  plan: string;
  base?: string | undefined;
}

/** Each returns JSON-able data (or Markdown text); throwing InputError gives the agent the message. */
export interface McpHandlers {
  lintPlan(input: LintPlanInput): Promise<unknown>;
  planContext?: ((input: PlanContextInput) => Promise<unknown>) | undefined;
  constructionSites?: ((input: { type: string }) => Promise<unknown>) | undefined;
  verifyPr?: ((input: VerifyPrInput) => Promise<unknown>) | undefined;
}

export const SERVER_NAME = 'microplan';

export function createMcpServer(handlers: McpHandlers, version: string): McpServer {
  const server = new McpServer({ name: SERVER_NAME, version });

  server.registerTool(
    'lint_plan',
    {
      description: 'Lint a plan in the project\'s format (micro-plan or superpowers; file path or Markdown text); returns JSON findings with line:column and fix advice. With spec (a design spec file), or when the plan names its spec, it also checks that each requirement of the spec has a task (spec-coverage).',
      inputSchema: { path: z.string().optional(), text: z.string().optional(), spec: z.string().optional() },
    },
    (args) => call(() => handlers.lintPlan(args)),
  );
  server.registerTool(
    'plan_context',
    {
      description: 'Phase 0 facts for a source of work (file or "#N" issues; optional macro-plan section).',
      inputSchema: { source: z.string(), section: z.string().optional() },
    },
    (args) => call(handlers.planContext && (() => handlers.planContext!(args)), 'plan_context'),
  );
  server.registerTool(
    'construction_sites',
    {
      description: 'Every place a type is constructed (file:line), for the construction-site audit.',
      inputSchema: { type: z.string() },
    },
    (args) => call(handlers.constructionSites && (() => handlers.constructionSites!(args)), 'construction_sites'),
  );
  server.registerTool(
    'verify_pr',
    {
      description: "Check a PR's git history against its plan's tasks (test first, then code).",
      inputSchema: { plan: z.string(), base: z.string().optional() },
    },
    (args) => call(handlers.verifyPr && (() => handlers.verifyPr!(args)), 'verify_pr'),
  );
  return server;
}

async function call(run: (() => Promise<unknown>) | undefined, tool = ''): Promise<CallToolResult> {
  if (!run) return failure(`${tool} is not available in this build of microplan (no handler is registered for it).`);
  try {
    const value = await run();
    return { content: [{ type: 'text', text: typeof value === 'string' ? value : JSON.stringify(value) }] };
  } catch (err) {
    if (err instanceof InputError || err instanceof RepoError) return failure(err.message);
    return failure(`internal error: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function failure(message: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: message }] };
}

/** Serves until the client closes stdin. */
export async function serveStdio(handlers: McpHandlers, version: string): Promise<void> {
  const server = createMcpServer(handlers, version);
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
    process.stdin.once('end', () => resolve());
    process.stdin.once('close', () => resolve());
  });
  await server.connect(transport);
  await closed;
  await server.close();
}
