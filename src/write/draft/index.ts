/** Writing one plan: the instructions for any agent (`prompt`) and headless drafting with a model (`draft`). */
export { extractPlan } from './extract.js';
export { revisionRequest, formatFinding, countBySeverity } from './revision.js';
export { draftLoop, chooseFinal, type LintFn, type DraftRound, type DraftEvents, type DraftLoopOptions, type DraftOutcome } from './loop.js';
export { chooseDraftFiles, writeNewFile, writePlan, type DraftFiles } from './files.js';
export { ProgressLine, progressText, type ProgressStream, type ProgressOptions } from './progress.js';
export { createStreamTap, type StreamTap } from './tap.js';
export { providerErrorLine, KEY_VARS } from './errors.js';
export { slugify, isoDate, defaultPlanPath } from './plan-path.js';
export { loadSourceArg, isIssueSpec, type SourceArgs, type SourceDeps } from '../sources/source-arg.js';
export { planInstructions, showPath, type PlanInstructions } from './instructions.js';
export type { FactsFn, WriteDeps, CommandIo } from './deps.js';
export { runPrompt, type PromptArgs } from './prompt-run.js';
export { runDraft, draftSettings, draftLint, SYSTEM_PROMPT, EXIT_INTERRUPTED, DEFAULT_ROUNDS, type DraftArgs, type DraftIo } from './draft-run.js';
