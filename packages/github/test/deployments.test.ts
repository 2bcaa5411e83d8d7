import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { silentLogger, type DeployEvent } from "@warden/core";
import { startGitHubStandIn, type GitHubStandIn } from "@warden/test-utils";
import { DeploymentReporter, statusDescription } from "@warden/github";

let server: GitHubStandIn;
const COMMIT = "e".repeat(40);

beforeAll(async () => {
  server = await startGitHubStandIn();
});
afterAll(() => server.close());
afterEach(() => {
  expect(server.violations).toEqual([]);
  server.reset();
});

function reporter(): DeploymentReporter {
  return new DeploymentReporter({ token: "write-token", apiUrl: server.url, owner: "acme", repo: "widgets", environment: "production", production: true, userAgent: "warden-test", logger: silentLogger, writeIntervalMs: 0 });
}

let n = 0;
function event(type: DeployEvent["type"], release: string, extra: Partial<DeployEvent> = {}): DeployEvent {
  n += 1;
  return { id: `e${n}`, at: "2026-12-03T12:00:00.000Z", env: "prod", release, commit: COMMIT, type, ...extra };
}

describe("DeploymentReporter", () => {
  it("does not create a second deployment when the answer to the first create was lost", async () => {
    server.inject("repos/create-deployment", { status: 502, message: "Bad Gateway", apply: true });
    const github = reporter();
    github.onEvent(event("started", "r1"));
    github.onEvent(event("succeeded", "r1", { detail: { url: "http://127.0.0.1:9/" } }));
    await github.flush();
    expect(github.warnings).toEqual([]);
    expect(server.deployments).toHaveLength(1);
    expect(server.deployments[0]?.statuses.map((s) => [s.state, s.environment_url])).toEqual([
      ["in_progress", ""],
      ["success", "http://127.0.0.1:9/"],
    ]);
    expect(server.requests.filter((r) => r.operationId === "repos/create-deployment").map((r) => r.status)).toEqual([502]);
  });

  it("is idempotent when the same events are sent again (a retried run)", async () => {
    const events = [event("started", "r1"), event("succeeded", "r1")];
    for (let i = 0; i < 2; i += 1) {
      const github = reporter();
      for (const e of events) github.onEvent(e);
      await github.flush();
    }
    expect(server.deployments).toHaveLength(1);
    expect(server.deployments[0]?.statuses.map((s) => s.state)).toEqual(["in_progress", "success"]);
  });

  it("cuts descriptions to 140 characters, and records a manual rollback as the put-back release's deployment", async () => {
    const github = reporter();
    github.onEvent(event("started", "r1"));
    github.onEvent(event("succeeded", "r1"));
    github.onEvent(event("started", "r2"));
    github.onEvent(event("failed", "r2", { step: "migrate", detail: { error: "x".repeat(500) } }));
    github.onEvent(event("started", "r3"));
    github.onEvent(event("succeeded", "r3"));
    github.onEvent(event("rolled_back", "r1", { detail: { from: "r3", to: "r1", manual: true } }));
    await github.flush();
    expect(github.warnings).toEqual([]);
    const states = server.deployments.map((d) => [(d.payload as { warden: { release: string } }).warden.release, d.statuses.map((s) => s.state)]);
    expect(states).toEqual([
      ["r1", ["in_progress", "success", "inactive", "success"]],
      ["r2", ["in_progress", "failure"]],
      ["r3", ["in_progress", "success", "inactive"]],
    ]);
    const failure = server.deployments[1]?.statuses[1]?.description ?? "";
    expect(failure).toHaveLength(140);
    expect(failure.startsWith("Failed at step migrate: xxx")).toBe(true);
    expect(statusDescription("a\n  b")).toBe("a b");
  });

  it("logs a warning and goes on when the token may not create deployments", async () => {
    const github = new DeploymentReporter({ token: "read-token", apiUrl: server.url, owner: "acme", repo: "widgets", environment: "production", userAgent: "warden-test", logger: silentLogger, writeIntervalMs: 0 });
    github.onEvent(event("started", "r1"));
    github.onEvent(event("succeeded", "r1"));
    await github.flush();
    expect(server.deployments).toEqual([]);
    expect(github.warnings).toHaveLength(2);
    expect(github.warnings[0]).toMatch(/^GitHub deployment status for started of r1 not posted: 403 Resource not accessible by integration/);
  });
});
