import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/defaults.js';
import { lintPlan } from '../../src/engine/lint.js';
import { lintFiles } from '../../src/engine/run.js';
import { parsePlan } from '../../src/plan/parse.js';
import { ruleById } from '../../src/rules/index.js';
import { specCoverage } from '../../src/spec/coverage.js';
import { md } from '../helpers.js';

const SPEC_PATH = 'docs/superpowers/specs/2026-04-25-installer-design.md';

/** A superpowers plan whose tasks say `body`, naming the spec in its header. */
function plan(...body: string[]): string {
  return md(
    '# Installer Implementation Plan',
    '',
    '**Goal:** Install in one command.',
    '',
    '**Tech Stack:** Bash',
    '',
    `**Spec:** \`${SPEC_PATH}\``,
    '',
    '### Task 1: Write install.sh',
    '',
    '**Files:**',
    '- Create: `install.sh`',
    '',
    '- [ ] **Step 1: Write the script**',
    '',
    ...body,
  );
}

async function findings(planText: string, spec: string): Promise<string[]> {
  const p = parsePlan(planText, 'docs/superpowers/plans/2026-04-25-installer.md');
  const ds = await lintPlan(p, { config: defaultConfig(), rules: [ruleById('spec-coverage')!], specs: { docs: [{ path: SPEC_PATH, text: spec }], missing: [] } });
  return ds.map((d) => d.message);
}

const summary = (planText: string, spec: string) => specCoverage(parsePlan(planText, 'plan.md'), { path: SPEC_PATH, text: spec }).summary;

describe('spec-coverage', () => {
  it('reports a requirement whose file no task mentions, with the spec line and its names', async () => {
    const spec = md('# Installer Design', '', '## Files Touched', '', '| File | Change |', '|---|---|', '| `install.sh` | NEW |', '| `CLAUDE.md` | Note installer in "Installation" |');
    expect(await findings(plan('Write `install.sh`.'), spec)).toEqual([
      `${SPEC_PATH}:8 ("\`CLAUDE.md\` | Note installer in "Installation"") names \`CLAUDE.md\`, which no task mentions: add a task or step that implements it, or say in the plan why it is left out.`,
    ]);
  });

  it('counts a requirement as covered when a task names it as a qualified name, a call or a shorter path', async () => {
    const spec = md(
      '# Design',
      '',
      '## Design',
      '',
      '- Add `harness.collect_evidence.evidence_filename(evidence_type, *, phase=None) -> str`.',
      '- Register the hook in `src/adapters/telegram/adapter.ts`.',
      '- Add the `--phase` flag.',
      '- Document it under `~/.claude/settings.json`.',
    );
    const p = plan('Call `evidence_filename("unit_test")` from `adapter.ts`; parse `--phase`; write $HOME/.claude/settings.json.');
    expect(await findings(p, spec)).toEqual([]);
    expect(summary(p, spec)).toMatchObject({ requirements: 4, checkable: 4, covered: 4, reported: 0 });
  });

  it('reads no requirement in sections that ask for nothing, nor under a bold "Out of scope:" label', async () => {
    const spec = md(
      '# Design',
      '',
      '## Non-goals',
      '',
      '- A `--force` flag.',
      '',
      '## Scope',
      '',
      '**Out of scope:**',
      '- Changes to `PartitionedRNG`.',
      '',
      '## Alternatives considered',
      '',
      'Use `lastModifiedDateTime` instead.',
    );
    expect(await findings(plan('Write `install.sh`.'), spec)).toEqual([]);
    expect(summary(plan('x'), spec)).toMatchObject({ requirements: 0 });
  });

  it('ignores a table column that gives reasons, and names the spec marks as existing', async () => {
    const spec = md(
      '# Design',
      '',
      '## Decisions',
      '',
      '| Decision | Rationale |',
      '|---|---|',
      '| macOS + Linux only | The existing `hooks/run-hook.cmd` polyglot handles Windows. |',
      '',
      '## Tests',
      '',
      'Run the hook through the existing `assert_command_output` helper.',
    );
    expect(await findings(plan('Write `install.sh`.'), spec)).toEqual([]);
  });

  it('reads no name given as an example', async () => {
    const spec = md(
      '# Design',
      '',
      '## Detection',
      '',
      '- Build files (`pyproject.toml`, `go.mod`, etc.) name the test framework.',
      '- Test names follow the framework (e.g., `camelCase` for Java, `TestPascalCase` for Go).',
      '- Avoid harness variables such as `CLAUDE_PLUGIN_ROOT`.',
    );
    expect(await findings(plan('Detect the framework from build files.'), spec)).toEqual([]);
    expect(summary(plan('x'), spec)).toMatchObject({ requirements: 3, checkable: 0 });
  });

  it('counts a requirement without an exact name as not checkable, never reported', async () => {
    const spec = md('# Design', '', '## Goals', '', '- Safe by default: strict mode and a consent prompt.');
    expect(await findings(plan('Write `install.sh`.'), spec)).toEqual([]);
    expect(summary(plan('Write `install.sh`.'), spec)).toMatchObject({ requirements: 1, checkable: 0, notCheckable: 1 });
  });

  it('does not report keys and log strings alone, which plans put in their own words', async () => {
    const spec = md('# Design', '', '## Policy', '', '- Related closure rejects empty `impact.required_tests`.', '- A dead owner PID logs `owner-pid-invalid`.');
    const p = plan('Reject empty impact tests; log an invalid owner PID.');
    expect(await findings(p, spec)).toEqual([]);
    expect(summary(p, spec)).toMatchObject({ checkable: 2, unmatched: 2, reported: 0 });
  });

  it('does not report what the plan says it leaves out, or names outside its tasks', async () => {
    const spec = md('# Design', '', '## Files', '', '- `CLAUDE.md`: note the installer.', '- `docs/release.md`: the release step.');
    const p = md(plan('Write `install.sh`.'), '## Not in this plan', '', '- `CLAUDE.md` is out of scope: a later plan.').replace('**Tech Stack:** Bash', '**Tech Stack:** Bash\n\n**Docs:** `docs/release.md` is updated by the release owner.');
    expect(await findings(p, spec)).toEqual([]);
    expect(summary(p, spec)).toMatchObject({ deferred: 1, outsideTasks: 1 });
  });

  it('reports nothing against a spec delivered in phases, or from a plan that says part of the spec is done', async () => {
    const gap = md('# Design', '', '## Files', '', '- `CLAUDE.md`: note the installer.');
    expect(await findings(plan('Write `install.sh`.'), gap)).toHaveLength(1);
    expect(await findings(plan('Write `install.sh`.'), md(gap, '## Phasing', '', '**PR A:** the script.', '', '**PR B:** the docs.'))).toEqual([]);
    expect(await findings(plan('Write `install.sh`.', '', 'The library is already written and tested (Part A).'), gap)).toEqual([]);
  });
});

describe('spec-coverage finds the spec a plan names', () => {
  function repo(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'microplan-spec-'));
    mkdirSync(join(dir, '.git'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return dir;
  }
  const PLAN_PATH = 'docs/superpowers/plans/2026-04-25-installer.md';
  const GAP = md('# Design', '', '## Files', '', '- `CLAUDE.md`: note the installer.');

  it('reads the **Spec:** path from the repository root, and gives the coverage in the report', async () => {
    const dir = repo({ [PLAN_PATH]: plan('Write `install.sh`.'), [SPEC_PATH]: GAP });
    const report = await lintFiles([PLAN_PATH], { cwd: dir, config: defaultConfig(), ruleIds: ['spec-coverage'] });
    expect(report.files[0]!.diagnostics.map((d) => [d.span.start.line, d.message.slice(0, SPEC_PATH.length + 2)])).toEqual([[7, `${SPEC_PATH}:5`]]);
    expect(report.files[0]!.specCoverage).toEqual([expect.objectContaining({ spec: SPEC_PATH, requirements: 1, checkable: 1, reported: 1 })]);
  });

  it('reads a spec named by a link relative to the plan once, though the link text names it too', async () => {
    const linked = plan('Write `install.sh`.').replace(`**Spec:** \`${SPEC_PATH}\``, `**Spec:** [${SPEC_PATH}](../specs/2026-04-25-installer-design.md)`);
    const dir = repo({ [PLAN_PATH]: linked, [SPEC_PATH]: GAP });
    const report = await lintFiles([PLAN_PATH], { cwd: dir, config: defaultConfig(), ruleIds: ['spec-coverage'] });
    expect(report.files[0]!.diagnostics).toHaveLength(1);
    expect(report.files[0]!.specCoverage).toHaveLength(1);
  });

  it('warns, at the name, when the named spec is not in the repository', async () => {
    const dir = repo({ [PLAN_PATH]: plan('Write `install.sh`.') });
    const report = await lintFiles([PLAN_PATH], { cwd: dir, config: defaultConfig(), ruleIds: ['spec-coverage'] });
    expect(report.files[0]!.diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', span: expect.objectContaining({ start: { line: 7, column: 12 } }), message: expect.stringContaining(`names its spec ${SPEC_PATH}, which is not there`) }),
    ]);
  });

  it('checks against --spec instead, and stops with one message naming a --spec that does not exist', async () => {
    const dir = repo({ [PLAN_PATH]: plan('Write `install.sh`.'), 'other-design.md': GAP });
    const report = await lintFiles([PLAN_PATH], { cwd: dir, config: defaultConfig(), ruleIds: ['spec-coverage'], spec: 'other-design.md' });
    expect(report.files[0]!.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/^other-design\.md:5 /)]);
    await expect(lintFiles([PLAN_PATH], { cwd: dir, config: defaultConfig(), spec: 'nope-design.md' })).rejects.toThrow(/^--spec nope-design\.md: no such file/);
  });
});
