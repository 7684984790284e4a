/**
 * Models rarely answer with the bare document: they wrap it in a ```markdown fence, open with
 * "Here is the plan:", or close with an offer to help. The plan is what lies between: inside the
 * wrapping fence when there is one, from the "# … Implementation Plan" title on.
 */

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})\s*([A-Za-z0-9_-]*)\s*$/;
const PLAN_TITLE = /^#[ \t]+\S.*implementation plan[ \t]*#*[ \t]*$/i;
const H1 = /^#[ \t]+\S/;

export function extractPlan(answer: string): string {
  const lines = answer.replace(/\r\n?/g, '\n').split('\n');
  const inner = unwrapFence(lines) ?? lines;
  let start = inner.findIndex((l) => PLAN_TITLE.test(l));
  // Without a proper title, a level-1 heading still marks where the document starts.
  if (start === -1) start = inner.findIndex((l) => H1.test(l));
  const body = start > 0 ? inner.slice(start) : inner;
  return `${trimBlankLines(body).join('\n')}\n`;
}

/**
 * The lines inside a fence that wraps the document, if the answer has one. A wrapping fence is
 * labelled markdown/md, or unlabelled with a level-1 heading as its first line. Inner fences
 * (```go inside the plan) often reuse the same backticks, so the wrapper closes at the LAST
 * matching fence line, not the first; an unclosed wrapper (a cut-off answer) runs to the end.
 */
function unwrapFence(lines: string[]): string[] | undefined {
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE_OPEN.exec(lines[i]!);
    if (!open) {
      // Only preamble may precede the wrapper: once the plan itself has started, stop looking.
      if (H1.test(lines[i]!)) return undefined;
      continue;
    }
    const marker = open[1]!;
    const info = open[2]!.toLowerCase();
    const first = lines.slice(i + 1).find((l) => l.trim() !== '');
    const wraps = info === 'markdown' || info === 'md' || (info === '' && first !== undefined && H1.test(first));
    if (!wraps) return undefined;
    const close = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
    let end = lines.length;
    for (let j = lines.length - 1; j > i; j--) {
      if (close.test(lines[j]!)) {
        end = j;
        break;
      }
    }
    return lines.slice(i + 1, end);
  }
  return undefined;
}

function trimBlankLines(lines: string[]): string[] {
  let a = 0;
  let b = lines.length;
  while (a < b && lines[a]!.trim() === '') a++;
  while (b > a && lines[b - 1]!.trim() === '') b--;
  return lines.slice(a, b);
}
