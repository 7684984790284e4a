/**
 * The writing-plans header: "# [Feature Name] Implementation Plan", the agentic-workers line, Goal
 * in one sentence, Architecture in 2-3, nothing before the header. Every version of the skill's
 * wording is accepted.
 */
import { describe, expect, it } from 'vitest';
import { lintRule } from '../../helpers.js';
import { spPlan } from './sp-plan.js';

const lint = async (id: string, text: string): Promise<string[]> => (await lintRule(id, text, { format: 'superpowers' })).map((d) => d.message);

describe('sp-header-title', () => {
  it('accepts "# <Feature> Implementation Plan", with a dash or a trailing "(Plan 2)"', async () => {
    expect(await lint('sp-header-title', spPlan())).toEqual([]);
    expect(await lint('sp-header-title', spPlan({ title: '# getting-up-to-speed Skill — Implementation Plan' }))).toEqual([]);
    expect(await lint('sp-header-title', spPlan({ title: '# Pending Paste Implementation Plan (Plan 2)' }))).toEqual([]);
  });

  it('reports a title that does not say what the document is', async () => {
    const [m] = await lint('sp-header-title', spPlan({ title: '# Winpepper Plan 2 — Cleanup, Window Context, Corrections' }));
    expect(m).toBe('The title "Winpepper Plan 2 — Cleanup, Window Context, Corrections" does not say "Implementation Plan": write it as `# <Feature Name> Implementation Plan`.');
  });

  it('reports a plan without a title on its first line', async () => {
    expect(await lint('sp-header-title', spPlan({ title: undefined }))).toEqual([
      'The plan does not open with a `# [Feature Name] Implementation Plan` title: put one on its first line.',
    ]);
  });
});

describe('sp-header-position', () => {
  it('accepts front matter above the title and an HTML comment under it', async () => {
    expect(await lint('sp-header-position', `---\nstatus: done\n---\n\n${spPlan({ title: '# X Implementation Plan\n\n<!-- generated -->' })}`)).toEqual([]);
  });

  it('reports an addendum between the title and the agentic-workers line, at the addendum, unless it is a quoted note', async () => {
    const text = spPlan({ title: '# Pending Paste Implementation Plan\n\nAddendum, 2026-07-22: the owner decided to always archive; this supersedes the archiving step.' });
    const ds = await lintRule('sp-header-position', text, { format: 'superpowers' });
    expect(ds.map((d) => d.span.start.line)).toEqual([3]);
    expect(ds[0]!.message).toContain('stands between the title and the agentic-workers line');
    const quoted = spPlan({ title: '# Pending Paste Implementation Plan\n\n> ## Addendum — 2026-07-22: Owner decision\n>\n> **Supersedes:** the archiving step.' });
    expect(await lint('sp-header-position', quoted)).toEqual([]);
  });

  it('reports an agentic-workers line placed after the Goal', async () => {
    const text = spPlan({ agentic: undefined, goal: 'Install the tool.\n\n> **For Claude:** REQUIRED SUB-SKILL: Use superpowers:executing-plans to implement this plan task-by-task.' });
    expect(await lint('sp-header-position', text)).toEqual(['The agentic-workers line comes after "**Goal:**": put it right under the title, before Goal.']);
  });
});

describe('sp-header-agentic-line', () => {
  it("accepts each skill version's wording", async () => {
    const versions = [
      undefined,
      '> **For agentic workers:** REQUIRED: Use superpowers:subagent-driven-development (if subagents available) or superpowers:executing-plans to implement this plan. Steps use checkbox (`- [ ]`) syntax for tracking.',
      '> **For Claude:** REQUIRED SUB-SKILL: Use superpowers:executing-plans to implement this plan task-by-task.',
      '> **For agentic workers:** REQUIRED SUB-SKILL: Use superpowers:subagent-driven-development (recommended) or superpowers:executing-plans to implement this plan task-by-task. Each Task becomes a bead.\n> Steps within tasks use checkbox (`- [ ]`) syntax for human readability.',
    ];
    for (const agentic of versions) expect(await lint('sp-header-agentic-line', spPlan(agentic === undefined ? {} : { agentic })), agentic).toEqual([]);
  });

  it('reports a plan without the line', async () => {
    const [m] = await lint('sp-header-agentic-line', spPlan({ agentic: undefined }));
    expect(m).toMatch(/^The header has no agentic-workers line: put `> \*\*For agentic workers:\*\* REQUIRED SUB-SKILL/);
  });

  it('reports a line in its place that names no execution skill, quoting it', async () => {
    const [m] = await lint('sp-header-agentic-line', spPlan({ agentic: '> **For the implementer:** Follow test-driven development.' }));
    expect(m).toContain('("**For the implementer:** Follow test-driven development.") is not the agentic-workers line and names no REQUIRED SUB-SKILL');
    const [plan2beads] = await lint('sp-header-agentic-line', spPlan({ agentic: '> **For Claude:** After human approval, use plan2beads to convert this plan to a beads epic.' }));
    expect(plan2beads).toMatch(/^The "For Claude:" line names no REQUIRED SUB-SKILL/);
  });

  it("accepts a line addressed to agentic workers that names the project's own execution route", async () => {
    for (const agentic of [
      "> **For agentic workers:** This plan is executed task-by-task by the workflow's execute stage: a fresh implementer per task.",
      '> **For Claude:** Use agent-team-driven-development to execute this plan — 3 parallel agents across 2 waves.',
      '> **After approval:** execute directly in the current checkout because this is a review-correction pass.',
      '> **For Claude:** After human approval, use plan2beads to convert this plan, then use `superpowers:subagent-driven-development` for parallel execution.',
    ]) {
      expect(await lint('sp-header-agentic-line', spPlan({ agentic })), agentic).toEqual([]);
    }
  });

  it('accepts an agentic-workers line without the checkbox sentence, as versions of the skill wrote it', async () => {
    const ds = await lint('sp-header-agentic-line', spPlan({ agentic: '> **For agentic workers:** REQUIRED SUB-SKILL: Use superpowers:executing-plans' }));
    expect(ds).toEqual([]);
  });
});

describe('sp-header-goal', () => {
  it('accepts a Goal line', async () => {
    expect(await lint('sp-header-goal', spPlan())).toEqual([]);
  });

  it('reports a missing Goal, and says so when a "## Goal" section stands in for it', async () => {
    expect(await lint('sp-header-goal', spPlan({ goal: undefined, before: ['## Goal', '', 'Fix the escaping bug.'] }))).toEqual([
      'The header has no "**Goal:**" line (the plan has a "## Goal" section instead): add "**Goal:** <one sentence saying what this builds>" under the agentic-workers line.',
    ]);
  });
});

describe('sp-header-goal-one-sentence', () => {
  it('accepts a one-sentence Goal, periods in versions and code spans included', async () => {
    expect(await lint('sp-header-goal-one-sentence', spPlan({ goal: 'Ship v2.6.0 with `pack.yml` validation for Go, Rust and Python packs.' }))).toEqual([]);
  });

  it('reports a Goal of several sentences', async () => {
    const text = spPlan({ goal: 'Produce a working CLI dictation tool. Hold the hotkey, speak, release. No cleanup LLM.' });
    expect(await lint('sp-header-goal-one-sentence', text)).toEqual([
      'The Goal has 3 sentences; the skill asks for one: say in one sentence what the plan builds, and move the rest to Architecture or the tasks.',
    ]);
  });
});

describe('sp-header-architecture', () => {
  it('accepts an Architecture line', async () => {
    expect(await lint('sp-header-architecture', spPlan())).toEqual([]);
  });

  it('reports a missing Architecture at the Goal', async () => {
    const ds = await lintRule('sp-header-architecture', spPlan({ architecture: undefined }), { format: 'superpowers' });
    expect(ds.map((d) => [d.span.start.line, d.message])).toEqual([[5, 'The header has no "**Architecture:**" line: add one after the Goal, with 2-3 sentences about the approach.']]);
  });
});

describe('sp-header-architecture-length', () => {
  it('accepts an Architecture of up to five sentences: real plans run to four', async () => {
    expect(await lint('sp-header-architecture-length', spPlan({ architecture: 'One. Two. Three. Four. Five.' }))).toEqual([]);
  });

  it('reports an Architecture well above 2-3 sentences, and leaves seven one-word ones (no write-up)', async () => {
    expect(await lint('sp-header-architecture-length', spPlan({ architecture: 'One. Two. Three. Four. Five. Six. Seven.' }))).toEqual([]);
    const sentence = (n: string): string => `Step ${n} of the pipeline reads the previous output and writes its own result file.`;
    const architecture = ['one', 'two', 'three', 'four', 'five', 'six', 'seven'].map(sentence).join(' ');
    expect(await lint('sp-header-architecture-length', spPlan({ architecture }))).toEqual([
      'The Architecture has 7 sentences; the skill asks for 2-3 about the approach: keep the approach here and move the details to the tasks or the spec.',
    ]);
  });
});
