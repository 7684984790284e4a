/** Header fields as superpowers plans write them (`**Goal:**`, `**Tech Stack:**`), by label. */
import type { HeaderField, Plan } from '../../../plan/types.js';

/**
 * The three labels of the header, also as plans written in another language translate them
 * ("**Mục tiêu:**", "**目标：**", "**Arquitectura:**"): most keep the English labels, but a plan
 * that translates them has its header all the same.
 */
export const GOAL = /^(?:goal|objective|目标|目標|目的|ゴール|목표|objetivo|objectif|ziel|цель|mục tiêu|hedef|obiettivo|doel|cel)$/i;
export const ARCHITECTURE =
  /^(?:architecture|架构|架構|アーキテクチャ|아키텍처|아키텍쳐|arquitectura|arquitetura|architektur|архитектура|kiến trúc|mimari|architettura|architectuur|architektura)$/i;
export const TECH_STACK =
  /^(?:tech(?:nology)?[ -]stack|技术栈|技術棧|技術スタック|기술 ?스택|stack tecnol[oó]gico|pila tecnol[oó]gica|tecnolog[ií]as|stack t[eé]cnico|stack technique|technologies|tech[- ]stack|technologie-?stack|стек(?: технологий)?|технологии|công nghệ|teknolojiler|tecnologie)$/i;

export function headerField(plan: Plan, label: RegExp): HeaderField | undefined {
  // "**Tech Stack (recap):**" is the Tech Stack: a note after the label does not rename it.
  return plan.header.find((f) => label.test(f.label.replace(/\s*[(（][^)）]*[)）]\s*$/, '').trim()));
}
