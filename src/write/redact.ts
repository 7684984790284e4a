/**
 * Secrets must never reach a message, error or log. Servers echo keys back (OpenAI's 401 body
 * quotes a masked prefix and suffix of the key), so besides the exact secrets we also blank
 * anything shaped like a well-known key or bearer token.
 */

export const REDACTED = '[redacted]';

/** Shapes of keys and tokens, with the replacement that keeps any label so messages still read. */
const KEY_SHAPES: ReadonlyArray<[RegExp, string]> = [
  [/\bsk-[A-Za-z0-9_*.-]{4,}/g, REDACTED], // OpenAI / Anthropic ("sk-ant-…"), also masked "sk-abc***xyz"
  [/\bgh[pousr]_[A-Za-z0-9]{8,}/g, REDACTED], // GitHub tokens
  [/\bgithub_pat_[A-Za-z0-9_]{8,}/g, REDACTED],
  [/\b(Bearer)\s+[^\s"',}]+/gi, `$1 ${REDACTED}`],
  [/\b(x-api-key|api[_-]?key)(["']?\s*[:=]\s*["']?)[^\s"',}]+/gi, `$1$2${REDACTED}`],
];

export type Redactor = (text: string) => string;

export function makeRedactor(secrets: ReadonlyArray<string | undefined>): Redactor {
  // Very short "secrets" (e.g. "x") would shred ordinary words; real keys are long.
  const exact = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 6);
  return (text) => {
    let out = text;
    for (const secret of exact) out = out.split(secret).join(REDACTED);
    for (const [shape, replacement] of KEY_SHAPES) out = out.replace(shape, replacement);
    return out;
  };
}

/** Collapses whitespace to one line and truncates, so server bodies fit in a one-line message. */
export function oneLine(text: string, max = 240): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
