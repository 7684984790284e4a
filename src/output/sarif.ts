/**
 * SARIF 2.1.0 (OASIS), as GitHub code scanning and most CI dashboards read it: one run, the
 * catalog's metadata for each rule that ran, one result per diagnostic with a region whose
 * columns are 1-based and end-exclusive (SARIF's defaults, and ours).
 */
import { pathToFileURL } from 'node:url';
import type { LintReport } from '../engine/run.js';
import { problemLine } from '../engine/input.js';
import { displayPath } from './github.js';
import { ruleHelpUri, toolName, toolUri, toolVersion } from './meta.js';
import type { FormatOptions } from './types.js';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

function firstSentence(text: string): string {
  const m = /^(.+?[.!?])(\s|$)/s.exec(text.trim());
  return (m ? m[1]! : text).trim();
}

/** A relative URI reference for a path: POSIX separators, each segment percent-encoded. */
function uriOf(path: string, cwd: string): string {
  return displayPath(path, cwd)
    .split('/')
    .map((seg) => encodeURIComponent(seg))
    .join('/');
}

export function toSarif(report: LintReport, options: Pick<FormatOptions, 'cwd' | 'rules'>): object {
  const ruleIndex = new Map(options.rules.map((r, i) => [r.id, i]));
  const srcroot = pathToFileURL(options.cwd.endsWith('/') ? options.cwd : `${options.cwd}/`).href;
  const results = report.files.flatMap((f) =>
    f.diagnostics.map((d) => {
      const index = ruleIndex.get(d.ruleId);
      return {
        ruleId: d.ruleId,
        ...(index !== undefined ? { ruleIndex: index } : {}),
        level: d.severity === 'error' ? 'error' : 'warning',
        message: { text: d.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: uriOf(f.path, options.cwd), uriBaseId: '%SRCROOT%' },
              region: {
                startLine: d.span.start.line,
                startColumn: d.span.start.column,
                endLine: d.span.end.line,
                endColumn: d.span.end.column,
              },
            },
          },
        ],
      };
    }),
  );
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: toolName(),
            version: toolVersion(),
            semanticVersion: toolVersion(),
            informationUri: toolUri(),
            rules: options.rules.map((r) => ({
              id: r.id,
              name: r.id,
              shortDescription: { text: firstSentence(r.description) },
              fullDescription: { text: r.description },
              helpUri: ruleHelpUri(r.id),
              defaultConfiguration: { level: r.severity === 'error' ? 'error' : 'warning' },
              properties: { family: r.family, formats: [...r.formats] },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: srcroot } },
        invocations: [
          {
            executionSuccessful: report.problems.length === 0,
            toolExecutionNotifications: report.problems.map((p) => ({
              level: 'error',
              message: { text: problemLine(p) },
            })),
          },
        ],
        results,
      },
    ],
  };
}

export function formatSarif(report: LintReport, options: Pick<FormatOptions, 'cwd' | 'rules'>): string {
  return JSON.stringify(toSarif(report, options), null, 2) + '\n';
}
