/**
 * The one line said when no config file governs a plan or a repository: the defaults fit any
 * project, and `init` writes the project's own. A module of its own so the CLI can print it
 * without loading the config machinery.
 */
export const NO_CONFIG_NOTICE =
  'no microplan.config.yaml found: using rules that fit any project (no project commands, test names, antipatterns or invariants); run "microplan init" to write one';
