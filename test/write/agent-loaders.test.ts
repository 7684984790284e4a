/**
 * The agents' own loaders read what init writes. The agents that install from npm are installed
 * into a cache under the system temporary directory (reused by later runs); where a package
 * cannot be installed (offline, registry down) its test is skipped with the reason. Each CLI is
 * asked what it loaded without a model or an account: `gemini mcp list` and `opencode mcp list` connect to the registered
 * server, `codex mcp list` reads it from the trusted project, `opencode debug config` shows the
 * command file loaded, `codex debug prompt-input` shows the skill in the model's list of skills.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../../src/write/init/detect.js';
import { init } from '../../src/write/init/init.js';
import { BIN, requireBuild } from './draft-helpers.js';

const CACHE = join(tmpdir(), 'microplan-agent-loaders');

interface Loader {
  agent: Agent;
  pkg: string;
  /** The CLI as npm links it (a Node script or, for OpenCode, a native binary), relative to the install directory. */
  bin: string;
  /**
   * A postinstall script the CLI needs, run by hand: packages are installed with --ignore-scripts
   * (npm 11 asks before running them), and OpenCode's only links its platform binary, offline.
   */
  postinstall?: string;
  /** Marks the repository trusted in the agent's user settings (agents ignore an untrusted project's servers). */
  trust(home: string, root: string): void;
  /** Runs the CLI in the repository and checks what it loaded. */
  check(run: (...args: string[]) => string): void;
}

/** Terminal colours out, so the checks read the words. */
const plain = (s: string): string => s.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');

const LOADERS: Loader[] = [
  {
    agent: 'gemini',
    pkg: '@google/gemini-cli@0.61.0',
    bin: 'node_modules/.bin/gemini',
    trust(home, root) {
      mkdirSync(join(home, '.gemini'), { recursive: true });
      writeFileSync(join(home, '.gemini/trustedFolders.json'), JSON.stringify({ [root]: 'TRUST_FOLDER' }));
    },
    check(run) {
      expect(run('mcp', 'list')).toMatch(/✓ microplan: microplan mcp \(stdio\) - Connected/);
    },
  },
  {
    agent: 'opencode',
    pkg: 'opencode-ai@1.18.33',
    bin: 'node_modules/.bin/opencode',
    postinstall: 'node_modules/opencode-ai/postinstall.mjs',
    trust() {},
    check(run) {
      expect(run('mcp', 'list')).toMatch(/✓ microplan\s+connected/);
      // The resolved configuration: the command file is loaded from .opencode/commands.
      const config = run('debug', 'config');
      const json = JSON.parse(config.slice(config.indexOf('{'))) as { command?: Record<string, { template: string }> };
      expect(json.command?.['micro-plan']?.template).toContain('microplan lint <plan> --repo .');
    },
  },
  {
    agent: 'codex',
    pkg: '@openai/codex@0.171.0',
    bin: 'node_modules/.bin/codex',
    trust(home, root) {
      mkdirSync(join(home, '.codex'), { recursive: true });
      writeFileSync(join(home, '.codex/config.toml'), `[projects."${root}"]\ntrust_level = "trusted"\n`);
    },
    check(run) {
      // Codex lists the project's server from .codex/config.toml (it connects only in a session).
      expect(run('mcp', 'list')).toMatch(/^microplan\s+microplan\s+mcp\s.*\benabled\b/m);
      // The prompt Codex would send lists the skill it loaded from .agents/skills, with its description.
      expect(run('debug', 'prompt-input')).toMatch(/micro-plan: Write a micro-plan \(PR implementation plan\)[^"]*\(file: [^)]*micro-plan\/SKILL\.md\)/);
    },
  },
];

/** Installs a package into the cache (once); the reason it could not, or undefined. */
function install(pkg: string, dir: string, bin: string, postinstall?: string): string | undefined {
  const ready = join(dir, '.microplan-ready');
  if (existsSync(ready)) return undefined;
  mkdirSync(dir, { recursive: true });
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--prefix', dir, pkg], { encoding: 'utf8', timeout: 180_000 });
  if (r.status !== 0 || !existsSync(join(dir, bin))) return `${pkg} could not be installed (${(r.error?.message ?? r.stderr.trim().split('\n').pop() ?? `exit ${r.status}`).slice(0, 200)})`;
  if (postinstall) {
    const p = spawnSync(process.execPath, [join(dir, postinstall)], { cwd: join(dir, postinstall, '..'), encoding: 'utf8', timeout: 60_000 });
    if (p.status !== 0) return `${pkg}'s postinstall failed (${(p.stderr.trim().split('\n').pop() ?? `exit ${p.status}`).slice(0, 200)})`;
  }
  writeFileSync(ready, '');
  return undefined;
}

let work: string;
let shim: string;
beforeAll(() => {
  requireBuild();
  work = mkdtempSync(join(tmpdir(), 'mp-loaders-'));
  shim = join(work, 'bin');
  mkdirSync(shim);
  symlinkSync(BIN, join(shim, 'microplan'));
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('agent loaders read what init writes', () => {
  for (const loader of LOADERS) {
    const dir = join(CACHE, loader.agent);
    const problem = install(loader.pkg, dir, loader.bin, loader.postinstall);
    it.skipIf(problem !== undefined)(`${loader.agent}: ${problem ?? `${loader.pkg} loads what init wrote`}`, () => {
      const root = join(work, loader.agent);
      const home = join(work, `${loader.agent}-home`);
      mkdirSync(root);
      mkdirSync(home);
      execFileSync('git', ['init', '-q'], { cwd: root });
      init({ root, agents: [loader.agent] });
      loader.trust(home, root);
      loader.check((...args) => {
        const r = spawnSync(join(dir, loader.bin), args, {
          cwd: root,
          encoding: 'utf8',
          timeout: 60_000,
          env: { HOME: home, PATH: `${shim}${delimiter}${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`, MICROPLAN_CACHE_DIR: join(work, 'cache'), MICROPLAN_SERVER: 'off' },
        });
        return plain(`${r.stdout}${r.stderr}`);
      });
    }, 90_000);
  }
});
