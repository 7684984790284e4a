/**
 * commander, in one place. The CLI bundle (scripts/bundle-cli.mjs) compiles it in: loaded from
 * node_modules, with `require` it cost a run ~10 ms (five files found, read and compiled), and as
 * an ES import more (Node translates a CommonJS package); bundled, a few.
 */
export { Command, CommanderError, Option } from 'commander';
