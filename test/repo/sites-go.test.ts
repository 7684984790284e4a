import { describe, expect, it } from 'vitest';
import { RepositoryCodeIndex } from '../../src/repo/code/code-index.js';
import { openRepository } from '../../src/repo/open.js';
import { tempRepo } from './git-fixture.js';
import { siteLines, sitesInFiles, useFixtureIndex } from './site-helpers.js';

/** Hand-checked against test/fixtures/repos/go: every construction of server.Config. */
const SERVER_CONFIG = [
  'cmd/app/main.go:10 composite-literal main',
  'cmd/app/main.go:11 address-of main',
  'cmd/app/main.go:12 factory-call main via NewConfig',
  'cmd/app/main.go:13 elided-literal main',
  'server/config.go:15 composite-literal -',
  'server/config.go:19 address-of NewConfig',
  'server/literals.go:10 elided-literal literals',
  'server/literals.go:11 elided-literal literals',
  'server/literals.go:13 elided-literal literals',
  'server/literals.go:13 elided-literal literals',
  'server/literals.go:15 elided-literal literals',
  'server/literals.go:17 elided-literal literals',
  'server/literals.go:17 elided-literal literals',
  'server/literals.go:18 elided-literal literals',
  'server/literals.go:19 elided-literal literals',
  'server/literals.go:20 elided-literal literals',
  'server/literals.go:22 composite-literal literals',
  'server/literals.go:23 composite-literal literals',
  'server/server.go:11 composite-literal Server.WithName',
  'server/server.go:16 factory-call Server.Start via NewConfig',
  'server/server.go:17 factory-call Server.Start via Server.WithName',
  'server/server.go:19 composite-literal Server.Start',
  'server/server.go:26 factory-call configOrError via NewConfig',
  'server/server.go:30 factory-call boot via configOrError',
].sort();

describe('construction sites (Go)', () => {
  const fx = useFixtureIndex('go');

  it('finds every construction of a bare type name, in every package (precision and recall 100%)', async () => {
    const sites = siteLines(await fx.index.constructionSites('Config'));
    expect(sites).toEqual([...SERVER_CONFIG, 'other/other.go:12 composite-literal build'].sort());
  });

  it('limits a qualified name to its package: pkg.T{} elsewhere and T{} inside the package', async () => {
    expect(siteLines(await fx.index.constructionSites('server.Config'))).toEqual(SERVER_CONFIG);
  });

  it('finds elided element literals inside a slice of T, one site per element', async () => {
    const sites = await fx.index.constructionSites('server.Config');
    const line13 = sites.filter((s) => s.file === 'server/literals.go' && s.line === 13);
    // `ptrs := []*Config{{Name: "p"}, {}}`: the elided &Config elements, not the slice literal.
    expect(line13.map((s) => [s.column, s.kind])).toEqual([
      [20, 'elided-literal'],
      [33, 'elided-literal'],
    ]);
  });

  it('finds elided literals in maps (values and keys), arrays, [...] arrays and nested slices', async () => {
    const lines = (await fx.index.constructionSites('server.Config'))
      .filter((s) => s.file === 'server/literals.go' && s.kind === 'elided-literal')
      .map((s) => s.line);
    expect(lines).toEqual([10, 11, 13, 13, 15, 17, 17, 18, 19, 20]);
  });

  it('finds generic composite literals T[A, B]{}', async () => {
    expect(siteLines(await fx.index.constructionSites('Pair'))).toEqual([
      'server/literals.go:21 composite-literal literals',
      'server/literals.go:22 composite-literal literals',
    ]);
  });

  it('reports calls of factories, including methods and factories that call factories', async () => {
    const calls = (await fx.index.constructionSites('server.Config')).filter((s) => s.kind === 'factory-call');
    expect(calls.map((s) => s.via)).toEqual(['NewConfig', 'NewConfig', 'Server.WithName', 'NewConfig', 'configOrError']);
  });

  it('names the same factory every run when two methods of one name could be the callee', async () => {
    // A's make is long, so a.go finishes parsing after b.go: the answer must not follow parse order.
    const repo = tempRepo();
    repo.write('p/t.go', 'package p\n\ntype T struct{}\n');
    repo.write('p/a.go', `package p\n\ntype A struct{}\n\nfunc (a *A) make() *T { return pick(&T{}, ${'1+'.repeat(40000)}1) }\n`);
    repo.write('p/b.go', 'package p\n\ntype B struct{}\n\nfunc (b *B) make() *T { return &T{} }\n');
    repo.write('p/use.go', 'package p\n\nfunc use(v interface{ make() *T }) { v.make() }\n');
    repo.commit('fixture');
    try {
      const index = new RepositoryCodeIndex(await openRepository({ dir: repo.dir }));
      const calls = (await index.constructionSites('T')).filter((s) => s.kind === 'factory-call');
      expect(calls.map((s) => `${s.file}:${s.line} via ${s.via}`)).toEqual(['p/use.go:3 via A.make']);
    } finally {
      repo.remove();
    }
  });

  it('counts calls of an unexported factory only in its own package, and of an exported method where its package is imported', async () => {
    const calls = await sitesInFiles(
      {
        'go.mod': 'module example.com/m\n',
        'p/t.go': 'package p\n\ntype T struct{}\n\ntype R struct{}\n\nfunc (r *R) next() *T { return &T{} }\n\nfunc (r *R) Next() *T { return r.next() }\n',
        'p/use.go': 'package p\n\nfunc use(r *R) { r.next() }\n',
        // q imports p, but its own `next` is not p's: p's is not visible outside p.
        'q/q.go': 'package q\n\nimport "example.com/m/p"\n\ntype own struct{}\n\nfunc (own) next() {}\n\nfunc f(r *p.R, o own) { o.next(); r.Next() }\n',
        'z/z.go': 'package z\n\ntype S struct{}\n\nfunc (S) Next() {}\n\nfunc g(s S) { s.Next() }\n',
      },
      'T',
    );
    expect(calls.filter((line) => line.includes('factory-call'))).toEqual([
      'p/t.go:9 factory-call R.Next via R.next',
      'p/use.go:3 factory-call use via R.next',
      'q/q.go:9 factory-call f via R.Next',
    ]);
  });

  it('follows the name a file imports a package under: an alias, a dot import, and not a variable of the package name', async () => {
    const sites = await sitesInFiles(
      {
        'go.mod': 'module example.com/m\n',
        'server/config.go': 'package server\n\ntype Config struct{}\n\nfunc NewConfig() *Config { return &Config{} }\n',
        'app/a.go': 'package app\n\nimport srv "example.com/m/server"\n\nfunc a() { _ = srv.Config{}; _ = srv.NewConfig() }\n',
        'dot/b.go': 'package dot\n\nimport . "example.com/m/server"\n\nfunc b() { _ = &Config{}; _ = NewConfig() }\n',
        // Its own Config, and a blank import that names nothing.
        'own/c.go': 'package own\n\nimport _ "example.com/m/server"\n\ntype Config struct{}\n\nfunc c() { _ = Config{} }\n',
        // `server` here is a parameter, not the package.
        'other/o.go': 'package other\n\nfunc o(server struct{ NewConfig func() int }) { server.NewConfig() }\n',
      },
      'server.Config',
    );
    expect(sites).toEqual(
      [
        'app/a.go:5 composite-literal a',
        'app/a.go:5 factory-call a via NewConfig',
        'dot/b.go:5 address-of b',
        'dot/b.go:5 factory-call b via NewConfig',
        'server/config.go:5 address-of NewConfig',
      ].sort(),
    );
  });

  it('counts a call of a factory only with as many arguments as the factory takes', async () => {
    const calls = await sitesInFiles(
      {
        'p/t.go': [
          'package p',
          '',
          'type T struct{}',
          '',
          'type R struct{}',
          '',
          'func (r *R) Clone(deep bool) *T { return &T{} }',
          '',
          'func Make(opts ...int) *T { return &T{} }',
          '',
          'func pair() (bool, int) { return true, 1 }',
          '',
          'type H map[string]string',
          '',
          'func (h H) Clone() H { return h }',
          '',
          'func use(r *R, h H, xs []int) {',
          '\t_ = r.Clone(true)', // 18: R.Clone
          '\t_ = h.Clone()', //     19: another type's Clone, no arguments
          '\t_ = Make()', //        20
          '\t_ = Make(1, 2)', //    21
          '\t_ = Make(xs...)', //   22
          '\t_ = r.Clone(first(pair()))', // 23
          '}',
          '',
          'func first(b bool, _ int) bool { return b }',
        ].join('\n'),
      },
      'T',
    );
    expect(calls.filter((line) => line.includes('factory-call')).map((line) => line.split(' ')[0])).toEqual([
      'p/t.go:18',
      'p/t.go:20',
      'p/t.go:21',
      'p/t.go:22',
      'p/t.go:23',
    ]);
  });

  it('finds new(T) and new(pkg.T), not new([]T), and a factory that returns new(T)', async () => {
    const sites = await sitesInFiles(
      {
        'go.mod': 'module example.com/m\n',
        'server/config.go': 'package server\n\ntype Config struct{}\n\nfunc Zero() *Config { return new(Config) }\n',
        'app/a.go': 'package app\n\nimport "example.com/m/server"\n\nfunc a() {\n\t_ = new(server.Config)\n\t_ = new([]server.Config)\n\t_ = server.Zero()\n}\n',
      },
      'server.Config',
    );
    expect(sites).toEqual(['app/a.go:6 new a', 'app/a.go:8 factory-call a via Zero', 'server/config.go:5 new Zero']);
  });

  it('leaves out factory calls when asked to', async () => {
    const sites = await fx.index.constructionSites('server.Config', { factories: false });
    expect(sites.some((s) => s.kind === 'factory-call')).toBe(false);
    expect(sites).toHaveLength(SERVER_CONFIG.length - 5);
  });

  it('ignores mentions in comments, strings, parameter types, longer names, and same-named methods of packages that cannot see the factory', async () => {
    const sites = await fx.index.constructionSites('Config');
    expect(sites.filter((s) => s.file === 'other/other.go').map((s) => s.line)).toEqual([12]);
    expect(sites.filter((s) => s.file === 'server/config.go').map((s) => s.line)).toEqual([15, 19]);
  });

  it('reads the same sites at a revision as in the working tree', async () => {
    const atHead = await openRepository({ dir: fx.fixture.dir, revision: 'HEAD' });
    const sites = siteLines(await new RepositoryCodeIndex(atHead).constructionSites('server.Config'));
    await atHead.close();
    expect(sites).toEqual(SERVER_CONFIG);
  });
});

describe('declarations (Go)', () => {
  const fx = useFixtureIndex('go');

  it('finds where a struct is declared, in every package that declares one', async () => {
    const found = (await fx.index.declarations('Config')).filter((d) => d.kind === 'struct');
    expect(found.map((d) => `${d.file}:${d.line}`).sort()).toEqual(['other/other.go:4', 'server/config.go:4']);
  });

  it('finds a name declared in one given file only, when asked about that file', async () => {
    const found = await fx.index.declarations('Config', { file: 'other/other.go' });
    expect(found.map((d) => `${d.kind} ${d.file}:${d.line}`)).toEqual(['struct other/other.go:4']);
    expect(await fx.index.declarations('Config', { file: 'cmd/app/main.go' })).toEqual([]);
  });

  it('finds a method by Receiver.Name', async () => {
    const [method] = await fx.index.declarations('Server.WithName');
    expect(method).toMatchObject({ name: 'WithName', container: 'Server', kind: 'method', file: 'server/server.go', line: 10, endLine: 13 });
  });

  it('finds functions, fields and package-level variables', async () => {
    expect((await fx.index.declarations('NewConfig')).map((d) => d.kind)).toEqual(['function']);
    expect((await fx.index.declarations('Port')).map((d) => `${d.kind} ${d.container ?? ''}`)).toEqual(['field Config']);
    expect((await fx.index.declarations('defaultConfig')).map((d) => d.kind)).toEqual(['variable']);
  });

  it('names the innermost declaration enclosing a line', async () => {
    expect(await fx.index.enclosing('server/server.go', 19)).toMatchObject({ name: 'Start', kind: 'method' });
    expect(await fx.index.enclosing('server/config.go', 5)).toMatchObject({ name: 'Name', kind: 'field', container: 'Config' });
    expect(await fx.index.enclosing('server/config.go', 16)).toBeUndefined();
  });
});
