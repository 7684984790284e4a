/** Removes the run's cache directory (made in vitest.config.ts) when the run ends. */
import { rmSync } from 'node:fs';

export function teardown(): void {
  const dir = process.env.MICROPLAN_CACHE_DIR;
  if (dir?.includes('microplan-test-cache-')) rmSync(dir, { recursive: true, force: true });
}
