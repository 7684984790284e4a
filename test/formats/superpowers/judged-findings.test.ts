/**
 * Classes of misreading that reviewers found in the superpowers rules' findings on real plans:
 * each case is written in the form the real plan used, and says what the rule reads in it.
 */
import { describe, expect, it } from 'vitest';
import { lintRule } from '../../helpers.js';
import { spPlan } from './sp-plan.js';

const lint = async (id: string, text: string): Promise<string[]> => (await lintRule(id, text, { format: 'superpowers' })).map((d) => d.message);
const plan = (tasks: string[], before: string[] = []): string => spPlan({ tasks, before });

describe('sp-failing-test-first', () => {
  it('reads a red run written in another language as a red run', async () => {
    const text = plan([
      '### Task 1: `StoragePaths` 路徑解析器',
      '',
      '- [ ] **Step 1: 寫失敗測試**',
      '',
      '```csharp',
      '[Fact] public void Resolves_base_dir() { }',
      '```',
      '',
      '- [ ] **Step 2: 跑測試確認失敗**',
      '',
      'Run: `dotnet test tests/Pm.Api.Tests/Pm.Api.Tests.csproj`',
      'Expected: 編譯失敗 —— `StoragePaths` 型別不存在(`CS0246`)。',
      '',
      '- [ ] **Step 3: Write minimal implementation**',
      '',
      '```csharp',
      'public static class StoragePaths { }',
      '```',
      '',
    ]);
    expect(await lint('sp-failing-test-first', text)).toEqual([]);
  });

  it('does not judge a step whose title it cannot read', async () => {
    const text = plan(['### Task 1: 声明异步示例依赖', '', '- [ ] **Step 1: 写出依赖替换的预期失败测试**', '', '```rust', 'use axum::Router;', '```', '']);
    expect(await lint('sp-failing-test-first', text)).toEqual([]);
  });

  it('names the first step that changes code, not the one that locates it', async () => {
    const text = plan([
      '### Task 2: Fix deprecated Metal memory API',
      '',
      '- [ ] **Step 1: Locate current code**',
      '',
      'Lines 219-225 currently read:',
      '',
      '```python',
      'mx.metal.set_memory_limit(limit)',
      '```',
      '',
      '- [ ] **Step 2: Replace with new API**',
      '',
      '```python',
      'mx.set_memory_limit(limit)',
      '```',
      '',
      '- [ ] **Step 3: Add the test**',
      '',
      '```python',
      'def test_memory_limit_is_set(): assert mx.get_memory_limit() == limit',
      '```',
      '',
    ]);
    const ds = await lint('sp-failing-test-first', text);
    expect(ds).toHaveLength(1);
    expect(ds[0]).toContain('Task 2 changes code in Step 2 ("Replace with new API")');
  });

  it('still reports an English run that expects the change to pass, in a task committed as a feature', async () => {
    const change = ['- [ ] **Step 1: Add the SLO-priority victim selector function**', '', '```go', 'func selectVictim() int { return 0 }', '```', ''];
    const run = ['- [ ] **Step 2: Run the tests**', '', 'Run: `go test ./sim/...`', 'Expected: PASS', ''];
    const commit = ['- [ ] **Step 3: Commit**', '', '```bash', 'git add sim/victim.go', 'git commit -m "feat(sim): select victims by SLO priority"', '```', ''];
    expect(await lint('sp-failing-test-first', plan(['### Task 2: Victim selector', '', ...change, ...run, ...commit]))).toHaveLength(1);
  });

  it('does not report a task with no test step at all: whether it has a test to write is not on the page', async () => {
    const text = plan(['### Task 2: Victim selector', '', '- [ ] **Step 1: Add the SLO-priority victim selector function**', '', '```go', 'func selectVictim() int { return 0 }', '```', '']);
    expect(await lint('sp-failing-test-first', text)).toEqual([]);
  });
});

describe('sp-step-checkbox', () => {
  it('reads numbered items inside a checkbox step, between its code blocks, as parts of the step', async () => {
    const text = plan([
      '### Task 2: Journal wiring',
      '',
      '- [ ] Run `cd windows && dotnet test` — expect compile failure: `\'DictationEngine\' does not contain a definition for \'Journal\'`.',
      '- [ ] Modify `windows/src/VoxScribe.Core/DictationEngine.cs`:',
      '  1. Add the public property near the other public state (after `PartialText`, ~L85):',
      '',
      '```csharp',
      '    public InjectionJournal Journal { get; } = new();',
      '```',
      '',
      '  2. In `BeginAsync()` (~L261), inside the gated setup, add:',
      '',
      '```csharp',
      '            Journal.BeginDictation();',
      '```',
      '',
      '  3. At the incremental injection site, record what was typed.',
      '- [ ] Commit.',
      '',
    ]);
    expect(await lint('sp-step-checkbox', text)).toEqual([]);
  });

  it('still reports numbered items that stand where steps stand', async () => {
    const text = plan(['### Task 1: Key vocabulary', '', '1. Add failing parser tests for F13-F24.', '2. Introduce a shared virtual-key catalog.', '']);
    expect((await lint('sp-step-checkbox', text))[0]).toContain('are a numbered list, not checkboxes');
  });
});

describe('sp-run-expected', () => {
  it('accepts an Expected label whose value is the list under it', async () => {
    const text = plan([
      '### Task 2: 接入 Program.cs',
      '',
      '- [ ] **Step 4: 手動驗證 dev 落點不變**',
      '',
      'Run: `dotnet run --project src/Pm.Api`(啟動後 Ctrl+C)',
      'Expected:',
      '- `src/Pm.Api/pm.sqlite` **原地不動**,無新副本。',
      '- 出現 `src/Pm.Api/logs/` 目錄。',
      '',
    ]);
    expect(await lint('sp-run-expected', text)).toEqual([]);
  });

  it('asks only for the command when the step says what it expects', async () => {
    const text = plan(['### Task 1: Status Module Tests', '', '- [x] Run the targeted build and verify it fails because `src/relayWatchStatus.ts` does not exist.', '']);
    expect(await lint('sp-run-expected', text)).toEqual([
      'The step "Run the targeted build and verify it fails becaus…" of Task 1 says to run something and what to expect, but names no command in the step: write the exact command there as "Run: `<exact command>`".',
    ]);
  });

  it('asks for both when the step says neither', async () => {
    const text = plan(['### Task 4: Validate', '', '- [ ] Run documentation-focused repository checks and final validation.', '']);
    expect((await lint('sp-run-expected', text))[0]).toContain('names no command and no Expected in the step');
  });
});

describe('sp-header-agentic-line', () => {
  it('says the sub-skill is named without its namespace', async () => {
    const text = spPlan({ agentic: '> **For agentic workers:** REQUIRED SUB-SKILL: Use subagent-driven-development to implement this plan task-by-task.' });
    expect(await lint('sp-header-agentic-line', text)).toEqual([
      'The "For agentic workers:" line names the sub-skill `subagent-driven-development` without the `superpowers:` namespace: write `superpowers:subagent-driven-development`, the skill\'s full name.',
    ]);
  });

  it('does not ask for the checkbox sentence, which older versions of the line lack', async () => {
    for (const agentic of [
      '> **For agentic workers:** REQUIRED SUB-SKILL: Use superpowers:executing-plans',
      '> **For agentic workers:** REQUIRED: Use superpowers:subagent-driven-development (if subagents available) or superpowers:executing-plans to implement this plan.',
    ]) {
      expect(await lint('sp-header-agentic-line', spPlan({ agentic }))).toEqual([]);
    }
  });
});

describe('sp-file-structure', () => {
  const files = (...paths: string[]): string[] => ['### Task 1: Core generator', '', '**Files:**', ...paths.map((p) => `- Modify: \`${p}\``), '', '- [ ] **Step 1: Write the failing test**', ''];

  it('counts a file a glob entry of the map matches as mapped', async () => {
    const map = [
      '## File Structure',
      '',
      '- `src/common/Analyzers/InterceptorGenerator.cs` — interceptor pipeline.',
      '- `tests/Analyzers.Tests/*.cs` — focused interceptor cache/runtime tests.',
      '- `src/compliance/Analyzers/{ComplianceLexicon,SinkFlow}.cs` — analyzer hot paths.',
      '- `tests/**/Snapshots/*.verified.txt` — snapshots.',
    ];
    const text = plan(
      files('src/common/Analyzers/InterceptorGenerator.cs', 'tests/Analyzers.Tests/InterceptorModelsTests.cs', 'src/compliance/Analyzers/SinkFlow.cs', 'tests/Gen/Snapshots/a.verified.txt', 'src/common/Analyzers/InterceptorModels.cs'),
      map,
    );
    expect(await lint('sp-file-structure', text)).toEqual([
      'Task 1\'s file `src/common/Analyzers/InterceptorModels.cs` is not in the file map ("File Structure", line 13): add it there with what it is responsible for.',
    ]);
  });

  it('asks the map and the task to agree when the map names the file under another extension', async () => {
    const map = ['## File Map', '', '- **Created:** `skills/brainstorming/scripts/server.cjs` — the zero-dep server (CommonJS format)'];
    const text = plan(['### Task 1: WebSocket protocol', '', '**Files:**', '- Create: `skills/brainstorming/scripts/server.js`', '', '- [ ] **Step 1: Write the failing test**', ''], map);
    expect(await lint('sp-file-structure', text)).toEqual([
      'The file map ("File Map", line 13) names `skills/brainstorming/scripts/server.cjs`, Task 1 `skills/brainstorming/scripts/server.js`: make them agree.',
    ]);
  });
});
