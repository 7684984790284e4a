import { describe, expect, it } from 'vitest';
import { terminalWidth, useColor } from '../../src/output/color.js';
import { cli, tempDir } from '../cli/run-cli.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

describe('colour', () => {
  it('is on at a terminal, off in a pipe, off with NO_COLOR, on with FORCE_COLOR (which wins)', () => {
    expect(useColor({ isTTY: true }, {})).toBe(true);
    expect(useColor({ isTTY: false }, {})).toBe(false);
    expect(useColor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(useColor({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
    expect(useColor({ isTTY: true }, { FORCE_COLOR: '0' })).toBe(false);
    expect(useColor({ isTTY: false }, { FORCE_COLOR: '', NO_COLOR: '1' })).toBe(true);
  });

  it('lint colours a pipe with FORCE_COLOR', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.md'), '# Cache\n\nBC-1: x\n- GIVEN a\n- WHEN b\n- THEN c\n');
    const r = cli(['lint', '--rule', 'title-format', 'plan.md'], { cwd: dir, env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(r.stdout).toContain('\u001b[4mplan.md\u001b[24m');
  });
});

describe('terminal width', () => {
  it('is the columns of a terminal, and none for a pipe', () => {
    expect(terminalWidth({ isTTY: true, columns: 80 })).toBe(80);
    expect(terminalWidth({ isTTY: false, columns: 80 })).toBeUndefined();
  });
});
