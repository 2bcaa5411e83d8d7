import { readFileSync } from "node:fs";
import path from "node:path";
import { gitRepo, type TempRepo } from "@warden/test-utils";
import { afterEach, describe, expect, it } from "vitest";

let repo: TempRepo;
afterEach(() => repo.cleanup());

const line = (o: Record<string, unknown>): string => JSON.stringify(o);

describe("warden metrics and warden incident", () => {
  it("records an incident against a deployment, counts it, and skips a corrupt line with file:line", () => {
    repo = gitRepo({ "README.md": "# x\n" });
    repo.commit("feat: one");
    const commit = repo.git(["rev-parse", "HEAD"]).stdout.trim();
    const now = Date.now();
    const at = (minutesAgo: number): string => new Date(now - minutesAgo * 60_000).toISOString();
    repo.write({
      ".warden/events/production.jsonl": [
        line({ id: "1", at: at(120), env: "production", release: "r1", commit, type: "started" }),
        line({ id: "2", at: at(115), env: "production", release: "r1", commit, type: "succeeded" }),
        '{"id": "3", "at": "truncated',
        line({ id: "4", at: at(60), env: "production", release: "r2", commit, type: "started" }),
        line({ id: "5", at: at(55), env: "production", release: "r2", commit, type: "succeeded" }),
        "",
      ].join("\n"),
    });
    expect(repo.warden(["incident", "open", "production", "--deploy", "r2", "--id", "INC-1"]).stdout).toMatch(/^incident INC-1 opened in production \(release r2, event /);
    expect(repo.warden(["incident", "open", "production", "--deploy", "nope"]).stderr).toBe("warden: no deployment of release nope in production; see `warden releases production`\n");
    expect(repo.warden(["incident", "resolve", "production", "--deploy", "r2", "--id", "INC-1"]).code).toBe(0);
    expect(repo.warden(["incident", "resolve", "production", "--deploy", "r2", "--id", "INC-1"]).stderr).toBe("warden: incident INC-1 is not open in production\n");
    const log = readFileSync(path.join(repo.dir, ".warden/events/production.jsonl"), "utf8").trimEnd().split("\n");
    expect(log.slice(-2).map((l) => (JSON.parse(l) as { type: string }).type)).toEqual(["incident_opened", "incident_resolved"]);

    const result = repo.warden(["metrics", "--env", "production", "--json"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("warden: .warden/events/production.jsonl:3: skipped (not JSON)\n");
    const metrics = (JSON.parse(result.stdout) as { metrics: { name: string; value: number | null; eventIds: string[] }[] }).metrics;
    expect(metrics.find((m) => m.name === "change fail rate")?.value).toBe(50);
    expect(metrics.find((m) => m.name === "deployment frequency")?.value).toBe(0.07); // 2 in 30 days
    expect(metrics.find((m) => m.name === "change lead time")?.value).not.toBeNull();
    const pretty = repo.warden(["metrics", "--since", "7d"]);
    expect(pretty.stdout).toContain("change fail rate");
    expect(pretty.stdout).toContain("(target < 30 min)");
    expect(repo.warden(["metrics", "--since", "last week"]).stderr).toBe("warden: --since last week: expected YYYY-MM-DD (UTC) or a number of days like 30d\n");
  });
});
