/** Removes the run's temporary directory (made in vitest.config.ts, caches included) when the run ends. */
import { rmSync } from 'node:fs';

export function teardown(): void {
  const dir = process.env.MICROPLAN_TEST_RUN_DIR;
  if (dir?.includes('microplan-test-run-')) rmSync(dir, { recursive: true, force: true });
}
