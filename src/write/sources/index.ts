/** Sources of work: a Markdown file, stdin, a macro-plan section, GitHub issues. */
export type { Source, SourceKind } from './types.js';
export { loadFileSource, readSourceFile, titleOf, type FileOptions } from './file.js';
export { loadStdinSource, type StdinLike } from './stdin.js';
export { loadMacroSection, selectSection, type Section } from './macro-section.js';
export { parseHeadings, headingPath, type Heading } from './headings.js';
export { loadGithubIssues, parseIssueNumbers, type GithubOptions, type Issue } from './github.js';
export { parseRepoSlug, slugFromRemote, type RepoSlug } from './github-repo.js';
export { MAX_SOURCE_BYTES } from './text.js';
