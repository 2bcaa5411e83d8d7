import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { DeployEvent } from "@warden/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { digestEvents, forEachLine, readEventDigest, readEvents } from "../src/index.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "warden-digest-"));
  mkdirSync(path.join(dir, ".warden/events"), { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let seq = 0;
function ev(env: string, type: DeployEvent["type"], at: string, release: string, extra: Partial<DeployEvent> = {}): DeployEvent {
  seq += 1;
  return { id: `e${String(seq).padStart(4, "0")}`, at, env, release, commit: "c0ffee", type, ...extra };
}

describe("the streamed event log", () => {
  it("reads lines across 1 MiB chunks: multi-byte characters at a chunk boundary, a line longer than a chunk, a last line without a line break", () => {
    const file = path.join(dir, "lines.txt");
    const first = "a".repeat((1 << 20) - 2); // the next line's "é" straddles the first chunk's end
    const long = "x".repeat(3 << 20);
    writeFileSync(file, `${first}\nééé\n${long}\n\nlast`);
    const seen: [number, number, string][] = [];
    forEachLine(file, (text, n) => seen.push([n, text.length, text.slice(0, 3)]));
    expect(seen).toEqual([
      [1, first.length, "aaa"],
      [2, 3, "ééé"],
      [3, long.length, "xxx"],
      [4, 0, ""],
      [5, 4, "las"],
    ]);
  });

  it("gives the digest of the events in memory; a file whose times go backwards is sorted; corrupt lines are reported with file:line", () => {
    seq = 0;
    const web = [
      ev("web", "started", "2026-03-01T23:50:00.000Z", "r1", { detail: { user: "ana" } }),
      ev("web", "migrated", "2026-03-01T23:55:00.000Z", "r1", { detail: { ran: true } }),
      ev("web", "succeeded", "2026-03-02T00:05:00.000Z", "r1"),
      ev("web", "monitor", "2026-03-02T01:00:00.000Z", "r1", { durationMs: 5000, detail: { requests: 2, errors: 0, errorRate: 0, availability: 100, p50: 3, p95: 7, p99: 9, paths: [] } }),
      ev("web", "incident_opened", "2026-03-03T09:59:00.000Z", "r1", { detail: { incident: "INC-1" } }),
      ev("web", "started", "2026-03-03T10:00:00.000Z", "r2"),
      ev("web", "rolled_back", "2026-03-03T10:04:00.000Z", "r2", { step: "health" }),
      ev("web", "incident_resolved", "2026-03-03T10:20:00.000Z", "r1", { detail: { incident: "INC-1" } }),
    ];
    // api's lines were appended out of time order (a clock stepped back)
    const api = [
      ev("api", "started", "2026-03-02T09:00:00.000Z", "a1"),
      ev("api", "succeeded", "2026-03-02T09:01:00.000Z", "a1"),
      ev("api", "succeeded", "2026-03-02T08:59:30.000Z", "a0"),
      ev("api", "started", "2026-03-02T08:59:00.000Z", "a0"),
    ];
    const ci = [ev("ci", "ci_run", "2026-03-02T12:00:00.000Z", "run-1", { durationMs: 61_000, detail: { name: "test", status: "success", test: true } })];
    const lines = (events: DeployEvent[]): string => events.map((e) => JSON.stringify(e)).join("\n");
    writeFileSync(path.join(dir, ".warden/events/web.jsonl"), `${lines(web)}\n{"id":"broken\n`);
    writeFileSync(path.join(dir, ".warden/events/api.jsonl"), `${lines(api)}\n`);
    writeFileSync(path.join(dir, ".warden/events/ci.jsonl"), `${lines(ci)}\n`);

    const { digest, skipped } = readEventDigest(dir);
    expect(skipped).toEqual([{ file: ".warden/events/web.jsonl", line: 9, reason: "not JSON" }]);
    expect(digest).toEqual(digestEvents([...web, ...api, ...ci]));
    expect(digest).toEqual(digestEvents(readEvents(dir).events));
    expect(digest.count).toBe(13);
    expect(digest.deployments.map((d) => [d.env, d.release, d.outcome, d.unplanned])).toEqual([
      ["web", "r1", "succeeded", false],
      ["api", "a0", "succeeded", false],
      ["api", "a1", "succeeded", false],
      ["web", "r2", "rolled_back", true],
    ]);
    expect(digest.deployments.find((d) => d.release === "r2")?.eventIds).toEqual(["e0006", "e0007"]);
    expect(digest.incidents).toEqual([{ env: "web", release: "r1", openedAt: "2026-03-03T09:59:00.000Z", resolvedAt: "2026-03-03T10:20:00.000Z", eventIds: ["e0005", "e0008"] }]);
    expect([...digest.live]).toEqual([
      ["api", { release: "a1", since: "2026-03-02T09:01:00.000Z" }],
      ["web", { release: "r1", since: "2026-03-02T00:05:00.000Z" }],
    ]);
    expect([...digest.envs].sort()).toEqual(["api", "web"]);
    expect(digest.latestAt).toBe("2026-03-03T10:20:00.000Z");
    expect(digest.migrationRuns.get("web")).toEqual({ at: "2026-03-01T23:55:00.000Z", release: "r1" });
    expect(digest.monitorTrend).toEqual([{ env: "web", at: "2026-03-02T01:00:00.000Z", p95: 7 }]);
    expect(digest.ciRuns).toEqual([{ id: "e0013", at: "2026-03-02T12:00:00.000Z", name: "test", status: "success", durationMs: 61_000, test: true }]);
    // one environment (and the CI runs' log)
    expect(readEventDigest(dir, { env: "api" }).digest.deployments).toHaveLength(2);
    expect(readEventDigest(dir, { env: "api", ci: true }).digest.ciRuns).toHaveLength(1);
    expect(readEventDigest(dir, { env: "api" }).digest.ciRuns).toHaveLength(0);
  });
});
