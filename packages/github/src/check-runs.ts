import { redactText, type Finding } from "@warden/core";
import type { GitHubClient } from "./client.js";
import { CHECK_OUTPUT_LIMIT_BYTES, countLine, renderFindingsMarkdown, type ToolReport } from "./markdown.js";

/** GitHub takes at most 50 annotations per create or update request. */
export const ANNOTATIONS_PER_REQUEST = 50;
/** Annotations sent per check run at most (the summary says how many more there were). */
export const MAX_ANNOTATIONS = 1000;

/** One annotation as the Checks API takes it. */
export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: "failure" | "warning" | "notice";
  message: string;
  title: string;
  raw_details?: string;
}

/** What publishing one check run did. */
export interface CheckRunResult {
  readonly id: number;
  readonly url: string | undefined;
  readonly requests: number;
  readonly annotations: number;
  readonly conclusion: "success" | "failure" | "neutral";
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The annotation of a finding (columns only within one line, as GitHub requires). */
export function annotationOf(finding: Finding): Annotation {
  const endLine = Math.max(finding.line, finding.endLine ?? finding.line);
  const oneLine = endLine === finding.line;
  const message = finding.hint === undefined ? finding.message : `${finding.message}\nFix: ${finding.hint}`;
  return {
    path: finding.file,
    start_line: finding.line,
    end_line: endLine,
    ...(oneLine ? { start_column: finding.column, end_column: Math.max(finding.column, finding.endLine === finding.line || finding.endLine === undefined ? (finding.endColumn ?? finding.column) : finding.column) } : {}),
    annotation_level: finding.severity === "error" ? "failure" : "warning",
    message: clip(redactText(message), 4000),
    title: clip(redactText(finding.rule === undefined ? finding.ruleId : `${finding.ruleId} (${finding.rule})`), 255),
    ...(finding.docs === undefined ? {} : { raw_details: clip(redactText(`Docs: ${finding.docs}`), 4000) }),
  };
}

/** The conclusion of a tool's findings: failure with an error, neutral with warnings only. */
export function conclusionOf(findings: readonly Finding[]): CheckRunResult["conclusion"] {
  if (findings.some((f) => f.severity === "error")) return "failure";
  return findings.length > 0 ? "neutral" : "success";
}

/** Split `items` into chunks of at most `size`. */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Publish one tool's findings as a check run on `headSha`: created with the first 50 annotations,
 * updated with each next 50, completed with the conclusion in the last request. The summary stays
 * within 65,535 bytes and says what it leaves out.
 */
export async function publishCheckRun(
  client: GitHubClient,
  target: { readonly owner: string; readonly repo: string; readonly headSha: string; readonly detailsUrl?: string },
  report: ToolReport,
): Promise<CheckRunResult> {
  const all = report.findings.map(annotationOf);
  const sent = all.slice(0, MAX_ANNOTATIONS);
  const cut = all.length - sent.length;
  const title = `warden ${report.tool}: ${countLine(report.findings)}`;
  const summary = renderFindingsMarkdown([report], {
    limitBytes: CHECK_OUTPUT_LIMIT_BYTES,
    ...(cut > 0 ? { header: [`**${cut} of ${all.length} findings are not annotations**: a check run gets the first ${MAX_ANNOTATIONS}; every finding is in the job's artifact.`, ""] } : {}),
    elsewhere: cut > 0 ? `The first ${MAX_ANNOTATIONS} findings are annotations on the changed files; every finding is in the job's artifact.` : "Every finding is an annotation on its file.",
  });
  const conclusion = conclusionOf(report.findings);
  const chunks = batches(sent, ANNOTATIONS_PER_REQUEST);
  const base = { owner: target.owner, repo: target.repo };
  const name = `warden ${report.tool}`;
  const first = chunks[0] ?? [];
  const finished = chunks.length <= 1;
  const created = await client.rest.checks.create({
    ...base,
    name,
    head_sha: target.headSha,
    ...(target.detailsUrl === undefined ? {} : { details_url: target.detailsUrl }),
    ...(finished ? { status: "completed" as const, conclusion, completed_at: new Date().toISOString() } : { status: "in_progress" as const }),
    output: { title, summary, annotations: first },
  });
  let requests = 1;
  for (const [index, chunk] of chunks.slice(1).entries()) {
    const last = index === chunks.length - 2;
    await client.rest.checks.update({
      ...base,
      check_run_id: created.data.id,
      ...(last ? { status: "completed" as const, conclusion, completed_at: new Date().toISOString() } : {}),
      output: { title, summary, annotations: chunk },
    });
    requests += 1;
  }
  return { id: created.data.id, url: created.data.html_url ?? undefined, requests, annotations: sent.length, conclusion };
}
