import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RepositoryCodeIndex } from '../../src/repo/code/code-index.js';
import { openRepository } from '../../src/repo/open.js';
import type { Repository } from '../../src/repo/types.js';
import { fixtureRepo, type TempRepo } from './git-fixture.js';
import { siteLines } from './site-helpers.js';

describe('construction sites (Python)', () => {
  let fixture: TempRepo;
  let repo: Repository;
  let index: RepositoryCodeIndex;

  beforeAll(async () => {
    fixture = fixtureRepo('py');
    repo = await openRepository({ dir: fixture.dir });
    index = new RepositoryCodeIndex(repo);
  });
  afterAll(async () => {
    await repo.close();
    fixture.remove();
  });

  it('finds every construction of a dataclass (precision and recall 100%)', async () => {
    expect(siteLines(await index.constructionSites('Job'))).toEqual(
      [
        'jobs/model.py:14 call Job.default',
        'jobs/model.py:17 replace Job.retried',
        'jobs/model.py:20 call -',
        'jobs/model.py:24 call make_job',
        'jobs/model.py:28 replace rename',
        'jobs/model.py:33 replace maybe',
        'jobs/runner.py:8 call Runner.run',
        'jobs/runner.py:9 factory-call Runner.run via make_job',
        'jobs/runner.py:10 factory-call Runner.run via Job.default',
        'jobs/runner.py:11 factory-call Runner.run via Job.retried',
        'jobs/runner.py:14 replace Runner.run',
      ].sort(),
    );
  });

  it('counts dataclasses.replace only when the copied value is visibly a T', async () => {
    const replaces = (await index.constructionSites('Job')).filter((s) => s.kind === 'replace');
    // runner.py:12 replaces an untyped parameter: not claimed.
    expect(replaces.map((s) => `${s.file}:${s.line}`)).not.toContain('jobs/runner.py:12');
  });

  it('treats cls(…) in a classmethod of T as constructing T', async () => {
    const sites = await index.constructionSites('Job');
    expect(sites.find((s) => s.file === 'jobs/model.py' && s.line === 14)).toMatchObject({ kind: 'call', column: 16 });
  });

  it('finds class, method and function declarations and the enclosing method of a line', async () => {
    expect((await index.declarations('Job')).map((d) => `${d.kind} ${d.file}:${d.line}`)).toEqual(['class jobs/model.py:8']);
    expect((await index.declarations('Job.retried')).map((d) => d.kind)).toEqual(['method']);
    expect((await index.declarations('EMPTY')).map((d) => d.kind)).toEqual(['constant']);
    expect(await index.enclosing('jobs/model.py', 14)).toMatchObject({ name: 'default', container: 'Job', kind: 'method' });
    expect(await index.enclosing('jobs/model.py', 9)).toMatchObject({ name: 'name', kind: 'field', container: 'Job' });
  });
});
