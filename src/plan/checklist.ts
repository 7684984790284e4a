/** Checklist items: `- [ ] text` / `- [x] text` list items (GFM task-list syntax). */
import type { Outline } from './blocks.js';
import { span } from './source.js';
import type { ChecklistItem } from './types.js';

const BOX = /^(\s*(?:[-*+]|\d+[.)])\s+)\[([ xX])\]\s+(.*)$/;

export function parseChecklist(lines: readonly string[], o: Outline, from: number, to: number): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  for (const item of o.listItems) {
    if (item.line < from || item.line > to) continue;
    const lineText = lines[item.line - 1] ?? '';
    const m = BOX.exec(lineText);
    if (!m) continue;
    const textStart = lineText.length - m[3]!.length;
    items.push({
      checked: m[2] !== ' ',
      text: { text: m[3]!.trimEnd(), span: span(item.line, textStart + 1, item.line, lineText.trimEnd().length + 1) },
      span: span(item.line, m[1]!.length + 1, item.line, lineText.trimEnd().length + 1),
    });
  }
  return items;
}
