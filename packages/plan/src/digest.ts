import type { DeployEvent } from "@warden/core";
import { streamEvents, type EventFileOptions, type SkippedLine } from "./events.js";
import { DeploymentReducer, type Deployment, type Incident } from "./metrics.js";
import { readMonitorEvent, type MonitorSummary } from "./monitor-data.js";

/** A recorded CI run (a `ci_run` event: `warden ci run` / `warden ci record`). */
export interface CiRun {
  readonly id: string;
  readonly at: string;
  readonly name: string;
  readonly status: "success" | "failure";
  readonly durationMs: number;
  /** Marked as the test suite's run (`--test`): its duration is the test execution time. */
  readonly test: boolean;
}

/** A `warden monitor` run's p95, for the latency trend. */
export interface MonitorPoint {
  readonly env: string;
  readonly at: string;
  readonly p95: number;
}

/**
 * What the plan and the metrics need of an event log, gathered in one pass: deployments and
 * incidents, the live release, the latest monitor run and last migration run of each environment,
 * the last monitor runs for the trend, and the CI runs. Its size grows with deployments, not with
 * events: pipeline steps leave only their ids in their deployment.
 */
export interface EventDigest {
  /** Events read (skipped lines not counted). */
  readonly count: number;
  /** Environments named by deploy, incident or monitor events. */
  readonly envs: ReadonlySet<string>;
  /** The time of the latest deploy, incident or monitor event. */
  readonly latestAt: string | undefined;
  readonly deployments: readonly Deployment[];
  readonly incidents: readonly Incident[];
  /** The release serving each environment: the last success, or the target of a manual rollback. */
  readonly live: ReadonlyMap<string, { readonly release: string; readonly since: string }>;
  /** The latest monitor run of each environment. */
  readonly monitors: ReadonlyMap<string, MonitorSummary>;
  /** The last {@link TREND_RUNS} monitor runs with a p95, oldest first. */
  readonly monitorTrend: readonly MonitorPoint[];
  /** The last `migrated` event that ran migrations, per environment. */
  readonly migrationRuns: ReadonlyMap<string, { readonly at: string; readonly release: string }>;
  /** CI runs, oldest first. */
  readonly ciRuns: readonly CiRun[];
}

/** Monitor runs kept for the latency trend. */
export const TREND_RUNS = 12;

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A CI run from a `ci_run` event; undefined when its detail is not one Warden wrote. */
export function readCiRun(event: DeployEvent): CiRun | undefined {
  const d = event.detail;
  if (event.type !== "ci_run" || d === undefined || (d.status !== "success" && d.status !== "failure") || typeof event.durationMs !== "number") return undefined;
  return { id: event.id, at: event.at, name: typeof d.name === "string" ? d.name : "ci", status: d.status, durationMs: event.durationMs, test: d.test === true };
}

/** Collects one file's events (or an array's) into the parts of a digest. */
class DigestBuilder {
  count = 0;
  readonly envs = new Set<string>();
  latestAt: string | undefined;
  readonly reducer = new DeploymentReducer();
  readonly live = new Map<string, { release: string; since: string }>();
  readonly monitors = new Map<string, MonitorSummary>();
  readonly trend: MonitorPoint[] = [];
  readonly migrationRuns = new Map<string, { at: string; release: string }>();
  readonly ciRuns: CiRun[] = [];

  add(e: DeployEvent): void {
    this.count += 1;
    if (e.type === "ci_run") {
      const run = readCiRun(e);
      if (run !== undefined) this.ciRuns.push(run);
      return;
    }
    this.envs.add(e.env);
    if (this.latestAt === undefined || e.at > this.latestAt) this.latestAt = e.at;
    if (e.type === "succeeded") this.live.set(e.env, { release: e.release, since: e.at });
    else if (e.type === "rolled_back" && e.detail?.manual === true && typeof e.detail.to === "string") this.live.set(e.env, { release: e.detail.to, since: e.at });
    else if (e.type === "migrated" && e.detail?.ran === true) this.migrationRuns.set(e.env, { at: e.at, release: e.release });
    else if (e.type === "monitor") {
      const summary = readMonitorEvent(e);
      if (summary !== undefined) this.monitors.set(e.env, summary);
      if (typeof e.detail?.p95 === "number") {
        this.trend.push({ env: e.env, at: e.at, p95: e.detail.p95 });
        if (this.trend.length > TREND_RUNS * 2) this.trend.splice(0, this.trend.length - TREND_RUNS);
      }
    }
    this.reducer.add(e);
  }
}

/** Put the per-file parts together: later facts win, lists are merged by time. */
function merge(parts: readonly DigestBuilder[]): EventDigest {
  const later = <T extends { readonly at?: string; readonly since?: string }>(a: T | undefined, b: T): T => (a === undefined || (b.at ?? b.since ?? "") >= (a.at ?? a.since ?? "") ? b : a);
  const live = new Map<string, { release: string; since: string }>();
  const monitors = new Map<string, MonitorSummary>();
  const migrationRuns = new Map<string, { at: string; release: string }>();
  const envs = new Set<string>();
  const deployments: Deployment[] = [];
  const incidents: Incident[] = [];
  let latestAt: string | undefined;
  let count = 0;
  for (const part of parts) {
    count += part.count;
    for (const env of part.envs) envs.add(env);
    if (part.latestAt !== undefined && (latestAt === undefined || part.latestAt > latestAt)) latestAt = part.latestAt;
    for (const [env, value] of part.live) live.set(env, later(live.get(env), value));
    for (const [env, value] of part.monitors) monitors.set(env, later(monitors.get(env), value));
    for (const [env, value] of part.migrationRuns) migrationRuns.set(env, later(migrationRuns.get(env), value));
    const reduced = part.reducer.finish();
    deployments.push(...reduced.deployments);
    incidents.push(...reduced.incidents);
  }
  deployments.sort((a, b) => cmp(a.endedAt, b.endedAt) || cmp(a.eventIds[a.eventIds.length - 1] ?? "", b.eventIds[b.eventIds.length - 1] ?? ""));
  incidents.sort((a, b) => cmp(a.openedAt, b.openedAt) || cmp(a.eventIds[0] ?? "", b.eventIds[0] ?? ""));
  const monitorTrend = parts
    .flatMap((p) => p.trend.slice(-TREND_RUNS))
    .sort((a, b) => cmp(a.at, b.at) || cmp(a.env, b.env))
    .slice(-TREND_RUNS);
  const ciRuns = parts.flatMap((p) => p.ciRuns).sort((a, b) => cmp(a.at, b.at) || cmp(a.id, b.id));
  return { count, envs, latestAt, deployments, incidents, live, monitors, monitorTrend, migrationRuns, ciRuns };
}

/**
 * The digest of the event logs under `root` (or of one environment's), streamed file by file: memory
 * grows with the deployments, not with the events. Each environment's file is reduced on its own,
 * in the order its events were appended (sorted by time if its times go backwards). Corrupt or
 * unknown lines are returned with file:line, never thrown.
 */
export function readEventDigest(root: string, options: EventFileOptions = {}): { digest: EventDigest; skipped: SkippedLine[] } {
  const parts: DigestBuilder[] = [];
  const skipped: SkippedLine[] = [];
  streamEvents(root, options, {
    file: () => {
      const part = { builder: new DigestBuilder() };
      parts.push(part.builder);
      return {
        event: (e) => part.builder.add(e),
        restart: () => {
          const fresh = new DigestBuilder();
          parts[parts.indexOf(part.builder)] = fresh;
          part.builder = fresh;
        },
      };
    },
    skip: (s) => skipped.push(s),
  });
  return { digest: merge(parts), skipped };
}

/** The digest of events already in memory (tests, small logs): sorted by time (stable) first. */
export function digestEvents(events: readonly DeployEvent[]): EventDigest {
  const builder = new DigestBuilder();
  for (const e of [...events].sort((a, b) => cmp(a.at, b.at))) builder.add(e);
  return merge([builder]);
}
