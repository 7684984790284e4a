/**
 * The type a caller asks about: "Server" or "http.Server". A qualifier narrows matches to that
 * package/module where the syntax shows one (`http.Server{}`, or `Server{}` inside package http);
 * without one, every type of that name matches, as a reader grepping for it would expect.
 */
import { InputError } from '../../errors.js';

export interface TypeQuery {
  /** The bare type name ("Server"). */
  name: string;
  /** Package or module qualifier ("http"); undefined when the caller gave a bare name. */
  qualifier: string | undefined;
}

export function parseTypeQuery(text: string): TypeQuery {
  const trimmed = text.trim();
  const dot = trimmed.lastIndexOf('.');
  const name = dot === -1 ? trimmed : trimmed.slice(dot + 1);
  const qualifier = dot === -1 ? undefined : trimmed.slice(0, dot).split(/[./]/).pop();
  if (!isIdentifier(name) || (qualifier !== undefined && !isIdentifier(qualifier))) {
    throw new InputError(`type ${JSON.stringify(text)} is not a type name; give a name such as Server or http.Server`);
  }
  return { name, qualifier };
}

/**
 * The queried type as one file spells it: a file may import the type under another name
 * (`import { Server as S }`, `from http import Server as S`), or its module under another name
 * (`import * as h from './http'`, `import http as h`).
 */
export interface LocalType {
  query: TypeQuery;
  /** Unqualified names that denote the type here: its own, and those it is imported under. */
  names: ReadonlySet<string>;
  /** Modules imported under a name: that name → the module's own ("h" → "http"). */
  modules: ReadonlyMap<string, string>;
}

/**
 * Does a qualifier as written (`http`, `a.b.http`, or a name a module is imported under) name
 * the query's package or module? Always, when the query has none.
 */
export function qualifierNames(local: LocalType, written: string | undefined): boolean {
  const qualifier = local.query.qualifier;
  if (qualifier === undefined || written === undefined) return true;
  return (local.modules.get(written) ?? written.slice(written.lastIndexOf('.') + 1)) === qualifier;
}

function isIdentifier(text: string): boolean {
  // Checks a user-supplied name, not source code.
  return /^[\p{L}_$][\p{L}\p{N}_$]*$/u.test(text);
}
