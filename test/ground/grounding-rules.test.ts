import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/defaults.js';
import { lintPlan } from '../../src/engine/lint.js';
import { lintFiles } from '../../src/engine/run.js';
import { GroundingSession } from '../../src/ground/open.js';
import { formatSitesMarkdown } from '../../src/output/sites.js';
import { siteAudits } from '../../src/ground/sites.js';
import { parsePlan } from '../../src/plan/parse.js';
import { GROUNDING_RULES } from '../../src/rules/grounding/index.js';
import type { Diagnostic } from '../../src/rules/types.js';
import { tempRepo, type TempRepo } from './git-fixture.js';
import { grounder } from './ground-plan.js';
import { widgetPlan as plan } from './widget-plan.js';

const WIDGET_V1 = [
  'package widget', //                      1
  '', //                                    2
  '// Widget is a thing.', //               3
  'type Widget struct {', //                4
  '\tName string', //                       5
  '}', //                                   6
  '', //                                    7
  'func NewWidget(name string) *Widget {', // 8
  '\treturn &Widget{Name: name}', //        9
  '}', //                                   10
  '',
].join('\n');

// Three lines added on top: everything moves down by 3; Widget gains a field (its text changes).
const WIDGET_V2 = [
  'package widget',
  '',
  'import "fmt"',
  '',
  'var _ = fmt.Sprint',
  '// Widget is a thing.',
  'type Widget struct {',
  '\tName string',
  '\tSize int',
  '}',
  '',
  'func NewWidget(name string) *Widget {',
  '\treturn &Widget{Name: name}',
  '}',
  '',
].join('\n');

const USES = ['package app', '', 'import "x/widget"', '', 'func a() { _ = widget.Widget{Name: "a"} }', '', 'func b() { _ = &widget.Widget{} }', ''].join('\n');


let repo: TempRepo;
let v1: string;
let v2: string;

beforeAll(() => {
  repo = tempRepo();
  repo.write({ 'widget/widget.go': WIDGET_V1, 'b/util.go': 'package b\n', 'c/util.go': 'package c\n', 'app/app.go': USES });
  v1 = repo.commit('v1');
  repo.write({ 'widget/widget.go': WIDGET_V2 });
  v2 = repo.commit('v2');
});

const ground = grounder(() => repo.dir);
// Sessions some tests open themselves.
const sessions: GroundingSession[] = [];
afterAll(async () => {
  for (const s of sessions) await s.close();
});

const summary = (ds: Diagnostic[]): string[] => ds.map((d) => `${d.ruleId}@${d.span.start.line}`);

describe('citation-exists', () => {
  it('accepts a citation of an existing file and line', async () => {
    expect(await ground(plan('- `NewWidget` at `widget/widget.go:12`'))).toEqual([]);
  });

  it('flags a file that does not exist', async () => {
    const ds = await ground(plan('- see `widget/gadget.go:3`'));
    expect(summary(ds)).toEqual(['citation-exists@9']);
    expect(ds[0]!.message).toBe('Cited file widget/gadget.go does not exist in the working tree: fix the path or drop the citation.');
  });

  it('flags a bare file name that matches several files', async () => {
    const ds = await ground(plan('- helpers live in util.go:1'));
    expect(ds[0]!.message).toBe('Cited file util.go matches 2 files (b/util.go, c/util.go): write the full path.');
  });

  it('flags a line past the end of the file', async () => {
    const ds = await ground(plan('- the end is at `app/app.go:40`'));
    expect(ds[0]!.message).toBe('app/app.go has 7 lines, but the citation points at line 40: cite lines that exist.');
  });
});

describe('citation-moved', () => {
  it('flags a symbol now at another line, with a fix that rewrites the line number', async () => {
    const ds = await ground(plan('- `NewWidget` at `widget/widget.go:8`'));
    expect(summary(ds)).toEqual(['citation-moved@9']);
    expect(ds[0]!.message).toContain('`NewWidget` is now at widget/widget.go:12, not line 8');
    expect(ds[0]!.fix).toEqual({ span: ds[0]!.span, replacement: 'widget/widget.go:12', once: true });
  });

  it('reads the plan against its recorded Base commit by default', async () => {
    expect(await ground(plan('- `NewWidget` at `widget/widget.go:8`', v1))).toEqual([]);
  });

  it('with --against HEAD, reports cited lines that moved since the base', async () => {
    const ds = await ground(plan('- constructor: `widget/widget.go:8-10`', v1), { against: 'HEAD' });
    expect(summary(ds)).toEqual(['citation-moved@10']);
    expect(ds[0]!.fix?.replacement).toBe('widget/widget.go:12-14');
  });
});

describe('citation-changed', () => {
  it('with --against, reports a symbol whose text changed since the base', async () => {
    const ds = await ground(plan('- `Widget` at `widget/widget.go:4-6`', v1), { against: v2 });
    expect(summary(ds)).toEqual(['citation-changed@10']);
    expect(ds[0]!.message).toContain('`Widget` (now widget/widget.go:7) changed since the plan\'s base');
  });
});

describe('citation-gone', () => {
  it('flags a named symbol that is not in the file', async () => {
    const ds = await ground(plan('- `OldWidget` at `widget/widget.go:8`'));
    expect(summary(ds)).toEqual(['citation-gone@9']);
  });

  it('flags quoted code that is no longer in the file', async () => {
    const ds = await ground(plan('- `return Widget{}` at `widget/widget.go:9`'));
    expect(ds[0]!.message).toContain('the quoted code `return Widget{}` is not in widget/widget.go');
  });
});

describe('task-files-exist', () => {
  const tasks = (files: string[]): string =>
    ['## Tasks', '', '### Task 1: Size (BC-1)', '', '**Files:**', ...files, '', '### Task 2: More (BC-1)', '', '**Files:**', '- Modify: `widget/new.go`', ''].join('\n');

  it('accepts modifying existing files and a file an earlier task creates', async () => {
    const ds = await ground(plan('') + tasks(['- Modify: `widget/widget.go`', '- Create: `widget/new.go`', '- Test: `widget/widget_test.go`']));
    expect(ds).toEqual([]);
  });

  it('flags modifying a file that does not exist, suggesting the full path', async () => {
    const ds = await ground(plan('') + tasks(['- Modify: `widget.go`', '- Create: `widget/new.go`']));
    expect(ds.map((d) => d.message)).toEqual([
      'Task 1 modifies widget.go, which does not exist in the working tree and no earlier task creates it; write its full path, widget/widget.go.',
    ]);
  });

  it('flags creating a file that already exists', async () => {
    const ds = await ground(plan('') + tasks(['- Create: `app/app.go`', '- Create: `widget/new.go`']));
    expect(ds.map((d) => d.message)).toEqual(['Task 1 creates app/app.go, which already exists: list it as Modify.']);
  });

  it('holds a directory to existing and a pattern to matching some file', async () => {
    expect(await ground(plan('') + tasks(['- Modify: `widget/`', '- Modify: `*/util.go`', '- Create: `widget/new.go`']))).toEqual([]);
    const ds = await ground(plan('') + tasks(['- Modify: `gadget/`', '- Modify: `widget/*.yaml`', '- Create: `widget/new.go`']));
    expect(ds.map((d) => d.message)).toEqual([
      'Task 1 modifies gadget/, a directory that does not exist in the working tree: write the exact paths of the files it changes.',
      'Task 1 modifies widget/*.yaml, a pattern that matches no file in the working tree: write the exact paths of the files it changes.',
    ]);
  });
});

describe('grounding a superpowers plan', () => {
  const superpowers = (files: string[], prose: string): string =>
    [
      '# Widget Size Implementation Plan',
      '',
      '**Goal:** Let widgets have a size.',
      '',
      '**Tech Stack:** Go',
      '',
      '---',
      '',
      '### Task 1: Size field',
      '',
      '**Files:**',
      ...files,
      '',
      '- [ ] **Step 1: Write the failing test**',
      '',
      prose,
      '',
    ].join('\n');

  it('checks its Files entries with line ranges and its prose citations', async () => {
    expect(await ground(superpowers(['- Modify: `widget/widget.go:4-6`', '- Test: `widget/widget_test.go`'], 'See `NewWidget` at `widget/widget.go:12`.'))).toEqual([]);
    const ds = await ground(superpowers(['- Modify: `widget/gadget.go:4-6`'], 'The end is at `app/app.go:40`.'));
    expect(summary(ds)).toEqual(['citation-exists@12', 'task-files-exist@12', 'citation-exists@16']);
  });
});

describe('construction-sites-complete', () => {
  it('accepts an audit that lists every site', async () => {
    const audit = ['Construction sites of `Widget`:', '- `widget/widget.go:13` (NewWidget)', '- `app/app.go:5`', '- `app/app.go:7`'].join('\n');
    expect(await ground(plan(audit))).toEqual([]);
  });

  it('accepts the table `microplan sites` prints, pasted into Phase 0 under its summary line', async () => {
    const [audit] = await siteAudits(['Widget'], { dir: repo.dir });
    expect(audit!.sites.length).toBeGreaterThan(1);
    expect(await ground(plan(formatSitesMarkdown(audit!)))).toEqual([]);
  });

  it('lists the sites an audit misses with file:line', async () => {
    const ds = await ground(plan(['Construction sites of `Widget`:', '- `widget/widget.go:13` (NewWidget)'].join('\n')));
    expect(summary(ds)).toEqual(['construction-sites-complete@9']);
    expect(ds[0]!.message).toMatch(/misses 2 of \d+ sites: app\/app\.go:5 \(a\), app\/app\.go:7 \(b\)/);
  });
});

describe('construction-sites-complete with a package-qualified type', () => {
  it('audits the type of the package the plan names, not every type of that name', async () => {
    const two = tempRepo();
    two.write({
      'widget/widget.go': 'package widget\n\ntype Widget struct{}\n\nvar W = Widget{}\n',
      'gadget/gadget.go': 'package gadget\n\ntype Widget struct{}\n\nvar G = Widget{}\n',
    });
    two.commit('two widgets');
    try {
      const session = new GroundingSession({ dir: two.dir });
      sessions.push(session);
      const lint = async (audit: string): Promise<string[]> => {
        const p = parsePlan(plan(audit), 'plan.md');
        const ds = await lintPlan(p, { config: defaultConfig(), grounding: await session.forPlan(p), rules: GROUNDING_RULES });
        return ds.map((d) => d.message);
      };
      expect(await lint('Construction sites of `widget.Widget`:\n- `widget/widget.go:5`')).toEqual([]);
      expect(await lint('Construction sites of `Widget`:\n- `widget/widget.go:5`')).toEqual([
        'The construction-site audit of `Widget` misses 1 of 2 sites: gadget/gadget.go:5. List each and cover it in a task.',
      ]);
    } finally {
      rmSync(two.dir, { recursive: true, force: true });
    }
  });
});

describe('construction-sites-complete: what counts as listed', () => {
  const BIG = [
    'package big', //                1
    '', //                           2
    'type Big struct{ A, B, C, D, E, F int }', // 3
    '', //                           4
    'func Make() Big {', //          5
    '\treturn Big{', //              6
    '\t\tA: 1,', //                  7
    '\t\tB: 2,', //                  8
    '\t\tC: 3,', //                  9
    '\t\tD: 4,', //                  10
    '\t\tE: 5,', //                  11
    '\t}', //                        12
    '}', //                          13
    '',
  ].join('\n');
  let big: TempRepo;
  let lint: (body: string) => Promise<string[]>;
  beforeAll(() => {
    big = tempRepo();
    big.write({ 'big/big.go': BIG, 'big/big_test.go': 'package big\n\nvar t = Big{A: 1}\n', 'use/use.go': 'package use\n\nimport "x/big"\n\nvar u = big.Make()\n' });
    big.commit('big');
    const session = new GroundingSession({ dir: big.dir });
    sessions.push(session);
    lint = async (body) => {
      const p = parsePlan(plan(body), 'plan.md');
      return (await lintPlan(p, { config: defaultConfig(), grounding: await session.forPlan(p), rules: GROUNDING_RULES })).map((d) => d.message);
    };
  });
  afterAll(() => rmSync(big.dir, { recursive: true, force: true }));

  it('counts a citation of any line of a literal, the file named without lines, and the function a site is in or the factory it calls', async () => {
    expect(await lint('Construction sites of `Big`:\n- `big/big.go:11` (field `E`)\n- `big/big_test.go` (one test literal)\n- `use/use.go:5`')).toEqual([]);
    expect(await lint('Construction sites of `Big`:\n- built in `Make()` only, which `use.go` calls\n- `big/big_test.go:3`')).toEqual([]);
  });

  it('leaves test sites to an audit that speaks of them together, and reports what it misses otherwise', async () => {
    expect(await lint('Construction sites of `Big`:\n- `Make()` (`big/big.go:6`); plus test sites')).toEqual([]);
    expect(await lint('Construction sites of `Big`:\n- `Make()` (`big/big.go:6`)')).toEqual([
      'The construction-site audit of `Big` misses 1 of 3 sites: big/big_test.go:3. List each and cover it in a task.',
    ]);
  });

  it('checks no problem statement or task step that mentions construction sites, and a type audited twice once', async () => {
    expect(await lint('**The problem today:** `Big` has three construction sites that can silently miss a field.')).toEqual([]);
    expect(await lint('Replace the construction sites of `Big` with `Make()`:\n- `big/big.go:6`')).toEqual([]);
    const twice = await lint('Construction sites of `Big`:\n- `big/big.go:6`\n\n**Construction site audit of `Big`:**\n- `use/use.go:5`');
    expect(twice).toEqual(['The construction-site audit of `Big` misses 1 of 3 sites: big/big_test.go:3. List each and cover it in a task.']);
  });

  it('reports `T` and `pkg.T` of the same type once, with what either audit lists', async () => {
    const both = await lint('Construction sites of `Big`:\n- `big/big.go:6`\n\n**Construction site audit of `big.Big`:**\n- `use/use.go:5`');
    expect(both).toEqual(['The construction-site audit of `Big` misses 1 of 3 sites: big/big_test.go:3. List each and cover it in a task.']);
  });
});

describe('citation-moved with --fix', () => {
  it('rewrites the moved citation in the plan file and leaves nothing to report', async () => {
    const planPath = join(repo.dir, 'plan.md');
    writeFileSync(planPath, plan('- `NewWidget` at `widget/widget.go:8`'));
    const first = await lintFiles([planPath], { repo: repo.dir, fix: true, rules: GROUNDING_RULES });
    expect(first.files[0]!.fixesApplied).toBe(1);
    expect(readFileSync(planPath, 'utf8')).toContain('- `NewWidget` at `widget/widget.go:12`');
    expect(first.files[0]!.diagnostics).toEqual([]);
  });
});
