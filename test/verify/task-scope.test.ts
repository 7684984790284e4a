/** What a task may touch, read from its Files list and from the `git add` of its commit step. */
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/parse.js';
import { taskScope } from '../../src/verify/task-scope.js';

const plan = (add: string): string => `# Retry Implementation Plan

**Goal:** Retry failed uploads.

### Task 1: Retry

**Files:**
- Modify: \`src/upload.ts\`

- [ ] **Step 1: Commit**

\`\`\`bash
${add}
git commit -m "feat: retry uploads"
\`\`\`
`;

describe('taskScope', () => {
  it('reads the files a task stages, also when git is given options before `add`', () => {
    for (const add of ['git add src/upload.ts src/retry.ts', 'git -C "E:\\work\\repo" add src/upload.ts src/retry.ts', 'git --no-pager -c core.autocrlf=false add src/upload.ts src/retry.ts']) {
      const p = parsePlan(plan(add));
      expect(taskScope(p, p.tasks[0]!).touch, add).toContain('src/retry.ts');
    }
  });
});
