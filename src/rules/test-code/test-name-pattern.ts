import { compileBounded } from '../../config/bounded-regex.js';
import type { Config } from '../../config/types.js';
import { span } from '../../plan/source.js';
import type { Finding, Rule } from '../types.js';
import { languageNamed, parsesSnippets, type SnippetLanguage } from '../../languages/index.js';
import { nodeSpan, planTests } from './code.js';

/** Which test identifiers the project's pattern governs: those of its own language, when it names tests by identifiers. */
function governedLang(config: Config): { language: SnippetLanguage; prose: RegExp } | undefined {
  const language = languageNamed(config.language);
  const prose = language?.tests.proseName;
  return language && parsesSnippets(language) && prose !== undefined ? { language, prose } : undefined;
}

export const testNamePattern: Rule = {
  id: 'test-name-pattern',
  family: 'test-code',
  severity: 'warning',
  // Not superpowers plans: the writing-plans skill sets no naming rule, and reviewers judged the
  // project pattern's findings there ambiguous or false (8 of 8).
  formats: ['full', 'compact'],
  description:
    'Test names follow the project\'s pattern (by default `TestType_Scenario_Behavior`), so a name says which unit, which situation and which promised behavior it checks, and `-run` filters select tests by contract. Checked on test functions declared in the plan\'s code blocks (parsed, in the project\'s language) and on test identifiers named in the test-strategy table.',
  instruction: (config) =>
    config.testNamePattern
      ? `Name every test ${config.testNameExample ?? 'like the pattern'} (pattern \`${config.testNamePattern}\`): the unit, the scenario and the expected behavior.`
      : "Name every test by the unit, the scenario and the expected behavior, in the project's own naming convention.",
  check(plan, { config }) {
    const governed = governedLang(config);
    // Bounded: a pattern that backtracks exponentially must not hang the lint (see bounded-regex.ts).
    const re = config.testNamePattern === undefined ? undefined : compileBounded(config.testNamePattern);
    if (!governed || !re) return [];
    const findings: Finding[] = [];
    const message = (name: string): string =>
      `Test name "${name}" does not match the project's test-name pattern: rename it like ${config.testNameExample ?? `/${config.testNamePattern}/`} (unit, scenario, expected behavior).`;
    const declared = new Set<string>();
    for (const t of planTests(plan, governed.language)) {
      if (!t.identifier) continue;
      // Plans often repeat a test in the appendix: report the first definition only.
      if (declared.has(t.name)) continue;
      declared.add(t.name);
      if (t.name === 'TestMain' || re.test(t.name)) continue;
      findings.push({ message: message(t.name), span: nodeSpan(plan, t.parsed, t.nameNode) });
    }
    // Names only mentioned in the test-strategy table (tests defined elsewhere are reported where they are defined).
    const reported = new Set<string>();
    for (const row of plan.testStrategy.rows) {
      const cell = row.name;
      if (cell.text === '' || cell.span.start.line !== cell.span.end.line) continue;
      const { prose } = governed;
      prose.lastIndex = 0;
      for (let m = prose.exec(cell.text); m; m = prose.exec(cell.text)) {
        // "TestConvertPreset_*" is a -run glob over a family of tests, not a test name.
        if (m[0].endsWith('_') || cell.text[m.index + m[0].length] === '*') continue;
        const name = m[0];
        if (name === 'TestMain' || declared.has(name) || reported.has(name) || re.test(name)) continue;
        reported.add(name);
        const col = cell.span.start.column + m.index;
        findings.push({ message: message(name), span: span(cell.span.start.line, col, cell.span.start.line, col + m[0].length) });
      }
    }
    return findings;
  },
};
