/**
 * sp-no-placeholders: the writing-plans skill's "No Placeholders" list, in the text of a task's
 * steps and in the code they write — and not where a plan only mentions the phrases.
 */
import { describe, expect, it } from 'vitest';
import { lintRule, md } from '../../helpers.js';

const HEAD = ['# Installer Implementation Plan', '', '**Goal:** Install with one command.', '', '**Tech Stack:** POSIX sh, Python 3.12', '', '---', ''];
const plan = (...lines: string[]): string => md(...HEAD, ...lines);
const lint = (text: string) => lintRule('sp-no-placeholders', text);

describe('sp-no-placeholders', () => {
  it('reports the skill\'s phrases in a step that shows no code, at the phrase', async () => {
    const ds = await lint(plan('### Task 1: Errors', '', '- [ ] **Step 3: Harden the parser**', '', 'Add appropriate error handling.'));
    expect(ds.map((d) => d.message)).toEqual(['Step 3 of Task 1 has a placeholder ("Add appropriate error handling"): write out what it stands for — the exact code, text or value.']);
    expect(ds[0]!.span.start).toEqual({ line: 13, column: 1 });
  });

  it('reads "Similar to Task N" as code the engineer must find elsewhere', async () => {
    const ds = await lint(plan('### Task 4: Second parser', '', '- [ ] **Step 1: Write the parser**', '', 'Similar to Task 3, but for YAML.'));
    expect(ds[0]?.message).toContain('says "Similar to Task 3" instead of showing the code');
  });

  it('accepts a phrase that introduces the step\'s own code', async () => {
    expect(await lint(plan('### Task 1: Errors', '', '- [ ] **Step 3: Harden the parser**', '', 'Add validation:', '', '```python', 'if not path.exists():', '    raise FileNotFoundError(path)', '```'))).toEqual([]);
  });

  it('reports open-ended steps ("Fix any real issues found") even after a command block', async () => {
    const ds = await lint(plan('### Task 2: Static analysis', '', '- [ ] **Step 1: Run shellcheck**', '', '```bash', 'shellcheck install.sh', '```', '', 'Fix any real issues found.'));
    expect(ds[0]?.message).toContain('leaves the work open ("Fix any real issues found")');
    // A contingency after a check may be all a plan can say: a heuristic, so a warning, not an error.
    expect(ds[0]?.severity).toBe('warning');
  });

  it('reports TBD and "TODO:" but not TODO the name, quoted phrases, negations or self-review lines', async () => {
    const ds = await lint(
      plan(
        '### Task 1: TODO backup ring',
        '',
        '- [ ] **Step 1:** Update `TODO_FILE_PATH` handling; the retention period is TBD.',
        '- [ ] **Step 2:** Never write "TODO" in the code; no TBD either.',
        '',
        '## Self-Review',
        '',
        '- Placeholder scan: no TBD/TODO or "implement later" steps.',
      ),
    );
    expect(ds.map((d) => d.span.start.line)).toEqual([11]);
    expect(ds[0]!.message).toContain('Step 1 of Task 1 has a placeholder ("TBD")');
  });

  it('reports a value left to fill in and a bracketed stand-in for content in the code a step writes', async () => {
    const ds = await lint(
      plan(
        '### Task 11: Workload',
        '',
        '- [ ] **Step 2: Write the workload spec**',
        '',
        '```yaml',
        '  rate: BASE_RATE    # fill in from Iteration 0 measurement',
        '```',
        '',
        '- [ ] **Step 3: Combine into CLAUDE.md**',
        '',
        '```markdown',
        '[paste the Karpathy guidelines here]',
        '```',
      ),
    );
    expect(ds.map((d) => d.message)).toEqual([
      'Code in Task 11 has a placeholder ("# fill in from Iteration 0 measurement"): write the complete code or text it stands for.',
      'Code in Task 11 has a placeholder ("[paste the Karpathy guidelines here]"): write the complete code or text it stands for.',
    ]);
  });

  it('accepts a file named Placeholder.cs and the stub a step says it writes', async () => {
    const text = plan(
      '### Task 1: Project plumbing',
      '',
      '**Files:**',
      '- Create: `src/Winpepper.Cleanup/Placeholder.cs`',
      '',
      '- [ ] **Step 5: Stub `src/Winpepper.Cleanup/Placeholder.cs`** (so the project compiles)',
      '',
      '```csharp',
      'namespace Winpepper.Cleanup;',
      'internal static class Placeholder { }',
      '```',
    );
    expect(await lint(text)).toEqual([]);
  });

  it('reads checklist steps without numbers as steps', async () => {
    const ds = await lint(plan('## Task 1: Models UI', '', '1. Add a failing test that two requests share one download.', '2. Route install/retry through the coordinator, with cancellable tokens where practical.'));
    expect(ds.map((d) => d.message)).toEqual(['Step 2 of Task 1 leaves the work open ("where practical"): say exactly what to change, with the code.']);
  });
});

describe('sp-no-placeholders on stand-ins that say where their text is', () => {
  const plan = (block: string[], lang: string): string =>
    ['# Docs Implementation Plan', '', '**Goal:** Merge two guides.', '', '**Tech Stack:** Markdown', '', '---', '', '### Task 3: Merge', '', '**Files:**', '- Modify: `CLAUDE.md`', '', '- [ ] **Step 2: Write the merged file**', '', '```' + lang, ...block, '```', ''].join('\n');

  it('accepts a bracketed stand-in naming the file the text is copied from', async () => {
    expect(await lintRule('sp-no-placeholders', plan(['# Guide', '[verbatim Karpathy content from /tmp/karpathy-claude.md]'], 'markdown'))).toEqual([]);
  });

  it('accepts a bare "..." line, in a Markdown skeleton or in code, but not "{ ... }" standing for a body', async () => {
    expect(await lintRule('sp-no-placeholders', plan(['## Role', '...', '## Rules'], 'markdown'))).toEqual([]);
    expect(await lintRule('sp-no-placeholders', plan(['def merge():', '    ...'], 'python'))).toEqual([]);
    expect(await lintRule('sp-no-placeholders', plan(['function merge() { ... }'], 'js'))).toHaveLength(1);
  });
});
