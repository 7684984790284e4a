import { describe, expect, it } from 'vitest';
import { siteLines, sitesInFiles, useFixtureIndex } from './site-helpers.js';

describe('construction sites (Python)', () => {
  const fx = useFixtureIndex('py');

  it('finds every construction of a dataclass (precision and recall 100%)', async () => {
    expect(siteLines(await fx.index.constructionSites('Job'))).toEqual(
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
    const replaces = (await fx.index.constructionSites('Job')).filter((s) => s.kind === 'replace');
    // runner.py:12 replaces an untyped parameter: not claimed.
    expect(replaces.map((s) => `${s.file}:${s.line}`)).not.toContain('jobs/runner.py:12');
  });

  it('follows the names a file imports the class and its module under', async () => {
    const sites = await sitesInFiles(
      {
        'app/server.py': 'from dataclasses import dataclass\n\n@dataclass\nclass Config:\n    n: int\n',
        'use.py': [
          'from app.server import Config as C',
          'import app.server as s',
          'import other',
          '',
          'a = C(1)',
          'b = s.Config(2)',
          'c = other.Config(3)',
          '',
          'def make() -> C:',
          '    return C(4)',
        ].join('\n'),
      },
      'server.Config',
    );
    expect(sites).toEqual(['use.py:10 call make', 'use.py:5 call -', 'use.py:6 call -']);
  });

  it('follows a factory imported under another name to its calls', async () => {
    const sites = await sitesInFiles(
      {
        'jobs/job.py': 'class Job:\n    pass\n\ndef make_job() -> Job:\n    return Job()\n',
        'use.py': ['from jobs.job import make_job as mj', 'import jobs.job as make_job', '', 'a = mj()', 'b = make_job.Job()'].join('\n'),
      },
      'Job',
    );
    expect(sites).toEqual(['jobs/job.py:5 call make_job', 'use.py:4 factory-call - via make_job', 'use.py:5 call -']);
  });

  it('finds dict literals annotated as a TypedDict, assigned or returned', async () => {
    const sites = await sitesInFiles(
      {
        'point.py': [
          'from typing import Optional, TypedDict',
          '',
          'class Point(TypedDict):',
          '    x: int',
          '',
          'origin: Point = {"x": 0}',
          'untyped = {"x": 1}',
          '',
          'def make() -> Point:',
          '    return {"x": 2}',
          '',
          'def maybe() -> Optional[Point]:',
          '    other: dict = {"x": 3}',
          '    return {"x": 4}',
        ].join('\n'),
      },
      'Point',
    );
    expect(sites).toEqual(['point.py:10 typed-return make', 'point.py:14 typed-return maybe', 'point.py:6 typed-object-literal -']);
  });

  it('treats cls(…) in a classmethod of T as constructing T', async () => {
    const sites = await fx.index.constructionSites('Job');
    expect(sites.find((s) => s.file === 'jobs/model.py' && s.line === 14)).toMatchObject({ kind: 'call', column: 16 });
  });

  it('finds class, method and function declarations and the enclosing method of a line', async () => {
    expect((await fx.index.declarations('Job')).map((d) => `${d.kind} ${d.file}:${d.line}`)).toEqual(['class jobs/model.py:8']);
    expect((await fx.index.declarations('Job.retried')).map((d) => d.kind)).toEqual(['method']);
    expect((await fx.index.declarations('EMPTY')).map((d) => d.kind)).toEqual(['constant']);
    expect(await fx.index.enclosing('jobs/model.py', 14)).toMatchObject({ name: 'default', container: 'Job', kind: 'method' });
    expect(await fx.index.enclosing('jobs/model.py', 9)).toMatchObject({ name: 'name', kind: 'field', container: 'Job' });
  });
});
