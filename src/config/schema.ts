/**
 * The config schema: one object that drives validation (`validateConfig`) and the reference
 * (`docs/config.md`, via `renderConfigDoc`), so the two cannot drift. Its key sets are typed
 * against `Config`, so adding a field to the type without documenting it does not compile.
 */
import type { Budgets, ChecklistEntry, Config } from './types.js';
import { didYouMean } from './suggest.js';
import { PRESET_NAMES, PRESETS, isPresetName } from './presets.js';
import type { SeveritySetting } from '../rules/types.js';
import { regexProblem } from './bounded-regex.js';
import { FORMAT_IDS } from '../formats/types.js';

export type Spec =
  | { type: 'string'; description: string; example?: string; check?: (value: string) => string | undefined }
  | { type: 'strings'; description: string }
  | { type: 'checklist'; description: string; requireId: boolean }
  | { type: 'integer'; description: string }
  | { type: 'range'; description: string }
  | { type: 'severities'; description: string }
  | { type: 'object'; description: string; keys: Record<string, Spec> };

type ObjectSpec = Extract<Spec, { type: 'object' }>;

/** An object spec whose keys are exactly the keys of T. */
function object<T>(description: string, keys: { [K in keyof T]-?: Spec }): ObjectSpec {
  return { type: 'object', description, keys };
}

export const BUDGET_KEYS: { [K in keyof Budgets]-?: Spec } = {
  contracts: { type: 'range', description: 'How many behavioral contracts a full plan has (spec: 3–15).' },
  tasks: { type: 'range', description: 'How many tasks a full plan has (spec: 6–12).' },
  contractsPerTask: { type: 'range', description: 'How many contracts one task implements (spec: 1–3).' },
  part1Lines: { type: 'integer', description: 'Most lines of Part 1, Design Validation (spec: under 120).' },
  componentInteractionLines: { type: 'integer', description: 'Most lines of section C, Component Interaction (spec: under 40).' },
  componentInteractionJustifiedLines: {
    type: 'integer',
    description: 'Most lines of section C when the plan justifies the extra length (spec: 60).',
  },
  executiveSummaryLines: { type: 'range', description: 'Lines of section A, Executive Summary (spec: 5–10).' },
  reviewGuideLines: { type: 'range', description: 'Lines of section E, Review Guide (spec: 5–10).' },
  whatThisPrAddsItems: { type: 'range', description: 'Items in the "What this PR adds" header list (spec: 2–4).' },
  problemSentences: { type: 'range', description: 'Sentences in "The problem today" (spec: 2–3).' },
  whyMattersSentences: { type: 'range', description: 'Sentences in "Why this matters" (spec: 1–2).' },
  architectureSentences: { type: 'range', description: 'Sentences in "Architecture" (spec: 2–3).' },
};

function checkRegExp(value: string): string | undefined {
  return regexProblem(value);
}

function checkPreset(value: string): string | undefined {
  if (isPresetName(value)) return undefined;
  return `is not a preset${didYouMean(value, PRESET_NAMES) || `; the presets are ${PRESET_NAMES.join(', ')}`}`;
}

function checkFormat(value: string): string | undefined {
  const known = ['auto', ...FORMAT_IDS];
  return known.includes(value) ? undefined : `is not a plan format${didYouMean(value, known) || `; the formats are ${known.join(', ')}`}`;
}

function checkAgentLine(value: string): string | undefined {
  return /^\s*>\s*\S/.test(value) && !value.includes('\n') ? undefined : 'must be one Markdown blockquote line, starting with "> "';
}

/** Every key a config file may set, in the order of the reference. */
export const CONFIG_SCHEMA: ObjectSpec = object<Omit<Config, 'path'>>('The project configuration.', {
  extends: {
    type: 'string',
    description: `A preset whose settings apply under this file's own keys (which still win). ${PRESET_NAMES.map((n) => `\`${n}\`: ${PRESETS[n].description}`).join(' ')}`,
    example: 'inference-sim',
    check: checkPreset,
  },
  format: {
    type: 'string',
    description: `The plan format the project writes: ${FORMAT_IDS.map((id) => `\`${id}\``).join(', ')}, or \`auto\` (the default), which recognizes each file's format from its text. A named format reads every plan under this config in that format.`,
    example: 'superpowers',
    check: checkFormat,
  },
  language: {
    type: 'string',
    description: 'Main language of the project ("go", "typescript", "python", …). Rules and the agent instructions use it to name test and code conventions; unset, they name none.',
    example: 'typescript',
  },
  commands: object<Config['commands']>('The project\'s own commands, which plans must use in their Run/Verify/Lint steps.', {
    test: { type: 'string', description: 'The command that runs the tests. Unset, the agent is told to find the project\'s own.', example: 'npx vitest run' },
    lint: {
      type: 'string',
      description: 'The command that runs the code linter. Unset, the agent is told to find the project\'s own and `task-lint-command` has nothing to compare with.',
      example: 'npx eslint .',
    },
  }),
  testNamePattern: {
    type: 'string',
    description: 'Regular expression (JavaScript syntax) every test name in the plan must match. Unset, no naming convention is checked.',
    example: '^[a-z].*$',
    check: checkRegExp,
  },
  testNameExample: {
    type: 'string',
    description: 'A human-readable form of `testNamePattern`, used in messages and agent instructions.',
    example: 'describe(unit) / it(behaviour)',
  },
  agentLine: {
    type: 'string',
    description:
      'The blockquote line a full plan carries right under its title, telling the agent that executes it how to proceed (rule `agent-line`). The default names no agent; a team whose agents execute plans with a skill names it here (the spec\'s line is "> **For Claude:** REQUIRED SUB-SKILL: Use superpowers:executing-plans to implement this plan task-by-task.").',
    example: '> **For Claude:** REQUIRED SUB-SKILL: Use superpowers:executing-plans to implement this plan task-by-task.',
    check: checkAgentLine,
  },
  bannedWords: {
    type: 'strings',
    description: 'Words banned in contracts (case-insensitive, whole words). The spec bans "should": contracts say MUST or MUST NOT.',
  },
  planSpecificChecks: {
    type: 'checklist',
    requireId: false,
    description: 'The "Plan-specific checks" items the Sanity Checklist (section J) must carry, one string each.',
  },
  antipatterns: {
    type: 'checklist',
    requireId: true,
    description:
      'The project\'s antipattern rules the Sanity Checklist must list: either `{ id: R1, text: "…" }` objects or "R1: text" strings.',
  },
  invariants: {
    type: 'strings',
    description: 'The system invariants (laws derived from the specification) that invariant tests are expected to check.',
  },
  plansDir: {
    type: 'string',
    description: 'Directory (relative to the repository root) where plans live.',
    example: 'docs/plans',
  },
  budgets: object<Budgets>(
    'Size budgets. Override only the ones you need; the rest keep the spec\'s values. A range is `[min, max]`.',
    BUDGET_KEYS,
  ),
  rules: {
    type: 'severities',
    description: 'Severity per rule id: `error`, `warn` (or `warning`), or `off`. Unlisted rules keep their default severity.',
  },
});

/** Keys accepted but ignored (editor support for JSON configs). */
const IGNORED_KEYS = new Set(['$schema']);

export interface ConfigProblem {
  /** Dotted key path ("budgets.tasks"), '' for the document itself. */
  key: string;
  message: string;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
  return `${typeof value} ${String(value)}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const SEVERITY: Record<string, SeveritySetting> = { error: 'error', warn: 'warning', warning: 'warning', off: 'off' };

/** "R7: text" → { id: 'R7', text }. */
const ID_PREFIX = /^\s*([A-Za-z][\w-]*\d[\w-]*)\s*:\s*(\S.*)$/s;

/**
 * Validates a parsed config document against the schema. Returns the normalised values (checklist
 * strings as entries, "warn" as "warning") and every problem found, so the user fixes all at once.
 */
export function validateConfig(
  doc: unknown,
  knownRuleIds: readonly string[],
): { value: Record<string, unknown>; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const value = validateObject(CONFIG_SCHEMA, doc, '', problems, knownRuleIds);
  return { value: value ?? {}, problems };
}

function validateObject(
  spec: ObjectSpec,
  doc: unknown,
  path: string,
  problems: ConfigProblem[],
  knownRuleIds: readonly string[],
): Record<string, unknown> | undefined {
  if (!isRecord(doc)) {
    problems.push({ key: path, message: `must be a mapping of keys (${Object.keys(spec.keys).join(', ')}), not ${describe(doc)}` });
    return undefined;
  }
  const out: Record<string, unknown> = {};
  const known = Object.keys(spec.keys);
  for (const [key, raw] of Object.entries(doc)) {
    const keyPath = path ? `${path}.${key}` : key;
    const sub = spec.keys[key];
    if (!sub) {
      if (path === '' && IGNORED_KEYS.has(key)) continue;
      const hint = didYouMean(key, known);
      problems.push({ key: keyPath, message: hint ? `unknown key${hint}` : `unknown key (known keys here: ${known.join(', ')})` });
      continue;
    }
    const v = validateValue(sub, raw, keyPath, problems, knownRuleIds);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

function validateValue(
  spec: Spec,
  raw: unknown,
  path: string,
  problems: ConfigProblem[],
  knownRuleIds: readonly string[],
): unknown {
  const bad = (message: string): undefined => {
    problems.push({ key: path, message });
    return undefined;
  };
  switch (spec.type) {
    case 'object':
      return validateObject(spec, raw, path, problems, knownRuleIds);
    case 'string': {
      if (typeof raw !== 'string') return bad(`must be a string, not ${describe(raw)}${spec.example ? ` (e.g. ${JSON.stringify(spec.example)})` : ''}`);
      if (raw.trim() === '') return bad('must not be empty');
      const err = spec.check?.(raw);
      return err ? bad(err) : raw;
    }
    case 'strings': {
      if (!Array.isArray(raw)) return bad(`must be a list of strings, not ${describe(raw)}`);
      const out: string[] = [];
      raw.forEach((item, i) => {
        if (typeof item !== 'string' || item.trim() === '') problems.push({ key: `${path}[${i}]`, message: `must be a non-empty string, not ${describe(item)}` });
        else out.push(item);
      });
      return out.length === raw.length ? out : undefined;
    }
    case 'checklist':
      return validateChecklist(spec.requireId, raw, path, problems);
    case 'integer':
      if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0) return bad(`must be a whole number ≥ 0, not ${describe(raw)}`);
      return raw;
    case 'range': {
      const ok =
        Array.isArray(raw) &&
        raw.length === 2 &&
        raw.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0);
      if (!ok) return bad(`must be a range [min, max] of two whole numbers ≥ 0 (e.g. [3, 15]), not ${describe(raw)}`);
      const [min, max] = raw as [number, number];
      if (min > max) return bad(`has min ${min} greater than max ${max}: write [${max}, ${min}]`);
      return [min, max];
    }
    case 'severities': {
      if (!isRecord(raw)) return bad(`must be a mapping of rule id to severity (e.g. { title-format: warn }), not ${describe(raw)}`);
      const out: Record<string, SeveritySetting> = {};
      let ok = true;
      for (const [id, sev] of Object.entries(raw)) {
        const keyPath = `${path}.${id}`;
        if (!knownRuleIds.includes(id)) {
          ok = false;
          const hint = didYouMean(id, knownRuleIds);
          problems.push({ key: keyPath, message: `unknown rule id${hint || '; run "microplan rules" to list the rule ids'}` });
          continue;
        }
        const setting = typeof sev === 'string' ? SEVERITY[sev.toLowerCase()] : undefined;
        if (!setting) {
          ok = false;
          problems.push({ key: keyPath, message: `severity must be error, warn, warning or off, not ${describe(sev)}` });
          continue;
        }
        out[id] = setting;
      }
      return ok ? out : undefined;
    }
  }
}

function validateChecklist(requireId: boolean, raw: unknown, path: string, problems: ConfigProblem[]): ChecklistEntry[] | undefined {
  if (!Array.isArray(raw)) {
    problems.push({ key: path, message: `must be a list, not ${describe(raw)}` });
    return undefined;
  }
  const out: ChecklistEntry[] = [];
  const seen = new Set<string>();
  raw.forEach((item, i) => {
    const at = `${path}[${i}]`;
    let entry: ChecklistEntry | undefined;
    if (typeof item === 'string' && item.trim() !== '') {
      const m = requireId ? ID_PREFIX.exec(item) : null;
      if (requireId && !m) {
        problems.push({ key: at, message: `must start with an id, like "R${i + 1}: ${item.trim().slice(0, 30)}", or be { id, text }` });
        return;
      }
      entry = m ? { id: m[1]!, text: m[2]!.trim() } : { id: undefined, text: item.trim() };
    } else if (isRecord(item) && requireId) {
      const extra = Object.keys(item).filter((k) => k !== 'id' && k !== 'text');
      if (typeof item.id !== 'string' || item.id.trim() === '' || typeof item.text !== 'string' || item.text.trim() === '' || extra.length > 0) {
        problems.push({ key: at, message: `must be { id: "R1", text: "…" } with two non-empty strings${extra.length ? ` (unknown key ${extra.join(', ')})` : ''}` });
        return;
      }
      entry = { id: item.id.trim(), text: item.text.trim() };
    } else {
      problems.push({ key: at, message: requireId ? `must be "R1: text" or { id, text }, not ${describe(item)}` : `must be a non-empty string, not ${describe(item)}` });
      return;
    }
    if (entry.id !== undefined) {
      if (seen.has(entry.id)) problems.push({ key: at, message: `repeats the id ${entry.id}: give each entry its own id` });
      seen.add(entry.id);
    }
    out.push(entry);
  });
  return out.length === raw.length ? out : undefined;
}
