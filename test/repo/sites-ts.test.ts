import { describe, expect, it } from 'vitest';
import { siteLines, sitesInFiles, useFixtureIndex } from './site-helpers.js';

describe('construction sites (TypeScript/JavaScript)', () => {
  const fx = useFixtureIndex('ts');

  it('finds every object literal typed as an interface (precision and recall 100%)', async () => {
    expect(siteLines(await fx.index.constructionSites('Settings'))).toEqual(
      [
        'src/client.ts:4 typed-object-literal -',
        'src/client.ts:13 typed-object-literal Client.configure',
        'src/client.ts:19 factory-call boot via makeSettings',
        'src/client.ts:21 typed-return boot',
        'src/settings.ts:7 typed-object-literal -',
        'src/settings.ts:10 typed-return makeSettings',
        'src/settings.ts:15 typed-return loadSettings',
        'src/settings.ts:18 typed-return arrow',
        'src/settings.ts:20 typed-object-literal -',
        'src/settings.ts:20 typed-object-literal -',
        'src/settings.ts:21 typed-object-literal -',
        'src/settings.ts:22 typed-object-literal -',
        'src/settings.ts:24 typed-object-literal withDefault',
        'src/settings.ts:28 as -',
        'src/settings.ts:29 satisfies -',
        'src/settings.ts:30 as -',
        'src/view.tsx:6 typed-object-literal View',
      ].sort(),
    );
  });

  it('finds each element of a T[] literal and each value of a Record<K, T> literal, not the container', async () => {
    const sites = await fx.index.constructionSites('Settings');
    expect(sites.filter((s) => s.file === 'src/settings.ts' && s.line >= 20 && s.line <= 22).map((s) => [s.line, s.column])).toEqual([
      [20, 33],
      [20, 50],
      [21, 53],
      [22, 41],
    ]);
  });

  it('finds new T() in .ts, .tsx and .js files, and calls of a static factory', async () => {
    expect(siteLines(await fx.index.constructionSites('Client'))).toEqual([
      'src/client.ts:9 new Client.create',
      'src/client.ts:20 factory-call boot via Client.create',
      'src/main.js:4 new start',
      'src/view.tsx:5 new View',
    ].sort());
  });

  it('follows the names a file imports the type and its module under', async () => {
    const files = {
      'src/config.ts': 'export class Config {}\nexport interface Opts { a: number }\n',
      'src/use.ts': [
        "import { Config as Cfg, type Opts as O } from './config.js';",
        "import * as cfg from './config';",
        'export const a = new Cfg();',
        'export const b = new cfg.Config();',
        'export const c: O = { a: 1 };',
        'export function make(): Cfg { return new Cfg(); }',
        "export const d = { a: 2 } as cfg.Opts;",
        "export const e = new other.Config();",
      ].join('\n'),
    };
    expect(await sitesInFiles(files, 'config.Config')).toEqual([
      'src/use.ts:3 new -',
      'src/use.ts:4 new -',
      'src/use.ts:6 new make',
    ]);
    expect(await sitesInFiles(files, 'config.Opts')).toEqual(['src/use.ts:5 typed-object-literal -', 'src/use.ts:7 as -']);
  });

  it('follows a factory imported under another name to its calls', async () => {
    const files = {
      'src/widget.ts': 'export class Widget {}\nexport function makeWidget(): Widget { return new Widget(); }\n',
      'src/use.ts': [
        "import { makeWidget as mw } from './widget.js';",
        "import { makeWidget } from './widget.js';",
        'export const a = mw();',
        'export const b = makeWidget();',
        'export const c = mw;',
      ].join('\n'),
      'src/other.ts': "import { makeWidget as mw } from './widget.js';\nexport const d = mw<number>();\n",
    };
    expect(await sitesInFiles(files, 'Widget')).toEqual([
      'src/other.ts:2 factory-call - via makeWidget',
      'src/use.ts:3 factory-call - via makeWidget',
      'src/use.ts:4 factory-call - via makeWidget',
      'src/widget.ts:2 new makeWidget',
    ]);
  });

  it('finds object literals pushed onto an array, or set in a map, whose element type is declared or initialized in scope', async () => {
    const lines = await sitesInFiles(
      {
        'src/t.ts': 'export interface Item { n: number }\n',
        'src/use.ts': [
          "import type { Item } from './t.js';",
          'export function collect(extra: Item[]): Item[] {',
          '  const out: Item[] = [];',
          '  out.push({ n: 1 }, ({ n: 2 }));',
          '  extra.unshift({ n: 3 });',
          '  const inner = () => { const out = []; out.push({ n: 4 }); };', // an untyped `out` shadows the typed one
          '  const names: string[] = [];',
          "  names.push('x');",
          '  return out;',
          '}',
          'export class Bag {',
          '  items: Array<Item> = [];',
          '  add(): void { this.items.push({ n: 5 }); }',
          '}',
          'const top: Item[] = [];',
          'top.push({ n: 6 });',
          'const typed: Map<string, Item> = new Map();',
          "typed.set('a', { n: 7 });",
          "new Set<Item>().add({ n: 8 });",
          'const made = new Map<string, Item>();',
          "made.set('b', { n: 9 });",
          'const cast = [] as Item[];',
          'cast.push({ n: 10 });',
          'const plain = new Map();',
          "plain.set('c', { n: 11 });",
        ].join('\n'),
      },
      'Item',
    );
    expect(lines).toEqual(
      [
        'src/use.ts:4 typed-object-literal collect',
        'src/use.ts:4 typed-object-literal collect',
        'src/use.ts:5 typed-object-literal collect',
        'src/use.ts:13 typed-object-literal Bag.add',
        'src/use.ts:16 typed-object-literal -',
        'src/use.ts:18 typed-object-literal -',
        'src/use.ts:21 typed-object-literal -',
        'src/use.ts:23 typed-object-literal -',
      ].sort(),
    );
  });

  it('limits the search to JavaScript files with language javascript', async () => {
    expect(siteLines(await fx.index.constructionSites('Client', { language: 'javascript' }))).toEqual(['src/main.js:4 new start']);
  });

  it('finds declarations and the enclosing method of a line', async () => {
    expect((await fx.index.declarations('Settings')).map((d) => `${d.kind} ${d.file}:${d.line}`)).toEqual(['interface src/settings.ts:2']);
    expect((await fx.index.declarations('Client.configure')).map((d) => d.kind)).toEqual(['method']);
    expect((await fx.index.declarations('arrow')).map((d) => d.kind)).toEqual(['function']);
    expect(await fx.index.enclosing('src/client.ts', 13)).toMatchObject({ name: 'configure', container: 'Client' });
  });
});
