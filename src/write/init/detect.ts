/**
 * Stack and agent detection for `microplan init`: reads marker files at the repository root
 * (go.mod, package.json and its lock files, pyproject.toml, Cargo.toml, a Makefile or justfile;
 * .claude/, AGENTS.md, .cursor/ …). What it cannot tell is left undefined, never guessed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { go, javascript, python, rust, typescript, type Language } from '../../languages/index.js';

export interface Stack {
  /** Undefined when no marker names the language. */
  language: string | undefined;
  /** What gave it away, for the summary line. */
  marker: string | undefined;
  test: string | undefined;
  lint: string | undefined;
  testNamePattern: string | undefined;
  testNameExample: string | undefined;
}

export const AGENTS = ['claude', 'codex', 'copilot', 'cursor', 'gemini', 'opencode'] as const;
export type Agent = (typeof AGENTS)[number];

const has = (root: string, p: string): boolean => existsSync(join(root, p));

function readText(root: string, p: string): string {
  try {
    return readFileSync(join(root, p), 'utf8');
  } catch {
    return '';
  }
}

interface PackageJson {
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

function readPackageJson(root: string): PackageJson | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    return parsed !== null && typeof parsed === 'object' ? (parsed as PackageJson) : undefined;
  } catch {
    // A broken package.json still tells us the stack; commands stay unknown.
    return undefined;
  }
}

/** Targets of a Makefile or justfile at the root ("test", "lint"), read from their rule lines. */
function runnerTargets(root: string): { runner: 'make' | 'just'; targets: Set<string> } | undefined {
  for (const [file, runner] of [['Makefile', 'make'], ['makefile', 'make'], ['GNUmakefile', 'make'], ['justfile', 'just'], ['Justfile', 'just']] as const) {
    if (!has(root, file)) continue;
    const targets = new Set<string>();
    for (const line of readText(root, file).split('\n')) {
      const m = /^([A-Za-z][\w-]*)\s*(?:[^:=\n]*)?:(?!=)/.exec(line);
      if (m) targets.add(m[1]!);
    }
    return { runner, targets };
  }
  return undefined;
}

/** `make test` / `just lint` when the root Makefile or justfile has that target. */
function targetCommand(root: string, ...names: string[]): string | undefined {
  const found = runnerTargets(root);
  const name = found && names.find((n) => found.targets.has(n));
  return found && name ? `${found.runner} ${name}` : undefined;
}

/** The language of a stack, and the test naming convention its module gives. */
function conventions(language: Language): Pick<Stack, 'language' | 'testNamePattern' | 'testNameExample'> {
  return { language: language.id, testNamePattern: language.tests.naming.pattern, testNameExample: language.tests.naming.example };
}

/** npm's placeholder test script, which only fails. */
const NPM_DEFAULT_TEST = /no test specified/;

function nodeStack(root: string): Stack {
  const pkg = readPackageJson(root);
  const deps = { ...pkg?.dependencies, ...pkg?.devDependencies };
  const scripts = pkg?.scripts ?? {};
  const ts = has(root, 'tsconfig.json') || 'typescript' in deps;
  const pm = has(root, 'pnpm-lock.yaml') ? 'pnpm' : has(root, 'yarn.lock') ? 'yarn' : has(root, 'bun.lockb') || has(root, 'bun.lock') ? 'bun' : 'npm';
  const script = (name: string): string => (pm === 'npm' && name === 'test' ? 'npm test' : `${pm} run ${name}`);
  const exec = pm === 'npm' ? 'npx' : `${pm} exec`;
  const eslint = 'eslint' in deps || ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.ts', '.eslintrc.json', '.eslintrc.js', '.eslintrc.cjs'].some((f) => has(root, f));
  const test =
    scripts.test && !NPM_DEFAULT_TEST.test(scripts.test)
      ? script('test')
      : 'vitest' in deps
        ? `${exec} vitest run`
        : 'jest' in deps
          ? `${exec} jest`
          : targetCommand(root, 'test');
  const lint = scripts.lint
    ? script('lint')
    : eslint
      ? `${exec} eslint .`
      : '@biomejs/biome' in deps
        ? `${exec} biome lint .`
        : targetCommand(root, 'lint');
  return { ...conventions(ts ? typescript : javascript), marker: 'package.json', test, lint };
}

function pythonStack(root: string): Stack {
  const pyproject = readText(root, 'pyproject.toml');
  const marker = has(root, 'pyproject.toml') ? 'pyproject.toml' : has(root, 'setup.py') ? 'setup.py' : 'requirements.txt';
  const run = has(root, 'uv.lock') ? 'uv run ' : has(root, 'poetry.lock') ? 'poetry run ' : '';
  const requirements = readText(root, 'requirements.txt') + readText(root, 'requirements-dev.txt');
  const pytest = /\bpytest\b/.test(pyproject + requirements) || has(root, 'pytest.ini') || has(root, 'conftest.py') || has(root, 'tests');
  const test = pytest ? `${run}pytest` : targetCommand(root, 'test');
  const ruff = pyproject.includes('[tool.ruff') || has(root, 'ruff.toml') || has(root, '.ruff.toml') || /\bruff\b/.test(pyproject + requirements);
  const lint = ruff ? `${run}ruff check .` : /\bflake8\b/.test(pyproject + requirements) || has(root, '.flake8') ? `${run}flake8` : targetCommand(root, 'lint');
  return { ...conventions(python), marker, test, lint };
}

export function detectStack(root: string): Stack {
  if (has(root, 'go.mod')) {
    const golangci = ['.golangci.yml', '.golangci.yaml', '.golangci.toml', '.golangci.json'].some((f) => has(root, f));
    return { ...conventions(go), marker: 'go.mod', test: 'go test ./...', lint: golangci ? 'golangci-lint run ./...' : 'go vet ./...' };
  }
  if (has(root, 'package.json')) return nodeStack(root);
  if (has(root, 'pyproject.toml') || has(root, 'setup.py') || has(root, 'requirements.txt')) return pythonStack(root);
  if (has(root, 'Cargo.toml')) {
    return { ...conventions(rust), marker: 'Cargo.toml', test: 'cargo test', lint: 'cargo clippy -- -D warnings' };
  }
  const runner = runnerTargets(root);
  return {
    language: undefined,
    marker: runner ? (runner.runner === 'make' ? 'Makefile' : 'justfile') : undefined,
    test: targetCommand(root, 'test', 'check'),
    lint: targetCommand(root, 'lint'),
    testNamePattern: undefined,
    testNameExample: undefined,
  };
}

/** Agents whose files are already in the repository. */
export function detectAgents(root: string): Agent[] {
  const found: Agent[] = [];
  if (has(root, '.claude') || has(root, 'CLAUDE.md') || has(root, '.mcp.json')) found.push('claude');
  if (has(root, '.codex') || has(root, '.agents') || has(root, 'AGENTS.md')) found.push('codex');
  if (has(root, '.github/copilot-instructions.md') || has(root, '.github/prompts') || has(root, '.vscode/mcp.json')) found.push('copilot');
  if (has(root, '.cursor') || has(root, '.cursorrules')) found.push('cursor');
  if (has(root, '.gemini') || has(root, 'GEMINI.md')) found.push('gemini');
  if (has(root, '.opencode') || has(root, 'opencode.json') || has(root, 'opencode.jsonc')) found.push('opencode');
  return found;
}

/** How the agents' commands run microplan: the project's own install, else the global (or linked) bin. */
export function microplanCommand(root: string): string {
  return has(root, 'node_modules/.bin/microplan') ? './node_modules/.bin/microplan' : 'microplan';
}
