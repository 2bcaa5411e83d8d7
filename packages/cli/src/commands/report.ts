import { readFile } from "node:fs/promises";
import path from "node:path";
import { colorEnabled, compareFindings, FindingSchema, JSON_REPORT_VERSION, maskTokens, reporterFor, WardenError, type Finding, type Format, type SkippedFile } from "@warden/core";
import { z } from "zod";
import type { Io } from "../io.js";
import { VERSION } from "../version.js";

const ShardReportSchema = z.object({
  version: z.literal(JSON_REPORT_VERSION),
  command: z.string(),
  summary: z.object({
    files: z.number(),
    durationMs: z.number(),
    suppressed: z.number().optional(),
    baselined: z.number().optional(),
    skipped: z
      .array(
        z.object({
          file: z.string(),
          reason: z.enum(["too-large", "unreadable"]),
          size: z.number().optional(),
          limit: z.number().optional(),
          setting: z.string().optional(),
          commit: z.string().optional(),
        }),
      )
      .optional(),
  }),
  findings: z.array(FindingSchema),
});

/**
 * `warden report merge <files…>`: merge the JSON reports of `warden check --shard i/n --format json`
 * (one per CI machine) into one report in any format. Findings are de-duplicated and sorted, so the
 * result is the same as one unsharded run; exit 1 when any error remains.
 */
export async function reportMergeCommand(io: Io, files: readonly string[], format: Format): Promise<number> {
  if (files.length === 0) throw new WardenError("USAGE", "report merge needs the JSON reports to merge (warden check --shard i/n --format json > shard-i.json)");
  const findings = new Map<string, Finding>();
  let checked = 0;
  let durationMs = 0;
  let suppressed = 0;
  let baselined = 0;
  const skipped = new Map<string, SkippedFile>();
  for (const file of files) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(path.resolve(io.cwd, file), "utf8"));
    } catch (error) {
      throw new WardenError("INPUT", `${file}: not a readable JSON report (${maskTokens(error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error))})`);
    }
    const report = ShardReportSchema.safeParse(parsed);
    if (!report.success) {
      const issue = report.error.issues[0];
      throw new WardenError("INPUT", `${file}: not a warden JSON report (${issue?.path.join(".") || "root"}: ${issue?.message ?? "invalid"}); produce it with --format json`);
    }
    checked += report.data.summary.files;
    durationMs = Math.max(durationMs, report.data.summary.durationMs);
    suppressed += report.data.summary.suppressed ?? 0;
    baselined += report.data.summary.baselined ?? 0;
    // Every shard lists the same skipped files: keep each once.
    for (const entry of report.data.summary.skipped ?? []) skipped.set(`${entry.file}\u0000${entry.commit ?? ""}`, entry);
    for (const finding of report.data.findings) findings.set(`${finding.fingerprint}\u0000${finding.file}\u0000${finding.line}`, finding);
  }
  const merged = [...findings.values()].sort(compareFindings);
  io.stdout.write(
    reporterFor(format)(
      {
        tool: { name: "warden", version: VERSION },
        command: `warden report merge (${files.length} report${files.length === 1 ? "" : "s"})`,
        findings: merged,
        summary: { files: checked, durationMs, suppressed, baselined, ...(skipped.size > 0 ? { skipped: [...skipped.values()] } : {}) },
      },
      { color: colorEnabled(io.stdout) },
    ),
  );
  return merged.some((f) => f.severity === "error") ? 1 : 0;
}
