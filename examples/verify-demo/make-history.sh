#!/bin/sh
# Builds the demo project of examples/verify-demo/plan.md as a real git repository:
# branch `main` holds the project before the PR (with the plan and its microplan config),
# branch `feature/slugify` (checked out at the end) executes the plan's six tasks.
#
#   sh examples/verify-demo/make-history.sh <dir> [variant]
#
# Variants (each breaks exactly one promise of the plan; `good` keeps them all):
#   good              every task: one commit, test fails before and passes after, lint clean
#   skip-red          Task 2's test passes even before its implementation (the red step was skipped)
#   test-passes-first Task 2's test is committed alone before its implementation, and already passes
#   stray-file        Task 1's commit also adds notes.txt, which no task lists
#   orphan            an extra commit (version bump) that belongs to no task
#   unreferenced      Task 6's commit message does not name BC-7
#   missing-test      Task 6's test is not the one the test-strategy table names
#   missing-task      Task 6 was never committed
#   bad-message       Task 1's commit message is not a conventional commit
# Dates and identities are fixed, so the same variant gives the same commit ids on a given git.
# The code and tests written here are those of the plan's steps, character for character
# (test/verify/demo.test.ts checks it).
set -eu

dir=${1:?usage: make-history.sh <dir> [variant]}
variant=${2:-good}
here=$(cd "$(dirname "$0")" && pwd)

case $variant in
  good | skip-red | test-passes-first | stray-file | orphan | unreferenced | missing-test | missing-task | bad-message) ;;
  *) echo "make-history.sh: unknown variant '$variant'" >&2; exit 2 ;;
esac

mkdir -p "$dir"
cd "$dir"
git init -q
git symbolic-ref HEAD refs/heads/main
git config user.name 'Example Agent'
git config user.email 'agent@example.invalid'
git config commit.gpgsign false

tick=0
commit() {
  tick=$((tick + 1))
  GIT_AUTHOR_DATE="2026-01-01T10:$(printf %02d "$tick"):00Z" GIT_COMMITTER_DATE="2026-01-01T10:$(printf %02d "$tick"):00Z" \
    git commit -q -m "$1"
}

# --- main: the project before the PR -------------------------------------------------------
mkdir -p docs/plans src test
cp "$here/plan.md" docs/plans/slugify-plan.md
cp "$here/microplan.config.yaml" microplan.config.yaml
cat > package.json <<'JSON'
{
  "name": "slugkit",
  "version": "0.1.0",
  "type": "module",
  "scripts": { "test": "node --test" }
}
JSON
printf 'node_modules/\n' > .gitignore
printf '# slugkit\n\nTurns titles into URL slugs.\n' > README.md
git add .
commit 'chore: project skeleton and slugify plan'
git checkout -q -b feature/slugify

# --- src/slug.js after each task (Step 3 of the plan) ---------------------------------------
slug_v1() {
  cat > src/slug.js <<'JS'
export function slugify(title) {
  return title.trim().toLowerCase().split(/\s+/).join('-');
}
JS
}
slug_v2() {
  cat > src/slug.js <<'JS'
export function slugify(title) {
  return title
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9\s]/g, '')
    .split(/\s+/)
    .join('-');
}
JS
}
slug_v3() {
  cat > src/slug.js <<'JS'
export function slugify(title) {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9\s]/g, '')
    .split(/\s+/)
    .join('-');
}
JS
}
slug_v4() {
  cat > src/slug.js <<'JS'
export function slugify(title) {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[-_/]+/g, ' ')
    .replace(/[^a-z0-9\s]/g, '')
    .trim()
    .split(/\s+/)
    .join('-');
}
JS
}
slug_v5() {
  cat > src/slug.js <<'JS'
const MAX_LENGTH = 60;

export function slugify(title) {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[-_/]+/g, ' ')
    .replace(/[^a-z0-9\s]/g, '')
    .trim()
    .split(/\s+/)
    .join('-');
  return shorten(slug);
}

// Cut at the last hyphen that fits, so no word is split; only one word longer than the limit is cut inside.
function shorten(slug) {
  if (slug.length <= MAX_LENGTH) return slug;
  const end = slug.lastIndexOf('-', MAX_LENGTH);
  return end > 0 ? slug.slice(0, end) : slug.slice(0, MAX_LENGTH);
}
JS
}
slug_v6() {
  cat > src/slug.js <<'JS'
const MAX_LENGTH = 60;

export function slugify(title) {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[-_/]+/g, ' ')
    .replace(/[^a-z0-9\s]/g, '')
    .trim()
    .split(/\s+/)
    .join('-');
  if (slug === '') {
    throw new TypeError(`slugify: title ${JSON.stringify(title)} has nothing left to make a slug from`);
  }
  return shorten(slug);
}

// Cut at the last hyphen that fits, so no word is split; only one word longer than the limit is cut inside.
function shorten(slug) {
  if (slug.length <= MAX_LENGTH) return slug;
  const end = slug.lastIndexOf('-', MAX_LENGTH);
  return end > 0 ? slug.slice(0, end) : slug.slice(0, MAX_LENGTH);
}
JS
}

# A test file of the plan's shape (Step 1): the imports, then one or more `test(...)` blocks.
test_file() { # <file> <test name> <body line> [<test name> <body line>]...
  file=$1
  shift
  cat > "$file" <<'JS'
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { slugify } from '../src/slug.js';
JS
  while [ $# -ge 2 ]; do
    printf "\ntest('%s', () => {\n%s\n});\n" "$1" "$2" >> "$file"
    shift 2
  done
}

# --- Task 1 --------------------------------------------------------------------------------
slug_v1
test_file test/slug.test.js 'slugify joins lower-case words with hyphens' "  assert.equal(slugify('Release Notes 2024'), 'release-notes-2024');"
git add src/slug.js test/slug.test.js
if [ "$variant" = stray-file ]; then
  printf 'remember to write the router\n' > notes.txt
  git add notes.txt
fi
if [ "$variant" = bad-message ]; then
  commit 'Lower-case hyphenated slugs'
else
  commit 'feat(slug): lower-case hyphenated slugs (BC-1)'
fi

# --- Task 2 --------------------------------------------------------------------------------
punct_good="  assert.equal(slugify('Hello, World!'), 'hello-world');"
# A test that cannot fail before the implementation: it never exercises punctuation.
punct_weak="  assert.equal(slugify('Hello World'), 'hello-world');"
case $variant in
  skip-red)
    slug_v2
    test_file test/punctuation.test.js 'slugify drops punctuation' "$punct_weak"
    git add src/slug.js test/punctuation.test.js
    commit 'feat(slug): strip punctuation (BC-2)'
    ;;
  test-passes-first)
    test_file test/punctuation.test.js 'slugify drops punctuation' "$punct_weak"
    git add test/punctuation.test.js
    commit 'test(slug): cover punctuation stripping (BC-2)'
    slug_v2
    git add src/slug.js
    commit 'feat(slug): strip punctuation (BC-2)'
    ;;
  *)
    slug_v2
    test_file test/punctuation.test.js 'slugify drops punctuation' "$punct_good"
    git add src/slug.js test/punctuation.test.js
    commit 'feat(slug): strip punctuation (BC-2)'
    ;;
esac

if [ "$variant" = orphan ]; then
  sed 's/"0.1.0"/"0.2.0"/' package.json > package.json.new && mv package.json.new package.json
  git add package.json
  commit 'chore: bump version to 0.2.0'
fi

# --- Task 3 --------------------------------------------------------------------------------
slug_v3
test_file test/accents.test.js 'slugify folds accented letters to plain ones' "  assert.equal(slugify('Crème Brûlée à la carte'), 'creme-brulee-a-la-carte');"
git add src/slug.js test/accents.test.js
commit 'feat(slug): fold accented letters (BC-3)'

# --- Task 4 --------------------------------------------------------------------------------
slug_v4
test_file test/separators.test.js \
  'slugify turns underscores and slashes into hyphens' "  assert.equal(slugify('Pros/Cons of snake_case'), 'pros-cons-of-snake-case');" \
  'slugify leaves an existing slug unchanged' "  assert.equal(slugify('release-notes-2024'), 'release-notes-2024');"
git add src/slug.js test/separators.test.js
commit 'feat(slug): treat underscores and slashes as separators (BC-4, BC-5)'

# --- Task 5 --------------------------------------------------------------------------------
slug_v5
test_file test/length.test.js 'slugify cuts a long slug after the last whole word' "  const title = 'The Quick Brown Fox Jumps Over the Lazy Dog and Keeps On Running Far Away';
  assert.equal(slugify(title), 'the-quick-brown-fox-jumps-over-the-lazy-dog-and-keeps-on');"
git add src/slug.js test/length.test.js
commit 'feat(slug): cap slugs at 60 characters on a word boundary (BC-6)'

# --- Task 6 --------------------------------------------------------------------------------
if [ "$variant" != missing-task ]; then
  slug_v6
  empty_name='slugify rejects an empty title'
  [ "$variant" = missing-test ] && empty_name='slugify refuses blank titles'
  test_file test/empty.test.js "$empty_name" "  assert.throws(() => slugify('  !?  '), { name: 'TypeError', message: /nothing left to make a slug from/ });"
  git add src/slug.js test/empty.test.js
  if [ "$variant" = unreferenced ]; then
    commit 'feat(slug): reject titles with nothing to slugify'
  else
    commit 'feat(slug): reject titles with nothing to slugify (BC-7)'
  fi
fi
