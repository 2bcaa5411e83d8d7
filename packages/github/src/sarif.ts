import { gzipSync } from "node:zlib";
import { redactText, renderSarif, type Finding } from "@warden/core";
import { describeHttpError, isPermissionError, type GitHubClient } from "./client.js";
import type { ToolReport } from "./markdown.js";

/** Code scanning takes at most 25,000 results per SARIF run. */
export const SARIF_RESULTS_PER_RUN = 25_000;
/** Code scanning takes a gzip-compressed SARIF file of at most 10 MB. */
export const SARIF_MAX_COMPRESSED_BYTES = 10 * 1024 * 1024;

/** A SARIF log ready for upload: gzip + base64, with what had to be left out to fit. */
export interface PreparedSarif {
  /** The SARIF log as JSON text (redacted). */
  readonly text: string;
  readonly encoded: string;
  readonly compressedBytes: number;
  readonly results: number;
  readonly omitted: number;
}

/**
 * The SARIF log of one tool's findings for code scanning: errors first, at most 25,000 results,
 * fewer when the gzip-compressed file would pass 10 MB; a category per tool so the check and the
 * scan are separate analyses. The text is redacted before it is compressed.
 */
export function prepareSarif(report: ToolReport, version: string, limits: { results?: number; compressedBytes?: number } = {}): PreparedSarif {
  const maxResults = limits.results ?? SARIF_RESULTS_PER_RUN;
  const maxBytes = limits.compressedBytes ?? SARIF_MAX_COMPRESSED_BYTES;
  const ordered = [...report.findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  let keep = Math.min(ordered.length, maxResults);
  for (;;) {
    const findings: Finding[] = ordered.slice(0, keep);
    const omitted = ordered.length - keep;
    const log = JSON.parse(
      renderSarif({
        tool: { name: "warden", version },
        command: `warden ${report.tool}`,
        findings,
        summary: { files: report.files, durationMs: 0, ...(omitted > 0 ? { notes: [`${omitted} more results left out to stay within code scanning's limits (25,000 results per run, 10 MB compressed)`] } : {}) },
      }),
    ) as { runs: Record<string, unknown>[] };
    for (const run of log.runs) run.automationDetails = { id: `warden/${report.tool}/` };
    const text = `${redactText(JSON.stringify(log, null, 2))}\n`;
    const compressed = gzipSync(Buffer.from(text, "utf8"));
    if (compressed.length <= maxBytes || keep === 0) {
      return { text, encoded: compressed.toString("base64"), compressedBytes: compressed.length, results: keep, omitted };
    }
    keep = Math.floor((keep * maxBytes) / compressed.length * 0.9);
  }
}

/** What {@link uploadSarif} did. */
export type SarifUploadResult =
  | { readonly uploaded: true; readonly id: string | undefined; readonly results: number; readonly omitted: number }
  | { readonly uploaded: false; readonly reason: string };

/**
 * Upload a tool's SARIF to code scanning for `commitSha` on `ref`. A repository that cannot take it
 * (code scanning not enabled: 404; no Advanced Security or no permission: 403) is a skip with a
 * reason, never a failure.
 */
export async function uploadSarif(
  client: GitHubClient,
  target: { readonly owner: string; readonly repo: string; readonly commitSha: string; readonly ref: string },
  report: ToolReport,
  version: string,
): Promise<SarifUploadResult> {
  const prepared = prepareSarif(report, version);
  try {
    const response = await client.rest.codeScanning.uploadSarif({
      owner: target.owner,
      repo: target.repo,
      commit_sha: target.commitSha,
      ref: target.ref,
      sarif: prepared.encoded,
      tool_name: "warden",
    });
    return { uploaded: true, id: response.data.id, results: prepared.results, omitted: prepared.omitted };
  } catch (error) {
    if (isPermissionError(error)) return { uploaded: false, reason: describeHttpError(error) };
    throw error;
  }
}
