/**
 * Renderings of a construction-site audit: JSON for tools, and Markdown that pastes straight
 * into a plan's Phase 0 (a `file:line` per site, which the grounding rules can check later).
 */
import type { ConstructionSite, SiteKind } from '../repo/types.js';
import type { SiteAudit } from '../ground/sites.js';

export interface SitesJson {
  type: string;
  sites: Array<{
    file: string;
    line: number;
    column: number;
    kind: SiteKind;
    enclosing: string | null;
    via?: string;
  }>;
}

export function sitesJson(audit: SiteAudit): SitesJson {
  return {
    type: audit.type,
    sites: audit.sites.map((s) => ({
      file: s.file,
      line: s.line,
      column: s.column,
      kind: s.kind,
      enclosing: s.enclosing ?? null,
      ...(s.via === undefined ? {} : { via: s.via }),
    })),
  };
}

export function formatSitesMarkdown(audit: SiteAudit): string {
  const { sites } = audit;
  if (sites.length === 0) return `No construction sites of \`${audit.type}\` found${where(audit)}.\n`;
  const files = new Set(sites.map((s) => s.file)).size;
  const lines = [
    `**Construction sites of \`${audit.type}\`:** ${sites.length} ${plural(sites.length, 'site')} in ${files} ${plural(files, 'file')}${where(audit)} (${kindCounts(sites)}).`,
    '',
    '| # | Site | Kind | Enclosing |',
    '|---|------|------|-----------|',
    ...sites.map(
      (s, i) =>
        `| ${i + 1} | \`${cell(`${s.file}:${s.line}`)}\` | ${s.kind}${s.via ? ` (\`${cell(s.via)}\`)` : ''} | ${s.enclosing ? `\`${cell(s.enclosing)}\`` : '—'} |`,
    ),
  ];
  if (audit.skipped.length > 0) {
    lines.push('', `Not searched (unreadable): ${audit.skipped.map((f) => `\`${cell(f.file)}\``).join(', ')}.`);
  }
  return `${lines.join('\n')}\n`;
}

function where(audit: SiteAudit): string {
  return audit.revision === undefined ? '' : ` at ${audit.revision.slice(0, 12)}`;
}

function kindCounts(sites: readonly ConstructionSite[]): string {
  const counts = new Map<string, number>();
  for (const s of sites) counts.set(s.kind, (counts.get(s.kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => `${n} ${kind}`).join(', ');
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}

/** A pipe would end the table cell; backticks would end the code span. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/`/g, "'");
}
