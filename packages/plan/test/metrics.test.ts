import type { DeployEvent } from "@warden/core";
import { describe, expect, it } from "vitest";
import { doraMetrics } from "../src/index.js";

let seq = 0;
function event(type: DeployEvent["type"], at: string, release: string, extra: Partial<DeployEvent> = {}): DeployEvent {
  seq += 1;
  return { id: `e${String(seq).padStart(4, "0")}`, at, env: "production", release, commit: `c${release}`, type, ...extra };
}

/** A deployment of `release` from `start` lasting `minutes`, ending with `outcome`. */
function deploy(release: string, start: string, minutes: number, outcome: "succeeded" | "failed" | "rolled_back" = "succeeded", env = "production"): DeployEvent[] {
  const end = new Date(Date.parse(start) + minutes * 60_000).toISOString();
  return [event("started", start, release, { env }), event("switched", end, release, { env }), event(outcome, end, release, { env })];
}

const metric = (result: ReturnType<typeof doraMetrics>, name: string) => result.metrics.find((m) => m.name === name);

describe("DORA metrics from deploy events", () => {
  it("counts distinct failed deployments: 6 incidents on 4 of 23 deployments is 17.4%, not 26.1%", () => {
    const events: DeployEvent[] = [];
    for (let i = 0; i < 23; i++) events.push(...deploy(`r${i}`, `2026-03-${String(1 + i).padStart(2, "0")}T10:00:00Z`, 5));
    // six incidents on four releases: r2 (×2), r5, r9 (×2), r17
    const incidents: [string, string, string][] = [
      ["r2", "2026-03-03T11:00:00Z", "2026-03-03T11:20:00Z"],
      ["r2", "2026-03-03T13:00:00Z", "2026-03-03T13:40:00Z"],
      ["r5", "2026-03-06T11:00:00Z", "2026-03-06T11:10:00Z"],
      ["r9", "2026-03-10T12:00:00Z", "2026-03-10T12:30:00Z"],
      ["r9", "2026-03-10T15:00:00Z", "2026-03-10T15:05:00Z"],
      ["r17", "2026-03-18T11:00:00Z", "2026-03-18T12:00:00Z"],
    ];
    incidents.forEach(([release, opened, resolved], n) => {
      events.push(event("incident_opened", opened, release, { detail: { incident: `i${n}` } }), event("incident_resolved", resolved, release, { detail: { incident: `i${n}` } }));
    });
    events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    const result = doraMetrics(events, { since: new Date("2026-03-01T00:00:00Z"), until: new Date("2026-04-01T00:00:00Z") });
    expect(metric(result, "change fail rate")).toMatchObject({ value: 17.4, basis: "4 distinct failed deployments of 23 that reached production" });
    // recovery: median of 20, 40, 10, 30, 5, 60 minutes = 25
    expect(metric(result, "failed deployment recovery time")).toMatchObject({ value: 25, met: true });
    expect(metric(result, "deployment frequency")?.value).toBe(0.74); // 23 in 31 days
    expect(metric(result, "deployment frequency")?.met).toBe(false);
    expect(metric(result, "change fail rate")?.eventIds.length).toBe(12);
  });

  it("counts a rollback as a failure with its recovery time, and a deploy during an open incident as rework", () => {
    const events = [
      ...deploy("a", "2026-03-01T09:00:00Z", 4),
      event("incident_opened", "2026-03-01T10:00:00Z", "a", { detail: { incident: "x" } }),
      ...deploy("b", "2026-03-01T10:10:00Z", 6), // a fix-forward while the incident is open
      event("incident_resolved", "2026-03-01T10:30:00Z", "a", { detail: { incident: "x" } }),
      ...deploy("c", "2026-03-01T12:00:00Z", 12, "rolled_back"),
      ...deploy("d", "2026-03-01T13:00:00Z", 3, "failed"),
    ];
    const result = doraMetrics(events, { since: new Date("2026-03-01T00:00:00Z"), until: new Date("2026-03-02T00:00:00Z") });
    // reached production: a, b, c (d failed before it did); failed: a (incident), c (rolled back)
    expect(metric(result, "change fail rate")?.value).toBe(66.7);
    // recoveries: incident 30 min, rollback 12 min → median 21
    expect(metric(result, "failed deployment recovery time")?.value).toBe(21);
    expect(metric(result, "deployment rework rate")).toMatchObject({ value: 25, basis: "1 unplanned deployments (started during an open incident) of 4" });
    expect(metric(result, "deployment frequency")).toMatchObject({ value: 2, met: true });
  });

  it("uses UTC windows: a deployment spanning midnight counts on the day it ended", () => {
    const events = [...deploy("late", "2026-03-01T23:50:00Z", 20)];
    const day1 = doraMetrics(events, { since: new Date("2026-03-01T00:00:00Z"), until: new Date("2026-03-02T00:00:00Z") });
    const day2 = doraMetrics(events, { since: new Date("2026-03-02T00:00:00Z"), until: new Date("2026-03-03T00:00:00Z") });
    expect(day1.deployments).toHaveLength(0);
    expect(day2.deployments.map((d) => d.release)).toEqual(["late"]);
    // the same instant written with an offset elsewhere is still one UTC moment: the events are UTC by schema
  });

  it("reports lead time from the first commit of the change, and nothing for an environment with no deploys", () => {
    const events = [...deploy("a", "2026-03-01T09:00:00Z", 10), ...deploy("b", "2026-03-01T15:00:00Z", 10)];
    const firsts: Record<string, string> = { a: "2026-03-01T08:10:00Z", b: "2026-03-01T10:10:00Z" };
    const result = doraMetrics(events, { since: new Date("2026-03-01T00:00:00Z"), until: new Date("2026-03-02T00:00:00Z"), firstCommitAt: (d) => firsts[d.release] });
    // a: 1 h, b: 5 h → median 3 h
    expect(metric(result, "change lead time")).toMatchObject({ value: 3, met: false });
    const empty = doraMetrics(events, { since: new Date("2026-03-01T00:00:00Z"), until: new Date("2026-03-02T00:00:00Z"), env: "staging" });
    expect(empty.metrics.map((m) => [m.name, m.value])).toEqual([
      ["deployment frequency", 0],
      ["change lead time", null],
      ["change fail rate", null],
      ["failed deployment recovery time", null],
      ["deployment rework rate", null],
    ]);
  });
});
