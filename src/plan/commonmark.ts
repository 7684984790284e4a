/**
 * One plain CommonMark parser, made on first use, for the modules that read Markdown outside the
 * plan's outline (code spans in audits, spec paths and names, a source's mentions): a cold lint
 * pays for every parser made at load, and most runs need none of these.
 */
import MarkdownIt from 'markdown-it';

let parser: InstanceType<typeof MarkdownIt> | undefined;

export function commonmark(): InstanceType<typeof MarkdownIt> {
  return (parser ??= new MarkdownIt('commonmark'));
}
