/** The superpowers writing-plans format's own rules (skills/writing-plans/SKILL.md, obra/superpowers, MIT). */
import type { Rule } from '../../../rules/types.js';
import { spHeaderTechStack } from './header-tech-stack.js';

export const SUPERPOWERS_RULES: readonly Rule[] = [spHeaderTechStack];
