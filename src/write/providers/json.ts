/** Small helpers for reading untyped JSON from the wire without `any`. */
import { ProviderError } from './types.js';

export type JsonObject = Record<string, unknown>;

export function asObject(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function asNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Parses one event's data; a parse failure is the server's fault, reported as a malformed stream. */
export function parseEventData(data: string, label: string): JsonObject {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    throw new ProviderError('malformed-stream', `${label} sent an event that is not valid JSON: ${preview(data)}`);
  }
  const obj = asObject(parsed);
  if (!obj) throw new ProviderError('malformed-stream', `${label} sent an event that is not a JSON object: ${preview(data)}`);
  return obj;
}

function preview(data: string): string {
  const flat = data.replace(/\s+/g, ' ');
  return JSON.stringify(flat.length > 80 ? `${flat.slice(0, 79)}…` : flat);
}
