/** The superpowers writing-plans format's own rules (skills/writing-plans/SKILL.md, obra/superpowers, MIT). */
import type { Rule } from '../../../rules/types.js';
import { spCodeStepWithoutCode } from './code-step-without-code.js';
import { spCommitStep } from './commit-step.js';
import { spFailingTestFirst } from './failing-test-first.js';
import { spFileStructure } from './file-structure.js';
import { spFilesExactPaths } from './files-exact-paths.js';
import { spFilesLineRange } from './files-line-range.js';
import { spGlobalConstraints } from './global-constraints.js';
import { spHeaderAgenticLine } from './header-agentic-line.js';
import { spHeaderArchitecture } from './header-architecture.js';
import { spHeaderArchitectureLength } from './header-architecture-length.js';
import { spHeaderGoal } from './header-goal.js';
import { spHeaderGoalOneSentence } from './header-goal-one-sentence.js';
import { spHeaderPosition } from './header-position.js';
import { spHeaderTechStack } from './header-tech-stack.js';
import { spHeaderTitle } from './header-title.js';
import { spInterfaces } from './interfaces.js';
import { spNoPlaceholders } from './no-placeholders.js';
import { spRunExpected } from './run-expected.js';
import { spStepCheckbox } from './step-checkbox.js';
import { spTaskFiles } from './task-files.js';
import { spTaskHeading } from './task-heading.js';
import { spTypeConsistency } from './type-consistency.js';

/** In the order of the skill: the header, the file map, then each task's parts. */
export const SUPERPOWERS_RULES: readonly Rule[] = [
  spHeaderTitle,
  spHeaderPosition,
  spHeaderAgenticLine,
  spHeaderGoal,
  spHeaderGoalOneSentence,
  spHeaderArchitecture,
  spHeaderArchitectureLength,
  spHeaderTechStack,
  spGlobalConstraints,
  spFileStructure,
  spTaskHeading,
  spTaskFiles,
  spFilesExactPaths,
  spFilesLineRange,
  spInterfaces,
  spStepCheckbox,
  spFailingTestFirst,
  spRunExpected,
  spCommitStep,
  spNoPlaceholders,
  spCodeStepWithoutCode,
  spTypeConsistency,
];
