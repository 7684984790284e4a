import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/defaults.js';
import { buildContext, renderContextMarkdown, type ContextReport } from '../../src/ground/context.js';
import { GroundingSession } from '../../src/ground/open.js';
import { cli } from '../cli/run-cli.js';
import { tempRepo, type TempRepo } from './git-fixture.js';

const SERVER = [
  'package server', //                              1
  '', //                                            2
  'type Config struct{ Port int }', //              3
  '', //                                            4
  'func NewConfig() *Config { return &Config{} }', // 5
  '',
].join('\n');
const CLIENT = ['package client', '', 'type Config struct{}', '', 'var Default = Config{}', ''].join('\n');
const MAIN = ['package main', '', 'import "example.com/m/server"', '', 'func main() { _ = server.Config{Port: 1} }', ''].join('\n');
const FLAGS = [
  'package main', //                                       1
  '', //                                                   2
  'import ("flag"; "example.com/m/server")', //            3
  '', //                                                   4
  'var port = flag.Int("port", 80, "listen port") // --port', // 5
  '', //                                                   6
  'func run() {', //                                       7
  '\tc := server.NewConfig()', //                          8
  '\t_ = c.Port', //                                       9
  '}',
  '',
].join('\n');
const MAIN_TEST = ['package main', '', 'import "example.com/m/server"', '', 'func helper() { _ = server.NewConfig().Port }', ''].join('\n');

let repo: TempRepo;
let first: string;
const sessions: GroundingSession[] = [];

beforeAll(() => {
  repo = tempRepo();
  repo.write({ 'go.mod': 'module example.com/m\n', 'server/config.go': SERVER, 'client/config.go': CLIENT });
  first = repo.commit('server and client');
  repo.write({ 'cmd/main.go': MAIN });
  repo.commit('main');
  repo.write({ 'cmd/flags.go': FLAGS, 'cmd/main_test.go': MAIN_TEST, 'server/limits.go': 'package server\n\ntype Limits struct{ Max int }\n\nvar DefaultLimits = Limits{Max: 1}\n' });
  repo.commit('flags');
});
afterAll(async () => {
  for (const s of sessions) await s.close();
  rmSync(repo.dir, { recursive: true, force: true });
});

async function context(source: string, options: { base?: string; invariants?: string[] } = {}): Promise<ContextReport> {
  const session = new GroundingSession({ dir: repo.dir, base: options.base });
  sessions.push(session);
  return buildContext(source, 'issue.md', await session.reference(), { ...defaultConfig(), invariants: options.invariants ?? [] });
}

describe('context', () => {
  it('says where each named entity is declared, in the order the source names them', async () => {
    const report = await context('Add a timeout to `server.NewConfig` and to `Config`.');
    expect(report.entities.map((e) => [e.name, e.declarations.map((d) => `${d.kind} ${d.file}:${d.line}`).sort()])).toEqual([
      ['server.NewConfig', ['function server/config.go:5']],
      ['Config', ['struct client/config.go:3', 'struct server/config.go:3']],
    ]);
  });

  it('audits the construction sites of each struct it names, of one package when the source qualifies it', async () => {
    const report = await context('Give `server.Config` a timeout. Also touch `Config` in general.');
    expect(report.audits.map((a) => [a.type, a.sites.map((s) => `${s.file}:${s.line} ${s.kind}`)])).toEqual([
      ['server.Config', ['cmd/flags.go:8 factory-call', 'cmd/main.go:5 composite-literal', 'cmd/main_test.go:5 factory-call', 'server/config.go:5 address-of']],
      [
        'Config',
        ['client/config.go:5 composite-literal', 'cmd/flags.go:8 factory-call', 'cmd/main.go:5 composite-literal', 'cmd/main_test.go:5 factory-call', 'server/config.go:5 address-of'],
      ],
    ]);
  });

  it('lists a DEVIATION for each code name the repository does not declare and each file it does not have', async () => {
    const report = await context('Use `SessionStore` from `server/session.go`; keep `server/config.go` as it is.');
    expect(report.files).toEqual([
      { path: 'server/session.go', exists: false },
      { path: 'server/config.go', exists: true },
    ]);
    expect(report.deviations.map((d) => d.message)).toEqual([
      '`SessionStore` is named in the source but declared nowhere in the working tree (new in this work, or a wrong name?)',
      'server/session.go does not exist in the working tree (a new file, or a wrong path?)',
    ]);
  });

  it('quotes the project invariants that mention what the source names', async () => {
    const report = await context('Change `Config`.', { invariants: ['INV-1: a Config is immutable once built', 'INV-2: requests are served in order'] });
    expect(report.invariants).toEqual(['INV-1: a Config is immutable once built']);
  });

  it('reads the repository at a revision when asked', async () => {
    const report = await context('Change `server.Config`.', { base: first });
    expect(report.revision).toBe(first);
    expect(report.audits[0]?.sites.map((s) => s.file)).toEqual(['server/config.go']);
  });

  it('renders a Phase 0 section whose DEVIATION flags paste into a plan', async () => {
    const markdown = renderContextMarkdown(await context('Use `SessionStore` with `server.Config`.'));
    expect(markdown).toContain('## Phase 0: Component Context');
    expect(markdown).toContain('- DEVIATION: `SessionStore` is named in the source but declared nowhere in the working tree (new in this work, or a wrong name?).');
  });

  it('summarizes construction sites: counts, production sites by file:line, test sites by file; every site on request', async () => {
    const report = await context('Give `server.Config` a timeout.');
    const summary = renderContextMarkdown(report);
    expect(summary).toContain(
      '- `server.Config`: 4 places in 4 files (3 production, 1 test): `cmd/flags.go:8` factory-call in `run`, `cmd/main.go:5` composite-literal in `main`, `server/config.go:5` address-of in `NewConfig`; 1 test site in 1 file',
    );
    const details = renderContextMarkdown(report, { details: true });
    expect(details).toContain('  - `cmd/main_test.go:5` — factory-call in `helper`');
  });

  it('prints one audit for `T` and `pkg.T` when they are the same type, two when they are not', async () => {
    const one = await context('Raise `Limits`; `server.Limits` is read at start-up.');
    expect(one.audits.map((a) => [a.type, a.also, a.sites.length])).toEqual([['server.Limits', ['Limits'], 1]]);
    const sites = renderContextMarkdown(one).split('### Construction sites')[1]!.split('###')[0]!.trim();
    expect(sites).toBe('- `server.Limits` (also written `Limits`): 1 place in 1 file (1 production, 0 test): `server/limits.go:5` composite-literal');
    const two = await context('Give `client.Config` a look; `Config` is everywhere.', { base: first });
    expect(two.audits.map((a) => [a.type, a.also, a.sites.length])).toEqual([
      ['client.Config', undefined, 1],
      ['Config', undefined, 2],
    ]);
  });

  it('lists the callers of a function and the uses of a field the source names', async () => {
    const report = await context('Change the signature of `NewConfig` and move the field `Port`.');
    const byName = Object.fromEntries(report.entities.map((e) => [e.name, e]));
    expect(byName['NewConfig']!.callers!.map((u) => `${u.file}:${u.line} ${u.enclosing}`)).toEqual(['cmd/flags.go:8 run', 'cmd/main_test.go:5 helper']);
    expect(byName['Port']!.uses!.map((u) => `${u.file}:${u.line}`)).toEqual(['cmd/flags.go:9', 'cmd/main.go:5', 'cmd/main_test.go:5']);
  });

  it('says where each CLI flag the source names is spelled, and flags one spelled nowhere', async () => {
    const report = await context('Validate `--port` and add `--timeout=5s`.');
    expect(report.flags.map((f) => [f.flag, f.registered.map((u) => `${u.file}:${u.line}`)])).toEqual([
      ['--port', ['cmd/flags.go:5']],
      ['--timeout', []],
    ]);
    expect(report.deviations.map((d) => d.name)).toEqual(['--timeout']);
  });

  it('reports no DEVIATION for configuration keys, other packages and built-ins', async () => {
    const report = await context('Read `admission.slo_priorities`, log with `logrus.Fatalf`, throw a `RangeError`; `server.Missing` is ours.');
    expect(report.notCode).toEqual([
      { name: 'admission.slo_priorities', reason: 'config key' },
      { name: 'logrus.Fatalf', reason: 'other package' },
      { name: 'RangeError', reason: 'built-in' },
    ]);
    expect(report.deviations.map((d) => d.name)).toEqual(['server.Missing']);
  });
});

describe('microplan context', () => {
  it('reads one section of a macro plan and prints the facts as JSON', () => {
    const macro = join(repo.dir, 'macro.md');
    writeFileSync(macro, ['# Macro plan', '', '## Phase 1', '', '### PR 1: Ports', '', 'Touch `server.Config`.', '', '### PR 2: Sessions', '', 'Add `SessionStore`.', ''].join('\n'));
    const r = cli(['context', '--source', macro, '--section', 'Phase 1, PR 2', '--repo', repo.dir, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as ContextReport;
    expect(report.entities).toEqual([]);
    expect(report.deviations.map((d) => d.name)).toEqual(['SessionStore']);
  });
});
