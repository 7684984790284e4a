/**
 * Phase 0 context for a source of work: the code it names and where that is declared, the
 * construction sites of the types it names, the callers of the functions and the uses of the
 * fields it names (what a signature change or a moved field touches), where the CLI flags it names
 * are registered, the files it names and whether they exist, the project's invariants that
 * mention them, and a DEVIATION list of what the repository lacks. Names that are not code of the
 * repository (configuration keys, other packages, built-ins) are listed apart, not as DEVIATIONs.
 */
import type { Config } from '../config/types.js';
import type { ConstructionSite, Declaration, Use } from '../repo/types.js';
import { findMentions, looksLikeCode } from './mentions.js';
import { notRepositoryCode, packageNames, type NotCodeReason } from './not-code.js';
import { listFilesCached, resolvePlanPath } from './resolve-path.js';
import { isTestFile } from './test-files.js';
import type { CodeState } from './types.js';
import { escapeRegExp } from '../escape-regexp.js';

export interface EntityFact {
  name: string;
  declarations: Declaration[];
  /** A function or method: where it is called (what a change of its signature touches). */
  callers?: Use[] | undefined;
  /** A field: where a field of its name is read or written (what moving it touches), of any type that has one. */
  uses?: Use[] | undefined;
}

export interface AuditFact {
  type: string;
  /** Other names the source gives the same type (`Request` beside `sim.Request`): the same sites. */
  also?: string[] | undefined;
  sites: ConstructionSite[];
}

export interface FlagFact {
  /** As the source writes it: `--cache-signal-delay`. */
  flag: string;
  /** Where it is registered: its name passed to a flag-defining call (`IntVar`, `add_argument`, `option`…). */
  registered: Use[];
  /** Every other string literal that spells its name (reads of the flag, tests, unrelated keys). */
  spelled: Use[];
}

/** Calls that define a command-line flag: cobra/pflag and flag (`IntVar`, `StringP`, `Bool`…), argparse, commander, click. */
export const FLAG_CALL = /^(?:(?:Bool|Int|Int64|Int32|Uint|Uint64|Float64|Float32|String|Duration|Var|StringSlice|StringArray|IntSlice|Count)(?:Var)?P?|Flag|add_argument|option|requiredOption|addOption)$/;

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

export interface NotCodeFact {
  name: string;
  reason: NotCodeReason | 'key or data name' | 'string value';
}

export interface ContextReport {
  source: string;
  revision: string;
  entities: EntityFact[];
  audits: AuditFact[];
  flags: FlagFact[];
  files: FileFact[];
  invariants: string[];
  deviations: Deviation[];
  /** Named in the source, not declared in the repository, and not its code either. */
  notCode: NotCodeFact[];
}

const TYPE_KINDS = new Set(['struct', 'class', 'type']);
const CALLABLE_KINDS = new Set(['function', 'method']);

export async function buildContext(sourceText: string, origin: string, state: CodeState, config: Config): Promise<ContextReport> {
  const mentions = findMentions(sourceText);
  const entities: EntityFact[] = [];
  const deviations: Deviation[] = [];
  const notCode: NotCodeFact[] = [];
  const repoFiles = await listFilesCached(state.repo);
  const packages = packageNames(repoFiles);
  const hasPython = repoFiles.some((f) => f.endsWith('.py'));

  // Each lookup searches the repository: they run side by side, and are reported in the source's order.
  const sitesOf = new Map<string, Promise<ConstructionSite[]>>();
  const audit = (type: string): Promise<ConstructionSite[]> => {
    let sites = sitesOf.get(type);
    if (!sites) sitesOf.set(type, (sites = state.index.constructionSites(type)));
    return sites;
  };
  const usesOf = new Map<string, Promise<Use[]>>();
  const uses = (name: string): Promise<Use[]> => {
    let found = usesOf.get(name);
    if (!found) usesOf.set(name, (found = state.index.uses(name)));
    return found;
  };
  const looked = await Promise.all(
    mentions.entities.map(async (name) => {
      let decls = await state.index.declarations(name);
      // "pkg.Type" names the type of one package: the qualifier is not a container in the index,
      // but it does narrow the declarations and the audit to that package. "Type.field" is a
      // member: when the type has none of that name, that is the answer.
      const dot = name.lastIndexOf('.');
      const qualified = decls.length === 0 && dot > 0 && packages.has(name.slice(0, dot).split(/[./]/).pop()!);
      if (qualified) {
        const all = await state.index.declarations(name.slice(dot + 1));
        const pkg = name.slice(0, dot).split(/[./]/).pop()!;
        const inPackage = all.filter((d) => d.file.split('/').slice(-2, -1)[0] === pkg);
        decls = inPackage.length > 0 ? inPackage : all;
      }
      const type = decls.find((d) => TYPE_KINDS.has(d.kind));
      const auditName = type && (qualified ? name : type.name);
      const bare = name.slice(dot + 1);
      const [sites, callers, fieldUses] = await Promise.all([
        auditName === undefined ? undefined : audit(auditName),
        !type && decls.some((d) => CALLABLE_KINDS.has(d.kind)) ? uses(bare).then((u) => u.filter((x) => x.kind === 'call')) : undefined,
        !type && decls.some((d) => d.kind === 'field') ? uses(bare).then((u) => u.filter((x) => x.kind === 'reference')) : undefined,
      ]);
      return { name, decls, auditName, sites, callers, fieldUses };
    }),
  );
  // A name declared nowhere may still be a value the code spells (a state `"Loading"`): not a DEVIATION.
  const spelledAsValue = new Set(
    await Promise.all(
      looked
        .filter((l) => l.decls.length === 0 && /^[\p{L}_][\p{L}\p{N}_]*$/u.test(l.name))
        .map(async (l) => ((await state.index.literals(l.name)).length > 0 ? l.name : '')),
    ),
  );
  const audits: AuditFact[] = [];
  for (const { name, decls, auditName, sites, callers, fieldUses } of looked) {
    if (decls.length === 0) {
      const reason =
        notRepositoryCode(name, packages) ??
        (spelledAsValue.has(name) ? 'string value' : !hasPython && /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/.test(name) ? 'key or data name' : undefined);
      if (reason !== undefined) notCode.push({ name, reason });
      else if (looksLikeCode(name)) deviations.push({ name, message: `\`${name}\` is named in the source but declared nowhere in ${state.label} (new in this work, or a wrong name?)` });
      continue;
    }
    entities.push({ name, declarations: decls, ...(callers ? { callers } : {}), ...(fieldUses ? { uses: fieldUses } : {}) });
    if (auditName === undefined || !sites || audits.some((a) => a.type === auditName || a.also?.includes(auditName))) continue;
    // `T` and `pkg.T` that find the same sites are one type: one audit, under its qualified name.
    const same = audits.find((a) => sameSites(a.sites, sites));
    if (same) {
      const qualified = auditName.includes('.') && !same.type.includes('.');
      same.also = [...(same.also ?? []), qualified ? same.type : auditName];
      if (qualified) same.type = auditName;
    } else {
      audits.push({ type: auditName, sites });
    }
  }

  const flags: FlagFact[] = await Promise.all(
    mentions.flags.map(async (flag) => {
      const literals = await state.index.literals(flag.replace(/^-+/, ''), { flag: true });
      const registers = (u: Use): boolean => u.callee !== undefined && FLAG_CALL.test(u.callee);
      return { flag, registered: literals.filter(registers), spelled: literals.filter((u) => !registers(u)) };
    }),
  );
  for (const f of flags) {
    if (f.registered.length === 0) {
      deviations.push({ name: f.flag, message: `the flag \`${f.flag}\` is named in the source but registered nowhere in ${state.label} (a new flag, or a wrong name?)` });
    }
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
    return words.some((w) => w.length > 2 && new RegExp(`\\b${escapeRegExp(w)}\\b`).test(lower));
  });

  return { source: origin, revision: state.label, entities, audits, flags, files, invariants, deviations, notCode };
}

function sameSites(a: readonly ConstructionSite[], b: readonly ConstructionSite[]): boolean {
  const key = (s: ConstructionSite): string => `${s.file}:${s.line}:${s.column}`;
  return a.length === b.length && a.every((s, i) => key(s) === key(b[i]!));
}

export interface RenderOptions {
  /** Every site, caller and use, not a summary of them. */
  details?: boolean | undefined;
}

/** How many places a summary names before it counts the rest. */
const SHOWN = 8;

const loc = (d: { file: string; line: number }): string => `\`${d.file}:${d.line}\``;
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const inFn = (p: { enclosing: string | undefined }): string => (p.enclosing ? ` in \`${p.enclosing}\`` : '');

/**
 * Places as a summary: those in production code by file:line (the first SHOWN), those in tests
 * counted per file: a test needs updating with its code, and is found by the compiler or the run.
 */
function summarize<P extends { file: string; line: number; enclosing: string | undefined }>(places: readonly P[], what: (p: P) => string): string {
  const production = places.filter((p) => !isTestFile(p.file));
  const tests = places.filter((p) => isTestFile(p.file));
  const parts: string[] = [];
  if (production.length > 0) {
    const shown = production.slice(0, SHOWN).map(what);
    parts.push(`${shown.join(', ')}${production.length > SHOWN ? `, and ${production.length - SHOWN} more` : ''}`);
  }
  if (tests.length > 0) {
    const perFile = new Map<string, number>();
    for (const t of tests) perFile.set(t.file, (perFile.get(t.file) ?? 0) + 1);
    parts.push(`${plural(tests.length, 'test site')} in ${plural(perFile.size, 'file')}`);
  }
  return parts.join('; ');
}

function counts(places: ReadonlyArray<{ file: string }>): string {
  const tests = places.filter((p) => isTestFile(p.file)).length;
  const files = new Set(places.map((p) => p.file)).size;
  return `${plural(places.length, 'place')} in ${plural(files, 'file')} (${places.length - tests} production, ${tests} test)`;
}

/** One place per line: two uses on a line (`x.F = y.F`) are one place to look at. */
function byLine<P extends { file: string; line: number }>(places: readonly P[]): P[] {
  const seen = new Set<string>();
  return places.filter((p) => {
    const key = `${p.file}:${p.line}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Production code first: where a flag is registered and read, before the tests that pass it. */
function productionFirst<P extends { file: string }>(places: readonly P[]): P[] {
  return [...places.filter((p) => !isTestFile(p.file)), ...places.filter((p) => isTestFile(p.file))];
}

export function renderContextMarkdown(r: ContextReport, options: RenderOptions = {}): string {
  const details = options.details === true;
  const out: string[] = [
    `## Phase 0: Component Context`,
    '',
    `Facts from ${r.revision} for ${r.source}, found by \`microplan context\`${details ? '' : ' (a summary: `--details` lists every site and use)'}.`,
    '',
  ];
  out.push('### Code the source names', '');
  if (r.entities.length === 0) out.push('- (none found)');
  for (const e of r.entities) {
    const shown = e.declarations.slice(0, 5).map((d) => `${d.kind}${d.container ? ` of \`${d.container}\`` : ''} at ${loc(d)}`).join(', ');
    let line = `- \`${e.name}\`: ${shown}${e.declarations.length > 5 ? `, … (${e.declarations.length} declarations)` : ''}`;
    const callers = e.callers && byLine(e.callers);
    const uses = e.uses && byLine(e.uses);
    const receivers = new Set(e.declarations.filter((d) => d.kind === 'method').map((d) => d.container));
    const anyOf = receivers.size > 1 ? ', as a method of any of these types' : '';
    if (callers) line += callers.length === 0 ? '; called nowhere' : `; called at ${counts(callers)}${anyOf}${details ? '' : `: ${summarize(callers, (c) => `${loc(c)}${inFn(c)}`)}`}`;
    if (uses) {
      const owners = new Set(e.declarations.filter((d) => d.kind === 'field').map((d) => d.container));
      const of = owners.size > 1 ? ', as a field of any of these types' : '';
      line += uses.length === 0 ? '; used nowhere' : `; used at ${counts(uses)}${of}${details ? '' : `: ${summarize(uses, (u) => `${loc(u)}${inFn(u)}`)}`}`;
    }
    out.push(line);
    if (details) {
      for (const c of callers ?? []) out.push(`  - called at ${loc(c)}${inFn(c)}`);
      for (const u of uses ?? []) out.push(`  - used at ${loc(u)}${inFn(u)}`);
    }
  }
  if (r.audits.length > 0) out.push('', '### Construction sites', '');
  for (const a of r.audits) {
    const name = `\`${a.type}\`${a.also ? ` (also written ${a.also.map((n) => `\`${n}\``).join(', ')})` : ''}`;
    if (a.sites.length === 0) {
      out.push(`- ${name}: none, the type is never constructed in the code`);
    } else if (details) {
      out.push(`- ${name}: ${counts(a.sites)}`, ...a.sites.map((s) => `  - ${loc(s)} — ${s.kind}${inFn(s)}`));
    } else {
      out.push(`- ${name}: ${counts(a.sites)}: ${summarize(a.sites, (s) => `${loc(s)} ${s.kind}${inFn(s)}`)}`);
    }
  }
  if (r.flags.length > 0) {
    out.push('', '### CLI flags the source names', '');
    for (const f of r.flags) {
      const registered = byLine(f.registered).map((u) => `${loc(u)}${inFn(u)}`);
      const spelled = productionFirst(byLine(f.spelled));
      const shown = spelled.slice(0, details ? undefined : 3).map((u) => `${loc(u)}${inFn(u)}`);
      const more = !details && spelled.length > 3 ? `, and ${spelled.length - 3} more` : '';
      const also = spelled.length === 0 ? '' : `; its name is spelled at ${shown.join(', ')}${more}`;
      out.push(`- \`${f.flag}\`: ${registered.length === 0 ? 'registered nowhere' : `registered at ${registered.join(', ')}`}${also}`);
    }
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
  if (r.notCode.length > 0) {
    out.push('', `Not code of this repository, so no DEVIATION: ${r.notCode.map((n) => `\`${n.name}\` (${n.reason})`).join(', ')}.`);
  }
  return out.join('\n') + '\n';
}
