/**
 * `lint --fix`: applies the fixes diagnostics carry, and writes a file back only if nobody changed
 * it since it was read — microplan must never lose a user's work.
 */
import { open, stat } from 'node:fs/promises';
import type { Position } from '../plan/types.js';
import type { Fix } from '../rules/types.js';
import { parsePlan } from '../plan/parse.js';

/** Offset in `text` of a 1-based position; columns past the end of a line clamp to it. */
function offsetOf(text: string, lineStarts: readonly number[], p: Position): number {
  const lineIndex = Math.min(Math.max(p.line, 1), lineStarts.length) - 1;
  const start = lineStarts[lineIndex]!;
  const next = lineIndex + 1 < lineStarts.length ? lineStarts[lineIndex + 1]! - 1 : text.length;
  return Math.min(start + Math.max(p.column, 1) - 1, next);
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/**
 * Applies fixes that do not overlap (earlier-starting fix wins, as in ESLint); the rest are left
 * for a later pass. Returns the new text and how many fixes were applied.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): { text: string; applied: number } {
  if (fixes.length === 0) return { text, applied: 0 };
  const starts = lineStartsOf(text);
  const edits = fixes
    .map((f) => ({ from: offsetOf(text, starts, f.span.start), to: offsetOf(text, starts, f.span.end), replacement: f.replacement }))
    .filter((e) => e.to >= e.from)
    .sort((a, b) => a.from - b.from || a.to - b.to);
  let out = '';
  let at = 0;
  let applied = 0;
  for (const e of edits) {
    // Touching is fine for replacements, but two insertions at one point would be ambiguous.
    if (e.from < at || (applied > 0 && e.from === at && e.from === e.to)) continue;
    out += text.slice(at, e.from) + e.replacement;
    at = e.to;
    applied++;
  }
  return { text: out + text.slice(at), applied };
}

/** The file's own conventions (BOM, CRLF) put back on normalised text before writing. */
export function restoreEncoding(normalised: string, original: string): string {
  const bom = original.charCodeAt(0) === 0xfeff;
  const crlf = original.includes('\r\n');
  const body = crlf ? normalised.replace(/\n/g, '\r\n') : normalised;
  return bom ? '\ufeff' + body : body;
}

export class FileChangedError extends Error {
  override name = 'FileChangedError';
}

/** The file is read-only: its owner made it so, and a linter does not override that. */
export class ReadOnlyError extends Error {
  override name = 'ReadOnlyError';
}

/**
 * Writes `text` into the file at `path` in place, provided it still holds `expected` bytes. In
 * place, not through a new file and a rename: a symlink stays a link and its target is what
 * changes, hard links keep sharing the file, and the owner and mode stay as they were. A file
 * without write permission for anyone is refused, even for root, who could write it.
 */
export async function writeIfUnchanged(path: string, expected: Buffer, text: string): Promise<void> {
  const { mode } = await stat(path);
  if ((mode & 0o222) === 0) {
    throw new ReadOnlyError('read-only file, fixes not written: make it writable (chmod u+w) to apply them');
  }
  const file = await open(path, 'r+');
  try {
    const current = await file.readFile();
    if (!current.equals(expected)) {
      throw new FileChangedError('changed on disk while it was being linted, fixes not written: run again');
    }
    const bytes = Buffer.from(text, 'utf8');
    await file.write(bytes, 0, bytes.length, 0);
    await file.truncate(bytes.length);
  } finally {
    await file.close();
  }
}

/**
 * The plan text with its recorded `**Base:**` set to `sha` (the field added after the header's
 * last field when there is none): after `lint --fix --against <rev>` rewrote citations to the
 * lines of <rev>, the plan is read against <rev> from then on.
 */
export function recordBase(text: string, sha: string): string {
  const plan = parsePlan(text, '<plan>');
  const lines = text.split('\n');
  const field = plan.header.find((f) => /^base( commit)?$/i.test(f.label));
  if (field) {
    const { start, end } = field.value.span;
    const old = field.value.text;
    const value = old.trim().startsWith('`') ? `\`${sha}\`` : sha;
    if (start.line === end.line) {
      const line = lines[start.line - 1]!;
      lines[start.line - 1] = line.slice(0, start.column - 1) + value + line.slice(end.column - 1);
      return lines.join('\n');
    }
    return text;
  }
  const last = plan.header.reduce((n, f) => Math.max(n, f.value.span.end.line), 0);
  if (last === 0) return text;
  lines.splice(last, 0, `**Base:** ${sha}`);
  return lines.join('\n');
}
