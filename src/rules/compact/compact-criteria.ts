import { span } from '../../plan/source.js';
import type { Plan, Span } from '../../plan/types.js';
import { codeLines } from '../code-lines.js';
import type { Finding, Rule } from '../types.js';
import { codeFacts, implBlocks } from './code.js';

// An affirmative verb and its object: "adds a `--seed` flag", "introduces a new interface",
// "adds the `Foo` type". Not "no new struct fields", not "satisfy the new interface".
const ADDS = /\b(?:adds?|adding|introduces?|introducing|creates?|registers?)\s+(?:an?\s+|the\s+)?(?:new\s+)?(?:(?:CLI\s+)?flag\s+(`--[\w-]+`|--[\w-]+)|(`--[\w-]+`|--[\w-]+)\s+(?:CLI\s+)?flag|(?:`\w+`\s+)?(interface|struct|type|class)\b(?!\s+(?:field|fields|assertion|check|name)))/i;

/** Where the plan's prose (not its code) says the PR adds a flag, an interface or a type. */
function saysItAdds(plan: Plan): Array<{ what: string; quote: string; span: Span }> {
  const out: Array<{ what: string; quote: string; span: Span }> = [];
  const code = codeLines(plan);
  plan.lines.forEach((line, i) => {
    // Checklist items and quoted text are not the plan's statement of what it adds.
    if (code.has(i + 1) || /^\s*[-*+]\s+\[[ xX]\]/.test(line)) return;
    const m = ADDS.exec(line);
    if (!m || /\bno (?:new )?(?:CLI flags?|interfaces?|types?)\b|\bwithout (?:a )?new\b/i.test(line)) return;
    const kind = m[3]?.toLowerCase();
    const what = kind ? (kind === 'struct' || kind === 'class' ? 'type' : kind) : 'CLI flag';
    out.push({ what, quote: m[0].length > 60 ? `${m[0].slice(0, 59)}…` : m[0], span: span(i + 1, m.index + 1, i + 1, m.index + m[0].length + 1) });
  });
  return out;
}

export const compactCriteria: Rule = {
  id: 'compact-criteria',
  family: 'compact',
  severity: 'warning',
  formats: ['compact'],
  description:
    'The compact format is only for docs-only or purely mechanical PRs: no new interfaces or types, no new CLI flags, no behavioural logic. The implementation code of the tasks is parsed (Go, Python, TypeScript/JavaScript) and the rule reports, once per criterion, a type declaration (Go `type X struct/interface`, a class, an interface), a flag registration (`cmd.Flags().StringVar(…)`, `flag.Int(…)`, `add_argument`, commander `.option`), or control flow (if / for / switch) — control flow in implementation code is taken as behavioural logic, which a rename or reformat does not add. A declaration shown only to locate an edit in an existing type is reported too: say so in the plan or use the full format. Where the code shows none, the plan\'s own words count: "adds a `--seed` flag", "introduces a new interface".',
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
    // The plan's own words: "adds a `--seed` flag", "a new interface", "introduces the Foo type".
    if (!first || !flag) {
      for (const said of saysItAdds(plan)) {
        if ((said.what === 'CLI flag' && flag) || (said.what !== 'CLI flag' && first)) continue;
        out.push({ message: `This compact plan says it adds ${said.what === 'CLI flag' ? 'a CLI flag' : `a new ${said.what}`} ("${said.quote}"); compact plans may not add ${said.what === 'CLI flag' ? 'CLI flags' : 'interfaces or types'}: use the full format.`, span: said.span });
        break;
      }
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
