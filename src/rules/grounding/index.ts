import type { Rule } from '../types.js';
import { citationExists } from './citation-exists.js';
import { citationChanged, citationGone, citationMoved } from './citation-drift.js';
import { constructionSitesComplete } from './construction-sites-complete.js';
import { taskFilesExist } from './task-files-exist.js';

/** Rules of the grounding family (run with `--repo`), in catalog order. */
export const GROUNDING_RULES: readonly Rule[] = [citationExists, citationMoved, citationChanged, citationGone, taskFilesExist, constructionSitesComplete];
