import { request } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import type { HealthCheck } from "@warden/core";

/** The outcome of one HTTP probe. */
export interface ProbeResult {
  readonly ok: boolean;
  readonly status: number | undefined;
  readonly latencyMs: number;
  readonly error: string | undefined;
}

/** The outcome of a health check: every attempt's latency and the final verdict. */
export interface HealthResult {
  readonly ok: boolean;
  readonly url: string;
  readonly attempts: number;
  readonly latenciesMs: number[];
  readonly lastStatus: number | undefined;
  readonly lastError: string | undefined;
}

/** GET `url` once (no keep-alive) and compare the status with `expectStatus`. */
export function probe(url: string, expectStatus: number, timeoutMs: number): Promise<ProbeResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(url, { method: "GET", agent: false, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on("end", () => {
        const latencyMs = performance.now() - started;
        resolve({ ok: res.statusCode === expectStatus, status: res.statusCode, latencyMs, error: undefined });
      });
    });
    req.on("timeout", () => req.destroy(new Error(`timed out after ${timeoutMs} ms`)));
    req.on("error", (error) => resolve({ ok: false, status: undefined, latencyMs: performance.now() - started, error: error.message }));
    req.end();
  });
}

/** Probe `url` until it answers the expected status, at most `retries + 1` times. */
export async function checkHealth(url: string, health: HealthCheck, options: { signal?: AbortSignal } = {}): Promise<HealthResult> {
  const latenciesMs: number[] = [];
  let last: ProbeResult | undefined;
  for (let attempt = 0; attempt <= health.retries; attempt += 1) {
    if (options.signal?.aborted === true) break;
    last = await probe(url, health.expectStatus, health.timeoutMs);
    latenciesMs.push(Math.round(last.latencyMs * 10) / 10);
    if (last.ok) return { ok: true, url, attempts: attempt + 1, latenciesMs, lastStatus: last.status, lastError: undefined };
    if (attempt < health.retries) await sleep(health.intervalMs);
  }
  return { ok: false, url, attempts: latenciesMs.length, latenciesMs, lastStatus: last?.status, lastError: last?.error };
}

/** One line describing a failed health check. */
export function describeHealthFailure(result: HealthResult, expectStatus: number): string {
  const got = result.lastStatus === undefined ? (result.lastError ?? "no answer") : `status ${result.lastStatus}`;
  return `health check ${result.url} failed after ${result.attempts} attempt(s): expected ${expectStatus}, got ${got}`;
}
