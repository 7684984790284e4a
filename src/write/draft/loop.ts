/**
 * The drafting loop: ask the model for a plan, lint it, send the findings back, and repeat until
 * no error remains or the rounds run out. It owns no files and no terminal: the caller sees
 * every answer (to save it at once) and every progress tick through the events.
 */
import type { Diagnostic } from '../../rules/types.js';
import { ProviderError, type ChatMessage, type CompletionProgress, type Provider } from '../providers/types.js';
import { extractPlan } from './extract.js';
import { countBySeverity, revisionRequest } from './revision.js';
import type { PlanSpecs } from '../../spec/locate.js';

/** Lints a plan's text; `planPath` is where it will be saved (for grounding and messages). */
/** `specs`: the design specs to check the plan against (spec-coverage), when the caller has them. */
export type LintFn = (planText: string, planPath: string, options?: { specs?: PlanSpecs | undefined }) => Promise<Diagnostic[]>;

export interface DraftRound {
  round: number;
  /** The plan extracted from the model's answer. */
  text: string;
  diagnostics: Diagnostic[];
  errors: number;
  warnings: number;
  /** Length of the raw answer. */
  chars: number;
  elapsedMs: number;
  stopReason: string | undefined;
  /** The answer stopped at the output-token limit, so the plan is probably cut off. */
  truncated: boolean;
}

export interface DraftEvents {
  roundStart?(round: number): void;
  progress?(round: number, progress: CompletionProgress): void;
  /** The answer of a round has arrived (before linting): save it now, so nothing is lost. */
  answer?(round: number, planText: string): void | Promise<void>;
  /** A round has been linted. */
  linted?(round: DraftRound): void | Promise<void>;
}

export interface DraftLoopOptions {
  provider: Provider;
  model: string;
  maxTokens?: number | undefined;
  system: string;
  /** The full instructions: the first user message. */
  prompt: string;
  /** Model calls at most, the first draft included. */
  rounds: number;
  planPath: string;
  lint: LintFn;
  signal?: AbortSignal | undefined;
  events?: DraftEvents;
  now?: () => number;
}

export interface DraftOutcome {
  rounds: DraftRound[];
  /** The round to keep as the plan; undefined when no round finished. */
  best: DraftRound | undefined;
  /** The best round has no error. */
  clean: boolean;
  /** Why the loop stopped early: a provider failure or the caller's abort, in round `round`. */
  failure?: { round: number; error: ProviderError };
}

/** Stop reasons meaning "ran out of output tokens", across the wire formats. */
const TRUNCATED = new Set(['max_tokens', 'length', 'model_context_window_exceeded']);

export async function draftLoop(options: DraftLoopOptions): Promise<DraftOutcome> {
  const { provider, events = {}, now = Date.now } = options;
  const rounds: DraftRound[] = [];
  const total = Math.max(1, Math.floor(options.rounds));
  const finish = (failure?: DraftOutcome['failure']): DraftOutcome => {
    const best = chooseFinal(rounds);
    return { rounds, best, clean: best !== undefined && best.errors === 0, ...(failure ? { failure } : {}) };
  };

  for (let n = 1; n <= total; n++) {
    if (options.signal?.aborted) return finish({ round: n, error: new ProviderError('aborted', 'the request was cancelled') });
    const previous = rounds[rounds.length - 1];
    // Only the latest draft and its findings go back: the conversation stays one plan long
    // however many rounds run, so revisions never hit the context window the first draft fit in.
    const messages: ChatMessage[] = [{ role: 'user', content: options.prompt }];
    if (previous) {
      messages.push(
        { role: 'assistant', content: previous.text },
        { role: 'user', content: revisionRequest(previous.diagnostics, { truncated: previous.truncated }) },
      );
    }
    events.roundStart?.(n);
    const started = now();
    let answer;
    try {
      answer = await provider.complete(
        { system: options.system, messages, model: options.model, ...(options.maxTokens !== undefined ? { maxTokens: options.maxTokens } : {}) },
        { signal: options.signal, onProgress: (p) => events.progress?.(n, p) },
      );
    } catch (err) {
      if (err instanceof ProviderError) return finish({ round: n, error: err });
      throw err;
    }
    const text = extractPlan(answer.text);
    await events.answer?.(n, text);
    const diagnostics = await options.lint(text, options.planPath);
    const round: DraftRound = {
      round: n,
      text,
      diagnostics,
      ...countBySeverity(diagnostics),
      chars: answer.text.length,
      elapsedMs: now() - started,
      stopReason: answer.stopReason,
      truncated: answer.stopReason !== undefined && TRUNCATED.has(answer.stopReason),
    };
    rounds.push(round);
    await events.linted?.(round);
    if (round.errors === 0) break;
  }
  return finish();
}

/** Fewest errors, then fewest warnings; a later round wins a tie (it answered more findings). */
export function chooseFinal<T extends { errors: number; warnings: number }>(rounds: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const r of rounds) {
    if (!best || r.errors < best.errors || (r.errors === best.errors && r.warnings <= best.warnings)) best = r;
  }
  return best;
}
