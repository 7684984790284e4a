import { describe, expect, it } from 'vitest';
import { chooseFinal, draftLoop, type LintFn } from '../../src/write/draft/loop.js';
import { revisionRequest } from '../../src/write/draft/revision.js';
import { ProviderError, type CompletionRequest, type CompletionResult, type Provider } from '../../src/write/providers/types.js';
import type { Diagnostic } from '../../src/rules/types.js';

function diag(ruleId: string, severity: 'error' | 'warning', line: number, message: string): Diagnostic {
  return { ruleId, severity, message, span: { start: { line, column: 1 }, end: { line, column: 5 } } };
}

/** A provider answering from a script; a script entry that is an error is thrown. */
function scripted(answers: Array<string | ProviderError | CompletionResult>): Provider & { requests: CompletionRequest[] } {
  const requests: CompletionRequest[] = [];
  return {
    id: 'anthropic',
    defaultModel: undefined,
    requests,
    async complete(request) {
      requests.push(request);
      const next = answers.shift();
      if (next === undefined) throw new Error('no more scripted answers');
      if (next instanceof ProviderError) throw next;
      return typeof next === 'string' ? { text: next, model: 'm', stopReason: 'end_turn' } : next;
    },
  };
}

/** Lint by lookup: the findings for each plan text. */
function lintByText(table: Record<string, Diagnostic[]>): LintFn {
  return async (text) => table[text.trim()] ?? [];
}

const base = { model: 'm', system: 'sys', prompt: 'PROMPT', planPath: 'p.md' };

describe('draftLoop', () => {
  it('sends the findings back and stops at the first round without errors', async () => {
    const provider = scripted(['# A', '# B']);
    const lint = lintByText({ '# A': [diag('title-format', 'error', 1, 'Title "A" must end with "Implementation Plan".')], '# B': [] });
    const outcome = await draftLoop({ ...base, provider, rounds: 3, lint });

    expect(outcome.rounds.map((r) => [r.round, r.errors])).toEqual([
      [1, 1],
      [2, 0],
    ]);
    expect(outcome.best?.round).toBe(2);
    expect(outcome.clean).toBe(true);
    expect(provider.requests).toHaveLength(2);
    expect(provider.requests[0]!.messages).toEqual([{ role: 'user', content: 'PROMPT' }]);
    const [first, draft, revision] = provider.requests[1]!.messages;
    expect(first).toEqual({ role: 'user', content: 'PROMPT' });
    expect(draft).toEqual({ role: 'assistant', content: '# A\n' });
    expect(revision!.role).toBe('user');
    expect(revision!.content).toContain('1:1 title-format Title "A" must end with "Implementation Plan".');
  });

  it('stops after --rounds model calls and keeps the round with the fewest errors', async () => {
    const provider = scripted(['# A', '# B', '# C']);
    const e = (n: number) => Array.from({ length: n }, (_, i) => diag('r', 'error', i + 1, 'bad'));
    const outcome = await draftLoop({ ...base, provider, rounds: 3, lint: lintByText({ '# A': e(3), '# B': e(1), '# C': e(2) }) });
    expect(outcome.rounds).toHaveLength(3);
    expect(outcome.best?.round).toBe(2);
    expect(outcome.clean).toBe(false);
  });

  it('revises only the latest draft, so the conversation does not grow with the rounds', async () => {
    const provider = scripted(['# A', '# B', '# C']);
    await draftLoop({ ...base, provider, rounds: 3, lint: async () => [diag('r', 'error', 1, 'bad')] });
    expect(provider.requests[2]!.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(provider.requests[2]!.messages[1]!.content).toBe('# B\n');
  });

  it('hands each answer to the caller before linting it', async () => {
    const order: string[] = [];
    await draftLoop({
      ...base,
      provider: scripted(['# A']),
      rounds: 1,
      lint: async () => {
        order.push('lint');
        return [];
      },
      events: { answer: (n, text) => void order.push(`answer ${n} ${text.trim()}`) },
    });
    expect(order).toEqual(['answer 1 # A', 'lint']);
  });

  it('reports a provider failure with its round and keeps the rounds before it', async () => {
    const provider = scripted(['# A', new ProviderError('auth', 'rejected', 401)]);
    const outcome = await draftLoop({ ...base, provider, rounds: 3, lint: async () => [diag('r', 'error', 1, 'bad')] });
    expect(outcome.failure?.round).toBe(2);
    expect(outcome.failure?.error.kind).toBe('auth');
    expect(outcome.best?.round).toBe(1);
  });

  it('does not call the model once the signal has fired', async () => {
    const controller = new AbortController();
    controller.abort();
    const provider = scripted(['# A']);
    const outcome = await draftLoop({ ...base, provider, rounds: 2, lint: async () => [], signal: controller.signal });
    expect(outcome.failure?.error.kind).toBe('aborted');
    expect(provider.requests).toHaveLength(0);
  });

  it('marks an answer that stopped at the token limit and says so in the revision request', async () => {
    const provider = scripted([{ text: '# A', model: 'm', stopReason: 'max_tokens' }, '# B']);
    const outcome = await draftLoop({ ...base, provider, rounds: 2, maxTokens: 100, lint: lintByText({ '# A': [diag('r', 'error', 1, 'bad')] }) });
    expect(outcome.rounds[0]!.truncated).toBe(true);
    expect(provider.requests[0]!.maxTokens).toBe(100);
    expect(provider.requests[1]!.messages[2]!.content).toContain('cut off at the output limit');
  });
});

describe('chooseFinal', () => {
  it('prefers fewer errors, then fewer warnings, and the later round on a tie', () => {
    const r = (round: number, errors: number, warnings: number) => ({ round, errors, warnings });
    expect(chooseFinal([r(1, 2, 0), r(2, 1, 5), r(3, 1, 6)])?.round).toBe(2);
    expect(chooseFinal([r(1, 0, 2), r(2, 0, 2)])?.round).toBe(2);
    expect(chooseFinal([r(1, 0, 1), r(2, 0, 2)])?.round).toBe(1);
    expect(chooseFinal([])).toBeUndefined();
  });
});

describe('revisionRequest', () => {
  it('lists errors and warnings as line:col rule-id message and asks for the whole plan', () => {
    const text = revisionRequest([diag('title-format', 'error', 1, 'Bad title.'), diag('contract-count', 'warning', 9, 'Too few contracts.')]);
    expect(text).toContain('found 1 error and 1 warning');
    expect(text).toContain('Errors (must be fixed):\n1:1 title-format Bad title.');
    expect(text).toContain('Warnings (fix them unless the plan is right as it is):\n9:1 contract-count Too few contracts.');
    expect(text).toContain('return the WHOLE corrected plan');
  });
});
