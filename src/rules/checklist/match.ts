/**
 * Fuzzy matching of checklist items against the configured checklist. Real plans paraphrase
 * ("Shared test helpers: `captureLogOutput` is local…" for "Shared test helpers used from existing
 * shared test package"), so an item matches on its distinctive opening words or on most of its
 * words, after normalisation.
 */
import type { ChecklistEntry } from '../../config/types.js';
import type { ChecklistItem } from '../../plan/types.js';

const STOP = new Set(
  'a an the no not if of for to in on is are be been all and or any from with will by as its it this that new pr e g i via every each only when than'.split(' '),
);

/** Lower-case content words, lightly stemmed (plural / past-tense endings dropped). */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[`*_]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '' && !STOP.has(w))
    .map(stem);
}

function stem(w: string): string {
  if (w.length > 5 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 5 && /(?:ed|es)$/.test(w)) return w.slice(0, -2);
  if (w.length > 4 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  // "update" and "updated" (→ "updat") are one word.
  if (w.length > 4 && w.endsWith('e')) return w.slice(0, -1);
  return w;
}

// The configured entries are the same for every plan a config lints: their words and id patterns are built once.
const idPatterns = new Map<string, RegExp>();
function idPattern(id: string): RegExp {
  let re = idPatterns.get(id);
  if (!re) {
    // Ids are the project's own text ("AP(1)", "R.1"): matched literally, never as a pattern.
    re = new RegExp(`(?:^|[^A-Za-z0-9])${id.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}(?![0-9])`);
    idPatterns.set(id, re);
  }
  return re;
}

const wordsOf = new WeakMap<ChecklistEntry, string[]>();
function entryWords(entry: ChecklistEntry): string[] {
  let w = wordsOf.get(entry);
  if (!w) {
    w = words(entry.text);
    wordsOf.set(entry, w);
  }
  return w;
}

/** The checklist items' words: each item's set, and for each word the items that have it. */
export interface ItemWords {
  sets: Set<string>[];
  itemsWith: Map<string, number[]>;
}

export function itemWords(items: readonly ChecklistItem[]): ItemWords {
  const sets = items.map((it) => new Set(words(it.text.text)));
  const itemsWith = new Map<string, number[]>();
  sets.forEach((set, i) => {
    for (const w of set) {
      const list = itemsWith.get(w);
      if (list) list.push(i);
      else itemsWith.set(w, [i]);
    }
  });
  return { sets, itemsWith };
}

/** "R17-R23: N/A — …" and "R5–14" cover every id between their ends. */
export function inRange(id: string, text: string): boolean {
  const m = /^([A-Za-z]+)(\d+)$/.exec(id);
  if (!m) return false;
  const [, prefix, num] = m;
  const n = Number(num);
  const re = new RegExp(`(?:^|[^A-Za-z0-9])${prefix}(\\d+)\\s*(?:-|–|—|\\.\\.|to)\\s*(?:${prefix})?(\\d+)(?![0-9])`, 'g');
  for (const r of text.matchAll(re)) if (Number(r[1]) <= n && n <= Number(r[2])) return true;
  return false;
}

/** Whether some checklist item covers a configured entry (by id "R7" for antipatterns, else by words). */
export function covered(entry: ChecklistEntry, items: readonly ChecklistItem[], index: ItemWords): boolean {
  if (entry.id !== undefined) {
    const idText = entry.id;
    const id = idPattern(idText);
    // An id matches only where it is written: most items are ruled out by a substring search.
    if (items.some((it) => it.text.text.includes(idText) && id.test(it.text.text))) return true;
    if (items.some((it) => inRange(idText, it.text.text))) return true;
  }
  const want = entryWords(entry);
  if (want.length === 0) return true;
  // Only items sharing a word with the entry can cover it: their hits are counted from the index.
  const hits = new Map<number, number>();
  for (const w of want) for (const i of index.itemsWith.get(w) ?? []) hits.set(i, (hits.get(i) ?? 0) + 1);
  const head = want.slice(0, Math.min(2, want.length));
  for (const [i, n] of hits) {
    // Its distinctive opening words, or most (60%) of its words.
    if (head.every((w) => index.sets[i]!.has(w)) || n / want.length >= 0.6) return true;
  }
  return false;
}
