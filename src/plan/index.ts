export { parsePlan } from './parse.js';
export * from './types.js';
export { sectionByLetter, contentLineCount, classifyHeading } from './sections.js';
export { plainInline, countSentences, span, lineSpan, linesSpan, findInLine } from './source.js';
export { commitMessageIn, stepKind } from './tasks.js';
