/**
 * The default place of a new plan, slug from the source title: `<plansDir>/<YYYY-MM-DD>-<slug>-plan.md`
 * for micro-plans, `<plansDir>/<YYYY-MM-DD>-<slug>.md` for superpowers plans (the format's module names it).
 */
import { dirname, join, resolve } from 'node:path';
import type { Config } from '../../config/types.js';
import { formatOfChoice } from '../../formats/index.js';

const MAX_SLUG = 60;

/** "PR 4: Add KV-cache tiers (depends on PR 3)" → "pr-4-add-kv-cache-tiers". */
export function slugify(title: string): string {
  // A trailing aside such as "(depends on PR 1)" says nothing about the plan itself.
  const core = title.replace(/\s*\([^()]*\)\s*$/, '');
  let slug = (core.trim() === '' ? title : core)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  // A title's "… Implementation Plan" says nothing of the change (a micro-plan's file name adds "-plan" itself).
  slug = slug.replace(/(-?(implementation|macro|micro))?-?plan$/, '').replace(/-+$/, '');
  if (slug.length > MAX_SLUG) {
    const cut = slug.slice(0, MAX_SLUG + 1);
    const dash = cut.lastIndexOf('-');
    slug = dash > 20 ? cut.slice(0, dash) : slug.slice(0, MAX_SLUG);
  }
  return slug === '' ? 'untitled' : slug;
}

export function isoDate(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}`;
}

/**
 * Absolute path; plansDir is relative to the config file's directory, else to cwd. A loaded
 * config's path is relative to the process's working directory (ConfigResolver names it as the
 * user would type it), which a library caller's `cwd` need not be.
 */
export function defaultPlanPath(config: Config, title: string, cwd: string, date: Date): string {
  const root = config.path ? dirname(resolve(config.path)) : cwd;
  return resolve(root, join(config.plansDir, formatOfChoice(config.format).writing.planFileName(isoDate(date), slugify(title))));
}
