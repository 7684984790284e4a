/**
 * The THEN quality gate of the spec, as a heuristic over prose: does a THEN clause name a concrete
 * type, reference a field, or reproduce a formula? Identifiers in prose are ambiguous (a type, a
 * function, a field, a metric?), so a token counts as a type only on evidence — declared as a type
 * in the plan's own code, written as a type (`*T`, `[]T`, `T{…}`, "returns a T", "T instance"),
 * or named like one (`…Policy`, `…Config`, `…Event`) — and method calls (`Decide()`), CLI flags,
 * file paths and serialized keys (`trace_info.matched_pairs`) are observable, never reported.
 */
import { LANGUAGES } from '../../languages/index.js';
import { kindOf } from '../../languages/kinds.js';
import { detectLanguage, parseBlock } from '../test-code/code.js';
import type { CodeBlock, Plan } from '../../plan/types.js';
import { escapeRegExp } from '../../escape-regexp.js';

export type StructureKind = 'type' | 'field' | 'formula';

export interface StructureHit {
  kind: StructureKind;
  /** The offending text as written. */
  text: string;
  /** 0-based offsets into the line text. */
  from: number;
  to: number;
}

/** A set of names, answered on demand. */
export interface NameSet {
  has(name: string): boolean;
}

/** Names a plan's own code declares: its types and its Go packages (so `sim.Request` reads as package.Type). */
export interface PlanVocabulary {
  types: NameSet;
  packages: NameSet;
  /** Struct and class fields the plan's code declares (Go, TypeScript). */
  fields: NameSet;
}

/** Packages a THEN may name without naming a field (`io.ReadAll`, `logrus.Warn`). */
const COMMON_PACKAGES = new Set(LANGUAGES.flatMap((l) => l.snippets?.syntax.packages?.common ?? []));

/** Endings that mark an identifier as a type name rather than a field or a function. */
const TYPE_SUFFIX =
  /(?:Policy|Priority|Config|Configuration|Event|Manager|Simulator|Scheduler|Router|Scorer|Store|Spec|Record|Snapshot|Queue|Handler|Formation|Builder|Factory|Backend|Interface|Client|Server|Service|Provider|Adapter|Detector|Analyzer|Estimator|Tracker|Registry|Writer|Reader|Loader|Parser|Struct|Options|Params|Controller|Engine|Pipeline|Decider|Allocator|Calculator|Generator|Sampler|Model|Cache|Error|Hook|Observer|Strategy|Selector|Filter|Validator|Wrapper|Impl|Request|Response|Result|Admission)$/;

const FILE_EXT = /^(?:go|md|ya?ml|json|ts|tsx|js|mjs|py|txt|csv|sh|toml|html|lock|mod|sum|cfg|ini|log|out)$/;

/** What a block's syntax tree declares: its type names, or the Go packages it names. */
type VocabularyKind = 'types' | 'packages' | 'fields';

const blockVocabularies: Record<VocabularyKind, WeakMap<CodeBlock, Set<string> | null>> = { types: new WeakMap(), packages: new WeakMap(), fields: new WeakMap() };

/**
 * Types or packages one code block declares, read from its syntax tree (parsed at most once).
 * The two sets are computed separately: most blocks are asked for only one of them.
 */
function blockVocabulary(block: CodeBlock, which: VocabularyKind): Set<string> | undefined {
  const cached = blockVocabularies[which].get(block);
  if (cached !== undefined) return cached ?? undefined;
  const parsed = parseBlock(block);
  let vocab: Set<string> | undefined;
  if (parsed) {
    const { root } = parsed;
    const { grammar, syntax } = parsed.language.snippets;
    if (which === 'packages') {
      // Only some languages (Go) name packages in code.
      vocab = new Set(syntax.packages?.declaredIn(root));
      vocab.delete('');
    } else if (which === 'fields') {
      // `tokens int` in a Go struct; `private tokens = 0` / `tokens: number` in a TypeScript class.
      vocab = new Set(syntax.fieldNames?.(root));
    } else {
      vocab = new Set();
      for (const kind of syntax.typeDeclarations) {
        for (const n of root.findAll(kindOf(grammar, kind))) {
          const name = n.field('name')?.text() ?? '';
          if (name !== '') vocab.add(name);
        }
      }
    }
  }
  blockVocabularies[which].set(block, vocab ?? null);
  return vocab;
}

/** ASCII identifier characters; a name next to one of them is part of a longer identifier. */
function isWordChar(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f || code === 0x24;
}

/** Does `name` occur in `text` as a whole identifier? A text prefilter: a block that declares the name contains it so. */
function hasWord(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
    if (at > 0 && isWordChar(text.charCodeAt(at - 1))) continue;
    const end = at + name.length;
    if (end < text.length && isWordChar(text.charCodeAt(end))) continue;
    return true;
  }
  return false;
}

/** Whitespace or comments between two tokens. */
const GAP = String.raw`(?:\s|\/\*[\s\S]*?\*\/|\/\/[^\n]*(?:\n|$)|#[^\n]*(?:\n|$))`;

/** A name-independent test of a block's text, answered once per block (blocks are asked once per name). */
function perBlock(re: RegExp): (block: CodeBlock) => boolean {
  const answers = new WeakMap<CodeBlock, boolean>();
  return (block) => {
    let answer = answers.get(block);
    if (answer === undefined) {
      answer = re.test(block.content);
      answers.set(block, answer);
    }
    return answer;
  };
}
const hasFieldShape = perBlock(/\bstruct\s*\{|\bclass\s+\w+/);
const hasGroupedType = perBlock(new RegExp(String.raw`\btype${GAP}*\(`));

/** A text test for one name, built once per name and run over every block. */
type TextTest = (block: CodeBlock) => boolean;

/**
 * Could a block declare type `name`? Its name follows `type`/`class`/`interface` (Go, Python,
 * TypeScript), or the block has a grouped Go `type (…)` and mentions the name.
 */
function mayDeclareType(name: string): TextTest {
  const declared = new RegExp(String.raw`\b(?:type|class|interface)${GAP}+${escapeRegExp(name)}(?![\w$])`);
  return (block) => hasWord(block.content, name) && (declared.test(block.content) || hasGroupedType(block));
}

/**
 * Could a block name Go package `name`? Only Go blocks have packages, and the tree names one
 * (a `package_identifier`) only in its package clause (`package name`), a qualified type
 * (`name.T`) or an import alias (`name "path"`); an import's path names it by its last element
 * (`"…/name"`). A block without one of those spellings is not parsed for the question.
 */
function mayNamePackage(name: string): TextTest {
  const n = escapeRegExp(name);
  const named = new RegExp(String.raw`(?<![\w$])${n}(?:${GAP}*\.|"|${GAP}+["\x60])|\bpackage${GAP}+${n}(?![\w$])`);
  return (block) => detectLanguage(block)?.snippets.syntax.packages !== undefined && hasWord(block.content, name) && named.test(block.content);
}

/**
 * The plan's vocabulary, answered lazily: a name is looked up only when a THEN clause asks, and
 * only code blocks whose text contains it as a word (and, for types, a declaring keyword) are
 * parsed — the names themselves always come from the syntax tree.
 */
export function planVocabulary(plan: Plan): PlanVocabulary {
  const lookup = (which: VocabularyKind, mayDeclare: (name: string) => TextTest): NameSet => {
    const answers = new Map<string, boolean>();
    return {
      has(name: string): boolean {
        let answer = answers.get(name);
        if (answer === undefined) {
          const test = name === '' ? undefined : mayDeclare(name);
          answer = test !== undefined && plan.codeBlocks.some((b) => test(b) && (blockVocabulary(b, which)?.has(name) ?? false));
          answers.set(name, answer);
        }
        return answer;
      },
    };
  };
  const types = lookup('types', mayDeclareType);
  const declaredPackages = lookup('packages', mayNamePackage);
  const fields = lookup('fields', (name) => (block) => hasWord(block.content, name) && hasFieldShape(block));
  return { types, packages: { has: (name) => COMMON_PACKAGES.has(name) || declaredPackages.has(name) }, fields };
}

const CAMEL = /^[A-Z](?=[A-Za-z0-9]*[a-z])[A-Za-z0-9]*[A-Z]/;
/** Functions read like verbs (`NewSimulator`, `GetHWConfig`, `ExtractKVCapacityParams`), types like nouns. */
const VERB = /^(?:New|Get|Set|Extract|Compute|Validate|Parse|Load|Build|Make|Create|Calculate|Run|Register|Convert|Apply|Resolve|Is|Has|Must|Read|Write|Save|Init|Update|Handle|Process)[A-Z]/;

function codeRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = /`[^`]*`/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** Structural references in one line piece of a THEN clause ([from, to) of `text`). */
export function structureHits(text: string, from: number, to: number, vocab: PlanVocabulary): StructureHit[] {
  const hits: StructureHit[] = [];
  const piece = text.slice(0, to);

  const CHAIN = /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/g;
  CHAIN.lastIndex = from;
  for (let m = CHAIN.exec(piece); m; m = CHAIN.exec(piece)) {
    // Most matches are plain words: a single name counts only when Capitalized and not all caps (see below).
    if (!m[0].includes('.') && (!/^[A-Z]/.test(m[0]) || !/[a-z]/.test(m[0]))) continue;
    const start = m.index;
    const end = start + m[0].length;
    const before = piece.slice(Math.max(0, start - 2), start);
    const after = text.slice(end, end + 2);
    const segs = m[0].split('.');
    const last = segs[segs.length - 1]!;
    // CLI flags, paths, files, URLs, serialized keys: observable surface, not structure.
    if (/-$/.test(before) || /[/\\:]$/.test(before) || after.startsWith('/') || after.startsWith('-')) continue;
    if (segs.length > 1 && FILE_EXT.test(last.toLowerCase())) continue;
    if (segs.some((s) => s.includes('_'))) continue;
    if (segs.length > 1 && segs.every((s) => s.length === 1)) continue; // e.g, i.e
    // `Decide()`, and `SessionManager.OnComplete` "is called": behavior through methods, not state.
    const called = /^\s*\(/.test(after) || /^`?\s+(?:is|are|gets|was)\s+(?:called|invoked)\b/.test(text.slice(end, end + 24)) || (segs.length > 1 && VERB.test(last));

    if (segs.length === 1) {
      if (called) continue;
      const id = segs[0]!;
      // Types are Capitalized and not all caps ("AND", "TTFT"); `NewFoo` is a constructor, not a type.
      if (!/^[A-Z]/.test(id) || !/[a-z]/.test(id) || VERB.test(id)) continue;
      const prefix = text.slice(Math.max(0, start - 24), start);
      const suffix = text.slice(end, end + 16);
      const pointer = /(?:(?<!\*)\*|&|\[\])$/.test(prefix);
      const literal = /^\{/.test(after);
      const phrase = /\b(?:returns?|produces?|constructs?|creates?|is)\s+(?:an?|the|new)\s+`?\*?$/.test(prefix) || /^`?\s+(?:instances?|struct|type|object)\b/.test(suffix) || /\bof type\s+`?\*?$/.test(prefix);
      // A name that only looks like a type ("LatencyModel", "RoutingDecision") may be an interface
      // or the public result a caller reads: it counts only on evidence of a concrete type. The
      // plan's own declarations are looked up last: that may parse code blocks.
      if (pointer || literal || (phrase && CAMEL.test(id)) || vocab.types.has(id)) {
        hits.push({ kind: 'type', text: (pointer && /\*$/.test(prefix) ? '*' : '') + id, from: start - (pointer && /\*$/.test(prefix) ? 1 : 0), to: end });
      }
      continue;
    }

    // Dotted chains.
    const root = segs[0]!;
    // An identifier-looking chain ("record.Status", "cs.scoreCache"); all-lowercase dotted names are
    // serialized keys, hosts or packages (`metrics.ttft`, "github.com"). `len(x.items)` is caught below.
    // `limiter.tokens`: an all-lowercase chain is a key or a host unless the plan's code declares
    // that field, where it names internal state (checked last: it may parse code blocks).
    if (!segs.slice(1).some((s) => /[A-Z]/.test(s))) {
      if (segs.length === 2 && !called && !vocab.packages.has(root) && vocab.fields.has(last)) hits.push({ kind: 'field', text: m[0], from: start, to: end });
      continue;
    }
    // Only an internal field is structure: in Go a Capitalized field is exported, the public
    // output a caller reads (the spec's own `decision.TargetInstance`); `cs.scoreCache` is not.
    if (!segs.slice(1).some((s) => /^[a-z]/.test(s) && /[A-Z]/.test(s))) continue;
    // `x.Method()` is behavior whatever `x` is (a package, a type, a value): no lookup, no hit.
    if (called && segs.length === 2) continue;
    const isPackage = vocab.packages.has(root);
    if (isPackage) {
      const member = segs[1]!;
      const typeLike = (): boolean =>
        /^[A-Z]/.test(member) && !VERB.test(member) && ((segs.length > 2 && !called) || (CAMEL.test(member) && TYPE_SUFFIX.test(member)) || (segs.length > 2 && called) || vocab.types.has(member));
      if (typeLike()) {
        hits.push({ kind: 'type', text: `${root}.${member}`, from: start, to: start + root.length + 1 + member.length });
      }
      const fields = called ? segs.slice(2, -1) : segs.slice(2);
      if (fields.length > 0) hits.push({ kind: 'field', text: m[0], from: start, to: end });
      continue;
    }
    // value.field…: a field of some object. A trailing call is API (`cs.ShedByTier()`), but the hops before it are fields
    // (a chain has one at least: `x.Method()` was passed over above).
    if (/^[A-Z]/.test(root) && ((CAMEL.test(root) && TYPE_SUFFIX.test(root)) || vocab.types.has(root))) {
      hits.push({ kind: 'type', text: root, from: start, to: start + root.length });
    }
    const fieldText = called ? segs.slice(0, -1).join('.') : m[0];
    hits.push({ kind: 'field', text: fieldText, from: start, to: start + fieldText.length });
  }

  // len(x.items) — the length of an internal collection.
  const LEN = /\blen\(\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+)\s*\)/g;
  LEN.lastIndex = from;
  for (let m = LEN.exec(piece); m; m = LEN.exec(piece)) hits.push({ kind: 'field', text: m[0], from: m.index, to: m.index + m[0].length });

  // A formula weighs a term with `*`, `/` or `×`: a piece without one has none.
  if (/[*/×]/.test(text.slice(from, to))) hits.push(...formulaHits(text, from, to, codeRanges(text)));
  // `sim.Request.Model` is one field reference, not also a type.
  return hits.filter((h) => h.kind !== 'type' || !hits.some((f) => f.kind === 'field' && f.from <= h.from && h.to <= f.to));
}

interface Tok {
  kind: 'num' | 'id' | 'op' | 'lp' | 'rp' | 'other';
  text: string;
  from: number;
  to: number;
}

function tokenize(text: string, from: number, to: number): Tok[] {
  const toks: Tok[] = [];
  const re = /(\d+(?:\.\d+)?(?:e[-+]?\d+)?)|([A-Za-z_α-ωΑ-Ω][A-Za-z0-9_α-ωΑ-Ω₀-₉.]*)|([-+*/×])|(\()|(\))|(`)|(\s+)|(.)/gu;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    const at = m.index;
    const end = Math.min(to, at + m[0].length);
    if (m[7]) continue; // whitespace
    if (m[6]) continue; // backticks do not break an expression
    let kind: Tok['kind'] = m[1] ? 'num' : m[2] ? 'id' : m[3] ? 'op' : m[4] ? 'lp' : m[5] ? 'rp' : 'other';
    if (m[3] && !isOperator(text, at)) kind = 'other';
    toks.push({ kind, text: m[0].replace(/\.$/, ''), from: at, to: m[2] && m[0].endsWith('.') ? end - 1 : end });
  }
  return toks;
}

/**
 * Whether a `+ - * / ×` in prose is arithmetic. A slash between words is a path or an alternative
 * ("sim/latency", "and/or", "/v1/chat"); a hyphen between letters joins words ("non-nil");
 * a star touching a word on one side only is emphasis or a pointer ("*lower*", "`*RouterState`").
 */
function isOperator(text: string, at: number): boolean {
  const op = text[at]!;
  const before = text[at - 1] ?? ' ';
  const after = text[at + 1] ?? ' ';
  const spaceB = /[\s`]/.test(before);
  const spaceA = /[\s`]/.test(after);
  if (op === '/') return (/\s/.test(before) && /\s/.test(after)) || /\d/.test(after);
  if (op === '-') return (spaceB && spaceA) || /[\d)]/.test(before) || /[\d(]/.test(after);
  if (op === '*') return spaceB === spaceA && before !== '*' && after !== '*';
  return true;
}

/** 0, 1 and powers of ten are units or offsets, not weights. */
function isWeight(num: string): boolean {
  const v = Number(num);
  if (!Number.isFinite(v) || v === 0) return false;
  const e = Math.log10(Math.abs(v));
  return Math.abs(e - Math.round(e)) > 1e-9;
}

/**
 * Arithmetic runs (`0.6*cacheHit + 0.4*(1-load)`, `round(N / tokensPerWord)`): operands and
 * operators alternating. A formula weighs a variable — a coefficient or another variable times or
 * divided by it — and has two operators, or sits in a code span. Sums of counts are invariants
 * (`completed + queued == injected`), worked numbers (`128 + 100 = 228`) are values.
 */
function formulaHits(text: string, from: number, to: number, code: ReadonlyArray<[number, number]>): StructureHit[] {
  const toks = tokenize(text, from, to);
  const sameCodeSpan = (a: number, b: number): boolean => code.some(([x, y]) => a > x && b < y);
  const hits: StructureHit[] = [];
  let i = 0;
  while (i < toks.length) {
    // Parse one run starting at i.
    let j = i;
    let expectOperand = true;
    let ops = 0;
    let weighted = false;
    let hasId = false;
    let lastOperand: Tok | undefined;
    let depth = 0;
    let endTok = -1;
    for (; j < toks.length; j++) {
      const t = toks[j]!;
      if (expectOperand) {
        if (t.kind === 'num' || t.kind === 'id') {
          // A function call opens a group: `round(`.
          if (t.kind === 'id' && toks[j + 1]?.kind === 'lp' && toks[j + 1]!.from === t.to) {
            depth++;
            j++;
            continue;
          }
          if (t.kind === 'id') hasId = true;
          const prevOp = toks[j - 1];
          if (prevOp?.kind === 'op' && (prevOp.text === '*' || prevOp.text === '/' || prevOp.text === '×') && lastOperand) {
            weighted ||= weighs(lastOperand, t);
          }
          lastOperand = t;
          expectOperand = false;
          endTok = j;
        } else if (t.kind === 'lp') {
          depth++;
        } else if (t.kind === 'op' && t.text === '-') {
          // unary minus
        } else break;
      } else if (t.kind === 'op') {
        ops++;
        expectOperand = true;
      } else if (t.kind === 'rp' && depth > 0) {
        depth--;
        lastOperand = { kind: 'id', text: ')', from: t.from, to: t.to };
        endTok = j;
      } else break;
    }
    if (endTok > i && ops >= 1 && hasId && weighted) {
      const first = toks[i]!;
      const last = toks[endTok]!;
      if (ops >= 2 || sameCodeSpan(first.from, last.to - 1)) hits.push({ kind: 'formula', text: text.slice(first.from, last.to), from: first.from, to: last.to });
    }
    i = Math.max(i + 1, endTok + 1);
  }
  return hits;
}

/** `0.6 * x`, `x / 3`, `(…) * weight`, `a / b`: a weight applied to a variable. */
function weighs(left: Tok, right: Tok): boolean {
  const variable = (t: Tok): boolean => t.kind === 'id';
  const coefficient = (t: Tok): boolean => t.kind === 'num' && isWeight(t.text);
  return (coefficient(left) && variable(right)) || (variable(left) && coefficient(right)) || (variable(left) && variable(right));
}
