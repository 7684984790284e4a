/** The default place of a new plan: `<plansDir>/<YYYY-MM-DD>-<slug>-plan.md`, slug from the source title. */
import { dirname, join, resolve } from 'node:path';
import type { Config } from '../../config/types.js';

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
  // The file name adds "-plan" itself.
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

/** Absolute path; plansDir is relative to the config file's directory, else to cwd. */
export function defaultPlanPath(config: Config, title: string, cwd: string, date: Date): string {
  const root = config.path ? dirname(resolve(cwd, config.path)) : cwd;
  return resolve(root, join(config.plansDir, `${isoDate(date)}-${slugify(title)}-plan.md`));
}
