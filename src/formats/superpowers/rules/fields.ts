/** Header fields as superpowers plans write them (`**Goal:**`, `**Tech Stack:**`), by label. */
import type { HeaderField, Plan } from '../../../plan/types.js';
import { isCode, linesBeforeTasks } from './parts.js';

/**
 * The three labels of the header, also as plans written in another language translate them
 * ("**Mục tiêu:**", "**目标：**", "**Arquitectura:**"): most keep the English labels, but a plan
 * that translates them has its header all the same.
 */
export const GOAL = /^(?:goal|objective|目标|目標|目的|ゴール|목표|objetivo|objectif|ziel|цель|mục tiêu|hedef|obiettivo|doel|cel)$/i;
export const ARCHITECTURE =
  /^(?:architecture|架构|架構|アーキテクチャ|아키텍처|아키텍쳐|arquitectura|arquitetura|architektur|архитектура|kiến trúc|mimari|architettura|architectuur|architektura)$/i;
export const TECH_STACK =
  /^(?:tech(?:nology)?[ -]stack|stack|技术栈|技術棧|技術スタック|기술 ?스택|stack tecnol[oó]gico|pila tecnol[oó]gica|tecnolog[ií]as|stack t[eé]cnico|stack technique|technologies|tech[- ]stack|technologie-?stack|стек(?: технологий)?|технологии|công nghệ|teknolojiler|tecnologie)$/i;

export function headerField(plan: Plan, label: RegExp): HeaderField | undefined {
  // "**Tech Stack (recap):**" is the Tech Stack: a note after the label does not rename it.
  return plan.header.find((f) => label.test(f.label.replace(/\s*[(（][^)）]*[)）]\s*$/, '').trim()));
}

/**
 * Whether the plan's header was read: one of its three labelled lines was found, or the plan gives
 * one of them as a section instead ("## Goal"). A header with none of them and no such section is
 * most often one written in a form the parser does not read (labels in another language, a line
 * before the title), and on the blind batches each such finding was wrong (9 of 9, on three
 * plans); so a missing line is reported only where the header or such a section was found.
 */
export function headerRead(plan: Plan): boolean {
  const labels = [GOAL, ARCHITECTURE, TECH_STACK];
  if (labels.some((label) => headerField(plan, label) !== undefined)) return true;
  return plan.sections.some((s) => labels.some((label) => label.test(s.heading.text.replace(/^#+\s*/, '').replace(/[:：]\s*$/, '').trim())));
}

/**
 * A header line the header did not reach, still before the first task: "## Status" over a table, then
 * "**Tech Stack:** Rust …" above the first task. The plan has the line, placed late.
 */
export function labelledBeforeTasks(plan: Plan, label: RegExp): boolean {
  return linesBeforeTasks(plan).some((text, i) => {
    const m = /^\s*(?:[-*+]\s+)?\*\*([^*\n]{1,60}?)(?::\*\*|\*\*:)/.exec(text);
    return m !== null && label.test(m[1]!.replace(/\s*[(（][^)）]*[)）]\s*$/, '').trim()) && !isCode(plan, i + 1);
  });
}
