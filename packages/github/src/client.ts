import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { Octokit } from "@octokit/rest";
import type BottleneckType from "bottleneck";
// @ts-expect-error -- the light build of Bottleneck ships no types of its own; it has Bottleneck's API
import BottleneckLight from "bottleneck/light.js";
import { redactText, type Logger } from "@warden/core";

// The light build of Bottleneck (no clustering), the one @octokit/plugin-throttling itself uses.
const Bottleneck = BottleneckLight as typeof BottleneckType;

// The plugins add behaviour, not methods Warden calls: the client is typed as the REST client.
const WardenOctokit = Octokit.plugin(retry, throttling) as unknown as typeof Octokit;

/** An octokit REST client with the retry and throttling plugins. */
export type GitHubClient = Octokit;

/** GitHub's guidance: at least one second between write requests, three for ones that notify people. */
export const DEFAULT_WRITE_INTERVAL_MS = 1000;

/** Retries after a rate limit: at most this many per request, and only when the wait is this short. */
const MAX_RATE_LIMIT_RETRIES = 2;
const MAX_RATE_LIMIT_WAIT_S = 60;

/** Options of {@link createGitHubClient}. */
export interface GitHubClientOptions {
  readonly token: string;
  /** GITHUB_API_URL: https://api.github.com, a GitHub Enterprise Server's /api/v3, or a test stand-in. */
  readonly baseUrl: string;
  readonly userAgent: string;
  readonly logger: Logger;
  /** Pause between write requests (default 1000 ms; requests that notify people wait three times as long). */
  readonly writeIntervalMs?: number;
}

/** Request parameters that carry no text of the user's: never redacted (`sarif` is gzip + base64 of a redacted log). */
const VERBATIM = new Set(["method", "url", "baseUrl", "headers", "request", "mediaType", "sarif", "owner", "repo", "commit_sha", "head_sha", "ref", "sha"]);

function redactDeep(value: unknown): unknown {
  if (typeof value === "string") return redactText(value);
  if (Array.isArray(value)) return value.map(redactDeep);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v)]));
  return value;
}

/**
 * An octokit client for Warden: retries server errors (plugin-retry), paces writes and waits out
 * short rate limits (plugin-throttling), and passes every text it sends through the output
 * redactor, so no secret reaches GitHub whatever produced the text.
 */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const interval = options.writeIntervalMs ?? DEFAULT_WRITE_INTERVAL_MS;
  const onLimit = (kind: string) => (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number): boolean => {
    const again = retryCount < MAX_RATE_LIMIT_RETRIES && retryAfter <= MAX_RATE_LIMIT_WAIT_S;
    options.logger.warn(`GitHub ${kind} rate limit on ${request.method} ${request.url}${again ? `: retrying in ${retryAfter} s` : ": giving up"}`);
    return again;
  };
  const client = new WardenOctokit({
    auth: options.token,
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    userAgent: options.userAgent,
    log: { debug: () => undefined, info: () => undefined, warn: (message: string) => options.logger.debug(message), error: (message: string) => options.logger.debug(message) },
    throttle: {
      onRateLimit: onLimit("primary"),
      onSecondaryRateLimit: onLimit("secondary"),
      write: new Bottleneck.Group({ maxConcurrent: 1, minTime: interval }),
      notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: interval * 3 }),
    },
  });
  client.hook.before("request", (request) => {
    for (const [key, value] of Object.entries(request)) {
      if (!VERBATIM.has(key)) (request as Record<string, unknown>)[key] = redactDeep(value);
    }
  });
  return client;
}

/** The HTTP status of an octokit error (RequestError), or undefined for other errors. */
export function httpStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" ? status : undefined;
}

/** One line describing a failed request, e.g. "403 Resource not accessible by integration". */
export function describeHttpError(error: unknown): string {
  const status = httpStatus(error);
  const message = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
  return status === undefined ? message : `${status} ${message.replace(/ - https:\/\/docs\.github\.com\S*$/, "")}`;
}

/** Whether a failed write means the token may not write there (a fork's read-only token, missing permissions). */
export function isPermissionError(error: unknown): boolean {
  const status = httpStatus(error);
  return status === 401 || status === 403 || status === 404;
}
