/** The compact plan the grounding tests hang their citations and audits on: `body` is its Phase 0. */
export function widgetPlan(body: string, base?: string): string {
  return [
    '# Widget Size Implementation Plan',
    '',
    '**Goal:** Let widgets have a size.',
    '**Source:** GitHub issue #1',
    '**Closes:** Fixes #1',
    ...(base ? [`**Base:** ${base}`] : []),
    '',
    '## Phase 0: Component Context',
    '',
    body,
    '',
    '## Behavioral Contracts',
    '',
    'BC-1: Size',
    '- GIVEN a widget',
    '- WHEN it is built',
    '- THEN it has a size',
    '',
  ].join('\n');
}
