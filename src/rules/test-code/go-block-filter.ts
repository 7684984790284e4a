/**
 * Which Go test snippets are worth parsing for test-assertion-behavioral. Parsing is most of the
 * rule's cost and few tests hold an offence, so a snippet is parsed only when its tokens have the
 * shape some offence needs. The filter only ever rules snippets out: for code that parses without
 * errors it keeps every snippet in which goOffences (assertions.ts) can find something, because
 * each test below is implied by the tree conditions there; what is an offence is still decided on
 * the syntax tree.
 */
import { goTokens, TOKEN, type GoTokens } from '../../repo/code/go-tokens.js';
import type { LanguageId } from '../../languages/index.js';
import type { CodeBlock } from '../../plan/types.js';
import { GO_ASSERT_PKGS, GO_MAY_ASSERT_TYPE, GO_MAY_CALL_ASSERT, GO_MAY_FAIL, isUnitFactor } from './assertions.js';

const answers = new WeakMap<CodeBlock, boolean>();

/** Filters of the snippets worth parsing, per language; a language without one has every snippet parsed. */
const FILTERS: Partial<Record<LanguageId, (block: CodeBlock) => boolean>> = { go: goBlockMayOffend };

/** Could a test in this block (in `language`) break test-assertion-behavioral? False only when none can. */
export function blockMayOffend(block: CodeBlock, language: LanguageId): boolean {
  return FILTERS[language]?.(block) ?? true;
}

/** goSnippetMayOffend for a Go block's content, answered once per block (two rules ask). */
export function goBlockMayOffend(block: CodeBlock): boolean {
  let answer = answers.get(block);
  if (answer === undefined) {
    answer = goSnippetMayOffend(block.content);
    answers.set(block, answer);
  }
  return answer;
}

/** Could a test in this Go snippet break the rule? False only when none can. */
export function goSnippetMayOffend(text: string): boolean {
  const typeAssertion = GO_MAY_ASSERT_TYPE.test(text);
  // Every offence sits in a check: an assertion call, a failing `if`, or is a type assertion.
  if (!typeAssertion && !GO_MAY_CALL_ASSERT.test(text) && !GO_MAY_FAIL.test(text)) return false;
  // A concrete-type check: `x.(T)` or `reflect.TypeOf`.
  if (typeAssertion || text.includes('reflect.TypeOf')) return true;
  const tokens = goTokens(text);
  if (!tokens) return true;
  return mayWeigh(tokens) || mayReadInternalField(tokens);
}

/** Names whose calls never make them a unit under test (goReceivers leaves them out). */
const NOT_RECEIVERS = new Set(['t', 'b', ...GO_ASSERT_PKGS]);

function punctuation(t: GoTokens, i: number, char: number): boolean {
  return i >= 0 && i < t.count && charOf(t, i) === char;
}

const DOT = 0x2e;
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const STAR = 0x2a;
const SLASH = 0x2f;

function isOpening(c: number): boolean {
  return c === OPEN_PAREN || c === OPEN_BRACKET || c === OPEN_BRACE;
}

function isClosing(c: number): boolean {
  return c === CLOSE_PAREN || c === CLOSE_BRACKET || c === CLOSE_BRACE;
}

/** The character of a punctuation token; 0 for any other token. */
function charOf(t: GoTokens, i: number): number {
  return t.kind[i] === TOKEN.punctuation ? t.text.charCodeAt(t.start[i] as number) : 0;
}

/** Index after the bracket that closes the one at `open` (the end when none does). */
function afterClosing(t: GoTokens, open: number): number {
  let depth = 0;
  for (let i = open; i < t.count; i++) {
    const c = charOf(t, i);
    if (isOpening(c)) depth++;
    else if (isClosing(c) && --depth === 0) return i + 1;
  }
  return t.count;
}

/**
 * An internal-field read (and a count of one, `len(x.items)`) is a selector with a lower-case
 * field that is not called, on a chain of selectors from a variable `x` (`x.items`, `x.Sub.items`),
 * where the test also calls a method through `x` (`x.Run()`, `x.pool[0].Get()`): some name must
 * start both shapes.
 */
function mayReadInternalField(t: GoTokens): boolean {
  const lower = new Set<string>();
  const receivers = new Set<string>();
  for (let i = 0; i < t.count; i++) {
    // A chain starts at an identifier that is not itself a field (`x` in `x.a`, not `a`).
    if (t.kind[i] !== TOKEN.identifier || punctuation(t, i - 1, DOT)) continue;
    const name = t.text.slice(t.start[i], t.end[i]);
    let j = i + 1;
    while (punctuation(t, j, DOT) && t.kind[j + 1] === TOKEN.identifier) {
      const first = t.text.charCodeAt(t.start[j + 1] as number);
      // A field starting [a-z_] that is not called (a call is API, not a read).
      if (((first >= 0x61 && first <= 0x7a) || first === 0x5f) && !punctuation(t, j + 2, OPEN_PAREN)) lower.add(name);
      j += 2;
    }
    // Then selectors, indexes, calls and type assertions, until a call through a selector.
    let dotted = j > i + 1;
    while (j < t.count) {
      if (punctuation(t, j, DOT)) {
        dotted = true;
        if (t.kind[j + 1] === TOKEN.identifier) j += 2;
        else if (punctuation(t, j + 1, OPEN_PAREN)) j = afterClosing(t, j + 1);
        else break;
      } else if (punctuation(t, j, OPEN_PAREN)) {
        if (dotted) {
          receivers.add(name);
          break;
        }
        j = afterClosing(t, j);
      } else if (punctuation(t, j, OPEN_BRACKET)) {
        j = afterClosing(t, j);
      } else {
        break;
      }
    }
  }
  for (const name of lower) if (receivers.has(name) && !NOT_RECEIVERS.has(name)) return true;
  return false;
}

/**
 * A formula is arithmetic with two operators at least, one of them weighing a variable by a
 * numeric coefficient: a number literal other than 0, 1 or a power of ten is an operand of `*` or
 * `/`, through parentheses (`0.6*x`, `x / (3)`), and the expression around it has another
 * arithmetic operator.
 */
function mayWeigh(t: GoTokens): boolean {
  for (let i = 0; i < t.count; i++) {
    if (t.kind[i] !== TOKEN.number) continue;
    const literal = t.text.slice(t.start[i], t.end[i]);
    // A literal JavaScript cannot read (`2i`, odd forms) is kept: the tree decides.
    if (Number.isFinite(Number(literal.replace(/_/g, ''))) && isUnitFactor(literal)) continue;
    let after = i + 1;
    while (punctuation(t, after, CLOSE_PAREN)) after++;
    let before = i - 1;
    while (punctuation(t, before, OPEN_PAREN)) before--;
    const weighs = punctuation(t, after, STAR) || punctuation(t, after, SLASH) || punctuation(t, before, STAR) || punctuation(t, before, SLASH);
    if (weighs && arithmeticOperatorsAround(t, i) >= 2) return true;
  }
  return false;
}

/** Tokens no arithmetic expression holds outside brackets: they end the one around a token. */
const STOPS = new Set([0x2c /* , */, 0x3b /* ; */, 0x3d /* = */, 0x3a /* : */]);
const STATEMENT_KEYWORDS = new Set(['return', 'if', 'else', 'for', 'switch', 'case', 'default', 'go', 'defer', 'var', 'const', 'type', 'import', 'package', 'break', 'continue', 'goto', 'fallthrough', 'select', 'range']);
const ARITHMETIC = new Set([0x2b /* + */, 0x2d /* - */, STAR, SLASH]);

/**
 * An upper bound on the arithmetic operators of the expression holding token `at`: the `+ - * /`
 * between the nearest tokens on either side that no arithmetic expression holds outside brackets
 * (`,` `;` `=` `:`, a statement keyword, an unmatched `{` or `}`), counted also inside parentheses
 * (the tree walks into parenthesized operands) but not inside `[…]` or `{…}` (indexes, literals,
 * function bodies: the formula check stops at those operands). Line breaks are not boundaries: in
 * brackets the tree does not end an expression at one.
 */
function arithmeticOperatorsAround(t: GoTokens, at: number): number {
  let count = 0;
  const visit = (k: number): boolean => {
    const kind = t.kind[k];
    if (kind === TOKEN.identifier) return !STATEMENT_KEYWORDS.has(t.text.slice(t.start[k], t.end[k]));
    if (kind !== TOKEN.punctuation) return true;
    const c = charOf(t, k);
    if (STOPS.has(c)) return false;
    if (ARITHMETIC.has(c)) count++;
    return true;
  };
  for (let k = at - 1; k >= 0; k--) {
    const c = charOf(t, k);
    if (c === OPEN_BRACE) break;
    if (isClosing(c)) {
      const open = openingOf(t, k);
      if (open === undefined) break;
      if (c === CLOSE_PAREN) count += arithmeticIn(t, open + 1, k);
      k = open;
    } else if (!visit(k)) {
      break;
    }
  }
  for (let k = at + 1; k < t.count; k++) {
    const c = charOf(t, k);
    if (c === CLOSE_BRACE) break;
    if (isOpening(c)) {
      const close = afterClosing(t, k) - 1;
      if (c === OPEN_PAREN) count += arithmeticIn(t, k + 1, close);
      k = close;
    } else if (!visit(k)) {
      break;
    }
  }
  return count;
}

/** `+ - * /` tokens in [from, to). */
function arithmeticIn(t: GoTokens, from: number, to: number): number {
  let count = 0;
  for (let k = from; k < to; k++) {
    if (ARITHMETIC.has(charOf(t, k))) count++;
  }
  return count;
}

/** Index of the bracket that opens the one closing at `close`; undefined when none does. */
function openingOf(t: GoTokens, close: number): number | undefined {
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    const c = charOf(t, i);
    if (isClosing(c)) depth++;
    else if (isOpening(c) && --depth === 0) return i;
  }
  return undefined;
}
