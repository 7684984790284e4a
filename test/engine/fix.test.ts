import { mkdtempSync, readFileSync, writeFileSync, statSync, chmodSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFixes, FileChangedError, restoreEncoding, writeIfUnchanged } from '../../src/engine/fix.js';
import { span } from '../../src/plan/source.js';

describe('applyFixes', () => {
  it('replaces the span of each fix, counting columns from 1 and ends exclusive', () => {
    expect(applyFixes('one two\nthree\n', [{ span: span(2, 1, 2, 6), replacement: '3' }, { span: span(1, 5, 1, 8), replacement: '2' }])).toEqual({
      text: 'one 2\n3\n',
      applied: 2,
    });
  });

  it('skips a fix that overlaps an earlier one, leaving it for the next pass', () => {
    const r = applyFixes('abcdef', [{ span: span(1, 1, 1, 4), replacement: 'X' }, { span: span(1, 3, 1, 5), replacement: 'Y' }]);
    expect(r).toEqual({ text: 'Xdef', applied: 1 });
  });

  it('applies an insertion (empty span) and a deletion (empty replacement)', () => {
    expect(applyFixes('ac\nxx\n', [{ span: span(1, 2, 1, 2), replacement: 'b' }, { span: span(2, 1, 2, 3), replacement: '' }]).text).toBe('abc\n\n');
  });

  it('clamps a column past the end of its line to the line end', () => {
    expect(applyFixes('ab\ncd\n', [{ span: span(1, 3, 1, 99), replacement: '!' }]).text).toBe('ab!\ncd\n');
  });
});

describe('restoreEncoding', () => {
  it('puts back CRLF line endings and a BOM the original had', () => {
    expect(restoreEncoding('a\nb\n', '\ufeffx\r\ny\r\n')).toBe('\ufeffa\r\nb\r\n');
    expect(restoreEncoding('a\nb\n', 'x\ny\n')).toBe('a\nb\n');
  });
});

describe('writeIfUnchanged', () => {
  it('rewrites the file in place, keeping its mode and leaving no other file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'microplan-fix-'));
    const file = join(dir, 'plan.md');
    writeFileSync(file, 'old');
    chmodSync(file, 0o640);
    await writeIfUnchanged(file, Buffer.from('old'), 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['plan.md']);
  });

  it('refuses to write when the file changed since it was read, and leaves the change alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'microplan-fix-'));
    const file = join(dir, 'plan.md');
    writeFileSync(file, 'edited by the user');
    await expect(writeIfUnchanged(file, Buffer.from('as read'), 'fixed')).rejects.toThrow(FileChangedError);
    expect(readFileSync(file, 'utf8')).toBe('edited by the user');
  });
});
