/** A value computed on first use, then kept: work a run may never need (a fact, a costly pattern). */
export function lazy<T>(compute: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: compute() }).v;
}
