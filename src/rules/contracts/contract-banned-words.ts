import { span } from '../../plan/source.js';
import type { Contract, Span } from '../../plan/types.js';
import type { Finding, Rule } from '../types.js';
import { escapeRegExp } from '../../escape-regexp.js';

/** Text pieces of a contract with where each starts: the name on the head line, then each clause line. */
function pieces(c: Contract, lines: readonly string[]): Array<{ line: number; from: number; to: number }> {
  const out: Array<{ line: number; from: number; to: number }> = [];
  const head = c.idSpan.start.line;
  const headText = lines[head - 1] ?? '';
  const firstClause = c.clauses.find((x) => x.span.start.line === head);
  out.push({ line: head, from: c.idSpan.end.column - 1, to: firstClause ? firstClause.span.start.column - 1 : headText.length });
  for (const clause of c.clauses) out.push(...spanPieces(clause.textSpan, lines));
  return out;
}

function spanPieces(s: Span, lines: readonly string[]): Array<{ line: number; from: number; to: number }> {
  const out: Array<{ line: number; from: number; to: number }> = [];
  for (let l = s.start.line; l <= s.end.line; l++) {
    const text = lines[l - 1] ?? '';
    out.push({ line: l, from: l === s.start.line ? s.start.column - 1 : 0, to: l === s.end.line ? s.end.column - 1 : text.length });
  }
  return out;
}

/** Code spans on a line ([from, to) offsets): words quoted as code are not the plan's wording. */
function codeRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = /`[^`]*`/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push([m.index, m.index + m[0].length]);
  return out;
}

const ADVISED = /\b(?:the |a )?(?:user|users|operator|operators|reader|readers|you|caller|callers)\s+$/i;

export const contractBannedWords: Rule = {
  id: 'contract-banned-words',
  family: 'contracts',
  severity: 'error',
  formats: ['full', 'compact'],
  description:
    'Contracts use no vague modal words: "should" is banned (plus any word in the project\'s `bannedWords`), because a contract is a guarantee and its THEN becomes a test assertion. Checked case-insensitively as whole words in the contract\'s name and clauses, outside code spans; what a contract says a user should do ("the user should enable `--flow-control`") is the content it promises, not its modal.',
  instruction: (config) =>
    `Never write ${config.bannedWords.map((w) => `"${w}"`).join(', ')} in a contract: state guarantees with MUST / MUST NOT.`,
  check(plan, { config }) {
    const words = config.bannedWords.filter((w) => w.trim() !== '');
    if (words.length === 0) return [];
    const re = new RegExp(`(?<![A-Za-z0-9_])(?:${words.map(escapeRegExp).join('|')})(?![A-Za-z0-9_])`, 'gi');
    const findings: Finding[] = [];
    for (const c of plan.contracts) {
      const seen = new Set<string>();
      for (const p of pieces(c, plan.lines)) {
        const text = plan.lines[p.line - 1] ?? '';
        const code = codeRanges(text);
        re.lastIndex = p.from;
        for (let m = re.exec(text); m && m.index < p.to; m = re.exec(text)) {
          const at = m.index;
          if (code.some(([a, b]) => at >= a && at < b)) continue;
          // "…and the user should enable X": what a person is advised to do is content the
          // contract describes, not the contract's own modal.
          if (ADVISED.test(text.slice(Math.max(0, at - 40), at))) continue;
          const key = `${p.line}:${at}`;
          if (seen.has(key)) continue;
          seen.add(key);
          findings.push({
            message: `Contract ${c.id} says "${m[0]}": state the guarantee with MUST or MUST NOT, or, where it is a remark and not a guarantee, state it as a fact.`,
            span: span(p.line, at + 1, p.line, at + m[0].length + 1),
          });
        }
      }
    }
    return findings;
  },
};
