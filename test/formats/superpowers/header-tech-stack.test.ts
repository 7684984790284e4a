import { describe, expect, it } from 'vitest';
import { lintRule, md } from '../../helpers.js';

const plan = (techStack: string | undefined): string =>
  md(
    '# Curl Installer Implementation Plan',
    '',
    '**Goal:** Install the tool with one curl command.',
    '',
    '**Architecture:** A POSIX shell script downloads the release.',
    '',
    ...(techStack === undefined ? [] : [`**Tech Stack:** ${techStack}`, '']),
    '---',
    '',
    '### Task 1: Script skeleton',
    '',
    '- [ ] **Step 1: Write the failing test**',
  );

describe('sp-header-tech-stack', () => {
  it('accepts a header that names its technologies', async () => {
    expect(await lintRule('sp-header-tech-stack', plan('POSIX sh, curl'))).toEqual([]);
  });

  it('reports a header without the line, at the title', async () => {
    const [d, ...rest] = await lintRule('sp-header-tech-stack', plan(undefined));
    expect(rest).toEqual([]);
    expect(d?.message).toContain('no "**Tech Stack:**" line');
    expect(d?.span.start.line).toBe(1);
  });

  it('reports an empty line', async () => {
    const ds = await lintRule('sp-header-tech-stack', plan(''));
    expect(ds.map((d) => d.message)).toEqual(['The "**Tech Stack:**" line is empty: name the key technologies and libraries the work uses.']);
  });

  it('does not hold micro-plans to it', async () => {
    const micro = md('# X Implementation Plan', '', '**Goal:** x.', '**Source:** #1', '', '## Behavioral Contracts', '', 'BC-1: x', '- GIVEN a', '- WHEN b', '- THEN c', '', '## Tasks', '', '### Task 1: x (BC-1)');
    expect(await lintRule('sp-header-tech-stack', micro)).toEqual([]);
  });
});
