import { describeSkipped } from "../skipped.js";
import type { Report } from "./types.js";

function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
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
  lines.push(`${report.command}: ${report.findings.length} problem(s), ${errors} error(s) in ${report.summary.files} file(s)`);
  return `${lines.join("\n")}\n`;
}
