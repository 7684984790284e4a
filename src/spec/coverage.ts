/**
 * Spec coverage (writing-plans, Self-Review: "Skim each section/requirement in the spec. Can you
 * point to a task that implements it?"): each requirement of the spec that names something exact
 * is covered when some task of the plan (its Files, steps, code, Interfaces) mentions one of its
 * names. The check is only as strong as the names: a requirement with none is counted as not
 * checkable, never reported.
 */
import type { Plan } from '../plan/types.js';
import { plainWord, strongName, type SpecName } from './names.js';
import { readRequirements, type Requirement } from './requirements.js';
import { escapeRegExp } from '../escape-regexp.js';

/**
 * `uncovered`: reported; `unmatched`: no task mentions its names, but they are only keys, strings,
 * constants or plain words, which plans often put in their own words, so it is not reported.
 */
export type RequirementStatus = 'covered' | 'outside-tasks' | 'deferred' | 'uncovered' | 'unmatched' | 'not-checkable';

export interface RequirementCoverage {
  requirement: Requirement;
  status: RequirementStatus;
}

/** What the JSON report says of one spec: the coverage measured, honestly counted. */
export interface SpecCoverageSummary {
  /** The spec as the plan names it (or as `--spec` gave it). */
  spec: string;
  /** Paragraphs and table rows read as requirements. */
  requirements: number;
  /** Those that name something exact: the ones the check can judge. */
  checkable: number;
  covered: number;
  /** Named by the plan outside its tasks only (Global Constraints, a file map, the header): accounted for, not reported. */
  outsideTasks: number;
  /** Named by the plan as left out ("out of scope", "later", "not in this plan"). */
  deferred: number;
  /** No task mentions any of their names: reported, unless the spec is phased or the plan partial. */
  uncovered: number;
  /** The findings `spec-coverage` reports for this spec. */
  reported: number;
  /** No task mentions their names, but those are keys, strings or constants a plan may paraphrase: not reported. */
  unmatched: number;
  notCheckable: number;
  /** Paragraphs and rows of sections that ask for nothing (Non-goals, Out of scope, Background, …). */
  excluded: number;
  /** The spec splits the work into phases or pull requests: nothing is reported (see requirements.ts). */
  phased: boolean;
  /** The plan says part of the spec is already done (in an earlier plan or commit): nothing is reported. */
  partial: boolean;
}

export interface SpecCoverage {
  summary: SpecCoverageSummary;
  requirements: RequirementCoverage[];
}

/**
 * The plan implements only part of the spec and says the rest is done ("It is already written and
 * tested (Part A below)", "Phase 1 is complete"): which requirement is in which part is not in names.
 */
const PART_DONE = /\balready (?:done|implemented|written|built|merged|landed|shipped|completed)\b|\b(?:part|phase|step|stage) [a-z0-9]+ (?:is|was|are|were) (?:already )?(?:done|complete|completed|merged|implemented)\b/i;

/** The plan says it leaves this out. */
const DEFERS = /\b(?:out[- ]of[- ]scope|not in (?:this|the) (?:plan|pr|change)|later (?:plan|pr|task|phase|change)|left (?:out|for later)|defer(?:red|s)?|follow[- ]?up|future (?:work|plan|pr)|separate (?:plan|pr|change)|not (?:implemented|covered|included|part of)|won'?t|will not|skip(?:ped|s)?|non[- ]?goals?)\b/i;

/** `~/.claude/settings.json`, `./src/a.ts`, `$HOME/x` → the part every spelling of it shares. */
function normalPath(p: string): string {
  return p.replace(/^(?:~|\$HOME|\$\{HOME\})\//, '').replace(/^\.\//, '').replace(/\/$/, '');
}

/** A search for a name in plan text: qualified names by their last part, paths by any suffix at a `/`. */
function matcher(name: SpecName): RegExp[] {
  switch (name.kind) {
    case 'path': {
      const p = normalPath(name.text);
      if (/^https?:/.test(p)) return [new RegExp(escapeRegExp(p))];
      const parts = p.split('/').filter((x) => x !== '' && x !== '.' && x !== '..');
      const out = [new RegExp(`(?:^|[^\\w.-])${escapeRegExp(parts.join('/'))}(?![\\w-])`)];
      // `src/adapters/telegram/adapter.ts` is mentioned as `adapter.ts`, `telegram/adapter.ts`; a directory by its name.
      const last = parts[parts.length - 1];
      if (last !== undefined && parts.length > 1) out.push(new RegExp(`(?:^|[^\\w.-])${escapeRegExp(last)}(?![\\w-])`));
      return out;
    }
    case 'identifier': {
      const last = name.text.split(/\.|::|#/).pop()!;
      return [new RegExp(`(?<![\\w-])${escapeRegExp(last)}(?![\\w-])`, plainWord(name) ? 'i' : '')];
    }
    case 'flag':
      return [new RegExp(`${escapeRegExp(name.text)}(?![\\w-])`)];
    case 'command':
      return [new RegExp(name.text.split(' ').map(escapeRegExp).join('\\s+'))];
    case 'endpoint': {
      const path = name.text.split(' ')[1]!;
      return [new RegExp(`${escapeRegExp(path)}(?![\\w/-])`)];
    }
  }
}

function mentions(text: string, name: SpecName): boolean {
  return matcher(name).some((re) => re.test(text));
}

export function specCoverage(plan: Plan, spec: { path: string; text: string }): SpecCoverage {
  const { requirements, excluded, phased } = readRequirements(spec.text);
  const inTask = new Set<number>();
  for (const t of plan.tasks) for (let l = t.span.start.line; l <= t.span.end.line; l++) inTask.add(l);
  const taskText = plan.lines.filter((_, i) => inTask.has(i + 1)).join('\n');
  const otherText = plan.lines.filter((_, i) => !inTask.has(i + 1)).join('\n');
  // Where the plan says it leaves something out: the lines that say so, anywhere in the plan.
  const deferring = plan.lines.filter((l) => DEFERS.test(l)).join('\n');
  const out: RequirementCoverage[] = requirements.map((requirement) => {
    const names = requirement.names;
    if (names.length === 0) return { requirement, status: 'not-checkable' };
    if (names.some((n) => mentions(taskText, n))) return { requirement, status: 'covered' };
    if (names.some((n) => deferringMention(deferring, n))) return { requirement, status: 'deferred' };
    if (names.some((n) => mentions(otherText, n))) return { requirement, status: 'outside-tasks' };
    return { requirement, status: names.some(strongName) ? 'uncovered' : 'unmatched' };
  });
  const count = (s: RequirementStatus): number => out.filter((r) => r.status === s).length;
  const partial = plan.lines.some((l) => PART_DONE.test(l));
  return {
    requirements: out,
    summary: {
      spec: spec.path,
      requirements: out.length,
      checkable: out.length - count('not-checkable'),
      covered: count('covered'),
      outsideTasks: count('outside-tasks'),
      deferred: count('deferred'),
      uncovered: count('uncovered'),
      unmatched: count('unmatched'),
      notCheckable: count('not-checkable'),
      excluded,
      phased,
      partial,
      reported: phased || partial ? 0 : count('uncovered'),
    },
  };
}

function deferringMention(deferring: string, name: SpecName): boolean {
  return deferring !== '' && deferring.split('\n').some((line) => mentions(line, name));
}
