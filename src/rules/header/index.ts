import type { Rule } from '../types.js';
import { addsNumberedList } from './adds-numbered-list.js';
import { agentLine } from './agent-line.js';
import { architectureLength } from './architecture-length.js';
import { closesKeywords } from './closes-keywords.js';
import { goalOneSentence } from './goal-one-sentence.js';
import { goalPlainLanguage } from './goal-plain-language.js';
import { headerFieldNonempty } from './header-field-nonempty.js';
import { headerFieldsOrder } from './header-fields-order.js';
import { headerFieldsPresent } from './header-fields-present.js';
import { problemLength } from './problem-length.js';
import { sourcePresent } from './source-present.js';
import { titleFormat } from './title-format.js';
import { whyLength } from './why-length.js';

/** Rules of the header family, in catalog order (the order of the spec's header). */
export const HEADER_RULES: readonly Rule[] = [
  titleFormat,
  agentLine,
  headerFieldsPresent,
  headerFieldsOrder,
  headerFieldNonempty,
  goalOneSentence,
  goalPlainLanguage,
  problemLength,
  addsNumberedList,
  whyLength,
  architectureLength,
  sourcePresent,
  closesKeywords,
];
