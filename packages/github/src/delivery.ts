import type { GitHubClient } from "./client.js";

/** A completed workflow run that passed or failed (cancelled, skipped and neutral runs are left out). */
export interface WorkflowRunFigure {
  readonly id: number;
  readonly name: string;
  readonly status: "success" | "failure";
  /** When the run finished: `updated_at` of the completed run. */
  readonly at: string;
  /** `run_started_at` (or `created_at`) → `updated_at`. */
  readonly durationMs: number;
}

/** A pull request opened in the window and its first review by someone other than its author. */
export interface PullReviewFigure {
  readonly number: number;
  readonly openedAt: string;
  readonly firstReviewAt: string | undefined;
}

/** Bounds of one read: GitHub is asked for at most this many runs and pull requests. */
export const DELIVERY_LIMITS = { runs: 1000, pulls: 200 } as const;

const FAILED = new Set(["failure", "timed_out", "startup_failure"]);

/**
 * Read what the delivery metrics need from GitHub (Warden's own metrics; the `plan` lane's use of
 * the client): completed workflow runs created since `since` (`GET /repos/{owner}/{repo}/actions/runs`,
 * `status=completed`, newest first), and the pull requests opened since `since` with the time of
 * their first review (`GET …/pulls?state=all&sort=created&direction=desc`, then
 * `GET …/pulls/{n}/reviews` for each). Paged, newest first, bounded by {@link DELIVERY_LIMITS}.
 */
export async function readDeliveryFigures(
  client: GitHubClient,
  options: { readonly owner: string; readonly repo: string; readonly since: Date },
): Promise<{ runs: WorkflowRunFigure[]; reviews: PullReviewFigure[] }> {
  const { owner, repo } = options;
  const runs: WorkflowRunFigure[] = [];
  // newest first; stop at the first run created before `since` (the `created` filter is search
  // syntax that GitHub's OpenAPI description types as a date-time, so it is not sent)
  const runPages = client.paginate.iterator(client.rest.actions.listWorkflowRunsForRepo, { owner, repo, status: "completed", per_page: 100 });
  let seen = 0;
  runs: for await (const { data } of runPages) {
    for (const run of data) {
      if (Date.parse(run.created_at) < options.since.getTime()) break runs;
      seen += 1;
      const conclusion = run.conclusion ?? "";
      if (conclusion !== "success" && !FAILED.has(conclusion)) continue;
      const started = Date.parse(run.run_started_at ?? run.created_at);
      const ended = Date.parse(run.updated_at);
      if (!Number.isFinite(started) || !Number.isFinite(ended) || ended < started) continue;
      runs.push({ id: run.id, name: run.name ?? "workflow", status: conclusion === "success" ? "success" : "failure", at: new Date(ended).toISOString(), durationMs: ended - started });
    }
    if (seen >= DELIVERY_LIMITS.runs) break;
  }

  const pulls: { number: number; openedAt: string; author: string | undefined }[] = [];
  const pullPages = client.paginate.iterator(client.rest.pulls.list, { owner, repo, state: "all", sort: "created", direction: "desc", per_page: 100 });
  outer: for await (const { data } of pullPages) {
    for (const pull of data) {
      if (Date.parse(pull.created_at) < options.since.getTime() || pulls.length >= DELIVERY_LIMITS.pulls) break outer;
      pulls.push({ number: pull.number, openedAt: new Date(Date.parse(pull.created_at)).toISOString(), author: pull.user?.login });
    }
  }
  const reviews: PullReviewFigure[] = [];
  for (const pull of pulls) {
    let first: string | undefined;
    for await (const { data } of client.paginate.iterator(client.rest.pulls.listReviews, { owner, repo, pull_number: pull.number, per_page: 100 })) {
      for (const review of data) {
        if (review.submitted_at === undefined || review.submitted_at === null || review.state === "PENDING" || review.user?.login === pull.author) continue;
        const at = new Date(Date.parse(review.submitted_at)).toISOString();
        if (first === undefined || at < first) first = at;
      }
    }
    reviews.push({ number: pull.number, openedAt: pull.openedAt, firstReviewAt: first });
  }
  return { runs, reviews };
}
