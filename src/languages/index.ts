/**
 * The language registry: every language microplan knows, one module each (types.ts says what a
 * module answers). Adding a language is one module, one line in LANGUAGES and its id in
 * LanguageId (which types the per-language tables rules keep).
 */
import type { LanguageModule } from '../repo/code/language.js';
import { go } from './go.js';
import { javascript } from './javascript.js';
import { python } from './python.js';
import { rust } from './rust.js';
import type { Language, SnippetLanguage } from './types.js';
import { typescript } from './typescript.js';

export { go, javascript, python, rust, typescript };
export type { DeclaredTest, Language, LanguageExamples, LanguageId, SnippetGrammar, SnippetLanguage, SnippetTest } from './types.js';

/** In the order a bare code fence is sniffed (the first whose `sniff` matches wins). */
export const LANGUAGES: readonly Language[] = [go, python, typescript, javascript, rust];

/** The code index's readers of the repository's code, each once. */
export function codeReaders(): LanguageModule[] {
  return [...new Set(LANGUAGES.flatMap((l) => (l.code ? [l.code] : [])))];
}

/** Whether microplan parses the language's plan code blocks. */
export function parsesSnippets(language: Language): language is SnippetLanguage {
  return language.snippets !== undefined;
}

const SNIPPET_LANGUAGES = LANGUAGES.filter(parsesSnippets);

function index<T extends Language>(languages: readonly T[], keys: (language: T) => readonly string[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const language of languages) for (const key of keys(language)) if (!map.has(key)) map.set(key, language);
  return map;
}

const BY_NAME = index(LANGUAGES, (l) => [l.id, ...l.aliases]);
const BY_FENCE = index(SNIPPET_LANGUAGES, (l) => l.snippets.fenceTags);

/** The language config's `language` names, in any case ("go", "Go", "golang"); undefined for others. */
export function languageNamed(name: string | undefined): Language | undefined {
  return name === undefined ? undefined : BY_NAME.get(name.toLowerCase());
}

/** The language of a code fence's info string (lower case, as the plan parser gives it). */
export function languageForFence(tag: string): SnippetLanguage | undefined {
  return BY_FENCE.get(tag);
}

/** The language a bare fence's first lines read like, if any. */
export function sniffLanguage(head: string): SnippetLanguage | undefined {
  return SNIPPET_LANGUAGES.find((l) => l.snippets.sniff?.test(head) ?? false);
}
