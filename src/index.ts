/**
 * microplan as a library: the same modules the CLI is a thin layer over.
 *
 *   import { lintFiles, parsePlan, lintPlan, RULES } from 'microplan';
 */
export * from './plan/index.js';
export { RULES, ruleById } from './rules/index.js';
export type { Rule, RuleFamily, Finding, Diagnostic, RuleContext, Severity, SeveritySetting, Fix } from './rules/types.js';
export { lintPlan, effectiveSeverity, type LintOptions } from './engine/lint.js';
export { lintFiles, lintText, selectRules, type LintFilesOptions, type LintReport, type FileReport, type GroundingFor } from './engine/run.js';
export { defaultConfig } from './config/defaults.js';
export { presetConfig, PRESET_NAMES, type PresetName } from './config/presets.js';
export { ConfigResolver, loadConfigFile, parseConfig } from './config/load.js';
export type { Config, Budgets, ChecklistEntry } from './config/types.js';
export { formatReport, FORMATS } from './output/index.js';
export { openRepository } from './repo/open.js';
export { RepositoryCodeIndex } from './repo/code/code-index.js';
export { RepoError, type Repository, type CodeIndex, type Declaration, type ConstructionSite } from './repo/types.js';
export { GroundingSession, planBase, type GroundingOptions } from './ground/open.js';
export type { Grounding, CodeState } from './ground/types.js';
export { classifyCitation, type CitationStatus } from './ground/citations.js';
export { constructionSites, siteAudits, type SiteAudit } from './ground/sites.js';
export { buildContext, renderContextMarkdown, type ContextReport } from './ground/context.js';
export { renderPrompt, renderRuleList, type PromptInput } from './write/prompt.js';
export { init, type InitOptions, type InitResult } from './write/init/init.js';
export { loadSourceArg, type SourceArgs } from './write/sources/source-arg.js';
export type { Source } from './write/sources/types.js';
export { resolveProvider, ProviderError } from './write/providers/index.js';
export { verifyPlan, replayLedger, renderPrBody } from './verify/index.js';
export { InputError } from './errors.js';
