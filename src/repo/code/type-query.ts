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

/** Matches a qualifier seen in code (`http` in `http.Server`) against the query's. */
export function qualifierMatches(query: TypeQuery, seen: string | undefined): boolean {
  return query.qualifier === undefined || seen === undefined || seen === query.qualifier;
}

function isIdentifier(text: string): boolean {
  // Checks a user-supplied name, not source code.
  return /^[\p{L}_$][\p{L}\p{N}_$]*$/u.test(text);
}
