import { createLogger, currentEnv, repoRoot, WardenError } from "@warden/core";
import type { ExternalCiFigures } from "@warden/plan";
import type { Io } from "../io.js";

/**
 * CI runs and reviews from GitHub when GITHUB_TOKEN and GITHUB_REPOSITORY are set (GITHUB_API_URL
 * for GitHub Enterprise Server or a stand-in); undefined when they are not. A refused or failed
 * read is a reason shown with the figures, never a failed command.
 */
async function githubFigures(io: Io, since: Date): Promise<ExternalCiFigures | undefined> {
  const vars = currentEnv();
  const token = vars.GITHUB_TOKEN;
  const [owner, repo, ...rest] = (vars.GITHUB_REPOSITORY ?? "").split("/");
  if (token === undefined || token === "" || vars.GITHUB_REPOSITORY === undefined || vars.GITHUB_REPOSITORY === "") return undefined;
  if (owner === undefined || owner === "" || repo === undefined || repo === "" || rest.length > 0) return { ok: false, reason: `GITHUB_REPOSITORY=${vars.GITHUB_REPOSITORY.slice(0, 80)} is not owner/repo` };
  const github = await import("@warden/github");
  const client = github.createGitHubClient({ token, baseUrl: vars.GITHUB_API_URL ?? "https://api.github.com", userAgent: "warden", logger: createLogger({ level: "warn", stream: io.stderr }) });
  try {
    const read = await github.readDeliveryFigures(client, { owner, repo, since });
    return { ok: true, repository: `${owner}/${repo}`, runs: read.runs, reviews: read.reviews };
  } catch (error) {
    return { ok: false, reason: github.describeHttpError(error) };
  }
}

function parseSince(text: string | undefined, now: Date): Date {
  if (text === undefined) return new Date(now.getTime() - 30 * 24 * 3_600_000);
  const match = /^(\d+)d$/.exec(text);
  if (match !== null) return new Date(now.getTime() - Number(match[1]) * 24 * 3_600_000);
  const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) throw new WardenError("USAGE", `--since ${text.slice(0, 40)}: expected YYYY-MM-DD (UTC) or a number of days like 30d`);
  return date;
}

/** `warden metrics`: the DORA figures from the event log, each with its target and the events it came from. */
export async function metricsCommand(io: Io, options: { readonly env?: string; readonly since?: string; readonly json?: boolean; readonly github?: boolean }): Promise<number> {
  const { changeStartTimes, ciMetrics, deploymentKey, doraMetrics, readEventDigest } = await import("@warden/plan");
  const root = await repoRoot(io.cwd);
  const now = new Date();
  const since = parseSince(options.since, now);
  // streamed; with --env only that environment's log and the CI runs' log are read
  const { digest, skipped } = readEventDigest(root, options.env === undefined ? {} : { env: options.env, ci: true });
  const starts = changeStartTimes(root, digest.deployments);
  const result = doraMetrics([], {
    since,
    until: now,
    reduced: digest,
    ...(options.env === undefined ? {} : { env: options.env }),
    firstCommitAt: (d) => starts.get(deploymentKey(d)),
  });
  const external = options.github === false ? undefined : await githubFigures(io, since);
  const metrics = [...result.metrics, ...ciMetrics(digest.ciRuns, { since, until: now, ...(external === undefined ? {} : { external }) })];
  for (const s of skipped) io.stderr.write(`warden: ${s.file}:${s.line}: skipped (${s.reason})\n`);
  if (options.json === true) {
    io.stdout.write(`${JSON.stringify({ since: since.toISOString(), until: now.toISOString(), env: options.env ?? null, metrics, skipped }, null, 2)}\n`);
    return 0;
  }
  io.stdout.write(`Delivery metrics${options.env === undefined ? "" : ` for ${options.env}`} from ${since.toISOString().slice(0, 10)} to ${now.toISOString().slice(0, 10)} (UTC), ${result.deployments.length} deployments\n\n`);
  for (const m of metrics) {
    const verdict = m.met === null ? "" : m.met ? "  ✔ met" : "  ✖ not met";
    io.stdout.write(`  ${m.name.padEnd(32)} ${m.value === null ? "not measured" : `${m.value} ${m.unit}`}${m.target === null ? "" : `  (target ${m.target})`}${verdict}\n      ${m.basis}\n`);
  }
  return 0;
}

/** `warden incident open|resolve ENV --deploy RELEASE [--id ID]`: record an incident linked to a deployment. */
export async function incidentCommand(io: Io, action: string, env: string, options: { readonly deploy?: string; readonly id?: string; readonly note?: string }): Promise<number> {
  const { appendIncident } = await import("@warden/plan");
  if (action !== "open" && action !== "resolve") throw new WardenError("USAGE", `incident ${action}: expected open or resolve`);
  if (options.deploy === undefined) throw new WardenError("USAGE", "incident: --deploy RELEASE is required (the release that caused it; see warden releases ENV)");
  const root = await repoRoot(io.cwd);
  const id = options.id ?? options.deploy;
  const event = appendIncident(root, { env, release: options.deploy, incident: id, action, ...(options.note === undefined ? {} : { note: options.note }) });
  io.stdout.write(`incident ${id} ${action === "open" ? "opened" : "resolved"} in ${env} (release ${options.deploy}, event ${event.id})\n`);
  return 0;
}
