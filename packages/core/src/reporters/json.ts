import type { Report } from "./types.js";

/** Version of the JSON output schema (docs/reference/json-output.md). */
export const JSON_REPORT_VERSION = 1;

/** Machine-readable output: `{ version, tool, command, summary, findings }`, documented in docs/reference/json-output.md. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(
    {
      version: JSON_REPORT_VERSION,
      tool: report.tool,
      command: report.command,
      summary: report.summary,
      findings: report.findings,
    },
    null,
    2,
  )}\n`;
}
