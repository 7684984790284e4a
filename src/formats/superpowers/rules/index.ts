/** The superpowers writing-plans format's own rules (skills/writing-plans/SKILL.md, obra/superpowers, MIT). */
import type { Rule } from '../../../rules/types.js';
import { spCodeStepWithoutCode } from './code-step-without-code.js';
import { spHeaderTechStack } from './header-tech-stack.js';
import { spInterfaces, spInterfacesNames } from './interfaces.js';
import { spNoPlaceholders } from './no-placeholders.js';
import { spTypeConsistency } from './type-consistency.js';

export const SUPERPOWERS_RULES: readonly Rule[] = [spHeaderTechStack, spNoPlaceholders, spCodeStepWithoutCode, spInterfaces, spInterfacesNames, spTypeConsistency];
