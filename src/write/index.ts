/** Writing plans: model providers and the sources of work they are given. */
export * from './providers/index.js';
export * from './sources/index.js';
export { makeRedactor, type Redactor } from './redact.js';
