/** Compact, comparable renderings of construction sites for exact-set assertions. */
import type { ConstructionSite } from '../../src/repo/types.js';

/** "file:line kind enclosing [via]" — one string per site, sorted. */
export function siteLines(sites: readonly ConstructionSite[]): string[] {
  return sites
    .map((s) => [`${s.file}:${s.line}`, s.kind, s.enclosing ?? '-', ...(s.via ? [`via ${s.via}`] : [])].join(' '))
    .sort();
}
