/** What the formatters say about the tool itself, read from package.json so it cannot go stale. */
import { readFileSync } from 'node:fs';

interface PackageJson {
  name: string;
  version: string;
  homepage?: string;
  repository?: string | { url?: string };
}

// dist/output/meta.js and src/output/meta.ts both sit two levels below the package root.
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as PackageJson;

export const TOOL_NAME = pkg.name;
export const TOOL_VERSION = pkg.version;

/**
 * The build, for caches of results (written by `npm run build` to dist/build-id.json, which sits
 * one level above dist/output/ and dist/bundle/ alike); undefined when running from the sources.
 */
export const BUILD_ID: string | undefined = readBuildId();

function readBuildId(): string | undefined {
  try {
    return (JSON.parse(readFileSync(new URL('../build-id.json', import.meta.url), 'utf8')) as { id?: string }).id;
  } catch {
    return undefined;
  }
}

function repositoryUrl(): string | undefined {
  const r = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  return r?.replace(/^git\+/, '').replace(/\.git$/, '');
}

/** Where the project lives; SARIF needs an absolute URI here. */
export const TOOL_URI = pkg.homepage ?? repositoryUrl() ?? 'https://www.npmjs.com/package/microplan';

/** Link to a rule's entry in the reference docs. */
export function ruleHelpUri(ruleId: string): string {
  const repo = repositoryUrl();
  return repo && repo.startsWith('https://github.com/')
    ? `${repo}/blob/main/docs/rules.md#${ruleId}`
    : `${TOOL_URI.replace(/#.*$/, '')}#${ruleId}`;
}
