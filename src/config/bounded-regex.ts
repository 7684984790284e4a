/**
 * Regular expressions from a user's config, run in bounded time. A pattern such as `^(a+)+$`
 * backtracks exponentially on a near-miss: one test name could hang `lint`. V8's linear-time
 * engine (the `l` flag, behind a V8 flag Node 20 accepts at run time) runs every pattern without
 * lookaround or backreferences; the rest must not repeat a group that itself repeats, which the
 * config check refuses.
 */
import { setFlagsFromString } from 'node:v8';

let linearEnabled = false;
/** The linear-time flag; a constant so ESLint, which knows only the standard flags, lets it pass. */
const LINEAR: string = 'l';

function enableLinear(): void {
  if (linearEnabled) return;
  setFlagsFromString('--enable-experimental-regexp-engine');
  linearEnabled = true;
}

/** The pattern compiled for linear time when V8 can, else as usual; undefined when it is not a valid pattern. */
export function compileBounded(pattern: string): RegExp | undefined {
  enableLinear();
  try {
    return new RegExp(pattern, LINEAR);
  } catch {
    // Lookaround or a backreference: the backtracking engine, which regexProblem has vetted.
  }
  try {
    return new RegExp(pattern);
  } catch {
    return undefined;
  }
}

/** Why a config pattern is refused (invalid, or exponential on some input), or undefined. */
export function regexProblem(pattern: string): string | undefined {
  try {
    new RegExp(pattern);
  } catch (err) {
    return `is not a valid regular expression (${err instanceof Error ? err.message : String(err)}); escape special characters or fix the pattern`;
  }
  enableLinear();
  try {
    new RegExp(pattern, LINEAR);
    return undefined;
  } catch {
    // Not runnable in linear time: acceptable only without nested repetition.
  }
  const nested = nestedRepetition(pattern);
  return nested
    ? `can take exponential time on a near-miss (the repeated group "${nested}" repeats inside itself, and the pattern uses lookaround or a backreference): repeat the group's content once, e.g. (ab)+ rather than (a+b?)+`
    : undefined;
}

/**
 * The first group that is repeated without bound (`*`, `+`, `{n,}`) and holds an unbounded
 * repetition itself — the shape of every classic catastrophic pattern. Escapes and character
 * classes are skipped; this reads the pattern's syntax, it does not run it.
 */
export function nestedRepetition(pattern: string): string | undefined {
  const open: Array<{ start: number; repeats: boolean }> = [];
  let i = 0;
  const unboundedAt = (j: number): boolean => pattern[j] === '*' || pattern[j] === '+' || /^\{\d+,\}/.test(pattern.slice(j));
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '[') {
      // A class ends at the first unescaped ']' after its first character.
      i++;
      if (pattern[i] === '^') i++;
      if (pattern[i] === ']') i++;
      while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
      i++;
      if (unboundedAt(i) && open.length > 0) open[open.length - 1]!.repeats = true;
      continue;
    }
    if (c === '(') {
      open.push({ start: i, repeats: false });
      i++;
      continue;
    }
    if (c === ')') {
      const group = open.pop();
      i++;
      if (!group) continue;
      const repeated = unboundedAt(i);
      if (repeated && group.repeats) return pattern.slice(group.start, i + 1);
      // A repetition inside makes every enclosing group a repeating one too.
      if ((group.repeats || repeated) && open.length > 0) open[open.length - 1]!.repeats = true;
      continue;
    }
    i++;
    if (unboundedAt(i) && open.length > 0) open[open.length - 1]!.repeats = true;
  }
  return undefined;
}
