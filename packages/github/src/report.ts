import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { redactText, type Logger } from "@warden/core";
import { publishCheckRun, type CheckRunResult } from "./check-runs.js";
import { createGitHubClient, describeHttpError, isPermissionError, type GitHubClient } from "./client.js";
import { upsertStickyComment, type CleanCommentPolicy, type CommentResult } from "./comment.js";
import type { ActionsContext } from "./context.js";
import { CHECK_OUTPUT_LIMIT_BYTES, renderFindingsMarkdown, type ToolReport } from "./markdown.js";
import { prepareSarif, uploadSarif, type SarifUploadResult } from "./sarif.js";

/** Options of {@link reportToGitHub}. */
export interface CiReportOptions {
  readonly context: ActionsContext;
  readonly reports: readonly ToolReport[];
  /** Warden's version, for the SARIF tool driver and the user agent. */
  readonly version: string;
  /** Where the artifact files go (report.md, findings.json, <tool>.sarif); absolute. */
  readonly artifactDir: string;
  readonly logger: Logger;
  /** Upload SARIF to code scanning (default true). */
  readonly sarif?: boolean;
  readonly onCleanComment?: CleanCommentPolicy;
  readonly writeIntervalMs?: number;
}

/** A line for the job log: GitHub shows `notice` and `warning` lines as annotations of the run. */
export interface CiNotice {
  readonly level: "notice" | "warning";
  readonly message: string;
}

/** What {@link reportToGitHub} did. */
export interface CiReportResult {
  /** `github`: results went to the API; `summary-only`: the token cannot write (fork, no token, no permission). */
  readonly mode: "github" | "summary-only";
  readonly checkRuns: (CheckRunResult & { readonly tool: string })[];
  readonly comment: CommentResult | undefined;
  readonly sarif: (SarifUploadResult & { readonly tool: string })[];
  readonly notices: CiNotice[];
  /** The job summary file written to (GITHUB_STEP_SUMMARY), if any. */
  readonly stepSummary: string | undefined;
  readonly artifactFiles: string[];
}

/** The size the artifact's report.md keeps to (people read it; findings.json has everything). */
const ARTIFACT_MARKDOWN_BYTES = 1024 * 1024;

/** Write report.md, findings.json and one SARIF log per tool into `dir`; the paths written. */
export function writeArtifact(dir: string, reports: readonly ToolReport[], version: string, header: readonly string[]): string[] {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  const write = (name: string, text: string): void => {
    const file = path.join(dir, name);
    writeFileSync(file, redactText(text));
    files.push(file);
  };
  write("report.md", renderFindingsMarkdown(reports, { limitBytes: ARTIFACT_MARKDOWN_BYTES, header, elsewhere: "Every finding is in findings.json beside this file." }));
  write("findings.json", `${JSON.stringify({ version, reports: reports.map((r) => ({ tool: r.tool, files: r.files, findings: r.findings })) }, null, 2)}\n`);
  for (const report of reports) write(`${report.tool}.sarif`, prepareSarif(report, version, { compressedBytes: Number.MAX_SAFE_INTEGER }).text);
  return files;
}

/** Why the run cannot write to GitHub before trying, or undefined when it may. */
function readOnlyReason(context: ActionsContext): string | undefined {
  if (context.token === undefined) return "GITHUB_TOKEN is not set";
  if (context.pullRequest?.fork === true) return `pull request #${context.pullRequest.number} comes from a fork, whose token is read-only`;
  return undefined;
}

/**
 * Report the findings of `warden check` / `warden scan` to GitHub: a check run per tool with its
 * annotations, one sticky comment on the pull request, SARIF to code scanning. When the token
 * cannot write (a fork's pull request, no token, missing permissions) everything goes to the job
 * summary and the artifact instead; a permission problem is a notice, never an error. Requests
 * that fail for other reasons are warnings; the results are then in the job summary too.
 */
export async function reportToGitHub(options: CiReportOptions): Promise<CiReportResult> {
  const { context, reports, logger } = options;
  const notices: CiNotice[] = [];
  const header = [`## Warden report`, "", `Commit ${context.sha.slice(0, 10)}${context.runUrl === undefined ? "" : ` · [run log](${context.runUrl})`}`, ""];
  const artifactFiles = writeArtifact(options.artifactDir, reports, options.version, header);
  let mode: CiReportResult["mode"] = "github";
  let degraded = false;
  const checkRuns: CiReportResult["checkRuns"] = [];
  const sarif: CiReportResult["sarif"] = [];
  let comment: CommentResult | undefined;
  const reason = readOnlyReason(context);
  if (reason !== undefined) {
    mode = "summary-only";
    notices.push({ level: "notice", message: `${reason}: the report is in the job summary and the artifact (${path.basename(options.artifactDir)}/), not on check runs or a comment` });
  } else {
    const client: GitHubClient = createGitHubClient({
      token: context.token ?? "",
      baseUrl: context.apiUrl,
      userAgent: `warden/${options.version}`,
      logger,
      ...(options.writeIntervalMs === undefined ? {} : { writeIntervalMs: options.writeIntervalMs }),
    });
    const repo = { owner: context.owner, repo: context.repo };
    // check runs: the first refusal for lack of permission means this token writes nothing
    for (const report of reports) {
      try {
        const run = await publishCheckRun(client, { ...repo, headSha: context.pullRequest?.headSha ?? context.sha, ...(context.runUrl === undefined ? {} : { detailsUrl: context.runUrl }) }, report);
        checkRuns.push({ ...run, tool: report.tool });
      } catch (error) {
        if (isPermissionError(error)) {
          mode = "summary-only";
          notices.push({ level: "notice", message: `the token may not create check runs (${describeHttpError(error)}; the job needs \`permissions: checks: write\`): the report is in the job summary and the artifact` });
          break;
        }
        degraded = true;
        notices.push({ level: "warning", message: `check run for warden ${report.tool} not published: ${describeHttpError(error)}` });
      }
    }
    if (mode === "github" && context.pullRequest !== undefined) {
      try {
        comment = await upsertStickyComment(client, { ...repo, number: context.pullRequest.number, sha: context.pullRequest.headSha, ...(context.runUrl === undefined ? {} : { runUrl: context.runUrl }) }, reports, options.onCleanComment);
      } catch (error) {
        degraded = true;
        notices.push({
          level: isPermissionError(error) ? "notice" : "warning",
          message: `pull request comment not written: ${describeHttpError(error)}${isPermissionError(error) ? " (the job needs `permissions: pull-requests: write`)" : ""}`,
        });
      }
    }
    if (mode === "github" && options.sarif !== false) {
      const ref = context.ref ?? (context.pullRequest === undefined ? undefined : `refs/pull/${context.pullRequest.number}/merge`);
      for (const report of ref === undefined ? [] : reports) {
        try {
          const result = await uploadSarif(client, { ...repo, commitSha: context.sha, ref: ref ?? "", }, report, options.version);
          sarif.push({ ...result, tool: report.tool });
          if (!result.uploaded) {
            notices.push({ level: "notice", message: `SARIF upload to code scanning skipped: the repository cannot receive it (${result.reason}); enable code scanning, or give the job \`permissions: security-events: write\`` });
            break;
          }
          if (result.omitted > 0) notices.push({ level: "notice", message: `SARIF of warden ${report.tool}: ${result.omitted} results left out to fit code scanning's limits (25,000 per run, 10 MB compressed)` });
        } catch (error) {
          notices.push({ level: "warning", message: `SARIF of warden ${report.tool} not uploaded: ${describeHttpError(error)}` });
        }
      }
      if (ref === undefined) notices.push({ level: "notice", message: "SARIF upload skipped: GITHUB_REF is not set" });
    }
  }
  let stepSummary: string | undefined;
  if (context.stepSummary !== undefined) {
    const markdown = renderFindingsMarkdown(reports, {
      limitBytes: CHECK_OUTPUT_LIMIT_BYTES,
      header,
      elsewhere: `Every finding is in the job's artifact (${path.basename(options.artifactDir)}/findings.json).`,
    });
    const note = mode === "summary-only" || degraded ? `\n> ${notices.map((n) => n.message).join("\n> ")}\n` : "";
    appendFileSync(context.stepSummary, redactText(`${markdown}${note}\n`));
    stepSummary = context.stepSummary;
  } else if (mode === "summary-only") {
    notices.push({ level: "warning", message: "GITHUB_STEP_SUMMARY is not set: the report is only in the artifact" });
  }
  return { mode, checkRuns, comment, sarif, notices, stepSummary, artifactFiles };
}
