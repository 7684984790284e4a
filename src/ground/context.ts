/**
 * Phase 0 context for a source of work: the code it names and where that is declared, the
 * construction sites of the types it names, the files it names and whether they exist, the
 * project's invariants that mention them, and a DEVIATION list of what the repository lacks.
 */
import type { Config } from '../config/types.js';
import type { ConstructionSite, Declaration } from '../repo/types.js';
import { findMentions, looksLikeCode } from './mentions.js';
import { resolvePlanPath } from './resolve-path.js';
import type { CodeState } from './types.js';

export interface EntityFact {
  name: string;
  declarations: Declaration[];
}

export interface AuditFact {
  type: string;
  sites: ConstructionSite[];
}

export interface FileFact {
  path: string;
  exists: boolean;
  /** The repository path when the source wrote a shortened one. */
  resolved?: string | undefined;
  candidates?: string[] | undefined;
}

export interface Deviation {
  name: string;
  message: string;
}

export interface ContextReport {
  source: string;
  revision: string;
  entities: EntityFact[];
  audits: AuditFact[];
  files: FileFact[];
  invariants: string[];
  deviations: Deviation[];
}

const TYPE_KINDS = new Set(['struct', 'class', 'type']);

export async function buildContext(sourceText: string, origin: string, state: CodeState, config: Config): Promise<ContextReport> {
  const mentions = findMentions(sourceText);
  const entities: EntityFact[] = [];
  const audits: AuditFact[] = [];
  const deviations: Deviation[] = [];

  // Each lookup searches the repository: they run side by side, and are reported in the source's order.
  const sitesOf = new Map<string, Promise<ConstructionSite[]>>();
  const audit = (type: string): Promise<ConstructionSite[]> => {
    let sites = sitesOf.get(type);
    if (!sites) sitesOf.set(type, (sites = state.index.constructionSites(type)));
    return sites;
  };
  const looked = await Promise.all(
    mentions.entities.map(async (name) => {
      let decls = await state.index.declarations(name);
      // "pkg.Type" names the type; the package qualifier is not a container in the index, but it
      // does narrow the audit to that package's type.
      const qualified = decls.length === 0 && name.includes('.');
      if (qualified) decls = await state.index.declarations(name.slice(name.lastIndexOf('.') + 1));
      const type = decls.find((d) => TYPE_KINDS.has(d.kind));
      const auditName = type && (qualified ? name : type.name);
      return { name, decls, auditName, sites: auditName === undefined ? undefined : await audit(auditName) };
    }),
  );
  for (const { name, decls, auditName, sites } of looked) {
    if (decls.length === 0) {
      if (looksLikeCode(name)) {
        deviations.push({ name, message: `\`${name}\` is named in the source but declared nowhere in ${state.label}` });
      }
      continue;
    }
    entities.push({ name, declarations: decls });
    if (auditName !== undefined && sites && !audits.some((a) => a.type === auditName)) audits.push({ type: auditName, sites });
  }

  const files: FileFact[] = [];
  for (const path of mentions.files) {
    const r = await resolvePlanPath(state.repo, path);
    if (r.kind === 'exact') files.push({ path, exists: true });
    else if (r.kind === 'suffix') files.push({ path, exists: true, resolved: r.path });
    else if (r.kind === 'ambiguous') files.push({ path, exists: true, candidates: r.candidates });
    else {
      files.push({ path, exists: false });
      deviations.push({ name: path, message: `${path} does not exist in ${state.label} (a new file, or a wrong path?)` });
    }
  }

  const words = [...entities.map((e) => e.name.split('.').pop()!), ...files.map((f) => f.path.split('/').pop()!.replace(/\.\w+$/, ''))].map((w) => w.toLowerCase());
  const invariants = config.invariants.filter((inv) => {
    const lower = inv.toLowerCase();
    return words.some((w) => w.length > 2 && new RegExp(`\\b${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(lower));
  });

  return { source: origin, revision: state.label, entities, audits, files, invariants, deviations };
}

const loc = (d: { file: string; line: number }): string => `\`${d.file}:${d.line}\``;

export function renderContextMarkdown(r: ContextReport): string {
  const out: string[] = [`## Phase 0: Component Context`, '', `Facts from ${r.revision} for ${r.source}, found by \`microplan context\`.`, ''];
  out.push('### Code the source names', '');
  if (r.entities.length === 0) out.push('- (none found)');
  for (const e of r.entities) {
    const shown = e.declarations.slice(0, 5).map((d) => `${d.kind} at ${loc(d)}`).join(', ');
    out.push(`- \`${e.name}\`: ${shown}${e.declarations.length > 5 ? `, … (${e.declarations.length} declarations)` : ''}`);
  }
  for (const a of r.audits) {
    out.push('', `### Construction sites of \`${a.type}\``, '');
    if (a.sites.length === 0) out.push('- none: the type is never constructed in the code');
    for (const s of a.sites) out.push(`- ${loc(s)} — ${s.kind}${s.enclosing ? ` in \`${s.enclosing}\`` : ''}`);
  }
  if (r.files.length > 0) {
    out.push('', '### Files the source names', '');
    for (const f of r.files) {
      out.push(
        `- \`${f.path}\`: ${f.exists ? (f.resolved ? `exists as \`${f.resolved}\`` : f.candidates ? `ambiguous (${f.candidates.map((c) => `\`${c}\``).join(', ')})` : 'exists') : 'does not exist'}`,
      );
    }
  }
  if (r.invariants.length > 0) {
    out.push('', '### Invariants that mention them', '', ...r.invariants.map((i) => `- ${i}`));
  }
  out.push('', '### DEVIATION flags', '');
  if (r.deviations.length === 0) out.push('- None: everything the source names is in the repository.');
  for (const d of r.deviations) out.push(`- DEVIATION: ${d.message}.`);
  return out.join('\n') + '\n';
}
