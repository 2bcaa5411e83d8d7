import type { GitHubClient } from "./client.js";
import { COMMENT_LIMIT_BYTES, renderFindingsMarkdown, type ToolReport } from "./markdown.js";

/** The hidden marker that identifies Warden's one comment on a pull request. */
export const COMMENT_MARKER = "<!-- warden:ci-report -->";

/** What to do with the comment when a run is clean: keep it, marked resolved, or delete it. */
export type CleanCommentPolicy = "resolve" | "delete";

/** What {@link upsertStickyComment} did. */
export interface CommentResult {
  readonly action: "created" | "updated" | "resolved" | "deleted" | "none";
  readonly id: number | undefined;
  readonly url: string | undefined;
}

/** The body of the sticky comment: marker, the findings of every tool, a link to the run. */
export function commentBody(reports: readonly ToolReport[], options: { readonly runUrl?: string; readonly sha: string }): string {
  const clean = reports.every((r) => r.findings.length === 0);
  const header = [COMMENT_MARKER, clean ? "## Warden: all clear" : "## Warden found problems", "", `Commit ${options.sha.slice(0, 10)}${options.runUrl === undefined ? "" : ` · [run log](${options.runUrl})`}`, ""];
  return renderFindingsMarkdown(reports, {
    limitBytes: COMMENT_LIMIT_BYTES,
    header,
    elsewhere: "Every finding is an annotation on the check runs and in the job's artifact.",
  });
}

/**
 * Keep one Warden comment on the pull request: find it by its hidden marker and update it in
 * place, or create it when there are findings. When the run is clean an existing comment is
 * marked resolved (or deleted, as configured); no comment is created for a clean first run.
 */
export async function upsertStickyComment(
  client: GitHubClient,
  target: { readonly owner: string; readonly repo: string; readonly number: number; readonly sha: string; readonly runUrl?: string },
  reports: readonly ToolReport[],
  onClean: CleanCommentPolicy = "resolve",
): Promise<CommentResult> {
  const base = { owner: target.owner, repo: target.repo, issue_number: target.number };
  const comments = await client.paginate(client.rest.issues.listComments, { ...base, per_page: 100 });
  const existing = comments.find((c) => c.body?.includes(COMMENT_MARKER) === true);
  const clean = reports.every((r) => r.findings.length === 0);
  if (clean) {
    if (existing === undefined) return { action: "none", id: undefined, url: undefined };
    if (onClean === "delete") {
      await client.rest.issues.deleteComment({ owner: target.owner, repo: target.repo, comment_id: existing.id });
      return { action: "deleted", id: existing.id, url: undefined };
    }
  }
  const body = commentBody(reports, target);
  if (existing !== undefined) {
    const updated = await client.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: existing.id, body });
    return { action: clean ? "resolved" : "updated", id: updated.data.id, url: updated.data.html_url };
  }
  const created = await client.rest.issues.createComment({ ...base, body });
  return { action: "created", id: created.data.id, url: created.data.html_url };
}
