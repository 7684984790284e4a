import type { Finding, Rule } from '../types.js';
import { codeFacts, implBlocks } from './code.js';

export const compactCriteria: Rule = {
  id: 'compact-criteria',
  family: 'compact',
  severity: 'warning',
  formats: ['compact'],
  description:
    'The compact format is only for docs-only or purely mechanical PRs: no new interfaces or types, no new CLI flags, no behavioural logic. The implementation code of the tasks is parsed (Go, Python, TypeScript/JavaScript) and the rule reports, once per criterion, a type declaration (Go `type X struct/interface`, a class, an interface), a flag registration (`cmd.Flags().StringVar(…)`, `flag.Int(…)`, `add_argument`, commander `.option`), or control flow (if / for / switch) — control flow in implementation code is taken as behavioural logic, which a rename or reformat does not add. A declaration shown only to locate an edit in an existing type is reported too: say so in the plan or use the full format.',
  instruction:
    'Use the compact format only for docs-only or mechanical changes (renames, formatting); if the PR adds a type or interface, a CLI flag, or any behavioural logic, write the full format.',
  check(plan) {
    const facts = codeFacts(implBlocks(plan));
    const out: Finding[] = [];
    const first = facts.types[0];
    if (first) {
      const names = [...new Set(facts.types.map((t) => t.what))].slice(0, 4).join(', ');
      out.push({ message: `This compact plan declares types (${names}); compact plans may not add interfaces or types: use the full format.`, span: first.span });
    }
    const flag = facts.flags[0];
    if (flag) {
      out.push({ message: `This compact plan registers a CLI flag (${flag.what}); compact plans may not add CLI flags: use the full format.`, span: flag.span });
    }
    const logic = facts.logic[0];
    if (logic) {
      out.push({
        message: `This compact plan's implementation adds behavioural logic (${facts.logic.length} control-flow statement${facts.logic.length > 1 ? 's' : ''}, first: ${logic.what}); compact plans are for mechanical changes only: use the full format.`,
        span: logic.span,
      });
    }
    return out;
  },
};
