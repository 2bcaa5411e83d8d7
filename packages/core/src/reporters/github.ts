import { plural } from "../plural.js";
import { escapeControl, redactText } from "../redaction.js";
import { describeSkipped } from "../skipped.js";
import type { Report } from "./types.js";

/**
 * Workflow-command escaping; other control characters (a file name's escape sequences) are written
 * visibly. Redacted first: the escaping (`:` → `%3A`) would hide a token from the output boundary.
 */
function escapeData(text: string): string {
  const lines = redactText(text).split("\n").map((line) => escapeControl(line.replace(/%/g, "%25")));
  return lines.join("%0A");
}

function escapeProperty(text: string): string {
  return escapeControl(redactText(text).replace(/%/g, "%25")).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** GitHub Actions workflow commands (`::error file=…,line=…::message`), one annotation per finding. */
export function renderGithub(report: Report): string {
  const lines = report.findings.map((finding) => {
    const command = finding.severity === "error" ? "error" : "warning";
    const props = [
      `file=${escapeProperty(finding.file)}`,
      `line=${finding.line}`,
      `col=${finding.column}`,
      ...(finding.endLine === undefined ? [] : [`endLine=${finding.endLine}`]),
      ...(finding.endColumn === undefined ? [] : [`endColumn=${finding.endColumn}`]),
      `title=${escapeProperty(`${finding.ruleId}${finding.rule === undefined ? "" : ` (${finding.rule})`}`)}`,
    ];
    const body = [finding.message, ...(finding.hint === undefined ? [] : [`Fix: ${finding.hint}`])].join("\n");
    return `::${command} ${props.join(",")}::${escapeData(body)}`;
  });
  for (const entry of report.summary.skipped ?? []) {
    lines.push(`::notice file=${escapeProperty(entry.file)},title=${escapeProperty("warden: file skipped")}::${escapeData(`skipped ${describeSkipped(entry)}`)}`);
  }
  for (const note of report.summary.notes ?? []) lines.push(`::notice title=${escapeProperty("warden")}::${escapeData(note)}`);
  const errors = report.findings.filter((f) => f.severity === "error").length;
  lines.push(`${escapeControl(report.command)}: ${plural(report.findings.length, "problem")}, ${plural(errors, "error")} in ${plural(report.summary.files, "file")}`);
  return `${lines.join("\n")}\n`;
}
