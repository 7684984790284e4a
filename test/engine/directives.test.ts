import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/defaults.js';
import { lintPlan } from '../../src/engine/lint.js';
import { parsePlan } from '../../src/plan/parse.js';
import { span } from '../../src/plan/source.js';
import type { Rule } from '../../src/rules/types.js';
import { md } from '../helpers.js';

/** A rule defined for these tests: flags every line that contains `word`. */
function wordRule(id: string, word: string): Rule {
  return {
    id,
    family: 'structure',
    severity: 'error',
    formats: ['full', 'compact'],
    description: `Flags ${word}.`,
    instruction: `Do not write ${word}.`,
    check(plan) {
      return plan.lines.flatMap((text, i) => {
        const at = text.indexOf(word);
        return at < 0 ? [] : [{ message: `Line has ${word}: remove it.`, span: span(i + 1, at + 1, i + 1, at + word.length + 1) }];
      });
    },
  };
}

const RULES = [wordRule('no-foo', 'FOO'), wordRule('no-bar', 'BAR')];

/** Lines (and rule ids) reported for a fragment, as "line:rule". */
async function reported(...lines: string[]): Promise<string[]> {
  const plan = parsePlan(md(...lines), 'plan.md');
  plan.format = 'compact';
  const ds = await lintPlan(plan, { config: defaultConfig(), rules: RULES });
  return ds.map((d) => `${d.span.start.line}:${d.ruleId}`);
}

describe('inline directives', () => {
  it('reports every finding when there is no directive', async () => {
    expect(await reported('FOO', '', 'BAR')).toEqual(['1:no-foo', '3:no-bar']);
  });

  it('disable without ids silences every rule until the end of the file', async () => {
    expect(await reported('FOO', '', '<!-- microplan-disable -->', '', 'FOO BAR', '', 'BAR')).toEqual(['1:no-foo']);
  });

  it('disable … enable without ids silences every rule only in between', async () => {
    expect(await reported('<!-- microplan-disable -->', '', 'FOO', '', '<!-- microplan-enable -->', '', 'FOO BAR')).toEqual(['7:no-foo', '7:no-bar']);
  });

  it('disable with ids silences only the named rules', async () => {
    expect(await reported('<!-- microplan-disable no-foo -->', '', 'FOO BAR')).toEqual(['3:no-bar']);
  });

  it('disable accepts several ids separated by spaces or commas', async () => {
    expect(await reported('<!-- microplan-disable no-foo, no-bar -->', '', 'FOO BAR')).toEqual([]);
  });

  it('enable with an id re-enables only that rule', async () => {
    expect(await reported('<!-- microplan-disable -->', '', '<!-- microplan-enable no-bar -->', '', 'FOO BAR')).toEqual(['5:no-bar']);
  });

  it('disable-next-line without ids silences every rule on the next line only', async () => {
    expect(await reported('<!-- microplan-disable-next-line -->', 'FOO BAR', '', 'FOO')).toEqual(['4:no-foo']);
  });

  it('disable-next-line with an id silences only that rule on the next line', async () => {
    expect(await reported('<!-- microplan-disable-next-line no-foo -->', 'FOO BAR')).toEqual(['2:no-bar']);
  });

  it('disable-line silences the line it is written on', async () => {
    expect(await reported('FOO BAR <!-- microplan-disable-line no-bar -->', '', 'BAR')).toEqual(['1:no-foo', '3:no-bar']);
  });

  it('disable-line without ids silences every rule on its line', async () => {
    expect(await reported('FOO BAR <!-- microplan-disable-line -->')).toEqual([]);
  });

  it('ignores the reason after " -- ", even when it names another rule', async () => {
    expect(await reported('<!-- microplan-disable-next-line no-foo -- no-bar is wanted here -->', 'FOO BAR')).toEqual(['2:no-bar']);
  });

  it('applies disable with a reason like disable without one', async () => {
    expect(await reported('<!-- microplan-disable no-foo -- generated section -->', '', 'FOO BAR')).toEqual(['3:no-bar']);
  });

  it('does not treat a directive inside a code fence as a directive', async () => {
    expect(await reported('```html', '<!-- microplan-disable -->', '```', '', 'FOO')).toEqual(['5:no-foo']);
  });

  it('does not let a directive reach back to lines above it', async () => {
    expect(await reported('FOO', '', '<!-- microplan-disable no-foo -->')).toEqual(['1:no-foo']);
  });
});

describe('directives naming a rule that does not exist', () => {
  it('are reported on their line with the close rule id, and silence nothing', async () => {
    expect(await reported('<!-- microplan-disable-next-line no-fooo -->', 'FOO')).toEqual(['1:directive-unknown-rule', '2:no-foo']);
    const plan = parsePlan(md('<!-- microplan-disable no-fooo, no-bar -->', 'FOO BAR'), 'plan.md');
    plan.format = 'compact';
    const ds = await lintPlan(plan, { config: defaultConfig(), rules: RULES });
    expect(ds.map((d) => [d.ruleId, d.severity, d.message])).toEqual([
      ['directive-unknown-rule', 'warning', 'microplan-disable names rule "no-fooo", which does not exist, so it silences nothing: did you mean "no-foo"?'],
      ['no-foo', 'error', 'Line has FOO: remove it.'],
    ]);
  });

  it('know the catalog ids even when only some rules run', async () => {
    expect(await reported('<!-- microplan-disable title-format -->', 'FOO')).toEqual(['2:no-foo']);
  });
});
