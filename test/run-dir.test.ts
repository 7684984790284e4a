/** `npm test` leaves nothing in the system temporary directory (see vitest.config.ts). */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('the test run', () => {
  it("makes every temporary directory inside the run's own directory, which the run removes at its end", () => {
    const runDir = process.env.MICROPLAN_TEST_RUN_DIR;
    expect(runDir).toMatch(/microplan-test-run-/);
    const made = mkdtempSync(join(tmpdir(), 'microplan-any-'));
    expect(relative(runDir!, made).startsWith('..')).toBe(false);
    expect(relative(runDir!, process.env.MICROPLAN_CACHE_DIR!).startsWith('..')).toBe(false);
  });
});
