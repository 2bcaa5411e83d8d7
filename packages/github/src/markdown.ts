import { plural, redactText, type Finding } from "@warden/core";

/** The findings of one tool (`warden check`, `warden scan`) for one commit. */
export interface ToolReport {
  /** The tool's short name: "check", "scan". */
  readonly tool: string;
  readonly findings: readonly Finding[];
  /** Files the tool looked at. */
  readonly files: number;
  /** The report's notes (e.g. that a range's commits got past the hooks), shown under its heading. */
  readonly notes?: readonly string[];
}

/** GitHub refuses a check run summary (or text) over 65,535 bytes. */
export const CHECK_OUTPUT_LIMIT_BYTES = 65_535;
/** GitHub refuses an issue comment of 65,536 characters or more; a body within 65,535 bytes is always under it. */
export const COMMENT_LIMIT_BYTES = 65_535;

/** "2 errors, 1 warning" (or "no findings"). */
export function countLine(findings: readonly Finding[]): string {
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  if (findings.length === 0) return "no findings";
  return [errors > 0 ? plural(errors, "error") : "", warnings > 0 ? plural(warnings, "warning") : ""].filter(Boolean).join(", ");
}

/** A table cell: one line, pipes escaped, secrets masked. */
function cell(text: string): string {
  return redactText(text).replace(/\r?\n/g, " ").replace(/\|/g, "\\|").replace(/</g, "&lt;");
}

/** One table row of a finding. */
function row(finding: Finding): string {
  const level = finding.severity === "error" ? "error" : "warning";
  const fix = finding.hint === undefined ? "" : ` Fix: ${finding.hint}`;
  return `| ${level} | \`${cell(finding.file)}:${finding.line}\` | \`${cell(finding.ruleId)}\` | ${cell(finding.message)}${cell(fix)} |`;
}

const TABLE_HEAD = ["| | Location | Rule | Message |", "| --- | --- | --- | --- |"];

const bytes = (text: string): number => Buffer.byteLength(text, "utf8");

/**
 * Markdown of the reports' findings (errors first) within `limitBytes` UTF-8 bytes: as many rows
 * as fit, then a line saying how many findings were left out and where all of them are.
 */
export function renderFindingsMarkdown(
  reports: readonly ToolReport[],
  options: { readonly limitBytes: number; readonly header?: readonly string[]; readonly elsewhere: string },
): string {
  const lines: string[] = [...(options.header ?? [])];
  let size = bytes(lines.join("\n")) + 1;
  let omitted = 0;
  // room for the closing line (generous: counts are short)
  const reserve = 400 + bytes(options.elsewhere);
  for (const report of reports) {
    const sorted = [...report.findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
    const heading = [
      `### warden ${report.tool}: ${countLine(report.findings)} (${plural(report.files, "file")} checked)`,
      "",
      ...(report.notes ?? []).flatMap((note) => [`> **Note:** ${note}`, ""]),
    ];
    const block = sorted.length === 0 ? heading : [...heading, ...TABLE_HEAD];
    const blockBytes = bytes(block.join("\n")) + 1;
    if (size + blockBytes + reserve > options.limitBytes) {
      omitted += sorted.length;
      continue;
    }
    lines.push(...block);
    size += blockBytes;
    for (const [index, finding] of sorted.entries()) {
      const line = row(finding);
      const lineBytes = bytes(line) + 1;
      if (size + lineBytes + reserve > options.limitBytes) {
        omitted += sorted.length - index;
        break;
      }
      lines.push(line);
      size += lineBytes;
    }
    lines.push("");
    size += 1;
  }
  if (omitted > 0) {
    lines.push(`**${plural(omitted, "more finding")} not shown here**: the text is kept under GitHub's limit of ${options.limitBytes.toLocaleString("en-US")} bytes. ${options.elsewhere}`);
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
