/** The verify ledger as people read it: grouped, with evidence, within 80 columns, coloured on request. */
import { describe, expect, it } from 'vitest';
import { useColor } from '../../src/cli/commands/verify.js';
import { formatJson, formatTable } from '../../src/output/verify.js';
import type { VerifyReport } from '../../src/verify/types.js';

const sha = (c: string): string => c.repeat(40);

const report: VerifyReport = {
  ok: false,
  plan: 'docs/plans/2026-05-07-a-rather-long-plan-name-for-saturation-analysis-plan.md',
  base: sha('0'),
  head: sha('f'),
  commits: [
    { sha: sha('1'), subject: 'docs(plans): add implementation plan for PR #1291 saturation verdict', files: [], task: undefined, group: 'plan' },
    { sha: sha('2'), subject: 'feat(workload): add active requests computation for saturation analysis (BC-1)', files: ['sim/workload/saturation.go'], task: 1, group: 'task' },
    { sha: sha('3'), subject: 'feat(observe): add sync.Once guards for export idempotency', files: ['cmd/observe_cmd.go'], task: undefined, group: 'unplanned' },
    { sha: sha('4'), subject: 'feat(workload): three-level saturation classification (BC-2)', files: ['sim/workload/saturation.go'], task: 2, group: 'task' },
    { sha: sha('5'), subject: 'fix(saturation): address all critical and important code review issues from round 2', files: ['a.go', 'b.go'], task: undefined, group: 'follow-up' },
  ],
  merges: [{ sha: sha('6'), subject: "Merge branch 'main' into saturation-verdict" }],
  tasks: [
    {
      task: 1,
      title: 'Implement active requests time series computation',
      commits: [sha('2')],
      evidence: [{ commit: sha('2'), reasons: ['files 2/2', 'subject words 43%', 'contracts BC-1'] }],
      ok: true,
      problems: [],
      tests: [{ contract: 'BC-1', name: 'TestComputeActiveRequests', found: { file: 'sim/workload/saturation_test.go', line: 8, name: 'TestComputeActiveRequests_SingleRequest' } }],
    },
    {
      task: 2,
      title: 'Implement backlog trend fitting and classification',
      commits: [sha('4')],
      evidence: [{ commit: sha('4'), reasons: ["plan's subject"] }],
      ok: false,
      problems: [
        {
          kind: 'test-missing',
          task: 2,
          test: 'TestClassifyBacklog_Unsaturated',
          message:
            'Test "TestClassifyBacklog_Unsaturated" that the test strategy names for BC-2 is not declared in the head tree (fffffff; no commit of the PR writes it): add the test, or correct its name in the table.',
        },
      ],
      tests: [{ contract: 'BC-2', name: 'TestClassifyBacklog_Unsaturated', found: undefined }],
    },
  ],
  problems: [
    {
      kind: 'orphan-commit',
      commit: sha('3'),
      message: 'Commit 3333333 "feat(observe): add sync.Once guards for export idempotency" comes among the plan\'s tasks but belongs to none: fold it into its task\'s commit, or add the work to the plan.',
    },
  ],
  ran: false,
};

describe('the verify table', () => {
  const table = formatTable(report, 'main..HEAD');
  const lines = table.trimEnd().split('\n');

  it('fits 80 columns', () => {
    expect(lines.filter((l) => [...l].length > 80)).toEqual([]);
  });

  it('shows per task its commits and the evidence that made them the task\'s', () => {
    expect(table).toContain('✓ Task 1  Implement active requests time series computation\n    2222222  feat(workload): add active requests computation for saturation ana…\n             evidence: files 2/2; subject words 43%; contracts BC-1\n');
    expect(table).toContain('    test ✓ BC-1 "TestComputeActiveRequests" (sim/workload/saturation_test.go:8,\n           as TestComputeActiveRequests_SingleRequest)\n');
  });

  it('groups the commits of no task: the plan\'s own, unplanned work, follow-ups, merges', () => {
    expect(table).toContain('main..HEAD — 5 commits');
    expect(table).toContain("(2 task commits, 1 plan's own, 1 follow-up, 1\n  unplanned)");
    expect(table).toMatch(/The plan's own commits \(1\)\n {2}1111111 {2}docs\(plans\): add implementation plan .* {2}0 files\n/);
    expect(table).toMatch(/Follow-ups and review fixes \(1\)\n {2}5555555 {2}fix\(saturation\): address all critical .*… {2}2 files\n/);
    expect(table).toContain('Unplanned work among the tasks (1)\n  3333333  feat(observe): add sync.Once guards for export idempotency  1 file\n');
    expect(table).toContain("Merges (1)\n  6666666  Merge branch 'main' into saturation-verdict\n");
  });

  it('wraps a long problem under its mark', () => {
    const at = lines.findIndex((l) => l.startsWith('    ✗ test-missing:'));
    expect(lines[at + 1]).toMatch(/^ {6}\S/);
  });

  it('uses a wider terminal when it has one, and colours only when asked', () => {
    expect(formatTable(report, 'main..HEAD', { width: 120 })).toContain('    2222222  feat(workload): add active requests computation for saturation analysis (BC-1)\n');
    expect(table).not.toContain('\x1b[');
    const coloured = formatTable(report, 'main..HEAD', { color: true });
    expect(coloured).toContain('\x1b[32m✓\x1b[39m \x1b[1mTask 1\x1b[22m');
    expect(coloured).toContain('\x1b[31m✗\x1b[39m test-missing:');
  });

  it('leaves every field to the JSON', () => {
    expect(JSON.parse(formatJson(report))).toEqual(JSON.parse(JSON.stringify(report)));
  });
});

describe('colour', () => {
  it('is on for a terminal, off under NO_COLOR, and forced by FORCE_COLOR', () => {
    expect(useColor({ isTTY: true }, {})).toBe(true);
    expect(useColor({ isTTY: false }, {})).toBe(false);
    expect(useColor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(useColor({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
    expect(useColor({ isTTY: true }, { FORCE_COLOR: '0' })).toBe(true);
    expect(useColor({ isTTY: true }, { FORCE_COLOR: '0', NO_COLOR: '1' })).toBe(false);
  });
});
