// `warden deploy` / `warden rollback` with github.deployments on: a local deploy of the example
// service, its deployment statuses posted to the OpenAPI-checked GitHub stand-in (test/utils).
import { readFileSync } from "node:fs";
import path from "node:path";
import { cleanupRepo } from "@warden/test-utils/deploy";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { gitRepo, REPO_ROOT, runAsync, startGitHubStandIn, WARDEN_BIN, type GitHubStandIn, type RunResult, type TempRepo } from "@warden/test-utils";

let server: GitHubStandIn;
let repo: TempRepo;

/** The config: one local environment "staging" serving app/ (the example hello-service). */
function config(expectStatus: number): string {
  return JSON.stringify({
    deploy: {
      environments: {
        staging: {
          target: { type: "local", app: "app", start: "node server.mjs", stopTimeoutMs: 2000 },
          health: { path: "/healthz", expectStatus, retries: expectStatus === 200 ? 30 : 1, intervalMs: 50, timeoutMs: 1000 },
          preflight: { cleanTree: true, check: false, scan: false },
          build: false,
        },
      },
    },
    github: { deployments: true, environments: { staging: { name: "Staging", url: "https://staging.example.test" } } },
  });
}

beforeAll(async () => {
  server = await startGitHubStandIn();
  repo = gitRepo({
    ".gitignore": ".warden/\n",
    "app/server.mjs": readFileSync(path.join(REPO_ROOT, "examples/hello-service/server.mjs"), "utf8"),
    "warden.config.json": config(200),
  });
  repo.commit("feat: hello-service", { noVerify: true });
});

/** Stop every process the local target started (instances, supervisors, the proxy), fail on any left, then remove the repo. */
afterAll(async () => {
  await server.close();
  await cleanupRepo(repo);
});
afterEach(() => {
  expect(server.violations).toEqual([]);
});

function warden(args: string[]): Promise<RunResult> {
  return runAsync(process.execPath, [WARDEN_BIN, ...args], {
    cwd: repo.dir,
    env: { GITHUB_REPOSITORY: "acme/widgets", GITHUB_TOKEN: "write-token", GITHUB_API_URL: server.url, GITHUB_RUN_ID: "77", WARDEN_GITHUB_WRITE_INTERVAL_MS: "0" },
  });
}

/** Each deployment's release and its statuses as [state, description]. */
function history(): { release: unknown; environment: string; statuses: [string, string][] }[] {
  return server.deployments.map((d) => ({ release: (d.payload as { warden?: { release?: string } }).warden?.release, environment: d.environment, statuses: d.statuses.map((s): [string, string] => [s.state, s.description]) }));
}

describe("warden deploy with github.deployments", () => {
  it("posts in_progress then success, then failure and the rollback's status, for the right environment", async () => {
    const first = await warden(["deploy", "staging"]);
    expect(first.code, first.stderr).toBe(0);
    const r1 = /^deployed (\S+) to staging/.exec(first.stdout)?.[1];
    expect(history()).toEqual([{ release: r1, environment: "Staging", statuses: [["in_progress", `Deploying ${r1}`], ["success", `${r1} is live`]] }]);
    const [deployment] = server.deployments;
    expect(deployment?.sha).toBe(repo.git(["rev-parse", "HEAD"]).stdout.trim());
    expect(deployment?.statuses[1]).toMatchObject({ environment: "Staging", environment_url: "https://staging.example.test", log_url: "https://github.com/acme/widgets/actions/runs/77" });

    // the second release fails its health check: rolled back, the first keeps serving
    repo.write({ "warden.config.json": config(204) });
    repo.commit("chore: stricter health check", { noVerify: true });
    const second = await warden(["deploy", "staging"]);
    expect(second.code).toBe(1);
    const r2 = /^deploy of (\S+) to staging rolled back/.exec(second.stdout)?.[1];
    expect(r2).toBeDefined();
    const [one, two] = history();
    expect(two?.release).toBe(r2);
    expect(two?.environment).toBe("Staging");
    expect(two?.statuses.map(([state]) => state)).toEqual(["in_progress", "failure"]);
    expect(two?.statuses[1]?.[1]).toMatch(/^Rolled back at step health: /);
    expect(two?.statuses[1]?.[1].length).toBeLessThanOrEqual(140);
    expect(one?.statuses.at(-1)).toEqual(["success", `Serving again after the rollback of ${r2}`]);

    // `warden rollback` is not needed here; a third, good deploy replaces the first: success, then inactive on the first
    repo.write({ "warden.config.json": config(200) });
    repo.commit("chore: health check back", { noVerify: true });
    const third = await warden(["deploy", "staging"]);
    expect(third.code, third.stderr).toBe(0);
    const r3 = /^deployed (\S+) to staging/.exec(third.stdout)?.[1];
    const all = history();
    expect(all[2]).toEqual({ release: r3, environment: "Staging", statuses: [["in_progress", `Deploying ${r3}`], ["success", `${r3} is live`]] });
    expect(all[0]?.statuses.at(-1)).toEqual(["inactive", `Replaced by ${r3}`]);
    // a rejected release is never made inactive twice nor revived
    expect(all[1]?.statuses.map(([state]) => state)).toEqual(["in_progress", "failure"]);
  });
});
