import type { CiRun } from "./digest.js";
import type { Metric } from "./metrics.js";

/** A completed GitHub Actions workflow run, as the metrics use it. */
export interface GitHubRun {
  readonly id: number;
  readonly name: string;
  readonly status: "success" | "failure";
  /** When the run finished (`updated_at` of a completed run). */
  readonly at: string;
  /** `run_started_at` → `updated_at`. */
  readonly durationMs: number;
}

/** A pull request and its first submitted review. */
export interface GitHubReview {
  readonly number: number;
  readonly openedAt: string;
  /** The first review's `submitted_at`; undefined when nobody has reviewed it. */
  readonly firstReviewAt: string | undefined;
}

/** CI and review figures read from GitHub (`readGitHubFigures`), or why they could not be. */
export type ExternalCiFigures =
  | { readonly ok: true; readonly repository: string; readonly runs: readonly GitHubRun[]; readonly reviews: readonly GitHubReview[] }
  | { readonly ok: false; readonly reason: string };

const HOUR = 3_600_000;

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * The standards' CI figures over runs that finished in [since, until):
 *
 * - build success rate: successful runs ÷ completed runs (target > 95%);
 * - test execution time: median duration of successful test runs (target < 10 min) — runs recorded
 *   with `--test`; from GitHub, whole workflow runs (an upper bound of the test time);
 * - code review time: median of first review submitted − pull request opened, over pull requests
 *   opened in the window that have a review (target < 4 h; GitHub only).
 *
 * Runs come from GitHub when its figures are given and it answered, otherwise from the runs
 * recorded by `warden ci run` / `warden ci record`. A figure without data is "not measured" (value
 * null) and its basis says why.
 */
export function ciMetrics(recorded: readonly CiRun[], options: { readonly since: Date; readonly until: Date; readonly external?: ExternalCiFigures }): Metric[] {
  const [sinceIso, untilIso] = [options.since.toISOString(), options.until.toISOString()];
  const inWindow = (at: string): boolean => at >= sinceIso && at < untilIso;
  const github = options.external?.ok === true ? options.external : undefined;
  const githubNote = options.external?.ok === false ? `; GitHub not read: ${options.external.reason}` : "";
  const local = recorded.filter((r) => inWindow(r.at));
  const runs: readonly { id: string; status: "success" | "failure"; durationMs: number; test: boolean }[] =
    github !== undefined ? github.runs.filter((r) => inWindow(r.at)).map((r) => ({ id: `github-run-${r.id}`, status: r.status, durationMs: r.durationMs, test: true })) : local;
  const source = github !== undefined ? `GitHub Actions workflow runs of ${github.repository}` : "CI runs recorded by `warden ci run`";

  const succeeded = runs.filter((r) => r.status === "success");
  const rate = runs.length === 0 ? null : (succeeded.length / runs.length) * 100;
  const build: Metric = {
    name: "build success rate",
    value: rate === null ? null : round(rate),
    unit: "% of CI runs",
    target: "> 95%",
    met: rate === null ? null : rate > 95,
    basis: rate === null ? `not measured: no ${source} in the window${githubNote}` : `${succeeded.length} successful of ${runs.length} ${source}${githubNote}`,
    eventIds: runs.map((r) => r.id),
  };

  const tests = succeeded.filter((r) => r.test);
  const minutes = median(tests.map((r) => r.durationMs / 60_000));
  const testTime: Metric = {
    name: "test execution time",
    value: minutes === null ? null : round(minutes, 2),
    unit: "minutes (median)",
    target: "< 10 min",
    met: minutes === null ? null : minutes < 10,
    basis:
      minutes === null
        ? `not measured: no successful ${github !== undefined ? source : "test run recorded by `warden ci run --test`"} in the window${githubNote}`
        : `${tests.length} successful ${github !== undefined ? `${source} (whole runs: an upper bound of the test time)` : "test runs recorded by `warden ci run --test`"}${githubNote}`,
    eventIds: tests.map((r) => r.id),
  };

  const reviewed = github === undefined ? [] : github.reviews.filter((r) => inWindow(r.openedAt) && r.firstReviewAt !== undefined);
  const hours = median(reviewed.map((r) => (Date.parse(r.firstReviewAt as string) - Date.parse(r.openedAt)) / HOUR));
  const review: Metric = {
    name: "code review time",
    value: hours === null ? null : round(hours, 2),
    unit: "hours (median)",
    target: "< 4 h",
    met: hours === null ? null : hours < 4,
    basis:
      github === undefined
        ? `not measured: ${options.external?.ok === false ? `GitHub not read: ${options.external.reason}` : "needs the GitHub integration (GITHUB_TOKEN and GITHUB_REPOSITORY)"}`
        : hours === null
          ? `not measured: no reviewed pull request of ${github.repository} opened in the window`
          : `${reviewed.length} reviewed pull requests of ${github.repository} (first review − opened)`,
    eventIds: reviewed.map((r) => `github-pull-${r.number}`),
  };
  return [build, testTime, review];
}
