import type { Rule } from '../types.js';
import { contractBannedWords } from './contract-banned-words.js';
import { contractClauses } from './contract-clauses.js';
import { contractCount } from './contract-count.js';
import { contractGroupCoverage } from './contract-group-coverage.js';
import { contractGroups } from './contract-groups.js';
import { contractIdPrefix } from './contract-id-prefix.js';
import { contractIds } from './contract-ids.js';
import { contractThenObservable } from './contract-then-observable.js';

/** Rules of the contracts family, in catalog order (the order of Phase 1 of the spec). */
export const CONTRACTS_RULES: readonly Rule[] = [
  contractCount,
  contractIds,
  contractIdPrefix,
  contractClauses,
  contractGroups,
  contractGroupCoverage,
  contractBannedWords,
  contractThenObservable,
];
