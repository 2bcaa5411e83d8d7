import type { DeployEvent } from "@warden/core";

/** One probed path of a monitor run. */
export interface MonitorPath {
  readonly path: string;
  /** Why it was probed: the health path, a discovered endpoint, or the config. */
  readonly source: "health" | "endpoint" | "configured";
  readonly requests: number;
  readonly errors: number;
  /** The status of the last answer; null when the last request got none (timeout, refused). */
  readonly status: number | null;
  readonly p50: number | null;
  readonly p95: number | null;
  readonly p99: number | null;
}

/** What one monitor run measured (the detail of its `monitor` event). */
export interface MonitorMeasures {
  readonly requests: number;
  readonly errors: number;
  /** % of requests with no answer or a 5xx answer. */
  readonly errorRate: number;
  /** % of health-path probes answered with the expected status. */
  readonly availability: number;
  readonly p50: number | null;
  readonly p95: number | null;
  readonly p99: number | null;
  readonly paths: readonly MonitorPath[];
}

/** The latest `monitor` event of an environment, read back. */
export interface MonitorSummary extends MonitorMeasures {
  readonly env: string;
  readonly release: string;
  readonly at: string;
  readonly durationMs: number;
}

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** Read a `monitor` event's detail; undefined when it is not one Warden wrote (then it is left out). */
export function readMonitorEvent(event: DeployEvent): MonitorSummary | undefined {
  const d = event.detail;
  if (event.type !== "monitor" || d === undefined || !Array.isArray(d.paths)) return undefined;
  const paths: MonitorPath[] = [];
  for (const raw of d.paths as unknown[]) {
    if (typeof raw !== "object" || raw === null) continue;
    const p = raw as Record<string, unknown>;
    if (typeof p.path !== "string") continue;
    const source = p.source === "health" || p.source === "endpoint" || p.source === "configured" ? p.source : "configured";
    paths.push({ path: p.path, source, requests: num(p.requests) ?? 0, errors: num(p.errors) ?? 0, status: num(p.status), p50: num(p.p50), p95: num(p.p95), p99: num(p.p99) });
  }
  return {
    env: event.env,
    release: event.release,
    at: event.at,
    durationMs: event.durationMs ?? 0,
    requests: num(d.requests) ?? 0,
    errors: num(d.errors) ?? 0,
    errorRate: num(d.errorRate) ?? 0,
    availability: num(d.availability) ?? 0,
    p50: num(d.p50),
    p95: num(d.p95),
    p99: num(d.p99),
    paths: paths.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
  };
}

/** The latest monitor run of each environment. */
export function monitorSummaries(events: readonly DeployEvent[]): Map<string, MonitorSummary> {
  const out = new Map<string, MonitorSummary>();
  for (const e of events) {
    if (e.type !== "monitor") continue;
    const summary = readMonitorEvent(e);
    if (summary !== undefined) out.set(e.env, summary);
  }
  return out;
}
