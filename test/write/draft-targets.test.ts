/** `microplan draft` checks where it will write before it asks the model anything. */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pieces, startServer, type TestServer } from './helpers/server.js';
import { anthropicStream } from './helpers/wire.js';
import { GOOD_PLAN, deltas } from './draft-plans.js';
import { requireBuild, runCli } from './draft-helpers.js';

let root: string;
let server: TestServer | undefined;
beforeAll(async () => {
  requireBuild();
  root = await mkdtemp(join(tmpdir(), 'microplan-draft-targets-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function draftTo(out: string, prepare: (cwd: string) => Promise<void>) {
  server = await startServer([{ chunks: pieces(anthropicStream(deltas(GOOD_PLAN)), 64), gapMs: 1 }]);
  const cwd = await mkdtemp(join(root, 'p-'));
  await writeFile(join(cwd, 'issue.md'), '# Rename the batch receiver\n\nThe function `recieveBatch` is misspelled.\n');
  await prepare(cwd);
  const args = ['draft', '--source', 'issue.md', '--provider', 'anthropic', '--base-url', server.url, '--model', 'claude-test', '--out', out];
  return { cwd, run: await runCli(args, { cwd, env: { HOME: root, ANTHROPIC_API_KEY: 'sk-ant-test' } }) };
}

describe('microplan draft: the output path is checked before the model is called', () => {
  it('fails in one line, exit 2, without a request, when --out goes under a file', async () => {
    const { cwd, run } = await draftTo('notes.txt/plan.md', (cwd) => writeFile(join(cwd, 'notes.txt'), 'a file'));
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('microplan: notes.txt/plan.md: notes.txt is a file, not a directory: move it aside or choose another path; the model was not called\n');
    expect(server!.requests).toHaveLength(0);
    expect((await readdir(cwd)).sort()).toEqual(['issue.md', 'notes.txt']);
  });

  it('fails in one line, exit 2, without a request, when --out is a directory', async () => {
    const { run } = await draftTo('plans', (cwd) => mkdir(join(cwd, 'plans')));
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("microplan: --out plans: is a directory: give the plan's file path, e.g. plans/my-change-plan.md\n");
    expect(server!.requests).toHaveLength(0);
  });
});
