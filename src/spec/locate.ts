/**
 * Which design spec a plan was written from, and its text: the file given with `--spec`, else the
 * one the plan names before its first task ("**Spec:** `docs/superpowers/specs/…-design.md`",
 * "**Design doc:** …", a link, or a Markdown path under a `specs/` folder), found relative to the
 * plan's folder, the repository (`--repo`) or any folder above the plan.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { commonmark } from '../plan/commonmark.js';
import { span } from '../plan/source.js';
import type { Plan, Text } from '../plan/types.js';

export interface SpecDoc {
  /** As the plan names it, or as given with `--spec`. */
  path: string;
  text: string;
}

/** A spec the plan names that is not there. */
export interface MissingSpec {
  path: string;
  named: Text;
  /** The folders it was looked for in. */
  lookedIn: string[];
}

/** What the spec-coverage rule is given: the specs to check against, and the named ones not found. */
export interface PlanSpecs {
  docs: SpecDoc[];
  missing: MissingSpec[];
  /** Where the plan names each spec (absent for `--spec`): the finding points there. */
  named?: Text[];
}

const LABEL = /^\s*(?:[-*+]\s*)?\*\*\s*(?:source\s+)?(?:spec(?:ification)?s?|design(?:\s+(?:doc(?:ument)?|spec))?|spec\s+reference|based\s+on)\s*:?\s*\*\*\s*:?/i;
const MD_PATH = /^(?:\.{0,2}\/)?(?:[\w.@-]+\/)*[\w.@-]+\.md$/i;

/** Markdown paths in one line: code spans, link targets and bare paths. */
function mdPaths(line: string): Array<{ path: string; column: number }> {
  const out: Array<{ path: string; column: number }> = [];
  for (const token of commonmark().parseInline(line, {})) {
    for (const child of token.children ?? []) {
      const value = child.type === 'code_inline' ? child.content.trim() : child.type === 'link_open' ? (child.attrGet('href') ?? '') : '';
      const clean = String(value).replace(/#.*$/, '');
      if (MD_PATH.test(clean)) out.push({ path: clean, column: Math.max(1, line.indexOf(clean) + 1) });
    }
  }
  for (const m of line.matchAll(/(?:^|[\s(])((?:[\w.@-]+\/)+[\w.@-]+\.md)\b/gi)) {
    if (!out.some((o) => o.path === m[1])) out.push({ path: m[1]!, column: m.index + m[0].indexOf(m[1]!) + 1 });
  }
  return out;
}

/** The spec files a plan names before its first task. */
export function namedSpecs(plan: Plan): Text[] {
  const end = plan.tasks[0]?.span.start.line ?? plan.lines.length + 1;
  const labelled: Text[] = [];
  const placed: Text[] = [];
  for (let l = 1; l < end; l++) {
    const line = plan.lines[l - 1] ?? '';
    // Most header lines name no Markdown file: skip them before the inline parse, paid per line.
    if (!/\.md\b/i.test(line)) continue;
    const paths = mdPaths(line);
    const labelledLine = LABEL.test(line);
    for (const p of paths) {
      const text = { text: p.path, span: span(l, p.column, l, p.column + p.path.length) };
      if (labelledLine) labelled.push(text);
      else if (/(?:^|\/)specs?\/|-design\.md$/i.test(p.path) && !/(?:^|\/)plans?\//i.test(p.path)) placed.push(text);
    }
  }
  const all = labelled.length > 0 ? labelled : placed;
  return all.filter((t, i) => all.findIndex((u) => u.text === t.text) === i);
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The working tree a folder is in: the nearest folder above it with a `.git`. */
async function gitRoot(dir: string): Promise<string | undefined> {
  for (let d = dir; ; ) {
    try {
      await stat(join(d, '.git'));
      return d;
    } catch {
      const up = dirname(d);
      if (up === d) return undefined;
      d = up;
    }
  }
}

/** The folders a named spec is looked for in: the plan's own (for `../specs/x.md`), the repository, every folder above the plan. */
function roots(planDir: string | undefined, repoDir: string | undefined): string[] {
  const out: string[] = [];
  if (planDir) out.push(planDir);
  if (repoDir) out.push(resolve(repoDir));
  for (let d = planDir; d; ) {
    const up = dirname(d);
    if (up === d) break;
    out.push(up);
    d = up;
  }
  return [...new Set(out)];
}

/**
 * The specs for one plan: `explicit` (from `--spec`) if given, else those the plan names. A plan
 * read from standard input with no repository has nowhere to look: its named specs are skipped.
 */
export async function specsForPlan(plan: Plan, where: { explicit?: SpecDoc | undefined; planPath?: string | undefined; repoDir?: string | undefined }): Promise<PlanSpecs> {
  if (where.explicit) return { docs: [where.explicit], missing: [] };
  const named = namedSpecs(plan);
  if (named.length === 0) return { docs: [], missing: [] };
  const planDir = where.planPath ? dirname(resolve(where.planPath)) : undefined;
  const dirs = roots(planDir, where.repoDir);
  if (dirs.length === 0) return { docs: [], missing: [] };
  // A spec is missing only where the repository is known: a plan copied out of its repository names paths that are elsewhere.
  const repoRoot = where.repoDir !== undefined ? resolve(where.repoDir) : planDir !== undefined ? await gitRoot(planDir) : undefined;
  const docs: SpecDoc[] = [];
  const missing: MissingSpec[] = [];
  const found: Text[] = [];
  const read = new Set<string>();
  for (const n of named) {
    const candidates = isAbsolute(n.text) ? [n.text] : dirs.map((d) => join(d, n.text));
    let file: string | undefined;
    for (const c of candidates) {
      if (await isFile(c)) {
        file = c;
        break;
      }
    }
    if (file === undefined) {
      if (repoRoot !== undefined) missing.push({ path: n.text, named: n, lookedIn: [...new Set([repoRoot, ...(planDir ? [planDir] : [])])] });
      continue;
    }
    // A link and its text often name one file twice (`[docs/…/x.md](../specs/x.md)`).
    if (read.has(file)) continue;
    read.add(file);
    try {
      docs.push({ path: n.text, text: await readFile(file, 'utf8') });
      found.push(n);
    } catch {
      missing.push({ path: n.text, named: n, lookedIn: [dirname(file)] });
    }
  }
  return { docs, missing, named: found };
}

/** The spec given with `--spec`: read whole, or an InputError-style message naming the file. */
export async function readSpecFile(path: string, cwd: string): Promise<SpecDoc | { error: string }> {
  const abs = resolve(cwd, path);
  if (!(await isFile(abs))) return { error: `--spec ${path}: no such file (looked for ${abs}); give the design spec the plan was written from` };
  try {
    const buf = await readFile(abs);
    if (buf.includes(0)) return { error: `--spec ${path}: not a text file; give the design spec's Markdown` };
    return { path, text: buf.toString('utf8') };
  } catch (err) {
    return { error: `--spec ${path}: cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})` };
  }
}
