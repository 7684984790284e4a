/**
 * What each language module answers from one parsed file. The code index does the I/O, the
 * prefiltering and the caching; a module only reads trees.
 */
import type { SgNode } from '@ast-grep/napi';
import type { ConstructionSite, Declaration, Language } from '../types.js';
import type { Grammar } from './grammars.js';
import type { TextNeedle } from './prefilter.js';
import type { TypeQuery } from './type-query.js';

/** A declaration plus the first line of its whole node (decorators, doc-less `func` line), for containment. */
export interface LocatedDeclaration extends Declaration {
  startLine: number;
}

/** A function or method that returns the type and constructs it; its calls are construction sites too. */
export interface Factory {
  /** Function or method name as written at call sites ("NewServer", "clone"). */
  name: string;
  /** Receiver type or class for methods; undefined for plain functions. */
  container: string | undefined;
  file: string;
  /** Go: the declaring package, so `pkg.NewT()` and same-package `NewT()` can be told apart from others. */
  packageName: string | undefined;
  /**
   * Go: how many arguments a call passes (max Infinity when variadic). Go has no overloading, so a
   * call `r.Read(buf)` is not a call of a `Read()` that takes none.
   */
  arity?: { min: number; max: number };
}

export interface FileSites {
  sites: ConstructionSite[];
  /** Functions in this file that return the type and contain one of `sites`. */
  factories: Factory[];
}

export interface LanguageModule {
  /** The languages this module parses (TypeScript's module also reads JavaScript). */
  readonly languages: readonly Language[];
  /** File name endings it handles, per language. */
  extensionsFor(language: Language): readonly string[];
  /** Grammar for a file, or undefined when the file is not this module's. */
  grammarFor(file: string): Grammar | undefined;
  languageOf(file: string): Language;
  /**
   * Cheap text test before parsing: false only when the file cannot contain a site of the type
   * (see prefilter.ts). The file is known to contain the type's name.
   */
  mayConstruct(text: string, type: TypeQuery): boolean;
  /**
   * Cheap text test before parsing: the names of the factories that `file` may call, leaving out
   * only those it cannot (see prefilter.ts); empty when it calls none.
   */
  callableIn(text: string, file: string, factories: readonly Factory[]): string[];
  /** What every file that passes mayConstruct contains (the `git grep` prefilter). */
  siteNeedles(type: TypeQuery): TextNeedle;
  /**
   * Optional: the directory outside of which a factory cannot be called (Go: an unexported name's
   * package), so its calls are searched for there only; undefined when any file may call it.
   */
  callScope?(factory: Factory): string | undefined;
  /** What every file that callableIn names a factory for contains. */
  callNeedles(factoryNames: readonly string[]): TextNeedle;
  /**
   * Optional: the part of a file worth parsing for sites, as text of the same lines and columns
   * with the rest blanked out; the text itself, or undefined, means parse the whole file.
   */
  siteText?(text: string, type: TypeQuery): string | undefined;
  /** Optional, like siteText: the part of a file worth parsing for calls of the factories. */
  callText?(text: string, factoryNames: readonly string[]): string | undefined;
  declarations(root: SgNode, file: string): LocatedDeclaration[];
  sites(root: SgNode, file: string, type: TypeQuery): FileSites;
  /** Calls of known factories in this file; factories among their callers are reported too. */
  factoryCalls(root: SgNode, file: string, type: TypeQuery, factories: readonly Factory[]): FileSites;
}

/** Display name of a factory in `via`: "NewServer" or "Server.clone". */
export function factoryLabel(factory: Factory): string {
  return factory.container === undefined ? factory.name : `${factory.container}.${factory.name}`;
}

/** The distinct names of factories, as call sites spell them. */
export function factoryNames(factories: readonly Factory[]): string[] {
  return [...new Set(factories.map((f) => f.name))];
}

/** The distinct names of the factories that pass `test`, for callableIn. */
export function callableNames(factories: readonly Factory[], test: (factory: Factory) => boolean): string[] {
  return factoryNames(factories.filter(test));
}
