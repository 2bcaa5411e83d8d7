import { readFileSync } from "node:fs";
import { WardenError } from "@warden/core";

/** The pull request a workflow run is for. */
export interface PullRequestContext {
  readonly number: number;
  /** The head commit (check runs belong to it; GITHUB_SHA of a pull_request run is a merge commit). */
  readonly headSha: string;
  /** Opened from a fork (and not run as pull_request_target): the run's GITHUB_TOKEN is read-only, whatever the workflow asks for. */
  readonly fork: boolean;
}

/** What a GitHub Actions run tells about itself through its GITHUB_* variables and event file. */
export interface ActionsContext {
  readonly owner: string;
  readonly repo: string;
  /** GITHUB_SHA: the commit the run checked out (the merge commit for a pull request). */
  readonly sha: string;
  /** GITHUB_REF, e.g. refs/heads/main or refs/pull/12/merge. */
  readonly ref: string | undefined;
  readonly token: string | undefined;
  readonly apiUrl: string;
  /** Link to this run's log, when GITHUB_RUN_ID is set. */
  readonly runUrl: string | undefined;
  readonly eventName: string | undefined;
  readonly pullRequest: PullRequestContext | undefined;
  /** GITHUB_STEP_SUMMARY: the file whose markdown is shown on the run's summary page. */
  readonly stepSummary: string | undefined;
}

interface PullRequestEvent {
  pull_request?: {
    number?: number;
    head?: { sha?: string; repo?: { full_name?: string; fork?: boolean } | null };
    base?: { repo?: { full_name?: string } };
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

/**
 * Read the run's context from `env` (GITHUB_REPOSITORY, GITHUB_SHA, GITHUB_REF, GITHUB_TOKEN,
 * GITHUB_API_URL, GITHUB_SERVER_URL, GITHUB_RUN_ID, GITHUB_EVENT_NAME, GITHUB_EVENT_PATH,
 * GITHUB_STEP_SUMMARY). Missing GITHUB_REPOSITORY or GITHUB_SHA is a usage error (not in Actions).
 */
export function readActionsContext(env: NodeJS.ProcessEnv): ActionsContext {
  const repository = nonEmpty(env.GITHUB_REPOSITORY);
  const sha = nonEmpty(env.GITHUB_SHA);
  if (repository === undefined || sha === undefined) {
    throw new WardenError("USAGE", `${repository === undefined ? "GITHUB_REPOSITORY" : "GITHUB_SHA"} is not set: warden ci report runs in a GitHub Actions job`, {
      hint: "outside Actions, set GITHUB_REPOSITORY=owner/repo, GITHUB_SHA and GITHUB_TOKEN (docs/guides/github.md)",
    });
  }
  const [owner, repo, ...rest] = repository.split("/");
  if (owner === undefined || repo === undefined || owner === "" || repo === "" || rest.length > 0) {
    throw new WardenError("USAGE", `GITHUB_REPOSITORY=${repository}: expected owner/repo`);
  }
  const eventPath = nonEmpty(env.GITHUB_EVENT_PATH);
  let event: PullRequestEvent = {};
  if (eventPath !== undefined) {
    try {
      event = JSON.parse(readFileSync(eventPath, "utf8")) as PullRequestEvent;
    } catch (error) {
      throw new WardenError("INPUT", `GITHUB_EVENT_PATH=${eventPath}: not a readable JSON event (${error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error)})`);
    }
  }
  const pr = event.pull_request;
  const eventName = nonEmpty(env.GITHUB_EVENT_NAME);
  // pull_request_target runs the base repository's workflow with a token that can write
  const forkHead = pr?.head?.repo === null || pr?.head?.repo?.fork === true || (pr?.head?.repo?.full_name !== undefined && pr.base?.repo?.full_name !== undefined && pr.head.repo.full_name !== pr.base.repo.full_name);
  const pullRequest =
    pr?.number === undefined
      ? undefined
      : {
          number: pr.number,
          headSha: pr.head?.sha ?? sha,
          fork: forkHead && eventName !== "pull_request_target",
        };
  const serverUrl = (nonEmpty(env.GITHUB_SERVER_URL) ?? "https://github.com").replace(/\/+$/, "");
  const runId = nonEmpty(env.GITHUB_RUN_ID);
  return {
    owner,
    repo,
    sha,
    ref: nonEmpty(env.GITHUB_REF),
    token: nonEmpty(env.GITHUB_TOKEN),
    apiUrl: nonEmpty(env.GITHUB_API_URL) ?? "https://api.github.com",
    runUrl: runId === undefined ? undefined : `${serverUrl}/${owner}/${repo}/actions/runs/${runId}`,
    eventName,
    pullRequest,
    stepSummary: nonEmpty(env.GITHUB_STEP_SUMMARY),
  };
}
