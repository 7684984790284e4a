import { describe, expect, it } from 'vitest';
import { lintFiles } from '../src/index.js';

describe('shipped examples', () => {
  it('the full and the compact example plan lint clean with their config, through the library entry point', async () => {
    const report = await lintFiles(['examples/lint-stats-plan.md', 'examples/readme-exit-codes-plan.md']);
    expect(report.problems).toEqual([]);
    expect(report.files.map((f) => [f.path, f.format, f.diagnostics])).toEqual([
      ['examples/lint-stats-plan.md', 'full', []],
      ['examples/readme-exit-codes-plan.md', 'compact', []],
    ]);
  });

  it('the superpowers example plan is read as one and lints clean', async () => {
    const report = await lintFiles(['examples/superpowers-plan.md']);
    expect(report.files.map((f) => [f.format, f.diagnostics])).toEqual([['superpowers', []]]);
  });

  it('the examples stay clean when grounded in this repository', async () => {
    const report = await lintFiles(['examples/lint-stats-plan.md', 'examples/readme-exit-codes-plan.md'], { repo: '.' });
    expect(report.files.map((f) => f.diagnostics)).toEqual([[], []]);
  });
});
