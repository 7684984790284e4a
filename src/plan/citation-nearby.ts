/**
 * The names a citation's sentence gives without tying them to it: "Remove `validateX` check
 * (observe_cmd.go:288-293)", "`saturation.go:94-104` (WindowMetrics struct)", "`priority.go:54` —
 * add case to `NewPriorityPolicy` factory". A weaker claim than a symbol written right beside the
 * citation: read only when the citation has none, and only from its own sentence — of its table
 * cell, when it is in a table — holding no other citation.
 *
 * A name is a backticked identifier (`f`, `T.M()`, `f(x)`, `T{}`, a field `name int64`), a flag
 * (`--min-tokens`), or an unquoted identifier that cannot be an English word: camelCase, snake_case,
 * or any capitalised word followed by what it is ("Streaming field", "Request struct"). Plain
 * lowercase words (`rate`, `var`) name too much to be looked for.
 *
 * What the plan does to each name is read from the verb before it: a name it adds ("Add `X`
 * field", "rename `A` to `B`") is no claim at all; a name it removes or modifies should be in the
 * file; a name after a preposition ("to `F`", "in F") is where the change goes.
 */
import type { NearbyName } from './types.js';

export interface LineSpan {
  from: number;
  to: number;
  content: string;
}

/** Words that deny the name is there: "the path skips `isInActiveWindow` check". The sentence then says too little. */
const DENIES = new Set(['skip', 'skips', 'skipping', 'bypass', 'bypasses', 'without', 'lacks', 'lack', 'missing', 'misses', 'never', 'not', 'no', 'nor', "doesn't", "isn't", 'omits', 'instead']);
/**
 * Verbs that bring a use of the name to the cited lines: "call `ValidateX` when …", "use `f`".
 * Imperatives only: "`a.go:343` calls `StepTime()`" says what the cited line does.
 */
const USES = new Set(['call', 'invoke', 'use', 'wire', 'pass', 'emit', 'apply', 'reuse', 'mirror', 'delegate']);
/** "Update call site at `a.go:321`: change `f(a)` to …": the citation is a use of the names, wherever declared. */
const AT_USE = /\b(?:call[ -]?sites?|callers?|construction sites?)\b/i;
const ADD = new Set(['add', 'adds', 'adding', 'include', 'includes', 'including', 'create', 'creates', 'creating', 'introduce', 'introduces', 'introducing', 'insert', 'inserts', 'inserting', 'new', 'implement', 'implements']);
const REMOVE = new Set(['remove', 'removes', 'removing', 'delete', 'deletes', 'deleting', 'drop', 'drops', 'dropping', 'eliminate', 'eliminates', 'strip', 'strips']);
const MODIFY = new Set([
  'modify', 'modifies', 'modifying', 'update', 'updates', 'updating', 'change', 'changes', 'changing', 'replace', 'replaces', 'replacing',
  'rename', 'renames', 'renaming', 'fix', 'fixes', 'edit', 'edits', 'move', 'moves', 'extend', 'extends', 'refactor', 'refactors',
  'adjust', 'adjusts', 'rewrite', 'rewrites', 'tighten', 'tightens', 'convert', 'converts',
]);
/** Verbs whose object after "to"/"with"/"into" is what the code becomes: "rename `A` to `B`". */
const BECOMES = new Set(['replace', 'replaces', 'replacing', 'rename', 'renames', 'renaming', 'change', 'changes', 'changing', 'convert', 'converts']);
const PLACE = new Set(['to', 'in', 'into', 'inside', 'within', 'from', 'of', 'on', 'at', 'after', 'before', 'near', 'above', 'below', 'via']);
const DETERMINER = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'our', 'each', 'every', 'any', 'no']);
const FILLER = new Set(['the', 'a', 'an', 'its', 'their', 'existing', 'current', 'same', 'each', 'every', 'this', 'that']);
const DECLARATION_KIND = new Set([
  'struct', 'structs', 'interface', 'type', 'class', 'function', 'func', 'method', 'field', 'fields', 'constant', 'const', 'variable',
  'definition', 'declaration', 'constructor', 'factory', 'enum', 'signature', 'body', 'helper',
]);
const USE_KIND = new Set(['check', 'checks', 'call', 'calls', 'invocation', 'site', 'sites', 'usage', 'assertion', 'assertions', 'line', 'guard', 'argument', 'reference']);
const OTHER_KIND = new Set(['case', 'branch', 'block', 'literal', 'loop', 'entry', 'map', 'test', 'option', 'parameter', 'flag', 'registration', 'import', 'var']);
/** Words of code that name no declaration: keywords, builtins, constants of the languages read. */
const NOT_A_NAME = new Set(['None', 'True', 'False', 'Self', 'TODO', 'NOTE', 'String', 'Error', 'Object', 'Promise', 'Array', 'Map', 'Set']);

/** `pkg.Name`, `T.M()`, `&T`: a symbol; its last segment is what is declared. */
const IDENTIFIER = /^&?\*?([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)(?:\(\))?$/;
const CALL = /^(?:[\w.]+\s*:?=\s*)?&?([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\(.*\)$/;
const LITERAL = /^&?([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\{.*\}$/;
/** `observeMinTokens int`, `Deadline int64`, `Items []*Request`: a field or variable with its type. */
const WITH_TYPE = /^([A-Za-z_]\w*)\s+[*[\]\w.]+$/;
const FLAG = /^--([A-Za-z][\w-]*)$/;
/** A name that is no English word: a camelCase hump or a snake_case joint. */
const CODE_SHAPED = /[a-z0-9][A-Z]|[A-Za-z0-9]_[A-Za-z0-9]/;
const ABBREVIATIONS = /(?:^|\W)(?:e\.g|i\.e|etc|vs|cf|approx|incl)$/i;

function nameOfSpan(content: string): Pick<NearbyName, 'name' | 'qualifier' | 'flag'> | undefined {
  const flag = FLAG.exec(content);
  if (flag) return { name: flag[1]!, flag: true };
  // A chain of calls (`runCmd.Flags().IntVar(…)`) names too many things to say which one is cited.
  const call = content.includes(').') ? undefined : (CALL.exec(content)?.[1] ?? LITERAL.exec(content)?.[1]);
  const symbol = IDENTIFIER.exec(content)?.[1] ?? call ?? WITH_TYPE.exec(content)?.[1];
  if (symbol === undefined) return undefined;
  const parts = symbol.split('.');
  const name = parts[parts.length - 1]!;
  const qualifier = parts.length > 1 ? parts[parts.length - 2] : undefined;
  // A capitalised name is exported code (`Request`); a lowercase one must look like code (`rejectedRequests`).
  if (!(CODE_SHAPED.test(name) || /^[A-Z][a-z0-9]/.test(name)) || NOT_A_NAME.has(name)) return undefined;
  return qualifier === undefined ? { name } : { name, qualifier };
}

/** Where the sentence holding offset `at` starts and ends within [lo, hi), not counting breaks inside code spans. */
function sentenceAround(text: string, spans: readonly LineSpan[], at: number, lo: number, hi: number): [number, number] {
  // A list marker ("1. ", "- ", "- [x] ") opens the line; it is no word, and its dot ends no sentence.
  const marker = /^\s*(?:>\s*)*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/.exec(text.slice(lo, hi));
  const first = lo + (marker ? marker[0].length : 0);
  let start = first;
  let end = hi;
  for (let i = first; i < hi; i++) {
    if (!/[.;!?]/.test(text[i]!) || !(i + 1 >= hi || /\s/.test(text[i + 1]!))) continue;
    if (spans.some((s) => s.from <= i && i < s.to)) continue;
    if (text[i] === '.' && ABBREVIATIONS.test(text.slice(Math.max(lo, i - 8), i))) continue;
    if (i < at) start = i + 1;
    else {
      end = i;
      break;
    }
  }
  return [start, end];
}

interface Token {
  /** A word of prose. */
  word?: string;
  /** A name: a code span that holds one, or a word shaped like code. */
  name?: Pick<NearbyName, 'name' | 'qualifier' | 'flag' | 'code'>;
}

/** Words that steer the reading of the names after them; never names themselves. */
const steers = (w: string): boolean => ADD.has(w) || USES.has(w) || DENIES.has(w) || REMOVE.has(w) || MODIFY.has(w) || PLACE.has(w) || FILLER.has(w) || w === 'and' || w === 'or' || w === 'with';

/** The sentence's words and code spans in order; `opaque` (the citation itself) reads as a break. */
function tokensOf(text: string, spans: readonly LineSpan[], from: number, to: number, opaque: readonly [number, number]): Token[] {
  const out: Token[] = [];
  const words = (a: number, b: number): void => {
    for (const m of text.slice(a, b).matchAll(/[A-Za-z_][\w-]*/g)) {
      const at = a + m.index;
      const after = at + m[0].length;
      // A path or a URL is no prose: "sim/workload/spec.go" names a file, not `spec`.
      if (/[/.]/.test(text[at - 1] ?? '') || text[after] === '/' || (text[after] === '.' && /\w/.test(text[after + 1] ?? ''))) {
        out.push({});
        continue;
      }
      const w = m[0];
      const shaped = CODE_SHAPED.test(w) || (/^[A-Z][a-z0-9]+$/.test(w) && !steers(w.toLowerCase()) && !NOT_A_NAME.has(w));
      out.push(shaped && !w.includes('-') ? { word: w, name: { name: w } } : { word: w });
    }
  };
  const inside = spans.filter((s) => s.from >= from && s.to <= to && !(s.from < opaque[1] && opaque[0] < s.to));
  let at = from;
  for (const s of [...inside, { from: opaque[0], to: opaque[1], content: '' }].sort((a, b) => a.from - b.from)) {
    if (s.to <= from || s.from >= to) continue;
    words(at, Math.max(at, s.from));
    const name = s.from === opaque[0] && s.to === opaque[1] ? undefined : nameOfSpan(s.content);
    out.push(name ? { name: { ...name, code: true } } : {});
    at = Math.max(at, s.to);
  }
  words(at, to);
  return out;
}

/**
 * The names the sentence around a citation gives it, with what the plan says of each; undefined
 * when the sentence holds another citation (its names may be that one's) or no name.
 * `self` is the citation's extent on the line, `others` those of the line's other citations,
 * `cell` the bounds of its table cell.
 */
export function nearbyNames(
  text: string,
  spans: readonly LineSpan[],
  self: readonly [number, number],
  others: readonly (readonly [number, number])[],
  cell: readonly [number, number] | undefined,
): NearbyName[] | undefined {
  const [lo, hi] = cell ?? [0, text.length];
  const [start, end] = sentenceAround(text, spans, self[0], lo, hi);
  if (others.some(([a, b]) => a < end && start < b)) return undefined;
  const tokens = tokensOf(text, spans, start, end, self);
  if (tokens.some((t) => t.word !== undefined && DENIES.has(t.word.toLowerCase()))) return undefined;
  const adds = tokens.some((t) => t.word !== undefined && ADD.has(t.word.toLowerCase()));
  const atUse = AT_USE.test(text.slice(start, end));
  const out: NearbyName[] = [];
  let verb: 'remove' | 'modify' | undefined;
  let becomes = false;
  // What the next name is by the words right before it: where the change goes, or what the code becomes.
  let before: 'place' | 'new' | undefined;
  let last: 'place' | 'new' | 'other' | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const w = t.word?.toLowerCase();
    // After a determiner a verb is a noun: "the fix", "this change", "a new field".
    const verbLike = w !== undefined && (ADD.has(w) || USES.has(w) || REMOVE.has(w) || MODIFY.has(w));
    const noun = verbLike && i > 0 && DETERMINER.has(tokens[i - 1]!.word?.toLowerCase() ?? '');
    if (t.name) {
      // What the next word says the name is, written in lowercase as prose does ("Check" opens a sentence).
      const next = tokens[i + 1]?.word;
      const kind = next === undefined ? undefined : DECLARATION_KIND.has(next) ? 'declaration' : USE_KIND.has(next) ? 'use' : OTHER_KIND.has(next) ? 'other' : undefined;
      // Unquoted, only a word shaped like code, or a capitalised one said to be code ("Streaming field").
      // A capitalised word opening the sentence is capitalised for that alone ("Construction site audit").
      const counts = t.name.code || CODE_SHAPED.test(t.name.name) || (kind !== undefined && /^[A-Z][a-z]/.test(t.name.name) && tokens.slice(0, i).some((x) => x.word));
      const role = before ?? (verb === undefined ? 'other' : verb === 'remove' ? 'remove' : 'modify');
      last = before ?? 'other';
      before = undefined;
      if (!counts || role === 'new' || (verb === undefined && adds && role === 'other')) continue;
      if (out.some((n) => n.name === t.name!.name)) continue;
      const edited = (role === 'remove' || (role === 'modify' && !adds)) && (t.name.code || t.name.flag || kind !== undefined);
      const cited = kind === 'declaration' || kind === 'use' ? kind : atUse ? 'use' : undefined;
      out.push({
        name: t.name.name,
        ...(t.name.qualifier !== undefined ? { qualifier: t.name.qualifier } : {}),
        ...(t.name.flag ? { flag: true as const } : {}),
        ...(t.name.code ? { code: true as const } : {}),
        ...(cited !== undefined ? { kind: cited } : {}),
        ...(edited ? { edited: true as const } : {}),
      });
      continue;
    }
    if (w === undefined) {
      before = undefined;
      continue;
    }
    if (noun) {
      before = undefined;
    } else if (ADD.has(w) || USES.has(w)) {
      verb = undefined;
      before = 'new';
    } else if (REMOVE.has(w)) {
      verb = 'remove';
      becomes = false;
      before = undefined;
    } else if (MODIFY.has(w)) {
      verb = 'modify';
      becomes = BECOMES.has(w);
      before = undefined;
    } else if (PLACE.has(w) || w === 'with') {
      before = becomes && (w === 'to' || w === 'with' || w === 'into') ? 'new' : w === 'with' ? undefined : 'place';
    } else if ((w === 'and' || w === 'or') && last !== undefined && last !== 'other') {
      // "to `A` and `B`": the list goes on as it began.
      before = last;
    } else if (!FILLER.has(w) && !(before === 'new' && (DECLARATION_KIND.has(w) || OTHER_KIND.has(w) || USE_KIND.has(w)))) {
      before = undefined;
    }
  }
  return out.length > 0 ? out : undefined;
}
