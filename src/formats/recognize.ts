/**
 * Which format a document is in. The micro-plan recognizer speaks first (its contracts and
 * lettered sections are unmistakable); a document it does not claim is offered to the other
 * formats. A config that names the format (`format: superpowers`) decides instead of the text.
 */
import { recognizeMicroPlan } from './micro-plan/recognize.js';
import { recognizeSuperpowers } from './superpowers/recognize.js';
import type { FormatChoice, FormatSignals, Recognition } from './types.js';

export function recognize(s: FormatSignals, choice: FormatChoice = 'auto'): Recognition {
  if (choice === 'superpowers') {
    return recognizeSuperpowers(s, true) ?? { format: 'none', reason: 'no "Task N" sections and no plan header — not a superpowers plan' };
  }
  const micro = recognizeMicroPlan(s);
  if (micro.format !== 'none' || choice === 'micro-plan') return micro;
  return recognizeSuperpowers(s, false) ?? micro;
}
