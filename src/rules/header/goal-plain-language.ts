import type { Finding, Rule } from '../types.js';
import { span } from '../../plan/source.js';
import { findField } from './fields.js';

/** Brand and product names written in CamelCase that are plain language to any reader. */
const PLAIN_CAMEL = new Set([
  'GitHub', 'GitLab', 'JavaScript', 'TypeScript', 'PostgreSQL', 'MySQL', 'SQLite', 'MongoDB', 'OpenAI', 'DeepSeek',
  'HuggingFace', 'PyTorch', 'TensorFlow', 'YouTube', 'LinkedIn', 'PowerShell', 'WebSocket', 'WebSockets', 'OAuth',
  'macOS', 'iOS', 'iPhone', 'iPad', 'eBPF', 'gRPC', 'JSON', 'YAML', 'NaN',
]);

/** What marks a word as a code identifier rather than prose, and how to name it in the message. */
const IDENTIFIER_KINDS: ReadonlyArray<{ re: RegExp; kind: string }> = [
  { re: /^\.{0,2}\/?(?:[\w.-]+\/)+[\w.-]*$/, kind: 'package path' },
  { re: /^[\w-]+\.(?:go|ts|tsx|js|mjs|py|rs|java|rb|ya?ml|json|toml|sh|c|h|cpp|proto|sql|csv)$/, kind: 'file name' },
  { re: /^[\w.]*\w\(\)$/, kind: 'function name' },
  { re: /^\*?[a-z]\w*\.[A-Z]\w*/, kind: 'qualified identifier' },
  { re: /^\*?[A-Z]\w*\.[A-Za-z]\w*/, kind: 'qualified identifier' },
  // "RoutingPolicy", "NewKVCacheConfig", "KVCacheState" — but not "E2E" (no lower case) or "SGLang" (one hump).
  { re: /^\*?(?=\w*[a-z])[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+$|^\*?[A-Z]{2,}[a-z]+[A-Z][A-Za-z0-9]*$/, kind: 'code name' },
  // "isHFConfig", "tTp" — but not "vLLM" (a product name).
  { re: /^[a-z]+(?:[A-Z]+[a-z0-9]+)+[A-Z]*$/, kind: 'identifier' },
  { re: /^[A-Za-z]+[a-z0-9]*_[A-Za-z0-9_]+$/, kind: 'identifier' },
];

/** Documentation files are what a non-contributor reads; naming them is plain language. */
const DOC_FILE = /\.(?:md|markdown|txt|rst|adoc)$/i;

function identifierKind(word: string): string | undefined {
  const bare = word.replace(/^[("'[]+|[)"'\],.;:!?]+$/g, '').replace(/'s$/, '');
  if (bare === '' || PLAIN_CAMEL.has(bare) || /^https?:/.test(bare) || DOC_FILE.test(bare)) return undefined;
  // Plural acronyms ("PRs", "FLOPs", "GPUs") are words.
  if (/^[A-Z]{2,}s$/.test(bare)) return undefined;
  // Words joined by a slash ("prefill/decode", "CLI/JSON") are prose; paths end with "/" or have a dot in a segment.
  if (bare.includes('/') && !bare.endsWith('/') && !/\.\w+$/.test(bare) && !/^\.{0,2}\//.test(bare)) return undefined;
  return IDENTIFIER_KINDS.find((k) => k.re.test(bare))?.kind;
}

/**
 * Code spans are judged by their content, not their backticks: `blis run`, `--seed` or
 * `accumulate` name things a user types, while `sim/cluster` or `NewFoo()` name the code.
 */
function offenders(text: string): Array<{ term: string; kind: string; from: number; to: number }> {
  const out: Array<{ term: string; kind: string; from: number; to: number }> = [];
  const code = /`([^`]+)`/g;
  const masked = text.replace(code, (m) => ' '.repeat(m.length));
  for (const m of text.matchAll(code)) {
    const content = m[1]!.trim();
    const words = content.split(/\s+/);
    // A command line or flag the user types is plain language for this audience.
    if (/^-/.test(content)) continue;
    const kinds = words.map(identifierKind).filter((k) => k !== undefined);
    if (kinds.length > 0) out.push({ term: m[0], kind: kinds[0]!, from: m.index, to: m.index + m[0].length });
  }
  for (const m of masked.matchAll(/[^\s]+/g)) {
    const kind = identifierKind(m[0]);
    if (kind) {
      const lead = m[0].length - m[0].replace(/^[("'[]+/, '').length;
      const term = m[0].slice(lead).replace(/[)"'\],.;:!?]+$/, '');
      out.push({ term, kind, from: m.index + lead, to: m.index + lead + term.length });
    }
  }
  return out.sort((a, b) => a.from - b.from);
}

export const goalPlainLanguage: Rule = {
  id: 'goal-plain-language',
  family: 'header',
  severity: 'warning',
  // The compact template's Goal is only "[One sentence]"; the plain-language rule is the full header's.
  formats: ['full'],
  description:
    'The Goal is written for a non-contributor: no type names, package paths or other code identifiers. Flagged: CamelCase type names (`RoutingPolicy`, TraceV2), identifiers with underscores or inner capitals (`send_time_us`, isHFConfig), qualified names and calls (`io.ReadAll`, Step()), and package or file paths (`sim/cluster`, `foo.go`) — in backticks or not. Documentation files (`docs/guide.md`, README.md) are what a non-contributor reads and pass. Commands and flags a user types (`blis run`, `--seed`) and common product names (GitHub, JavaScript) are plain language and pass. Implementation jargon that is not an identifier is not detected.',
  instruction:
    'Write the Goal in plain language a non-contributor understands: describe the capability, not the code — no type names, function names, package paths or file names.',
  check(plan) {
    const goal = findField(plan, 'Goal');
    if (!goal) return [];
    const findings: Finding[] = [];
    const { start, end } = goal.value.span;
    // A Goal may wrap over several lines; judge each line at its own columns.
    for (let line = start.line; line <= end.line; line++) {
      const col = line === start.line ? start.column : 1;
      const text = plan.lines[line - 1]?.slice(col - 1) ?? '';
      for (const o of offenders(text)) {
        findings.push({
          message: `The Goal names the ${o.kind} ${o.term}: describe what the user gains in plain words and leave code names to "Architecture".`,
          span: span(line, col + o.from, line, col + o.to),
        });
      }
    }
    return findings;
  },
};
