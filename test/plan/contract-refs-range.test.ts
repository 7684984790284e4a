import { describe, expect, it } from 'vitest';
import { findContractRefs } from '../../src/plan/contracts.js';

describe('findContractRefs short ranges', () => {
  it('expands "BC-1..4" and "BC-6–8" to every id in the range', () => {
    const ids = findContractRefs(['fix(x): guard (BC-1..4, BC-6–8)']).map((r) => r.id);
    expect(ids).toEqual(['BC-1', 'BC-2', 'BC-3', 'BC-4', 'BC-6', 'BC-7', 'BC-8']);
  });

  it('does not read a namespaced id "BC-17-3" as a range', () => {
    // (The id itself is read as "BC-17" by the contract parser; what matters here is that no range is invented.)
    const ids = findContractRefs(['see BC-17-3']).map((r) => r.id);
    expect(ids).toHaveLength(1);
  });
});
