import { redactText } from "../redaction.js";
import { describeSkipped } from "../skipped.js";
import type { Report, ReportRule } from "./types.js";

/** The SARIF 2.1.0 schema URI written into every log. */
export const SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";

/** Render a report as a SARIF 2.1.0 log (for GitHub code scanning and other SARIF consumers). */
export function renderSarif(report: Report): string {
  const known = new Map<string, ReportRule>((report.rules ?? []).map((rule) => [rule.id, rule]));
  const ruleIds = [...new Set(report.findings.map((f) => f.ruleId))].sort();
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const rules = ruleIds.map((id) => {
    const meta = known.get(id);
    return {
      id,
      name: id,
      shortDescription: { text: meta?.description ?? id },
      ...(meta?.docs === undefined ? {} : { helpUri: meta.docs.startsWith("http") ? meta.docs : undefined, help: { text: `See ${meta.docs}` } }),
      properties: { ...(meta?.enforces === undefined ? {} : { enforces: meta.enforces }) },
    };
  });
  const results = report.findings.map((finding) => ({
    ruleId: finding.ruleId,
    ruleIndex: index.get(finding.ruleId) ?? 0,
    level: finding.severity === "error" ? "error" : "warning",
    message: { text: finding.hint === undefined ? finding.message : `${finding.message} Fix: ${finding.hint}` },
    locations: [
      {
        physicalLocation: {
          // Redacted before encoding, which could hide a token from the output boundary.
          artifactLocation: { uri: encodeURI(redactText(finding.file)), uriBaseId: "%SRCROOT%" },
          region: {
            startLine: finding.line,
            startColumn: finding.column,
            ...(finding.endLine === undefined ? {} : { endLine: finding.endLine }),
            ...(finding.endColumn === undefined ? {} : { endColumn: finding.endColumn }),
          },
        },
      },
    ],
    partialFingerprints: { "wardenFingerprint/v1": finding.fingerprint },
    properties: { messageId: finding.messageId, ...(finding.rule === undefined ? {} : { rule: finding.rule }) },
  }));
  // Skipped files and notes are tool execution notifications: SARIF's place for what a run left out.
  const notifications = [
    ...(report.summary.skipped ?? []).map((entry) => ({
      level: "warning",
      message: { text: `skipped ${describeSkipped(entry)}` },
      descriptor: { id: `warden/skipped-${entry.reason}` },
      locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(entry.file), uriBaseId: "%SRCROOT%" } } }],
    })),
    ...(report.summary.notes ?? []).map((note) => ({ level: "note", message: { text: note }, descriptor: { id: "warden/note" } })),
  ];
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            informationUri: "https://github.com/warden-dev/warden",
            rules: JSON.parse(JSON.stringify(rules)) as unknown[],
          },
        },
        originalUriBaseIds: { "%SRCROOT%": { description: { text: "The repository root." } } },
        results,
        ...(notifications.length === 0 ? {} : { invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }] }),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
