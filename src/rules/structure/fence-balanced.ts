import { lineSpan } from '../../plan/source.js';
import type { Rule } from '../types.js';

const indent = (line: string | undefined): number => (line ?? '').length - (line ?? '').trimStart().length;

export const fenceBalanced: Rule = {
  id: 'fence-balanced',
  family: 'structure',
  severity: 'error',
  formats: ['full', 'compact', 'superpowers'],
  description:
    'Every code block is closed, and a block that shows another block (a ```` ```markdown ```` snippet holding a ```` ```bash ```` one) is opened with a longer fence than the one inside, and a fence indented in a list item is closed at the same indentation, with its code indented as far. Otherwise CommonMark ends the outer block at the inner closing fence and everything after it — prose, section headings, tasks — renders as code for the reviewer. The problem is reported once, at the opening fence; the other checks read the plan as the author meant it.',
  instruction:
    'Close every code block. To show a fenced block inside another (a Markdown snippet that contains code), open and close the outer block with four backticks (````markdown … ````).',
  check(plan) {
    return plan.fenceProblems.map((p) => {
      const marker = /^[`~]+/.exec(p.opener)?.[0] ?? '```';
      const longer = marker[0]!.repeat(marker.length + 1);
      const message =
        p.kind === 'dedented'
          ? indent(plan.lines[p.closeLine - 1]) >= indent(plan.lines[p.line - 1])
            ? `This fence is indented in a list item, but its code at line ${p.innerLine} is not, so CommonMark ends the block with the list item there and the fence at line ${p.closeLine} opens a new block that reads what follows as code: indent the code like this fence.`
            : `This fence is indented in a list item, but the fence that closes it (line ${p.closeLine}) is not, so CommonMark ends the block with the list item and the fence at line ${p.closeLine} opens a new block that reads what follows as code: indent the code and that fence like this one.`
          : p.kind === 'nested'
          ? `This code block holds another fenced block (line ${p.innerLine}), so CommonMark ends it at the inner block's closing fence and reads what follows as code: open it with ${longer}${p.opener.slice(marker.length)} and close it with ${longer} at line ${p.closeLine}.`
          : `This fence opens a code block that is never closed, so everything after it${p.innerLine ? ` (from the heading at line ${p.innerLine})` : ''} renders as code: close it with ${marker} where the code ends, or delete it if it was meant to close the block above.`;
      return { message, span: lineSpan(plan.lines, p.line) };
    });
  },
};
