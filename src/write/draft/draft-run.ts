/**
 * `microplan draft`: instructions → model → lint → revision, round after round, with every
 * round saved the moment it arrives. Exit codes: 0 the plan is clean, 1 errors remain,
 * 2 usage or provider error, 130 interrupted (Ctrl-C).
 */
import { join, resolve } from 'node:path';
import { InputError } from '../../errors.js';
import { notAPlanDiagnostic } from '../../engine/not-a-plan.js';
import { formatOfChoice } from '../../formats/index.js';
import { parsePlan } from '../../plan/parse.js';
import { makeRedactor } from '../redact.js';
import { isDirectory, targetProblem } from '../target-check.js';
import { resolveProvider } from '../providers/resolve.js';
import { PROVIDER_IDS } from '../providers/types.js';
import type { RetryPolicy } from '../providers/retry.js';
import type { ProviderId } from '../providers/types.js';
import type { CommandIo, WriteDeps } from './deps.js';
import { providerErrorLine } from './errors.js';
import { chooseDraftFiles, writeNewFile, writePlan } from './files.js';
import { planInstructions, showPath } from './instructions.js';
import { withFormat } from './prompt-run.js';
import type { FormatChoice } from '../../formats/types.js';
import { draftLoop, type DraftRound, type LintFn } from './loop.js';
import { ProgressLine } from './progress.js';
import { countBySeverity } from './revision.js';
import { loadSourceArg, type SourceArgs } from '../sources/source-arg.js';
import { createStreamTap } from './tap.js';
import { defaultPlanPath } from './plan-path.js';
import { DEFAULT_ROUNDS, EXIT_INTERRUPTED } from './limits.js';

export interface DraftArgs extends SourceArgs {
  provider?: string | undefined;
  baseUrl?: string | undefined;
  model?: string | undefined;
  /** As typed; validated here. */
  rounds?: string | undefined;
  maxTokens?: string | undefined;
  /** Seconds of silence from the model before giving up. */
  timeout?: string | undefined;
  out?: string | undefined;
  /** `--format`: the plan format to write, over the config's. */
  format?: string | undefined;
}

export interface DraftIo extends CommandIo {
  /** Fires on Ctrl-C. */
  signal?: AbortSignal | undefined;
  /** Retry timing for tests (the real policy waits seconds). */
  retry?: Partial<RetryPolicy>;
}

export { EXIT_INTERRUPTED, DEFAULT_ROUNDS };
const MAX_ROUNDS = 10;
const DEFAULT_IDLE_SECONDS = 120;
/** A slow local model can take long over a full plan; the idle timeout catches real hangs. */
const TOTAL_MS = 60 * 60_000;

/** The system prompt for micro-plans (the default format); each format's module has its own. */
export const SYSTEM_PROMPT = formatOfChoice('micro-plan').writing.systemPrompt;

interface Settings {
  provider: ProviderId;
  model: string;
  rounds: number;
  maxTokens: number | undefined;
  idleMs: number;
}

/** Everything the user typed is checked before any file is read or any request is sent. */
export function draftSettings(args: DraftArgs): Settings {
  const provider = args.provider?.trim();
  if (!provider) throw new InputError(`--provider is required: one of ${PROVIDER_IDS.join(', ')}`);
  if (!(PROVIDER_IDS as readonly string[]).includes(provider)) {
    throw new InputError(`unknown --provider "${provider}"; choose one of: ${PROVIDER_IDS.join(', ')}`);
  }
  const model = args.model?.trim();
  if (!model) {
    throw new InputError('--model is required, e.g. --model claude-sonnet-4-5 (anthropic), --model gpt-4.1 (openai), --model qwen2.5-coder (a local server)');
  }
  return {
    provider: provider as ProviderId,
    model,
    rounds: integer(args.rounds, '--rounds', 1, MAX_ROUNDS) ?? DEFAULT_ROUNDS,
    maxTokens: integer(args.maxTokens, '--max-tokens', 1, 10_000_000),
    idleMs: (number(args.timeout, '--timeout') ?? DEFAULT_IDLE_SECONDS) * 1000,
  };
}

function integer(value: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || n < min || n > max) throw new InputError(`${flag} must be a whole number from ${min} to ${max}, not "${value}"`);
  return n;
}

function number(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) throw new InputError(`${flag} must be a positive number of seconds, not "${value}"`);
  return n;
}

/**
 * The linter sees nothing in a document that is not a plan (no contracts, no tasks) and would
 * call it clean; a model that answered with prose must be told instead, in the words of the
 * config's format.
 */
export function draftLint(lint: LintFn, format: FormatChoice = 'auto'): LintFn {
  return async (text, path) => {
    const plan = parsePlan(text, path, { format });
    if (plan.format !== 'none') return lint(text, path);
    return [notAPlanDiagnostic(plan, formatOfChoice(format), 'write')];
  };
}

export async function runDraft(args: DraftArgs, io: DraftIo, deps: WriteDeps): Promise<number> {
  const settings = draftSettings(args);
  const config = withFormat(await deps.configFor(io.cwd), args.format);
  const source = await loadSourceArg(args, { cwd: io.cwd, env: io.env, stdin: io.stdin, ...(io.fetch ? { fetch: io.fetch } : {}) });
  const today = io.today?.() ?? new Date();
  const requested = args.out !== undefined ? resolve(io.cwd, args.out) : defaultPlanPath(config, source.title, io.cwd, today);
  const show = (path: string) => showPath(path, io.cwd);
  if (isDirectory(requested)) throw new InputError(`--out ${show(requested)}: is a directory: give the plan's file path, e.g. ${show(join(requested, 'my-change-plan.md'))}`);
  const files = chooseDraftFiles(requested);
  // Every file the run may write is checked before the model is asked: a bad path must not cost an answer.
  for (const path of [files.target, files.roundPath(1)]) {
    const problem = targetProblem(path, io.cwd);
    if (problem) throw new InputError(`${show(path)}: ${problem}; the model was not called`);
  }
  // The plan path in the instructions is where the plan really lands, even when it moved aside.
  const { prompt } = await planInstructions({ config, source, cwd: io.cwd, out: files.target, facts: deps.factsFor(config, io.cwd), today });

  // Build the provider last: a missing key is reported after the cheap checks, before any request.
  const tap = createStreamTap(io.fetch ?? fetch);
  const provider = resolveProvider({
    provider: settings.provider,
    model: settings.model,
    env: io.env,
    fetch: tap.fetch,
    timeouts: { idleMs: settings.idleMs, totalMs: TOTAL_MS },
    ...(args.baseUrl !== undefined ? { baseUrl: args.baseUrl } : {}),
    ...(io.retry ? { retry: io.retry } : {}),
  });
  const redact = makeRedactor(Object.entries(io.env).filter(([k]) => /KEY|TOKEN|SECRET/i.test(k)).map(([, v]) => v));

  const progress = new ProgressLine(io.stderr);
  if (files.displaced) progress.line(`${show(files.displaced)} already exists and is left untouched; this run writes ${show(files.target)}`);
  const saved: string[] = [];
  const outcome = await draftLoop({
    provider,
    model: settings.model,
    maxTokens: settings.maxTokens,
    system: formatOfChoice(config.format).writing.systemPrompt,
    prompt,
    rounds: settings.rounds,
    planPath: files.target,
    lint: draftLint(deps.lintFor(config, io.cwd), config.format),
    signal: io.signal,
    events: {
      roundStart: (n) => {
        tap.reset();
        progress.start(n, n === 1 ? `asking ${settings.model} for a plan` : `asking ${settings.model} to revise`);
      },
      progress: (n, p) => progress.update(n, p.chars, p.elapsedMs),
      answer: (n, text) => {
        tap.reset(); // complete and saved: an interrupt from here on has no partial answer to keep
        const path = files.roundPath(n);
        if (!writeNewFile(path, text)) throw new InputError(`${show(path)} appeared during the run; it was left untouched — run again`);
        saved.push(show(path));
      },
      linted: (r) => progress.done(r.round, r.chars, r.elapsedMs, roundOutcome(r)),
    },
  });
  progress.close();

  const { failure, best } = outcome;
  if (failure?.error.kind === 'aborted') {
    const partial = tap.text();
    if (partial.trim() !== '' && writeNewFile(files.partialPath(failure.round), partial)) saved.push(show(files.partialPath(failure.round)));
    io.stderr.write(`interrupted in round ${failure.round}${saved.length > 0 ? `; kept ${saved.join(', ')}` : ''}\n`);
    return EXIT_INTERRUPTED;
  }
  if (failure) {
    io.stderr.write(`microplan: round ${failure.round} failed: ${providerErrorLine(failure.error, { provider: settings.provider, model: settings.model, redact })}\n`);
  }
  if (!best) return 2;

  const written = writePlan(files, best.text);
  const out: string[] = [];
  const { errors, warnings } = countBySeverity(best.diagnostics);
  out.push(`Wrote ${show(written)} from round ${best.round} of ${outcome.rounds.length}: ${count(errors, 'error')}, ${count(warnings, 'warning')}.`);
  out.push(`Every round is kept: ${saved.join(', ')}`);
  for (const d of best.diagnostics) out.push(`${show(written)}:${d.span.start.line}:${d.span.start.column} ${d.severity} ${d.ruleId} ${d.message}`);
  if (errors > 0 && !failure) {
    out.push(`${count(errors, 'error')} ${errors === 1 ? 'remains' : 'remain'} after ${count(outcome.rounds.length, 'round')}: fix them by hand, or run again with more --rounds.`);
  }
  io.stdout.write(out.join('\n') + '\n');
  if (failure) return 2;
  return outcome.clean ? 0 : 1;
}

function roundOutcome(r: DraftRound): string {
  const text = `${count(r.errors, 'error')}, ${count(r.warnings, 'warning')}`;
  return r.truncated ? `${text} (the answer stopped at the output limit: raise --max-tokens)` : text;
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
