/**
 * Repository access: one interface over a working tree or a git revision (read through git
 * plumbing, never a checkout). Paths are repo-relative POSIX paths; anything that would leave
 * the root is refused with a RepoError whose message names the path and the fix.
 */

export class RepoError extends Error {
  override name = 'RepoError';
}

export interface Repository {
  /** Absolute path of the repository root. */
  readonly root: string;
  /** Resolved commit sha when reading a revision; undefined for the working tree. */
  readonly revision: string | undefined;
  /** Every file (repo-relative), tracked plus untracked-not-ignored for a working tree. */
  listFiles(): Promise<string[]>;
  exists(path: string): Promise<boolean>;
  /** File text; undefined when missing, binary or over the size limit. */
  readText(path: string): Promise<string | undefined>;
}

export type Language = 'go' | 'typescript' | 'javascript' | 'python';

export type DeclarationKind = 'type' | 'struct' | 'interface' | 'class' | 'function' | 'method' | 'variable' | 'constant' | 'field';

export interface Declaration {
  name: string;
  kind: DeclarationKind;
  file: string;
  line: number;
  column: number;
  endLine: number;
}

export interface ConstructionSite {
  file: string;
  line: number;
  column: number;
  /** e.g. "composite-literal", "address-of", "new", "typed-object-literal", "call", "factory-call". */
  kind: string;
  /** Name of the enclosing function/method, when there is one. */
  enclosing: string | undefined;
}

export interface CodeIndex {
  /** Where a name is declared. */
  declarations(name: string): Promise<Declaration[]>;
  /** The innermost declaration that encloses a line of a file. */
  enclosing(file: string, line: number): Promise<Declaration | undefined>;
  /** Every place the type is constructed. */
  constructionSites(typeName: string, options?: { language?: Language }): Promise<ConstructionSite[]>;
}
