import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/defaults.js';
import { lintRule } from '../helpers.js';
import { AGENT, compactPlan, fullPlan } from './plan-fixtures.js';

describe('agent-line', () => {
  it('accepts the exact executing-agent line right after the title', async () => {
    expect(await lintRule('agent-line', fullPlan())).toEqual([]);
  });

  it('accepts blockquoted status notes between the title and the line', async () => {
    const plan = fullPlan({ agent: ['> **Status: COMPLETED (merged as PR #1169).**', '', AGENT, ''] });
    expect(await lintRule('agent-line', plan)).toEqual([]);
  });

  it('flags a full plan without the line, under the title, with a fix that inserts it', async () => {
    const ds = await lintRule('agent-line', fullPlan({ agent: [] }));
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toContain('no executing-agent line');
    expect(ds[0]!.span.start).toEqual({ line: 3, column: 1 });
    expect(ds[0]!.fix?.replacement).toContain(AGENT);
  });

  it('flags a reworded line at the line, with a fix to the exact text', async () => {
    const ds = await lintRule('agent-line', fullPlan({ agent: ['> **For agentic workers:** REQUIRED: Use superpowers:executing-plans.', ''] }));
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining("differs from the project's")]);
    expect(ds[0]!.span.start.line).toBe(3);
    expect(ds[0]!.fix?.replacement).toBe(AGENT);
  });

  it('flags the line when header fields come before it', async () => {
    const plan = fullPlan({ agent: [], goal: ['**Goal:** Warn users about short horizons.', '', AGENT, ''] });
    const ds = await lintRule('agent-line', plan);
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('not right after the title')]);
    expect(ds[0]!.span.start.line).toBe(5);
  });

  it('does not apply to compact plans', async () => {
    expect(await lintRule('agent-line', compactPlan())).toEqual([]);
  });
});

describe('agent-line: the line of the project, not of one agent', () => {
  const generic = defaultConfig().agentLine;

  it('expects, without a preset, a line that names no agent plugin', async () => {
    expect(generic).not.toMatch(/Claude|superpowers|skill/i);
    expect(await lintRule('agent-line', fullPlan({ agent: [generic, ''] }), { config: { agentLine: generic } })).toEqual([]);
    const ds = await lintRule('agent-line', fullPlan(), { config: { agentLine: generic } });
    expect(ds.map((d) => d.fix?.replacement)).toEqual([generic]);
  });

  it("finds a project's own wording where it belongs, and does not ask for a second line", async () => {
    const own = '> **For Codex:** Run the plan-runner skill on this plan.';
    expect(await lintRule('agent-line', fullPlan({ agent: [own, ''] }), { config: { agentLine: own } })).toEqual([]);
    const ds = await lintRule('agent-line', fullPlan({ agent: [] }), { config: { agentLine: own } });
    expect(ds.map((d) => d.fix?.replacement)).toEqual([`\n${own}\n`]);
  });
});

