import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// The commands tests spawn cache results (src/repo/code/site-cache.ts): in a directory of this run, not ~/.cache.
process.env.MICROPLAN_CACHE_DIR = mkdtempSync(path.join(tmpdir(), 'microplan-test-cache-'));

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    globalSetup: ['test/cache-dir-teardown.ts'],
  },
});
