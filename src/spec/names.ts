/**
 * The exact names a requirement of a design spec gives: code spans that name a file, an
 * identifier, a command-line flag, a command or an endpoint, and paths, flags and calls written
 * in prose. A code span that is none of these (a sentence, a value, a pattern with placeholders,
 * a JSON snippet) names nothing exact, and neither does a requirement without such a name.
 *
 * The inline structure comes from markdown-it (code spans, not backtick regexes), so escaped
 * backticks and code in fences are never read as names.
 */
import { commonmark } from '../plan/commonmark.js';

export type NameKind = 'path' | 'identifier' | 'flag' | 'command' | 'endpoint';

export interface SpecName {
  kind: NameKind;
  /** As the spec writes it (a call without its arguments: `evidence_filename`). */
  text: string;
  /** Written as a call in the spec (`detectAction()`, `f(x) -> str`). */
  call?: true;
}


/** Placeholders and patterns (`<FND-ID>.json`, `TASK-[0-9]+`, `*.md`, `$VERSION`): not one exact name. */
const PATTERN = /[<>[\]{}*$|\\]/;
const IDENT = /^[A-Za-z_][\w-]*(?:(?:\.|::|#)[A-Za-z_][\w-]*)*$/;
const PATH = /^(?:~\/|\.{1,2}\/|\/)?(?:[\w.@-]+\/)*[\w.@-]+(?:\.[A-Za-z][\w]{0,7}|\/)$/;
const FLAG = /^(--[a-z0-9][a-z0-9-]*)(?:[ =].*)?$/i;
const HTTP_METHOD = /^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(\/\S*)$/;
const WORD_TOKEN = /^[\w.:/@~-]+$/;
const PROSE_PATH = /(?:^|[\s("'])((?:[\w.-]+\/)+[\w.-]+\.[A-Za-z][\w]{0,7})(?=[\s)"',;:]|\.(?:\s|$)|$)/g;
const PROSE_FLAG = /(?:^|[\s(])(--[a-z][a-z0-9-]+)\b/g;
const PROSE_CALL = /(?:^|[\s(])([A-Za-z_][\w.]*\w)\(\)/g;
/** Words of the language that a code span may hold without naming anything of the project. */
const NOT_NAMES = new Set(['true', 'false', 'null', 'nil', 'none', 'undefined', 'yes', 'no', 'ok', 'error', 'string', 'int', 'bool', 'number', 'object']);

/**
 * Namespaces of languages' standard libraries: `JSON.parse`, `os.path.join`, `fmt.Errorf` say how
 * a thing is done, not what of the project is to be built.
 */
const STANDARD = new Set(['JSON', 'Math', 'Object', 'Array', 'Promise', 'Number', 'String', 'Date', 'console', 'process', 'Reflect', 'Symbol', 'Intl', 'os', 'sys', 'json', 're', 'shutil', 'pathlib', 'subprocess', 'itertools', 'functools', 'typing', 'fmt', 'strings', 'strconv', 'errors', 'time', 'context', 'io', 'ioutil', 'filepath', 'std', 'fs', 'path', 'util']);

/** Enough letters and digits to be a name (`a:` and `\n` are not). */
function substantial(s: string): boolean {
  return (s.match(/[A-Za-z0-9]/g) ?? []).length >= 3 && /[A-Za-z]/.test(s);
}

/** What one code span names, if it is exact. */
export function classifyCodeSpan(raw: string): SpecName | undefined {
  const s = raw.trim();
  const flag = FLAG.exec(s);
  if (flag) return { kind: 'flag', text: flag[1]! };
  const endpoint = HTTP_METHOD.exec(s);
  if (endpoint && !PATTERN.test(endpoint[1]!)) return { kind: 'endpoint', text: s.replace(/\s+/g, ' ') };
  if (/^https?:\/\//.test(s)) return PATTERN.test(s) ? undefined : { kind: 'path', text: s };
  // A call: `evidence_filename(evidence_type, *, ...) -> str` names `evidence_filename`.
  const call = /^([A-Za-z_][\w.:#]*)\s*\(.*\)(?:\s*(?:->|:).*)?$/s.exec(s);
  if (call && IDENT.test(call[1]!)) {
    const name = call[1]!;
    return substantial(name) && !STANDARD.has(name.split(/\.|::/)[0]!) ? { kind: 'identifier', text: name, call: true } : undefined;
  }
  if (/\s/.test(s)) {
    const tokens = s.split(/\s+/);
    // A command as typed: `harness check minimal`, `bd prime`, `shellcheck install.sh`.
    if (tokens.length <= 5 && tokens.every((t) => WORD_TOKEN.test(t)) && /^[a-z][\w.-]*$/.test(tokens[0]!) && substantial(tokens[0]! + tokens[1]!)) {
      return { kind: 'command', text: tokens.join(' ') };
    }
    return undefined;
  }
  if (PATTERN.test(s) || !substantial(s)) return undefined;
  if (PATH.test(s) && (s.includes('/') || /\.[A-Za-z][\w]{0,7}$/.test(s)) && !/^\d/.test(s)) {
    // `harness.cli` is a module, `a.b.c` a qualified name: a file has an extension a file has.
    const ext = /\.([A-Za-z][\w]{0,7})$/.exec(s)?.[1];
    if (s.includes('/') || (ext !== undefined && FILE_EXTENSIONS.has(ext.toLowerCase()))) return { kind: 'path', text: s };
  }
  if (IDENT.test(s) && !NOT_NAMES.has(s.toLowerCase()) && !/^\d/.test(s) && !(/\.|::/.test(s) && STANDARD.has(s.split(/\.|::/)[0]!))) return { kind: 'identifier', text: s };
  return undefined;
}

const FILE_EXTENSIONS = new Set(
  'md mdx txt json jsonl yaml yml toml ini cfg conf env lock xml html htm css scss sass less js mjs cjs jsx ts tsx mts cts vue svelte py pyi ipynb go rs rb php java kt kts swift m mm c h cc cpp hpp cs fs sh bash zsh ps1 bat cmd sql proto graphql gql tf hcl lua dart ex exs erl hs ml scala clj r jl nim zig csv tsv svg png jpg gif ico wasm dockerfile gradle properties plist xcconfig'.split(' '),
);

/**
 * Words that mark the name after them as what is there already, or as a model to follow
 * ("the existing `assert_command_output` helper", "matching `stop-server.sh`"): context the plan
 * need not repeat, not something to build.
 */
const CONTEXT_BEFORE = /\b(?:existing|current|currently|old|legacy|previous|original|matching|mirroring|mirrors|like|unlike|same as|similar to|as in|based on|see|per)\s+(?:the\s+|a\s+|an\s+)?$/i;

const EXAMPLE_WORDS = /\b(?:e\.\s?g\.|eg\.|for example|for instance|such as|etc\.?)(?=\s|,|\)|$)/i;
const EXAMPLE_LEAD = /\b(?:e\.\s?g\.|for example|for instance|such as)(?=[\s,:])/gi;

/**
 * The requirement with its examples blanked out: a parenthesis that gives examples ("(e.g.,
 * `conftest.py` for pytest)", "(`pyproject.toml`, `go.mod`, etc.)") and a clause from "e.g." /
 * "such as" to its end. Examples illustrate a requirement; a plan that meets it need not repeat them.
 * Code spans are opaque: a bracket or a period inside one neither opens nor ends anything.
 */
export function withoutExamples(markdown: string): string {
  const chars = [...markdown];
  const code = new Array<boolean>(chars.length).fill(false);
  for (let i = 0; i < chars.length; ) {
    if (chars[i] !== '`') {
      i++;
      continue;
    }
    let n = 0;
    while (chars[i + n] === '`') n++;
    const fence = '`'.repeat(n);
    const close = chars.slice(i + n).join('').indexOf(fence);
    if (close < 0) {
      i += n;
      continue;
    }
    const end = i + n + [...chars.slice(i + n).join('').slice(0, close)].length + n;
    for (let k = i; k < end; k++) code[k] = true;
    i = end;
  }
  const blank = new Array<boolean>(chars.length).fill(false);
  const open: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (code[i]) continue;
    if (chars[i] === '(') open.push(i);
    else if (chars[i] === ')' && open.length > 0) {
      const from = open.pop()!;
      if (EXAMPLE_WORDS.test(chars.slice(from + 1, i).join(''))) for (let k = from; k <= i; k++) blank[k] = true;
    }
  }
  const text = chars.join('');
  for (const m of text.matchAll(EXAMPLE_LEAD)) {
    const from = [...text.slice(0, m.index)].length;
    if (code[from] || blank[from]) continue;
    let to = from;
    while (to < chars.length && !(!code[to] && (/[;)]/.test(chars[to]!) || (chars[to] === '.' && /\s|$/.test(chars[to + 1] ?? '') && to > from + 5)))) to++;
    for (let k = from; k < to; k++) blank[k] = true;
  }
  return chars.map((c, i) => (blank[i] && c !== '\n' ? ' ' : c)).join('');
}

/** The exact names of a requirement's Markdown (one paragraph or one table row), in order, each once. */
export function namesIn(markdown: string): SpecName[] {
  markdown = withoutExamples(markdown);
  const out: SpecName[] = [];
  const seen = new Set<string>();
  const add = (n: SpecName | undefined): void => {
    if (!n || seen.has(`${n.kind}\0${n.text}`)) return;
    seen.add(`${n.kind}\0${n.text}`);
    out.push(n);
  };
  for (const token of commonmark().parseInline(markdown, {})) {
    let before = '';
    for (const child of token.children ?? []) {
      if (child.type === 'code_inline') {
        if (!CONTEXT_BEFORE.test(before)) add(classifyCodeSpan(child.content));
        before = '';
      } else if (child.type === 'text') {
        before += child.content;
        for (const m of child.content.matchAll(PROSE_PATH)) add({ kind: 'path', text: m[1]! });
        for (const m of child.content.matchAll(PROSE_FLAG)) add({ kind: 'flag', text: m[1]! });
        for (const m of child.content.matchAll(PROSE_CALL)) add({ kind: 'identifier', text: m[1]!, call: true });
      } else if (child.type === 'softbreak' || child.type === 'hardbreak') before += ' ';
    }
  }
  return out;
}

/**
 * A name a plan that implements the requirement writes down, not paraphrases: a file, a flag, a
 * command, an endpoint, a call, or a name in camelCase or PascalCase. Keys (`impact.required_tests`),
 * log and error strings (`owner-pid-invalid`), constants and plain words are names too, and
 * count for coverage, but plans put them in their own words often enough that their absence alone
 * is not reported.
 */
export function strongName(name: SpecName): boolean {
  if (name.kind !== 'identifier') return true;
  if (name.call) return true;
  return !/[.:#-]/.test(name.text) && /[a-z]/.test(name.text) && /[A-Z]/.test(name.text.slice(1));
}

/** A name of one plain lower-case word (`reason`, `findings/`): a word the plan may well use in prose. */
export function plainWord(name: SpecName): boolean {
  return name.kind === 'identifier' && /^[a-z]+$/.test(name.text);
}
