import type { Finding, Rule } from '../types.js';
import type { WrittenAudit } from '../../plan/types.js';
import type { ConstructionSite } from '../../repo/types.js';
import { normalizePlanPath } from '../../ground/resolve-path.js';
import { isTestFile } from '../../ground/test-files.js';

function sameFile(site: string, written: string): boolean {
  const p = normalizePlanPath(written);
  return site === p || site.endsWith(`/${p}`);
}

/** A function as the plan names it (`NewSimulator()`, `ClusterSimulator.emitProgress`) is the site's, or the factory it calls. */
function namesFunction(names: readonly string[], fn: string | undefined): boolean {
  if (fn === undefined) return false;
  const bare = fn.slice(fn.lastIndexOf('.') + 1);
  return names.some((n) => n === fn || n === bare || n.endsWith(`.${fn}`));
}

/**
 * A site counts as listed when the audit cites its file and a line range within 2 lines of it
 * (of any of its lines),
 * names its file without lines (all of that file's sites), names the function it is in or the
 * factory it calls, or, for a site in test code, speaks of the tests' sites together.
 */
function isListed(site: ConstructionSite, audit: WrittenAudit): boolean {
  // A citation of any line of the construction (a field of a literal) names it.
  const near = (start: number, end: number): boolean => start <= site.endLine + 2 && end >= site.line - 2;
  if (audit.listed.some((c) => sameFile(site.file, c.path) && near(c.startLine, c.endLine))) return true;
  for (const l of audit.locations) {
    if (!sameFile(site.file, l.path)) continue;
    if (l.function !== undefined ? namesFunction([l.function], site.enclosing) : l.ranges.length === 0 || l.ranges.some(([a, b]) => near(a, b))) return true;
  }
  if (namesFunction(audit.names, site.enclosing) || namesFunction(audit.names, site.via)) return true;
  return audit.testsAccounted && isTestFile(site.file);
}

/** `Request` and `sim.Request`: the same type name, one of them qualified. */
function sameBareName(a: string, b: string): boolean {
  return a !== b && a.slice(a.lastIndexOf('.') + 1) === b.slice(b.lastIndexOf('.') + 1);
}

export const constructionSitesComplete: Rule = {
  id: 'construction-sites-complete',
  family: 'grounding',
  severity: 'error',
  formats: ['full', 'compact'],
  needsRepo: true,
  description:
    'A construction-site audit in the plan (a list or table of sites under a lead such as "Construction sites of `T`:") lists every place the code constructs `T`: struct/composite literals, `new T(…)`, typed object literals, factory functions and their calls, as the code index finds them. A site counts as listed by its `file:line`, by its file, by the function it is in or the factory it calls; test sites, when the audit accounts for the tests together. Missing sites are listed with file:line. Problem statements, task steps and checklist items that mention construction sites are not audits.',
  instruction:
    'For every type this PR adds fields to, write "Construction sites of `Type`:" followed by every site as `path:line` (run `microplan sites Type` to list them), and cover each one in a task.',
  async check(plan, { grounding }) {
    if (!grounding) return [];
    const out: Finding[] = [];
    // A type audited twice is reported once, at its first audit; a site either lists counts.
    const audits = plan.audits.filter((a, i) => plan.audits.findIndex((b) => b.typeName === a.typeName) === i);
    // The searches run side by side; findings keep the plan's order.
    const found = await Promise.all(audits.map((audit) => grounding.index.constructionSites(audit.typeName)));
    // `T` and `pkg.T` whose searches find the same sites are one type (told apart when they differ).
    const key = (sites: readonly ConstructionSite[]): string => sites.map((s) => `${s.file}:${s.line}:${s.column}`).join('\n');
    const typeOf = audits.map((audit, i) => audits.findIndex((b, j) => j <= i && (b.typeName === audit.typeName || sameBareName(b.typeName, audit.typeName)) && key(found[j] ?? []) === key(found[i] ?? [])));
    for (const [i, audit] of audits.entries()) {
      if (typeOf[i] !== i) continue;
      const names = new Set(audits.filter((_, j) => typeOf[j] === i).map((a) => a.typeName));
      const written = plan.audits.filter((a) => names.has(a.typeName));
      const sites = found[i] ?? [];
      const missing = sites.filter((s) => !written.some((a) => isListed(s, a)));
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
