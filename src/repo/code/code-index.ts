/**
 * The code index: answers declaration, enclosing-declaration and construction-site questions
 * over a Repository. Files are found with a textual prefilter (`git grep` for the name, or the
 * name before `{`, `(`…, which only narrows the candidates), then parsed lazily with tree-sitter;
 * all structure comes from the parse trees. Whole-file trees are cached; a site or call search
 * may parse only the declarations that can hold an answer (a module's siteText/callText).
 */
import type { SgNode } from '@ast-grep/napi';
import { decodeBytes } from '../limits.js';
import { RepoError, type CodeIndex, type ConstructionSite, type Declaration, type Language, type Repository, type SearchScope, type Use } from '../types.js';
import { codeReaders } from '../../languages/index.js';
import { ensureGrammars, type Grammar } from './grammars.js';
import { factoryNames, type Factory, type FileSites, type LanguageModule, type LocatedDeclaration } from './language.js';
import { TaskQueue } from './task-queue.js';
import { grepPatterns, type TextNeedle } from './prefilter.js';
import { contentDigest, type SiteCache, type SiteCaches } from './site-cache.js';
import { parseTypeQuery, type TypeQuery } from './type-query.js';
import { literalsIn, usesIn, type FileUse } from './uses.js';

/** The readers of the languages the registry (src/languages/) lists. */
export const LANGUAGE_MODULES: readonly LanguageModule[] = codeReaders();

/** A file the index could not use, and why (it is left out of every answer). */
export interface SkippedFile {
  file: string;
  reason: string;
}

/**
 * A readable source file; its text is decoded and its tree built on first use, so a file the
 * cache answers for is never decoded and a prefiltered-out file never parsed.
 */
class SourceFile {
  root: SgNode | undefined;
  declarations: LocatedDeclaration[] | undefined;
  private decoded: string | undefined;
  private digested: string | undefined;

  constructor(
    readonly module: LanguageModule,
    readonly grammar: Grammar,
    private readonly bytes: Uint8Array,
  ) {}

  get text(): string {
    this.decoded ??= decodeBytes(this.bytes);
    return this.decoded;
  }

  /** The bytes' contentDigest, for cache keys. */
  get digest(): string {
    this.digested ??= contentDigest(this.bytes);
    return this.digested;
  }
}

const NO_SITES: FileSites = { sites: [], factories: [] };

export interface CodeIndexOptions {
  /** Parsed trees kept in memory; older ones are dropped and re-parsed on demand. */
  maxCachedFiles?: number;
  /**
   * Persistent per-file site results (see site-cache.ts): a file whose bytes the type's cache
   * has seen is not parsed. Results are the same with or without them.
   */
  siteCaches?: SiteCaches | undefined;
}

export interface SiteSearchOptions {
  language?: Language;
  /**
   * Also report calls of factory functions (default true). Off, only the syntactic sites are
   * searched, which is faster: finding callers reads every file that names a factory.
   */
  factories?: boolean;
}

const READ_CONCURRENCY = 32;
/** Factories calling factories: rounds of call-site search before giving up on deeper chains. */
const MAX_FACTORY_ROUNDS = 4;

export class RepositoryCodeIndex implements CodeIndex {
  /** Files left out because reading them failed (unreadable, symlink out of the root, …). */
  readonly skipped: SkippedFile[] = [];
  private readonly cache = new Map<string, Promise<SourceFile | undefined>>();
  private readonly maxCachedFiles: number;
  private readonly siteCaches: SiteCaches | undefined;

  constructor(
    readonly repo: Repository,
    options: CodeIndexOptions = {},
  ) {
    this.maxCachedFiles = options.maxCachedFiles ?? 4000;
    this.siteCaches = options.siteCaches;
  }

  async declarations(name: string, options?: { file?: string }): Promise<Declaration[]> {
    const dot = name.lastIndexOf('.');
    const bare = name.slice(dot + 1);
    const container = dot === -1 ? undefined : name.slice(0, dot);
    const named = (d: LocatedDeclaration): boolean => d.name === bare && (container === undefined || d.container === container);
    if (options?.file !== undefined) return (await this.fileDeclarations(options.file)).filter(named).map(publicDeclaration);
    // Indexed by the order git names the files, so the answer's order does not depend on which parse ends first.
    const perFile: LocatedDeclaration[][] = [];
    await this.eachFileMatching({ words: [bare] }, { extensions: allExtensions(LANGUAGE_MODULES) }, async (file, order) => {
      perFile[order] = await this.fileDeclarations(file);
    });
    return perFile.flat().filter(named).map(publicDeclaration);
  }

  async enclosing(file: string, line: number): Promise<Declaration | undefined> {
    let best: LocatedDeclaration | undefined;
    for (const decl of await this.fileDeclarations(file)) {
      if (decl.startLine > line || decl.endLine < line) continue;
      // Innermost: the latest start, then the earliest end.
      if (!best || decl.startLine > best.startLine || (decl.startLine === best.startLine && decl.endLine < best.endLine)) {
        best = decl;
      }
    }
    return best && publicDeclaration(best);
  }

  async uses(name: string): Promise<Use[]> {
    return this.eachUse([name], (root) => usesIn(root, name));
  }

  async literals(text: string, options?: { flag?: boolean }): Promise<Use[]> {
    return this.eachUse([text], (root) => literalsIn(root, text, options?.flag === true));
  }

  /** What `find` answers in every file that contains the words, with enclosing functions; in file and line order. */
  private async eachUse(words: string[], find: (root: SgNode) => FileUse[]): Promise<Use[]> {
    const perFile: Use[][] = [];
    await this.eachFileMatching({ words }, { extensions: allExtensions(LANGUAGE_MODULES) }, async (file, order) => {
      const source = await this.source(file);
      if (!source) return;
      const found = find(await this.treeAsync(source));
      perFile[order] = await Promise.all(
        found.map(async (u) => {
          const decl = await this.enclosing(file, u.line);
          const fn = decl && (decl.kind === 'function' || decl.kind === 'method') ? decl : undefined;
          return { file, ...u, enclosing: fn && (fn.container ? `${fn.container}.${fn.name}` : fn.name) };
        }),
      );
    });
    return perFile.flat().sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column);
  }

  async constructionSites(typeName: string, options?: SiteSearchOptions): Promise<ConstructionSite[]> {
    const type = parseTypeQuery(typeName);
    const language = options?.language;
    const modules = LANGUAGE_MODULES.filter((m) => language === undefined || m.languages.includes(language));
    // Side by side: each language's searches are mostly waiting for git.
    const cache = this.siteCaches?.forType(typeName);
    const perModule = await Promise.all(modules.map((module) => this.moduleSites(module, type, language, options?.factories ?? true, cache)));
    return dedupeAndSort(perModule.flat());
  }

  private async moduleSites(
    module: LanguageModule,
    type: TypeQuery,
    language: Language | undefined,
    withFactories: boolean,
    cache: SiteCache | undefined,
  ): Promise<ConstructionSite[]> {
    const extensions = language === undefined ? allExtensions([module]) : module.extensionsFor(language);
    const sites: ConstructionSite[] = [];
    let frontier: Factory[] = [];
    const search = { cache, part: `${module.languages[0]}:sites` };
    await this.eachFileMatching(module.siteNeedles(type), { extensions }, async (file) => {
      const source = await this.source(file);
      if (!source) return;
      const found = await this.remembered(search, file, source, async () =>
        source.module.mayConstruct(source.text, type)
          ? source.module.sites(await this.partialTree(source, source.module.siteText?.(source.text, type)), file, type)
          : NO_SITES,
      );
      sites.push(...found.sites);
      frontier.push(...found.factories);
    }, cache === undefined);
    if (!withFactories) return sites;
    // Calls of factories construct the type too; a function returning T that calls one is
    // itself a factory, so search again for its callers, a few levels deep.
    const seen = new Set(frontier.map(factoryKey));
    for (let round = 0; round < MAX_FACTORY_ROUNDS && frontier.length > 0; round++) {
      // In a fixed order: files finish parsing in any order, and where two factories of one name
      // could be the callee (methods of different types), the first listed is reported.
      const current = frontier.sort((a, b) => (factoryKey(a) < factoryKey(b) ? -1 : factoryKey(a) > factoryKey(b) ? 1 : 0));
      frontier = [];
      // The factories of a round, in its cache key: a file's calls depend on them.
      const round = {
        cache,
        part: `${module.languages[0]}:calls:${cache ? contentDigest(Buffer.from(JSON.stringify(current))) : ''}`,
      };
      const visited = new Set<string>();
      const visit = async (file: string): Promise<void> => {
        // A file found by both searches below is read once, for every factory of the round.
        if (visited.has(file)) return;
        visited.add(file);
        const source = await this.source(file);
        if (!source) return;
        const found = await this.remembered(round, file, source, async () => {
          const callable = source.module.callableIn(source.text, file, current);
          if (callable.length === 0) return NO_SITES;
          return source.module.factoryCalls(await this.partialTree(source, source.module.callText?.(source.text, callable)), file, type, current);
        });
        sites.push(...found.sites);
        for (const factory of found.factories) {
          if (seen.has(factoryKey(factory))) continue;
          seen.add(factoryKey(factory));
          frontier.push(factory);
        }
      };
      // Factories only callable in their own directory (Go's unexported names) are searched for
      // there alone: most factories of a type are such helpers, and a search of the whole tree
      // costs as much as the type's own.
      const scopes = current.map((f) => module.callScope?.(f));
      const anywhere = current.filter((_, i) => scopes[i] === undefined);
      const confined = current.filter((_, i) => scopes[i] !== undefined);
      const directories = [...new Set(scopes.filter((dir) => dir !== undefined))];
      await Promise.all([
        anywhere.length > 0 && this.eachFileMatching(module.callNeedles(factoryNames(anywhere)), { extensions }, visit, !cache),
        confined.length > 0 &&
          this.eachFileMatching(module.callNeedles(factoryNames(confined)), { extensions, directories }, visit, !cache),
      ]);
    }
    return sites;
  }

  /** `search()`'s answer for the file, from the cache when it has one for this text. */
  private async remembered(
    remembered: { cache: SiteCache | undefined; part: string },
    file: string,
    source: SourceFile,
    search: () => Promise<FileSites>,
  ): Promise<FileSites> {
    const { cache, part } = remembered;
    if (!cache) return search();
    const hit = await cache.get(part, file, source.digest);
    if (hit) return hit;
    const found = await search();
    cache.set(part, file, source.digest, found);
    return found;
  }

  /**
   * Runs `fn` on every file that contains the needle, each as soon as `git grep` names it (`order`
   * counts from 0 in that sequence), so reading and parsing overlap the search; resolves when the
   * search and every call have ended.
   */
  private async eachFileMatching(
    needle: TextNeedle,
    scope: SearchScope,
    fn: (file: string, order: number) => Promise<void>,
    preloadParsers = true,
  ): Promise<void> {
    const { patterns, regex } = grepPatterns(needle);
    const queue = new TaskQueue(READ_CONCURRENCY);
    let named = 0;
    const onFile = (file: string): void => {
      const order = named++;
      queue.add(() => fn(file, order));
    };
    const search = this.repo.filesContaining(patterns, { ...scope, regex, onFile });
    // Load the parsers while git greps: a CLI run pays for both once, and they overlap. (Files
    // found meanwhile wait: their tasks start on a later turn of the event loop.) Not when a
    // cache may answer for every file: parsing then loads them on first use.
    if (preloadParsers) ensureGrammars();
    await search;
    await queue.drained();
  }

  private async fileDeclarations(file: string): Promise<LocatedDeclaration[]> {
    const source = await this.source(file);
    if (!source) return [];
    source.declarations ??= source.module.declarations(this.tree(source), file);
    return source.declarations;
  }

  private tree(source: SourceFile): SgNode {
    source.root ??= ensureGrammars().parse(source.grammar, source.text).root();
    return source.root;
  }

  /** Parses on libuv's thread pool, so several candidate files parse at once on a multi-core machine. */
  private async treeAsync(source: SourceFile): Promise<SgNode> {
    source.root ??= (await ensureGrammars().parseAsync(source.grammar, source.text)).root();
    return source.root;
  }

  /**
   * The tree to answer one question from: the whole file's when it is cached or asked for (text
   * undefined or the file's own), else a parse of the partial text, which is not cached.
   */
  private async partialTree(source: SourceFile, text: string | undefined): Promise<SgNode> {
    if (source.root || text === undefined || text === source.text) return this.treeAsync(source);
    return (await ensureGrammars().parseAsync(source.grammar, text)).root();
  }

  /** The file's text (read at most once while cached); undefined for unknown languages and unreadable files. */
  private source(file: string): Promise<SourceFile | undefined> {
    let entry = this.cache.get(file);
    if (entry) {
      // Refresh recency (Map keeps insertion order; the first key is the oldest).
      this.cache.delete(file);
      this.cache.set(file, entry);
      return entry;
    }
    entry = this.load(file);
    this.cache.set(file, entry);
    if (this.cache.size > this.maxCachedFiles) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    return entry;
  }

  private async load(file: string): Promise<SourceFile | undefined> {
    const module = LANGUAGE_MODULES.find((m) => m.grammarFor(file) !== undefined);
    const grammar = module?.grammarFor(file);
    if (!module || grammar === undefined) return undefined;
    let bytes: Uint8Array | undefined;
    try {
      bytes = await this.repo.readBytes(file);
    } catch (error) {
      if (!(error instanceof RepoError)) throw error;
      this.skipped.push({ file, reason: error.message });
      return undefined;
    }
    return bytes && new SourceFile(module, grammar, bytes);
  }
}

/** File name endings of the source languages the index reads (".go", ".ts", ".py", …). */
export function sourceExtensions(): string[] {
  return allExtensions(LANGUAGE_MODULES);
}

function allExtensions(modules: readonly LanguageModule[]): string[] {
  return [...new Set(modules.flatMap((m) => m.languages.flatMap((l) => [...m.extensionsFor(l)])))];
}

function factoryKey(f: Factory): string {
  return `${f.file}\0${f.container ?? ''}\0${f.name}`;
}

function publicDeclaration(decl: LocatedDeclaration): Declaration {
  const { startLine: _startLine, ...rest } = decl;
  return rest;
}

function dedupeAndSort(sites: ConstructionSite[]): ConstructionSite[] {
  const unique = new Map<string, ConstructionSite>();
  for (const site of sites) unique.set(`${site.file}\0${site.line}\0${site.column}\0${site.kind}`, site);
  return [...unique.values()].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column,
  );
}
