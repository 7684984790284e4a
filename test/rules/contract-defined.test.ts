import { describe, expect, it } from 'vitest';
import { lintRule, md } from '../helpers.js';
import { at, fullHead, section, task } from './fixtures-trace.js';

describe('contract-defined', () => {
  it('accepts references to defined contracts, including "BC-1..BC-2" prose', async () => {
    const plan = fullHead + section('### G) Task Breakdown') + task(1, 'BC-1..BC-2');
    expect(await lintRule('contract-defined', plan)).toEqual([]);
  });

  it('ignores ids in source-code comments (earlier PRs)', async () => {
    const plan = fullHead + section('### G) Task Breakdown') + task(1, 'BC-1, BC-2') + md('```go', '// BC-9: legacy', '```');
    expect(await lintRule('contract-defined', plan)).toEqual([]);
  });

  it('flags an id that is referenced but never defined, at its first mention', async () => {
    const plan = fullHead + section('### G) Task Breakdown') + task(1, 'BC-1, BC-9') + md('```bash', 'git commit -m "feat: x (BC-9)"', '```');
    const ds = await lintRule('contract-defined', plan);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toBe(
      'BC-9 is referenced 2 times but never defined (contracts: BC-1, BC-2): define BC-9 in the Behavioral Contracts section or fix the reference.',
    );
    const first = at(plan, 'BC-9');
    expect(ds[0]!.span).toEqual({ start: first, end: { line: first.line, column: first.column + 4 } });
  });
});
