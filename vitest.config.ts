import { mkdtempSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Every temporary directory of the run — the tests' own (mkdtemp under os.tmpdir()), those of the
// commands they spawn, git's — goes under one directory of this run, which test/run-teardown.ts
// removes when the run ends: `npm test` leaves nothing in the system temporary directory.
const runDir = mkdtempSync(path.join(tmpdir(), 'microplan-test-run-'));
process.env.MICROPLAN_TEST_RUN_DIR = runDir;
process.env.TMPDIR = runDir;
// The commands tests spawn cache results (src/repo/code/site-cache.ts): in a directory of this run, not ~/.cache.
process.env.MICROPLAN_CACHE_DIR = mkdtempSync(path.join(runDir, 'microplan-test-cache-'));

// Each command a test spawns runs in its own process: a lint would otherwise start a lint server
// that outlives the run (test/cli/lint-server.test.ts turns it on, in directories of its own).
process.env.MICROPLAN_SERVER = 'off';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One worker per core, not vitest's cores - 1: most slow tests wait on the git and node processes they
    // spawn, so on a 2-core machine a second worker halves test/verify's wall time instead of idling a core.
    maxWorkers: availableParallelism(),
    testTimeout: 30_000,
    hookTimeout: 60_000,
    globalSetup: ['test/run-teardown.ts'],
  },
});
