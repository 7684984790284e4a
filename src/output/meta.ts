/**
 * What the formatters say about the tool itself, read from package.json so it cannot go stale.
 * Read on first use, not at load: every lint loads this module (the SARIF formatter and the
 * grounding caches import it), and few runs need it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lazy } from '../lazy.js';

interface PackageJson {
  name: string;
  version: string;
  homepage?: string;
  repository?: string | { url?: string };
}

// dist/output/meta.js and src/output/meta.ts both sit two levels below the package root.
const packageJson = lazy(() => JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as PackageJson);

/** The package's root directory (bin/ and dist/ are in it). */
export function toolRoot(): string {
  return fileURLToPath(new URL('../../', import.meta.url));
}

export function toolName(): string {
  return packageJson().name;
}

export function toolVersion(): string {
  return packageJson().version;
}

/**
 * The build, for caches of results (written by `npm run build` to dist/build-id.json, which sits
 * one level above dist/output/ and dist/bundle/ alike); undefined when running from the sources.
 */
export const toolBuildId: () => string | undefined = lazy(readBuildId);

function readBuildId(): string | undefined {
  try {
    return (JSON.parse(readFileSync(new URL('../build-id.json', import.meta.url), 'utf8')) as { id?: string }).id;
  } catch {
    return undefined;
  }
}

function repositoryUrl(): string | undefined {
  const p = packageJson();
  const r = typeof p.repository === 'string' ? p.repository : p.repository?.url;
  return r?.replace(/^git\+/, '').replace(/\.git$/, '');
}

/** Where the project lives; SARIF needs an absolute URI here. */
export function toolUri(): string {
  return packageJson().homepage ?? repositoryUrl() ?? 'https://www.npmjs.com/package/microplan';
}

/** Link to a rule's entry in the reference docs. */
export function ruleHelpUri(ruleId: string): string {
  const repo = repositoryUrl();
  return repo && repo.startsWith('https://github.com/')
    ? `${repo}/blob/main/docs/rules.md#${ruleId}`
    : `${toolUri().replace(/#.*$/, '')}#${ruleId}`;
}
