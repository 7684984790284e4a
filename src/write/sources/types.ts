/**
 * A source of work: what the plan is for. Every loader returns the same shape so the prompt
 * builder and the drafting loop never care where the text came from.
 */

export type SourceKind = 'file' | 'stdin' | 'macro-section' | 'github-issues';

export interface Source {
  kind: SourceKind;
  /** Short human title: the first heading, the section heading, the issue titles. */
  title: string;
  /** The Markdown handed to the agent or model. */
  text: string;
  /** Where it came from, for messages and the plan header: a path, "stdin", "GitHub issues #183, #189 (o/r)". */
  origin: string;
  /** GitHub issue numbers, when the source is issues. */
  issues?: number[];
}
