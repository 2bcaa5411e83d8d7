import { randomUUID } from "node:crypto";
import { appendFileSync, mkdirSync } from "node:fs";
import { Agent as HttpAgent, request as httpRequest } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import path from "node:path";
import { DeployEventSchema, redactText, WardenError, type DeployEvent } from "@warden/core";
import { EVENTS_DIR } from "./events.js";
import type { MonitorMeasures, MonitorPath } from "./monitor-data.js";

/** A path to probe and why. */
export interface ProbeTarget {
  readonly path: string;
  readonly source: MonitorPath["source"];
}

/** What one monitor run measured. */
export interface MonitorResult extends MonitorMeasures {
  readonly durationMs: number;
  readonly rate: number;
}

/** Parse `60s`, `5s`, `2m`, `500ms` or a bare number of seconds; bounded to 1 h. */
export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(text.trim());
  if (match === null) throw new WardenError("USAGE", `--duration ${text.slice(0, 20)}: expected a duration like 60s, 5s, 2m or 500ms`);
  const value = Number(match[1]);
  const ms = match[2] === "ms" ? value : match[2] === "m" ? value * 60_000 : value * 1000;
  if (ms < 100 || ms > 3_600_000) throw new WardenError("USAGE", `--duration ${text.slice(0, 20)}: between 100ms and 60m`);
  return Math.round(ms);
}

/** Parse `--rate N`: requests per second across all paths, 1 to 1000. */
export function parseRate(text: string): number {
  const rate = Number(text);
  if (!Number.isFinite(rate) || rate < 1 || rate > 1000) throw new WardenError("USAGE", `--rate ${text.slice(0, 20)}: expected requests per second from 1 to 1000`);
  return rate;
}

/** The nearest-rank percentile of sorted values, to 0.1 ms. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return Math.round((sorted[rank - 1] as number) * 10) / 10;
}

/**
 * The URL of `probePath` on `base`, refused when it would leave `base`'s origin (`//host/x`, an
 * absolute URL): the monitor never sends traffic anywhere but the environment's address.
 */
export function probeUrl(base: string, probePath: string): URL {
  if (!probePath.startsWith("/") || probePath.startsWith("//")) throw new WardenError("USAGE", `monitor path ${probePath.slice(0, 60)}: expected a path starting with a single /`);
  const origin = new URL(base);
  const url = new URL(probePath, origin);
  if (url.origin !== origin.origin) throw new WardenError("USAGE", `monitor path ${probePath.slice(0, 60)} leaves ${origin.origin}; only the environment's address is probed`);
  return url;
}

function probeOnce(url: URL, agent: HttpAgent, timeoutMs: number): Promise<{ status: number | null; ms: number }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const send = url.protocol === "https:" ? httpsRequest : httpRequest;
    const req = send(url, { method: "GET", agent, timeout: timeoutMs, headers: { "user-agent": "warden-monitor" } }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? null, ms: performance.now() - started }));
      res.on("error", () => resolve({ status: null, ms: performance.now() - started }));
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", () => resolve({ status: null, ms: performance.now() - started }));
    req.end();
  });
}

/**
 * Probe `targets` on `base` for `durationMs` at `rate` requests per second (round robin, one
 * request at a time, each bounded by `timeoutMs`): latency percentiles per path and overall, error
 * rate, availability of the health path. Stops scheduling at the end of the duration, so a run
 * takes at most `durationMs + timeoutMs`.
 */
export async function runMonitor(options: {
  readonly base: string;
  readonly targets: readonly ProbeTarget[];
  readonly durationMs: number;
  readonly rate: number;
  readonly timeoutMs?: number;
  readonly healthStatus?: number;
}): Promise<MonitorResult> {
  if (options.targets.length === 0) throw new WardenError("USAGE", "nothing to probe: no health path, endpoints or plan.monitor.paths");
  const urls = options.targets.map((t) => probeUrl(options.base, t.path));
  const timeoutMs = options.timeoutMs ?? 2000;
  const agent = urls[0]?.protocol === "https:" ? new HttpsAgent({ keepAlive: true, maxSockets: 1 }) : new HttpAgent({ keepAlive: true, maxSockets: 1 });
  const interval = 1000 / options.rate;
  const samples = options.targets.map(() => ({ latencies: [] as number[], requests: 0, errors: 0, status: null as number | null, healthy: 0 }));
  const started = performance.now();
  let sent = 0;
  try {
    while (performance.now() - started < options.durationMs) {
      const index = sent % urls.length;
      const sample = samples[index] as (typeof samples)[number];
      const result = await probeOnce(urls[index] as URL, agent, timeoutMs);
      sent += 1;
      sample.requests += 1;
      sample.status = result.status;
      if (result.status === null || result.status >= 500) sample.errors += 1;
      if (result.status !== null) sample.latencies.push(result.ms);
      if (options.targets[index]?.source === "health" && result.status === (options.healthStatus ?? 200)) sample.healthy += 1;
      const next = started + sent * interval;
      const wait = Math.min(next - performance.now(), options.durationMs - (performance.now() - started));
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
  } finally {
    agent.destroy();
  }
  const durationMs = Math.round(performance.now() - started);
  const all = samples.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const requests = samples.reduce((n, s) => n + s.requests, 0);
  const errors = samples.reduce((n, s) => n + s.errors, 0);
  const healthIndex = options.targets.map((t, i) => (t.source === "health" ? i : -1)).filter((i) => i >= 0);
  const healthRequests = healthIndex.reduce((n, i) => n + (samples[i]?.requests ?? 0), 0);
  const healthy = healthIndex.reduce((n, i) => n + (samples[i]?.healthy ?? 0), 0);
  const pct = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);
  return {
    durationMs,
    rate: options.rate,
    requests,
    errors,
    errorRate: pct(errors, requests),
    availability: healthRequests === 0 ? pct(requests - errors, requests) : pct(healthy, healthRequests),
    p50: percentile(all, 50),
    p95: percentile(all, 95),
    p99: percentile(all, 99),
    paths: options.targets.map((t, i) => {
      const s = samples[i] as (typeof samples)[number];
      const sorted = [...s.latencies].sort((a, b) => a - b);
      return { path: t.path, source: t.source, requests: s.requests, errors: s.errors, status: s.status, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
    }),
  };
}

/** Append a run's result to the environment's event log as one `monitor` event (through the output redactor, like every event). */
export function appendMonitorEvent(root: string, input: { readonly env: string; readonly release: string; readonly commit: string; readonly result: MonitorResult; readonly latencyTargetMs: number; readonly at?: Date }): DeployEvent {
  const { result } = input;
  const event = DeployEventSchema.parse({
    id: randomUUID(),
    at: (input.at ?? new Date()).toISOString(),
    env: input.env,
    release: input.release,
    commit: input.commit,
    type: "monitor",
    durationMs: result.durationMs,
    detail: {
      rate: result.rate,
      requests: result.requests,
      errors: result.errors,
      errorRate: result.errorRate,
      availability: result.availability,
      p50: result.p50,
      p95: result.p95,
      p99: result.p99,
      latencyTargetMs: input.latencyTargetMs,
      met: result.p95 === null ? null : result.p95 < input.latencyTargetMs,
      paths: result.paths,
    },
  });
  mkdirSync(path.join(root, EVENTS_DIR), { recursive: true });
  appendFileSync(path.join(root, EVENTS_DIR, `${input.env}.jsonl`), `${redactText(JSON.stringify(event))}\n`);
  return event;
}
