#!/usr/bin/env node
/**
 * Behaviour snapshot for performance work: lints every corpus plan in-process with the whole
 * catalog and the default config, and writes every diagnostic as stable JSON to the file named
 * on the command line. Two builds that lint alike produce byte-identical snapshots.
 *
 *   npx tsc -p tsconfig.build.json && node bench/snapshot.mjs /tmp/before.json
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CORPUS = resolve(ROOT, '../shared/corpus/plans');
const out = process.argv[2];
if (!out) {
  console.error('usage: node bench/snapshot.mjs <output.json>');
  process.exit(2);
}

const { lintText } = await import(join(ROOT, 'dist', 'engine', 'run.js'));
// The corpus plans were written for the spec's own project: lint them with its preset.
const { presetConfig } = await import(join(ROOT, 'dist', 'config', 'presets.js'));

const config = presetConfig('inference-sim');
const names = readdirSync(CORPUS).filter((f) => f.endsWith('.md')).sort();
const files = [];
for (const name of names) {
  const r = await lintText(readFileSync(join(CORPUS, name), 'utf8'), name, { config });
  files.push({
    path: name,
    format: r.format,
    diagnostics: r.diagnostics.map((d) => ({
      ruleId: d.ruleId,
      severity: d.severity,
      line: d.span.start.line,
      column: d.span.start.column,
      endLine: d.span.end.line,
      endColumn: d.span.end.column,
      message: d.message,
      ...(d.fix ? { fix: d.fix } : {}),
    })),
  });
}
writeFileSync(out, JSON.stringify(files, null, 1) + '\n');
const count = files.reduce((n, f) => n + f.diagnostics.length, 0);
console.log(`snapshot: ${files.length} files, ${count} diagnostics → ${out}`);
