import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDuration, parseRate, percentile, probeUrl, runMonitor } from "../src/index.js";

let server: Server;
let base: string;
const seen: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.url ?? "");
    if (req.url === "/healthz") res.writeHead(200).end("ok");
    else if (req.url === "/boom") res.writeHead(503).end("down");
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("warden monitor's probes", () => {
  it("probes each path round robin within the rate and the duration, and counts 5xx as errors and the health path for availability", async () => {
    seen.length = 0;
    const result = await runMonitor({ base, targets: [{ path: "/boom", source: "configured" }, { path: "/healthz", source: "health" }, { path: "/missing", source: "endpoint" }], durationMs: 600, rate: 10 });
    // 10/s for 0.6 s: at most 6 requests (+1 for the first one at t=0)
    expect(result.requests).toBeGreaterThanOrEqual(1);
    expect(result.requests).toBeLessThanOrEqual(7);
    const order = ["/boom", "/healthz", "/missing"];
    expect(seen).toEqual(seen.map((_, i) => order[i % 3]));
    expect(seen).toHaveLength(result.requests);
    const byPath = Object.fromEntries(result.paths.map((p) => [p.path, p]));
    expect(byPath["/boom"]).toMatchObject({ status: 503, errors: byPath["/boom"]?.requests });
    if (result.requests >= 2) expect(byPath["/healthz"]).toMatchObject({ status: 200, errors: 0 });
    if (result.requests >= 3) expect(byPath["/missing"]).toMatchObject({ status: 404, errors: 0 });
    expect(result.availability).toBe(result.requests >= 2 ? 100 : 0);
    expect(result.errors).toBe(byPath["/boom"]?.requests);
    expect(result.errorRate).toBe(Math.round(((byPath["/boom"]?.requests ?? 0) / result.requests) * 1000) / 10);
    expect(result.p50).not.toBeNull();
  });

  it("never leaves the environment's address, and counts refused connections as errors", async () => {
    expect(probeUrl(base, "/a?b=1").href).toBe(`${base}/a?b=1`);
    expect(() => probeUrl(base, "//evil.example/x")).toThrow("expected a path starting with a single /");
    expect(() => probeUrl(base, "http://evil.example/x")).toThrow("expected a path starting with a single /");
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = await runMonitor({ base: `http://127.0.0.1:${port}`, targets: [{ path: "/healthz", source: "health" }], durationMs: 200, rate: 20, timeoutMs: 500 });
    expect(result).toMatchObject({ availability: 0, errorRate: 100, p95: null });
    expect(result.paths[0]?.status).toBeNull();
  });

  it("parses durations and rates, and computes nearest-rank percentiles", () => {
    expect([parseDuration("60s"), parseDuration("5s"), parseDuration("2m"), parseDuration("500ms"), parseDuration("3")]).toEqual([60_000, 5000, 120_000, 500, 3000]);
    expect(() => parseDuration("5x")).toThrow("--duration 5x: expected a duration like 60s, 5s, 2m or 500ms");
    expect(() => parseDuration("2h")).toThrow();
    expect(() => parseRate("0")).toThrow("--rate 0: expected requests per second from 1 to 1000");
    expect(parseRate("25")).toBe(25);
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(values, 50), percentile(values, 95), percentile(values, 99), percentile([], 50)]).toEqual([50, 95, 99, null]);
  });
});
