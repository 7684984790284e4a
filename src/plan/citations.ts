/**
 * Code citations in prose: `path/to/file.go:123`, `file.go:10-20`, "`file.go` (line 42)",
 * "file.go lines 10–20". Read from Markdown prose and inline code, never from fenced code.
 */
import type { Outline } from './blocks.js';
import { span } from './source.js';
import type { Citation } from './types.js';

const PATH = String.raw`((?:[\w.-]+/)*[\w.-]+\.[A-Za-z][\w]{0,9})`;
const COLON_FORM = new RegExp(String.raw`(?<![\w/.-])` + PATH + String.raw`:(\d+)(?:\s*[-–]\s*(\d+))?(?![\w])`, 'g');
const PAREN_FORM = new RegExp('`' + PATH + String.raw`\`\s*\((?:at\s+)?lines?\s+(\d+)(?:\s*[-–]\s*(\d+))?\)`, 'g');
/** The last inline-code span right before a citation: "`NewFoo` at `foo.go:12`", "`x := f()` (foo.go:12)". */
const CODE_BEFORE = /`([^`]+)`\s*(?:\(|at|in|—|–|-|:)?\s*`?$/;
const COLON_DIGIT = /:\d/;
const IDENTIFIER = /^[A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*(?:\(\))?$/;

export function parseCitations(lines: readonly string[], o: Outline): Citation[] {
  const out: Citation[] = [];
  for (let l = 1; l <= lines.length; l++) {
    if (o.codeMask[l]) continue;
    const lineText = lines[l - 1]!;
    if (!/\d/.test(lineText)) continue;
    for (const re of [COLON_FORM, PAREN_FORM]) {
      // Cheap necessary conditions: ":<digit>" for the colon form, "line" for the parenthesised one.
      if (re === COLON_FORM ? !COLON_DIGIT.test(lineText) : !lineText.includes('line')) continue;
      re.lastIndex = 0;
      for (let m = re.exec(lineText); m; m = re.exec(lineText)) {
        const path = m[1]!;
        if (/^\d+(\.\d+)*$/.test(path) || /^v\d/.test(path)) continue; // versions, not files
        const startLine = Number(m[2]);
        const endLine = m[3] ? Number(m[3]) : startLine;
        const before = lineText.slice(Math.max(0, m.index - 80), m.index);
        const code = CODE_BEFORE.exec(before)?.[1];
        const isIdentifier = code !== undefined && IDENTIFIER.test(code) && !/\.[A-Za-z]{1,4}$/.test(code);
        out.push({
          path,
          startLine,
          endLine: Math.max(startLine, endLine),
          // `pkg.Func` / `Type.Method()` → the last segment is what is declared at the line.
          symbol: isIdentifier ? code.replace(/\(\)$/, '').split('.').pop() : undefined,
          quote: code !== undefined && !isIdentifier && !code.includes(path) ? code : undefined,
          span: span(l, m.index + 1, l, m.index + m[0].length + 1),
        });
      }
    }
  }
  return out;
}
