import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { json, pieces, startServer, type TestServer } from './helpers/server.js';
import { anthropicStream, openaiStream } from './helpers/wire.js';
import { BAD_ANSWER, BAD_PLAN, GOOD_PLAN, deltas } from './draft-plans.js';
import { requireBuild, runCli } from './draft-helpers.js';

const ANTHROPIC_KEY = 'sk-ant-cli-SECRET-0123456789abcdef';
const OPENAI_KEY = 'sk-cli-SECRET-openai-0123456789abcdef';

let root: string;
let server: TestServer | undefined;
let n = 0;
beforeAll(async () => {
  requireBuild();
  root = await mkdtemp(join(tmpdir(), 'microplan-draft-cli-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function project(): Promise<string> {
  const cwd = join(root, `p${++n}`);
  await mkdir(cwd);
  await writeFile(join(cwd, 'issue.md'), '# Rename the batch receiver\n\nThe function `recieveBatch` is misspelled.\n');
  return cwd;
}

/** The child's whole environment: no PATH lookups needed, and no key from the real shell. */
function env(extra: Record<string, string>): Record<string, string> {
  return { HOME: root, ...extra };
}

async function plansIn(cwd: string): Promise<string[]> {
  return (await readdir(join(cwd, 'docs/plans'))).sort();
}

describe('microplan draft (child process)', () => {
  it('drafts, revises and writes a clean plan with both rounds kept, exit 0', async () => {
    server = await startServer([
      { chunks: pieces(anthropicStream(deltas(BAD_ANSWER)), 64), gapMs: 1 },
      { chunks: pieces(anthropicStream(deltas(GOOD_PLAN)), 64), gapMs: 1 },
    ]);
    const cwd = await project();
    const run = await runCli(
      ['draft', '--source', 'issue.md', '--provider', 'anthropic', '--base-url', server.url, '--model', 'claude-test', '--out', 'plan.md'],
      { cwd, env: env({ ANTHROPIC_API_KEY: ANTHROPIC_KEY }) },
    );
    expect(run.stderr).toMatch(/^round 1: asking claude-test for a plan…\nround 1: .* — 2 errors, 0 warnings\nround 2: asking claude-test to revise…\nround 2: .* — 0 errors, 0 warnings\n$/);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('Wrote plan.md from round 2 of 2: 0 errors, 0 warnings.\nEvery round is kept: plan.round-1.md, plan.round-2.md\n');
    expect(await readFile(join(cwd, 'plan.md'), 'utf8')).toBe(GOOD_PLAN);
    expect(await readFile(join(cwd, 'plan.round-1.md'), 'utf8')).toBe(BAD_PLAN);
    expect(server.requests[0]!.headers['x-api-key']).toBe(ANTHROPIC_KEY);
    expect(server.requests[1]!.body).toContain('1:3 title-format Title \\"Rename the Batch Receiver\\" must end with');
    expect(run.stdout + run.stderr).not.toContain('SECRET');
  });

  it('exits 2 on a 401 with one line naming OPENAI_API_KEY and without the key', async () => {
    server = await startServer([json(401, { error: { message: `Incorrect API key provided: ${OPENAI_KEY}`, type: 'invalid_request_error', code: 'invalid_api_key' } })]);
    const cwd = await project();
    const run = await runCli(['draft', '--source', 'issue.md', '--provider', 'openai', '--base-url', server.url, '--model', 'gpt-test'], {
      cwd,
      env: env({ OPENAI_API_KEY: OPENAI_KEY }),
    });
    expect(run.code).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(2); // the "asking" line, then the error
    expect(lines[1]).toMatch(/^microplan: round 1 failed: openai rejected the API key \(HTTP 401: Incorrect API key provided: \[redacted\]\); set OPENAI_API_KEY to a valid key$/);
    expect(run.stdout).toBe('');
    expect(run.stdout + run.stderr).not.toContain('SECRET');
  });

  it('exits 2 before any request when the key is not in the environment', async () => {
    server = await startServer([]);
    const cwd = await project();
    const run = await runCli(['draft', '--source', 'issue.md', '--provider', 'anthropic', '--base-url', server.url, '--model', 'm'], { cwd, env: env({}) });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('microplan: the anthropic provider needs an API key: set ANTHROPIC_API_KEY in the environment\n');
    expect(server.requests).toHaveLength(0);
  });

  it('on Ctrl-C writes what streamed so far as .round-1.partial.md and exits 130', async () => {
    const stream = openaiStream(['# Rename Implementation Plan\n\n', '**Goal:** half a plan']);
    const cut = stream.indexOf('"finish_reason":"stop"');
    server = await startServer([{ chunks: [stream.slice(0, stream.lastIndexOf('data:', cut))], stall: true }]);
    const cwd = await project();
    const run = await runCli(['draft', '--source', 'issue.md', '--provider', 'openai', '--base-url', server.url, '--model', 'gpt-test'], {
      cwd,
      env: env({ OPENAI_API_KEY: OPENAI_KEY }),
      started: (child) => {
        // Ctrl-C once the request is in flight and the server has sent its text.
        const timer = setInterval(() => {
          if (server!.requests.length > 0) {
            clearInterval(timer);
            setTimeout(() => child.kill('SIGINT'), 1000);
          }
        }, 20);
      },
    });
    expect(run.code).toBe(130);
    const files = await plansIn(cwd);
    expect(files).toEqual([expect.stringMatching(/^\d{4}-\d\d-\d\d-rename-the-batch-receiver-plan\.round-1\.partial\.md$/)]);
    expect(await readFile(join(cwd, 'docs/plans', files[0]!), 'utf8')).toBe('# Rename Implementation Plan\n\n**Goal:** half a plan');
    expect(run.stderr).toMatch(/interrupted in round 1; kept docs\/plans\/.*\.round-1\.partial\.md\n$/);
  });
});
