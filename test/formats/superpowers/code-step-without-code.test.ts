/**
 * sp-code-step-without-code: a step that says it writes code shows the code. Narrow on purpose:
 * documentation steps, exact inline edits, command steps and steps with any code block pass.
 */
import { describe, expect, it } from 'vitest';
import { lintRule, md } from '../../helpers.js';

const HEAD = ['# Provisioning Implementation Plan', '', '**Goal:** Resume stalled downloads.', '', '**Tech Stack:** C#, .NET 9, xUnit', '', '---', ''];
const plan = (...lines: string[]): string => md(...HEAD, ...lines);
const lint = (text: string) => lintRule('sp-code-step-without-code', text);

describe('sp-code-step-without-code', () => {
  it('reports an implementation step with no code block, at its title', async () => {
    const ds = await lint(plan('### Task 1: Validator', '', '- [ ] **Step 4: Implement minimal schema and validator**', '', 'Implement the validator for cross-field policy only.'));
    expect(ds.map((d) => d.message)).toEqual(['Step 4 of Task 1 says to change code ("Implement minimal schema and validator") but shows no code: add a code block with the code it writes.']);
    expect(ds[0]!.span.start.line).toBe(11);
  });

  it('reads numbered and checklist items of a task without step numbers as steps', async () => {
    const ds = await lint(
      plan(
        '### Task 2: Readiness state',
        '',
        '**Files:** `src/Winpepper.Models/ModelProvisioner.cs`, `tests/Winpepper.Models.Tests/ModelProvisionerTests.cs`',
        '',
        '1. Add failing tests for Missing/Downloading/Ready transitions.',
        '2. Implement a concurrency-safe coordinator that coalesces simultaneous requests.',
        '3. Run model tests and commit the coordinator slice.',
      ),
    );
    expect(ds.map((d) => d.message.split(' says')[0])).toEqual(['Step 1 of Task 2', 'Step 2 of Task 2']);
  });

  it('accepts steps that show their code, steps that run commands, and documentation steps', async () => {
    const text = plan(
      '### Task 1: Checksums',
      '',
      '**Files:**',
      '- Modify: `install.sh`',
      '- Modify: `README.md`',
      '',
      '- [ ] **Step 1: Add the checksum check to `install.sh`**',
      '',
      '```sh',
      'sha256sum -c "$SUMS" || exit 1',
      '```',
      '',
      '- [ ] **Step 2: Create directory**',
      '',
      'Run: `mkdir -p .opencode/plugin`',
      '',
      '- [ ] **Step 3: Update the README section on installing**',
      '',
      'Describe the checksum check.',
    );
    expect(await lint(text)).toEqual([]);
  });

  it('says so when the only code block holds comments that describe the code', async () => {
    const ds = await lint(plan('### Task 2: Dependents', '', '**Files:**', '- Modify: `cmd/bd/wobble_store.go`', '', '**Step 3: Write minimal implementation**', '```go', '// call parseSkillDependents and set Dependents if found', '```'));
    expect(ds.map((d) => d.message)).toEqual([
      'Step 3 of Task 2 says to change code ("Write minimal implementation") but its code block holds only comments that describe the code: write the code itself.',
    ]);
  });

  it('accepts a find-and-replace written inline', async () => {
    const text = plan('### Task 6: Core version', '', '**Step 2: Update all extractFrontmatter calls**', '', 'Find and replace all calls from `extractFrontmatter(` to `skillsCore.extractFrontmatter(`');
    expect(await lint(text)).toEqual([]);
  });

  it('accepts an exact edit written inline and a step that finds nothing to change', async () => {
    const text = plan(
      '### Task 4: Flags',
      '',
      '**Step 4: Add test for flag parity**',
      '',
      'In `cmd/simconfig_shared_test.go`, add `"kernel-profile"` to `sharedFlags`.',
      '',
      '**Step 6: Update countFreeBlocks (if needed)**',
      '',
      '`countFreeBlocks()` returns `TotalBlocks - UsedBlockCnt`. This is unchanged.',
    );
    expect(await lint(text)).toEqual([]);
  });

  it('accepts a step that writes a data file as a list of its values', async () => {
    const text = plan('### Task 4: Record results', '', '**Step 1: Create inner_loop_results.json** with:', '- `best_params.alpha`: same as iter25', '- `loss.overall_loss`: verified loss from Task 3');
    expect(await lint(text)).toEqual([]);
  });

  it('does not count a commented-out example as the code', async () => {
    const ds = await lint(plan('### Task 3: Wire the policy', '', '- [ ] **Step 4: Wire in cmd/root.go**', '', '```go', '// cfg.Priority = NewPriorityPolicy(bundle)', '```'));
    expect(ds).toHaveLength(1);
  });
});

describe('sp-code-step-without-code on checklist steps', () => {
  it('counts the unindented code block written after a "- [ ]" step as that step\'s code', async () => {
    const plan = [
      '# Journal Implementation Plan',
      '',
      '**Goal:** Record injections.',
      '',
      '**Tech Stack:** C# / .NET 9, xUnit',
      '',
      '---',
      '',
      '### Task 1: Journal',
      '',
      '**Files:**',
      '- Create: `src/Journal.cs`',
      '- Test: `tests/JournalTests.cs`',
      '',
      '- [ ] Write the failing test in `tests/JournalTests.cs`:',
      '',
      '```csharp',
      'public class JournalTests { [Fact] public void Records() { Assert.Single(new Journal().Entries); } }',
      '```',
      '',
      '- [ ] Run `dotnet test` — expect FAIL (Journal does not exist).',
      '',
    ].join('\n');
    const ds = await lintRule('sp-code-step-without-code', plan, { format: 'superpowers' });
    expect(ds.map((d) => d.message)).toEqual([]);
  });
});
