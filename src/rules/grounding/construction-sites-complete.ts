import type { Finding, Rule } from '../types.js';
import type { WrittenAudit } from '../../plan/types.js';
import { normalizePlanPath } from '../../ground/resolve-path.js';

/** A site counts as listed when a citation names its file (full path or unique suffix) and a line range within 2 lines of it. */
function isListed(site: { file: string; line: number }, listed: WrittenAudit['listed']): boolean {
  return listed.some((c) => {
    const p = normalizePlanPath(c.path);
    const sameFile = site.file === p || site.file.endsWith(`/${p}`);
    return sameFile && site.line >= c.startLine - 2 && site.line <= c.endLine + 2;
  });
}

export const constructionSitesComplete: Rule = {
  id: 'construction-sites-complete',
  family: 'grounding',
  severity: 'error',
  formats: ['full', 'compact'],
  needsRepo: true,
  description:
    'A construction-site audit in the plan ("Construction sites of `T`: …") lists every place the code constructs `T`: struct/composite literals, `new T(…)`, typed object literals, factory functions and their calls, as the code index finds them. Missing sites are listed with file:line.',
  instruction:
    'For every type this PR adds fields to, write "Construction sites of `Type`:" followed by every site as `path:line` (run `microplan sites Type` to list them), and cover each one in a task.',
  async check(plan, { grounding }) {
    if (!grounding) return [];
    const out: Finding[] = [];
    const audits = plan.audits;
    // The searches run side by side; findings keep the plan's order.
    const found = await Promise.all(audits.map((audit) => grounding.index.constructionSites(audit.typeName)));
    for (const [i, audit] of audits.entries()) {
      const sites = found[i] ?? [];
      const missing = sites.filter((s) => !isListed(s, audit.listed));
      if (missing.length === 0) continue;
      const shown = missing.slice(0, 12).map((s) => `${s.file}:${s.line}${s.enclosing ? ` (${s.enclosing})` : ''}`);
      const more = missing.length > 12 ? `, … ${missing.length - 12} more (run \`microplan sites ${audit.typeName}\`)` : '';
      out.push({
        message: `The construction-site audit of \`${audit.typeName}\` misses ${missing.length} of ${sites.length} site${sites.length === 1 ? '' : 's'}: ${shown.join(', ')}${more}. List each and cover it in a task.`,
        span: audit.span,
      });
    }
    return out;
  },
};
