import type { Rule } from '../types.js';
import { contractImplemented } from './contract-implemented.js';
import { contractInTestStrategy } from './contract-in-test-strategy.js';
import { contractDefined } from './contract-defined.js';
import { testStrategyTask } from './test-strategy-task.js';
import { testStrategyType } from './test-strategy-type.js';
import { goldenPairedWithInvariant } from './golden-paired-with-invariant.js';
import { goldenDatasetInvariant } from './golden-dataset-invariant.js';
import { specCoverageRule } from './spec-coverage.js';

/** Rules of the traceability family, in catalog order. */
export const TRACEABILITY_RULES: readonly Rule[] = [
  contractImplemented,
  contractInTestStrategy,
  contractDefined,
  testStrategyTask,
  testStrategyType,
  goldenPairedWithInvariant,
  goldenDatasetInvariant,
  specCoverageRule,
];
