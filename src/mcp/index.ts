/** The MCP server: microplan's tools for agents, over stdio. */
export { createMcpServer, serveStdio, SERVER_NAME, type McpHandlers, type LintPlanInput, type PlanContextInput, type VerifyPrInput } from './server.js';
export { lintPlanHandler, type LintToolDeps } from './lint-tool.js';
export { lintJson, type LintJson, type LintJsonFinding } from './lint-json.js';
