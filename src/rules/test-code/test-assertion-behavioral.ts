import { languageExamples } from '../language-examples.js';
import type { SgNode } from '@ast-grep/napi';
import type { CodeBlock, Plan } from '../../plan/types.js';
import type { Finding, Rule } from '../types.js';
import { findOffences, type OffenceKind } from './assertions.js';
import { kindOf } from '../../languages/kinds.js';
import { detectLanguage, mayDeclareTests, nodeSpan, parseBlock, testFunctions, type ParsedBlock } from './code.js';
import { blockMayOffend } from './go-block-filter.js';

function quote(node: SgNode): string {
  const t = node.text().replace(/\s+/g, ' ').trim();
  return t.length > 60 ? `${t.slice(0, 57)}...` : t;
}

const MESSAGES: Record<OffenceKind, (code: string) => string> = {
  type: (c) => `Test checks a concrete type with \`${c}\`: assert what the value does (its observable output) instead, so the test survives a refactor.`,
  field: (c) => `Test reads internal field \`${c}\`: check the outcome through the public API (return values, output) instead.`,
  formula: (c) => `Test reproduces the formula \`${c}\` as the expected value: assert the ordering or outcome the contract promises instead.`,
  count: (c) => `Test counts an internal collection with \`${c}\`: assert what the items produce, not how many there are.`,
};

/** Code blocks written as a task's test (step "Write failing test", compact **Test:**). */
function testStepBlocks(plan: Plan): Set<CodeBlock> {
  const blocks = new Set<CodeBlock>();
  for (const task of plan.tasks) {
    for (const step of task.steps) if (step.kind === 'test') for (const b of step.codeBlocks) blocks.add(b);
    for (const b of task.compact?.test ?? []) blocks.add(b);
  }
  return blocks;
}

/** What to inspect in one block: its test functions, or the whole snippet when it is a test fragment. */
function testBodies(parsed: ParsedBlock, isTestStep: boolean): SgNode[] {
  const tests = testFunctions(parsed);
  if (tests.length > 0) return tests.map((t) => t.body);
  if (!isTestStep) return [];
  // A fragment of a test ("add to TestFoo: …") with no function of its own: the snippet is the test.
  const { grammar, syntax } = parsed.language.snippets;
  const declaresFunctions = syntax.functionDeclarations.some((kind) => parsed.root.find(kindOf(grammar, kind)) !== null);
  return declaresFunctions ? [] : [parsed.root];
}

export const testAssertionBehavioral: Rule = {
  id: 'test-assertion-behavioral',
  family: 'test-code',
  severity: 'warning',
  formats: ['full', 'compact'],
  description:
    'Assertions in the plan\'s test code verify observable behavior, not internal structure. On the parsed syntax tree of each test (Go, TypeScript/JavaScript, Python), the checks — assertion-library calls, `expect(…)` chains, `assert` statements and conditions of `if`s that fail the test — are searched for the four prohibited patterns of the spec: type assertions on concrete types (`x.(*Concrete)`, `instanceof`), internal-field access (unexported Go fields, `#x`/`_x` members), exact-formula reproduction (`0.6*a + 0.4*b` as the expected value) and implementation counts (`len(obj.items)`). Such tests break on refactor while the behavior is unchanged.',
  instruction: (config) => {
    const ex = languageExamples(config);
    return `In test code, assert only observable behavior: outputs, outcomes, invariants and orderings. Do not assert concrete types (\`${ex.typeAssertion}\`), read private fields (\`obj.items\`), reproduce formulas in expected values (\`0.6*a + 0.4*b\`) or count internal collections (\`${ex.internalCount}\`) — apply the refactor-survival test.`;
  },
  check(plan) {
    const findings: Finding[] = [];
    const stepBlocks = testStepBlocks(plan);
    for (const block of plan.codeBlocks) {
      // Only test steps and blocks that may declare tests have anything to inspect, and of Go
      // snippets only those whose tokens have an offence's shape: parse just those.
      const isTestStep = stepBlocks.has(block);
      if (!isTestStep && !mayDeclareTests(block)) continue;
      const language = detectLanguage(block);
      if (language && !blockMayOffend(block, language.id)) continue;
      const parsed = parseBlock(block);
      if (!parsed) continue;
      for (const body of testBodies(parsed, isTestStep)) {
        for (const o of findOffences(parsed.language.id, body, parsed)) {
          findings.push({ message: MESSAGES[o.kind](quote(o.node)), span: nodeSpan(plan, parsed, o.node) });
        }
      }
    }
    return findings;
  },
};
