/**
 * The sections around the tasks: a File Structure map above them that names every task's files,
 * and Global Constraints where the plan follows the skill versions that ask for them.
 */
import { describe, expect, it } from 'vitest';
import { lintRule } from '../../helpers.js';
import { spPlan, TASK } from './sp-plan.js';

const lint = async (id: string, text: string): Promise<string[]> => (await lintRule(id, text, { format: 'superpowers' })).map((d) => d.message);

const MAP = ['## File Structure', '', '- `install.sh` — the installer', '- `tests/install.bats` — its tests'];
const TASK2 = ['', '### Task 2: Uninstall', '', '**Files:**', '- Modify: `install.sh:40-52`', '- Create: `uninstall.sh`', '- Test: `tests/uninstall.bats`', '', '- [ ] **Step 1: Write the failing test**'];

describe('sp-file-structure', () => {
  it('accepts a map naming every task file, as a tree of base names too', async () => {
    expect(await lint('sp-file-structure', spPlan({ before: MAP }))).toEqual([]);
    expect(await lint('sp-file-structure', spPlan({ before: ['## File map', '', '```', '.', '├── install.sh', '└── tests/', '    └── install.bats', '```'] }))).toEqual([]);
  });

  it('reports the task files the map leaves out, once per task', async () => {
    const ds = await lintRule('sp-file-structure', spPlan({ before: MAP, tasks: [...TASK, ...TASK2] }), { format: 'superpowers' });
    expect(ds.map((d) => d.message)).toEqual([
      `Task 2's files \`uninstall.sh\`, \`tests/uninstall.bats\` are not in the file map ("File Structure", line 13): add them there with what each one is responsible for.`,
    ]);
  });

  it('reports a plan of four or more files without a map, unless it follows the older skill', async () => {
    expect(await lint('sp-file-structure', spPlan({ tasks: [...TASK, ...TASK2] }))).toEqual([
      'The plan has no File Structure section: before the first task, map the files it creates or modifies and what each one is responsible for.',
    ]);
    expect(await lint('sp-file-structure', spPlan({ tasks: TASK }))).toEqual([]);
    const older = '> **For Claude:** REQUIRED SUB-SKILL: Use superpowers:executing-plans to implement this plan task-by-task.';
    expect(await lint('sp-file-structure', spPlan({ agentic: older, tasks: [...TASK, ...TASK2] }))).toEqual([]);
  });

  it('takes a section above the tasks that lists their files for the map', async () => {
    const scope = ['## Scope', '', 'Files expected to change:', '', '- `install.sh`', '- `uninstall.sh`', '- `tests/install.bats`', '- `tests/uninstall.bats`'];
    expect(await lint('sp-file-structure', spPlan({ before: scope, tasks: [...TASK, ...TASK2] }))).toEqual([]);
  });
});

describe('sp-global-constraints', () => {
  const interfaces = TASK.map((l) => (l === '**Files:**' ? '**Interfaces:**\n- Produces: `install(args) -> int`\n\n**Files:**' : l));

  it('does not ask plans of the skill versions without Interfaces for the section', async () => {
    expect(await lint('sp-global-constraints', spPlan())).toEqual([]);
  });

  it('asks a plan whose tasks declare Interfaces for it', async () => {
    expect(await lint('sp-global-constraints', spPlan({ tasks: interfaces }))).toEqual([
      'Task 1 declares Interfaces, as later writing-plans versions do, but the plan has no "## Global Constraints" section: add one above the first task with the rules every task must respect.',
    ]);
    expect(await lint('sp-global-constraints', spPlan({ before: ['## Global Constraints', '', '- POSIX sh only.'], tasks: interfaces }))).toEqual([]);
  });

  it('reports the section after the tasks', async () => {
    expect(await lint('sp-global-constraints', spPlan({ tasks: [...TASK, '', '## Global Constraints', '', '- POSIX sh only.'] }))).toEqual([
      'The Global Constraints section comes after the first task: move it above the tasks, which must respect it.',
    ]);
  });
});
