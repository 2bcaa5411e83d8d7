import { createColors } from "picocolors";
import type { Finding } from "../finding.js";
import { escapeControl, redactLayout } from "../redaction.js";
import { describeSkipped } from "../skipped.js";
import type { Report, ReporterOptions } from "./types.js";

const CONTEXT_LINES = 1;
/** Skipped files named one per line in the summary; the rest are counted. */
const SKIPPED_SHOWN = 10;

function codeFrame(source: string, finding: Finding, paint: ReturnType<typeof createColors>): string[] {
  const lines = source.split(/\r?\n/);
  const first = Math.max(1, finding.line - CONTEXT_LINES);
  const last = Math.min(lines.length, finding.line + CONTEXT_LINES);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n += 1) {
    const text = (lines[n - 1] ?? "").replace(/\t/g, "  ");
    const shown = escapeControl(text.length > 160 ? `${text.slice(0, 157)}...` : text);
    const gutter = `${String(n).padStart(width)} |`;
    if (n === finding.line) {
      out.push(`  ${paint.red(">")} ${paint.dim(gutter)} ${shown}`);
      const before = (lines[n - 1] ?? "").slice(0, Math.max(0, finding.column - 1)).replace(/\t/g, "  ");
      const span =
        finding.endLine === finding.line && finding.endColumn !== undefined
          ? Math.max(1, Math.min(finding.endColumn - finding.column, 80))
          : 1;
      out.push(`    ${paint.dim(`${" ".repeat(width)} |`)} ${" ".repeat(Math.min(before.length, 160))}${paint.red("^".repeat(span))}`);
    } else {
      out.push(`    ${paint.dim(gutter)} ${shown}`);
    }
  }
  return out;
}

/**
 * Human-readable output: one block per finding with a code frame, the written rule, a hint and the
 * docs path. Source lines are shown with every secret masked (layout kept, see redactLayout) and
 * with control characters written visibly, as are file names and messages; the CLI's output
 * boundary redacts the whole text once more.
 */
export function renderPretty(report: Report, options: ReporterOptions): string {
  const paint = createColors(options.color);
  const out: string[] = [];
  const redacted = new Map<string, string>();
  const sourceOf = (file: string): string | undefined => {
    const cached = redacted.get(file);
    if (cached !== undefined) return cached;
    const raw = report.sources?.get(file);
    if (raw === undefined) return undefined;
    const safe = redactLayout(raw);
    redacted.set(file, safe);
    return safe;
  };
  for (const finding of report.findings) {
    const level = finding.severity === "error" ? paint.red("error") : paint.yellow("warn");
    const where = `${escapeControl(finding.file)}:${finding.line}:${finding.column}`;
    out.push(`${paint.bold(where)}  ${level}  ${escapeControl(finding.message)}  ${paint.dim(finding.ruleId)}`);
    if (finding.commit !== undefined) out.push(`  ${paint.dim("commit:")} ${escapeControl(finding.commit.slice(0, 12))}`);
    if (finding.rule !== undefined) out.push(`  ${paint.cyan(escapeControl(finding.rule))}`);
    const source = finding.sensitive === true ? undefined : sourceOf(finding.file);
    if (source !== undefined && finding.line >= 1) out.push(...codeFrame(source, finding, paint));
    if (finding.hint !== undefined) out.push(`  ${paint.green("hint:")} ${escapeControl(finding.hint)}`);
    if (finding.docs !== undefined) out.push(`  ${paint.dim(`docs: ${escapeControl(finding.docs)}`)}`);
    out.push("");
  }
  const errors = report.findings.filter((f) => f.severity === "error").length;
  const warnings = report.findings.length - errors;
  const { summary } = report;
  const covered = [`${summary.files} file${summary.files === 1 ? "" : "s"}`];
  if (summary.commits !== undefined) covered.push(`${summary.commits} commit${summary.commits === 1 ? "" : "s"}`);
  if (summary.bytes !== undefined) covered.push(`${summary.bytes} byte${summary.bytes === 1 ? "" : "s"}`);
  const extras: string[] = [];
  if (summary.suppressed) extras.push(`${summary.suppressed} suppressed`);
  if (summary.baselined) extras.push(`${summary.baselined} in baseline`);
  const skipped = summary.skipped ?? [];
  if (skipped.length > 0) extras.push(`${skipped.length} skipped`);
  const tail = `${covered.join(", ")} in ${Math.round(summary.durationMs)} ms${extras.length > 0 ? `; ${extras.join(", ")}` : ""}`;
  if (report.findings.length === 0) {
    out.push(`${paint.green("✔")} ${report.command}: no problems (${tail})`);
  } else {
    const total = report.findings.length;
    const mark = errors > 0 ? paint.red("✖") : paint.yellow("⚠");
    out.push(
      `${mark} ${report.command}: ${total} problem${total === 1 ? "" : "s"} (${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}) — ${tail}`,
    );
  }
  // What was left out, and why: never dropped silently (the first few named, the rest counted).
  for (const entry of skipped.slice(0, SKIPPED_SHOWN)) out.push(`  ${paint.yellow("skipped")} ${describeSkipped(entry)}`);
  if (skipped.length > SKIPPED_SHOWN) out.push(`  ${paint.yellow("skipped")} ${skipped.length - SKIPPED_SHOWN} more (--format json lists them all)`);
  for (const note of summary.notes ?? []) out.push(`  ${paint.cyan("note:")} ${note}`);
  return `${out.join("\n")}\n`;
}
