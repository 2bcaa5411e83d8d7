import { readFileSync } from "node:fs";
import path from "node:path";
import { gitRepo, runAsync, startGitHubStandIn, WARDEN_BIN, type GitHubStandIn, type TempRepo } from "@warden/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let repo: TempRepo;
let server: GitHubStandIn;
beforeAll(async () => {
  repo = gitRepo({ "README.md": "# x\n" });
  repo.commit("feat: one");
  server = await startGitHubStandIn();
});
afterAll(async () => {
  repo.cleanup();
  await server.close();
});

interface MetricJson {
  name: string;
  value: number | null;
  met: boolean | null;
  basis: string;
  eventIds: string[];
}
const metricsOf = (stdout: string): MetricJson[] => (JSON.parse(stdout) as { metrics: MetricJson[] }).metrics;
const NO_GITHUB = { GITHUB_TOKEN: "", GITHUB_REPOSITORY: "", GITHUB_SHA: "", GITHUB_RUN_ID: "" };

describe("CI runs recorded by warden ci run / ci record", () => {
  it("times real commands, records success and failure (never the command line), and gives build success rate and test execution time", () => {
    const head = repo.git(["rev-parse", "HEAD"]).stdout.trim();
    const ok = repo.warden(["ci", "run", "--name", "test", "--test", "--", process.execPath, "-e", "setTimeout(() => console.log('suite passed'), 300)", "--", "--token=hunter2-not-recorded"], { env: NO_GITHUB });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe("suite passed\n");
    expect(ok.stderr).toMatch(/^warden: ci run test: success in \d+\.\d s, recorded in \.warden\/events\/ci\.jsonl\n$/);
    const failed = repo.warden(["ci", "run", "--name", "build", "--", process.execPath, "-e", "process.exit(3)"], { env: NO_GITHUB });
    expect(failed.code).toBe(3);
    expect(failed.stderr).toContain("warden: ci run build: failure (exit 3)");
    const missing = repo.warden(["ci", "run", "--name", "lint", "--", "warden-no-such-command"], { env: NO_GITHUB });
    expect(missing.code).toBe(127);
    expect(missing.stderr).toContain("warden: ci run: cannot start warden-no-such-command (ENOENT)");
    expect(repo.warden(["ci", "record", "--name", "test", "--test", "--status", "failure", "--duration-ms", "720000"], { env: NO_GITHUB }).code).toBe(0);
    expect(repo.warden(["ci", "record", "--status", "passed", "--duration-ms", "1"], { env: NO_GITHUB })).toMatchObject({ code: 2, stderr: "warden: ci record: --status success or failure, not passed\n" });
    expect(repo.warden(["ci", "run", "--name", "bad name", "--", "true"], { env: NO_GITHUB }).code).toBe(2);
    expect(repo.warden(["ci", "run", "--name", "x"], { env: NO_GITHUB }).code).not.toBe(0);

    const log = readFileSync(path.join(repo.dir, ".warden/events/ci.jsonl"), "utf8");
    expect(log).not.toContain("hunter2");
    expect(log).not.toContain("setTimeout");
    const runs = log
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as { type: string; env: string; commit: string; durationMs: number; detail: { name: string; status: string; test: boolean; exitCode?: number } });
    expect(runs.map((r) => [r.type, r.env, r.commit, r.detail.name, r.detail.status, r.detail.test, r.detail.exitCode])).toEqual([
      ["ci_run", "ci", head, "test", "success", true, 0],
      ["ci_run", "ci", head, "build", "failure", false, 3],
      ["ci_run", "ci", head, "lint", "failure", false, 127],
      ["ci_run", "ci", head, "test", "failure", true, undefined],
    ]);
    // measured from the real process: it slept 300 ms
    expect(runs[0]?.durationMs).toBeGreaterThanOrEqual(300);
    expect(runs[3]?.durationMs).toBe(720_000);

    const result = repo.warden(["metrics", "--json"], { env: NO_GITHUB });
    expect(result.code).toBe(0);
    const metrics = metricsOf(result.stdout);
    const build = metrics.find((m) => m.name === "build success rate");
    expect(build).toMatchObject({ value: 25, met: false, basis: "1 successful of 4 CI runs recorded by `warden ci run`" });
    expect(build?.eventIds).toHaveLength(4);
    const tests = metrics.find((m) => m.name === "test execution time");
    // the one successful test run; the failed 12-minute one does not count
    expect(tests?.met).toBe(true);
    expect(tests?.value).toBe(Math.round((runs[0]?.durationMs ?? 0) / 600) / 100);
    expect(metrics.find((m) => m.name === "code review time")).toMatchObject({ value: null, met: null, basis: "not measured: needs the GitHub integration (GITHUB_TOKEN and GITHUB_REPOSITORY)" });
    // the plan's quality metrics show the same recorded runs
    expect(repo.warden(["plan"], { env: NO_GITHUB }).code).toBe(0);
    const plan = readFileSync(path.join(repo.dir, "docs/system-plan.md"), "utf8");
    expect(plan).toContain("| build success rate | 25 % of CI runs | > 95% | not met | 1 successful of 4 CI runs recorded by `warden ci run` |");
    expect(plan).toContain("| code review time | not measured | < 4 h | — | not measured: needs the GitHub integration (GITHUB_TOKEN and GITHUB_REPOSITORY) |");
  });

  it("reads workflow runs and first reviews from GitHub (against the OpenAPI-checked stand-in) when GITHUB_TOKEN and GITHUB_REPOSITORY are set", async () => {
    const now = Date.now();
    const ago = (hours: number): string => new Date(now - hours * 3_600_000).toISOString().replace(/\.\d{3}Z$/, "Z");
    const since = new Date(now - 10 * 86_400_000).toISOString().slice(0, 10);
    // 21 finished runs in the window: 19 passed, 1 failed, 1 cancelled (left out); one more older than --since
    for (let i = 0; i < 21; i++) {
      const start = 24 + i * 5;
      const conclusion = i === 3 ? "failure" : i === 4 ? "cancelled" : "success";
      // durations 4, 5, 6 … minutes
      server.workflowRuns.push({ id: 500 + i, name: "CI", head_sha: "a".repeat(40), conclusion, created_at: ago(start), run_started_at: ago(start), updated_at: new Date(Date.parse(ago(start)) + (4 + i) * 60_000).toISOString().replace(/\.\d{3}Z$/, "Z") });
    }
    server.workflowRuns.push({ id: 900, name: "CI", head_sha: "b".repeat(40), conclusion: "failure", created_at: ago(24 * 30), run_started_at: ago(24 * 30), updated_at: ago(24 * 30 - 1) });
    server.pulls.push(
      // first review 1 h after opening (the author's own comment and a pending review do not count)
      { number: 1, login: "ana", created_at: ago(50), reviews: [{ id: 1, login: "ana", state: "COMMENTED", submitted_at: ago(49.5) }, { id: 2, login: "bo", state: "PENDING", submitted_at: null }, { id: 3, login: "bo", state: "APPROVED", submitted_at: ago(49) }] },
      { number: 2, login: "bo", created_at: ago(40), reviews: [{ id: 4, login: "cy", state: "CHANGES_REQUESTED", submitted_at: ago(35) }, { id: 5, login: "ana", state: "APPROVED", submitted_at: ago(34) }] }, // 5 h
      { number: 3, login: "cy", created_at: ago(30), reviews: [{ id: 6, login: "ana", state: "APPROVED", submitted_at: ago(27) }] }, // 3 h
      { number: 4, login: "cy", created_at: ago(10), reviews: [] }, // not reviewed yet
      { number: 5, login: "cy", created_at: ago(24 * 40), reviews: [{ id: 7, login: "ana", state: "APPROVED", submitted_at: ago(24 * 40 - 100) }] }, // before the window
    );
    const env = { GITHUB_TOKEN: "read-token", GITHUB_REPOSITORY: "acme/widgets", GITHUB_API_URL: server.url };
    const result = await runAsync(process.execPath, [WARDEN_BIN, "metrics", "--json", "--since", since], { cwd: repo.dir, env });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(server.violations).toEqual([]);
    const metrics = metricsOf(result.stdout);
    expect(metrics.find((m) => m.name === "build success rate")).toMatchObject({ value: 95, met: false, basis: "19 successful of 20 GitHub Actions workflow runs of acme/widgets" });
    // successful runs last 4, 5, 6, 9, 10 … 24 minutes (4 + i, i = 0…20 without 3 and 4): the median of 19 is the 10th, 15 min
    expect(metrics.find((m) => m.name === "test execution time")).toMatchObject({ value: 15, met: false });
    // first reviews after 1 h, 5 h and 3 h: median 3 h
    expect(metrics.find((m) => m.name === "code review time")).toMatchObject({ value: 3, met: true, basis: "3 reviewed pull requests of acme/widgets (first review − opened)", eventIds: ["github-pull-3", "github-pull-2", "github-pull-1"] });
    const asked = server.requests.map((r) => r.operationId);
    expect(asked.filter((o) => o === "actions/list-workflow-runs-for-repo")).toHaveLength(1);
    expect(server.requests.find((r) => r.operationId === "actions/list-workflow-runs-for-repo")?.query).toMatchObject({ status: "completed" });
    // pull requests: one list; reviews of the four opened in the window only
    expect(asked.filter((o) => o === "pulls/list-reviews")).toHaveLength(4);

    // a refused token: the figures say why, the command still succeeds
    const refused = await runAsync(process.execPath, [WARDEN_BIN, "metrics", "--json", "--since", since], { cwd: repo.dir, env: { ...env, GITHUB_TOKEN: "wrong-token" } });
    expect(refused.code).toBe(0);
    expect(metricsOf(refused.stdout).find((m) => m.name === "code review time")?.basis).toMatch(/^not measured: GitHub not read: 401 /);
    expect(refused.stdout).not.toContain("wrong-token");
  });
});
