/**
 * Stack and agent detection for `microplan init`: reads marker files at the repository root
 * (go.mod, package.json, pyproject.toml, Cargo.toml; .claude/, AGENTS.md, .cursor/ …).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Stack {
  language: string;
  /** What gave it away, for the summary line. */
  marker: string | undefined;
  test: string | undefined;
  lint: string | undefined;
  testNamePattern: string;
  testNameExample: string;
}

export const AGENTS = ['claude', 'codex', 'copilot', 'cursor', 'gemini', 'opencode'] as const;
export type Agent = (typeof AGENTS)[number];

const has = (root: string, p: string): boolean => existsSync(join(root, p));

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

export function detectStack(root: string): Stack {
  if (has(root, 'go.mod')) {
    const golangci = ['.golangci.yml', '.golangci.yaml', '.golangci.toml', '.golangci.json'].some((f) => has(root, f));
    return {
      language: 'go',
      marker: 'go.mod',
      test: 'go test ./...',
      lint: golangci ? 'golangci-lint run ./...' : 'go vet ./...',
      testNamePattern: '^Test[A-Z][A-Za-z0-9]*_[A-Za-z0-9]+_[A-Za-z0-9_]+$',
      testNameExample: 'TestType_Scenario_Behavior',
    };
  }
  if (has(root, 'package.json')) {
    const pkg = readPackageJson(root);
    const deps = { ...pkg?.dependencies, ...pkg?.devDependencies };
    const ts = has(root, 'tsconfig.json') || 'typescript' in deps;
    const eslint = 'eslint' in deps || ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.ts', '.eslintrc.json', '.eslintrc.js'].some((f) => has(root, f));
    return {
      language: ts ? 'typescript' : 'javascript',
      marker: 'package.json',
      test: pkg?.scripts?.test ? 'npm test' : undefined,
      lint: pkg?.scripts?.lint ? 'npm run lint' : eslint ? 'npx eslint .' : undefined,
      testNamePattern: '^\\S.* › \\S.*$',
      testNameExample: 'component › does the observable thing in this scenario',
    };
  }
  if (has(root, 'pyproject.toml') || has(root, 'setup.py') || has(root, 'requirements.txt')) {
    const text = has(root, 'pyproject.toml') ? readFileSync(join(root, 'pyproject.toml'), 'utf8') : '';
    return {
      language: 'python',
      marker: has(root, 'pyproject.toml') ? 'pyproject.toml' : has(root, 'setup.py') ? 'setup.py' : 'requirements.txt',
      test: 'pytest',
      lint: text.includes('[tool.ruff') || has(root, 'ruff.toml') ? 'ruff check .' : text.includes('flake8') ? 'flake8' : undefined,
      testNamePattern: '^test_[a-z0-9]+_[a-z0-9_]+$',
      testNameExample: 'test_component_scenario_behavior',
    };
  }
  if (has(root, 'Cargo.toml')) {
    return {
      language: 'rust',
      marker: 'Cargo.toml',
      test: 'cargo test',
      lint: 'cargo clippy -- -D warnings',
      testNamePattern: '^[a-z0-9]+_[a-z0-9_]+$',
      testNameExample: 'component_scenario_behavior',
    };
  }
  return { language: 'unknown', marker: undefined, test: undefined, lint: undefined, testNamePattern: '^.+$', testNameExample: 'ComponentScenarioBehavior' };
}

/** Agents whose files are already in the repository. */
export function detectAgents(root: string): Agent[] {
  const found: Agent[] = [];
  if (has(root, '.claude') || has(root, 'CLAUDE.md')) found.push('claude');
  if (has(root, '.codex') || has(root, 'AGENTS.md')) found.push('codex');
  if (has(root, '.github/copilot-instructions.md') || has(root, '.github/prompts')) found.push('copilot');
  if (has(root, '.cursor') || has(root, '.cursorrules')) found.push('cursor');
  if (has(root, '.gemini') || has(root, 'GEMINI.md')) found.push('gemini');
  if (has(root, '.opencode') || has(root, 'opencode.json')) found.push('opencode');
  return found;
}
