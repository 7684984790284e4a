import type { Rule } from '../types.js';
import { compactTaskParts } from './compact-task-parts.js';
import { taskCodeBlocks } from './task-code-blocks.js';
import { taskCommitMessage } from './task-commit-message.js';
import { taskContractCount } from './task-contract-count.js';
import { taskContracts } from './task-contracts.js';
import { taskCount } from './task-count.js';
import { taskExactCommands } from './task-exact-commands.js';
import { taskFiles } from './task-files.js';
import { taskGreenStep } from './task-green-step.js';
import { taskLintCommand } from './task-lint-command.js';
import { taskLintStep } from './task-lint-step.js';
import { taskNoPlaceholders } from './task-no-placeholders.js';
import { taskNumbering } from './task-numbering.js';
import { taskRedStep } from './task-red-step.js';
import { taskSteps } from './task-steps.js';

/** Rules of the tasks family, in catalog order (the order of the spec's Phase 4 template and task design rules). */
export const TASKS_RULES: readonly Rule[] = [
  taskCount,
  taskNumbering,
  taskContracts,
  taskContractCount,
  taskFiles,
  taskSteps,
  taskCodeBlocks,
  taskRedStep,
  taskGreenStep,
  taskLintStep,
  taskLintCommand,
  taskCommitMessage,
  taskExactCommands,
  taskNoPlaceholders,
  compactTaskParts,
];
