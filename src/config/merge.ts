/** Layering config values: mappings merge key by key, anything else (lists included) replaces. */
import type { Config } from './types.js';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function mergeValues(base: Config, overrides: Record<string, unknown>): Config {
  const merge = (a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> => {
    const out: Record<string, unknown> = { ...a };
    for (const [k, v] of Object.entries(b)) {
      const cur = out[k];
      out[k] = isRecord(cur) && isRecord(v) ? merge(cur, v) : v;
    }
    return out;
  };
  // Safe: overrides were validated against the schema (or are a preset), whose keys are typed against Config.
  return merge(base as unknown as Record<string, unknown>, overrides) as unknown as Config;
}
