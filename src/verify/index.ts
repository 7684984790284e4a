/** Verification of a PR's history against its plan (the TDD ledger) and the PR body. */
export * from './types.js';
export { verifyPlan, loadPlan, type Verification } from './verify.js';
export { replayLedger, expectedTexts, missingTexts, isTestPath } from './replay.js';
export { matchCommits, matchScore, contractRefs, fileMatches, type TaskPromise, type Matching } from './match.js';
export { gitTreeTestFinder, declaredTests, testGrammar } from './test-finder.js';
export { testNamesIn } from './test-names.js';
export { formatTable, formatJson } from '../output/verify.js';
export { renderPrBody, parseVerifyJson, closingLines, type VerifySummary } from './pr-body.js';
export { TempWorktree } from './worktree.js';
