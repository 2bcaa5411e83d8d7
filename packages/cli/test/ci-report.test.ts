// `warden ci report` as a process against the OpenAPI-checked GitHub stand-in (test/utils).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { gitRepo, githubToken, leaksIn, runAsync, startGitHubStandIn, WARDEN_BIN, type GitHubStandIn, type RunResult, type TempRepo } from "@warden/test-utils";

let server: GitHubStandIn;
let repo: TempRepo;
const secret = githubToken();
const SHA = "c".repeat(40);
const HEAD = "d".repeat(40);

beforeAll(async () => {
  server = await startGitHubStandIn();
  repo = gitRepo({
    "src/pay.ts": 'export function pay(): void {\n  throw new Error("not implemented");\n}\n',
    "src/config.ts": `export const token = "${secret}";\n`,
    "events/pr.json": JSON.stringify({ pull_request: { number: 12, head: { sha: HEAD, repo: { full_name: "acme/widgets", fork: false } }, base: { repo: { full_name: "acme/widgets" } } } }),
    "events/fork.json": JSON.stringify({ pull_request: { number: 13, head: { sha: HEAD, repo: { full_name: "mallory/widgets", fork: true } }, base: { repo: { full_name: "acme/widgets" } } } }),
  });
  repo.commit("feat: pay", { noVerify: true });
});
afterAll(async () => {
  await server.close();
  repo.cleanup();
});
afterEach(() => {
  expect(server.violations).toEqual([]);
  server.reset();
});

/** Run warden without blocking this process: the stand-in answers from its event loop. */
function warden(args: string[], environment: NodeJS.ProcessEnv): Promise<RunResult> {
  return runAsync(process.execPath, [WARDEN_BIN, ...args], { cwd: repo.dir, env: environment });
}

function env(event: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    GITHUB_ACTIONS: "true",
    GITHUB_REPOSITORY: "acme/widgets",
    GITHUB_SHA: SHA,
    GITHUB_REF: "refs/pull/12/merge",
    GITHUB_TOKEN: "write-token",
    GITHUB_API_URL: server.url,
    GITHUB_EVENT_PATH: path.join(repo.dir, "events", event),
    GITHUB_RUN_ID: "4242",
    GITHUB_STEP_SUMMARY: path.join(repo.dir, "summary.md"),
    WARDEN_GITHUB_WRITE_INTERVAL_MS: "0",
    ...extra,
  };
}

/** A `warden check --format json` report with `count` findings (every third a warning). */
function jsonReport(file: string, count: number, severity?: "error" | "warn"): string {
  const findings = Array.from({ length: count }, (_, i) => ({
    ruleId: "real/no-placeholder",
    messageId: "thrown",
    severity: severity ?? (i % 3 === 0 ? "warn" : "error"),
    message: `Placeholder ${i}`,
    file: `src/m${i}.ts`,
    line: i + 1,
    column: 1,
    fingerprint: `fingerprint-${i}`,
  }));
  writeFileSync(path.join(repo.dir, file), JSON.stringify({ version: 1, tool: { name: "warden", version: "0" }, command: "warden check", summary: { files: count, durationMs: 1 }, findings }));
  return file;
}

describe("warden ci report", async () => {
  it("sends 120 findings as check-run annotations, 50 at most per request, and updates the same comment on a second run", async () => {
    const report = jsonReport("check.json", 120);
    const first = await warden(["ci", "report", report], env("pr.json"));
    expect(first.code, first.stderr).toBe(1);
    expect(first.stdout).toContain('check run "warden check": failure, 120 annotation(s) in 3 request(s)');
    const calls = server.requests.filter((r) => r.operationId === "checks/create" || r.operationId === "checks/update");
    expect(calls.length).toBeGreaterThanOrEqual(3);
    const sizes = calls.map((r) => ((r.body as { output?: { annotations?: unknown[] } }).output?.annotations ?? []).length);
    expect(sizes.every((n) => n <= 50)).toBe(true);
    expect(server.checkRuns[0]?.annotations.map((a) => a.path)).toEqual(Array.from({ length: 120 }, (_, i) => `src/m${i}.ts`));
    expect(server.checkRuns[0]?.head_sha).toBe(HEAD);
    expect(first.stdout).toContain("pull request comment created");
    const commentId = server.comments[0]?.id;

    const second = await warden(["ci", "report", jsonReport("check.json", 2)], env("pr.json"));
    expect(second.code, second.stderr).toBe(1);
    expect(second.stdout).toContain("pull request comment updated");
    expect(server.comments.map((c) => c.id)).toEqual([commentId]);
    expect(server.comments[0]?.body).toContain("### warden check: 1 error, 1 warning (2 files checked)");
  });

  it("ends green on a fork's pull request with the job summary and the artifact written, and calls no API", async () => {
    const summary = path.join(repo.dir, "fork-summary.md");
    const result = await warden(["ci", "report", jsonReport("warnings.json", 5, "warn")], env("fork.json", { GITHUB_TOKEN: "read-token", GITHUB_STEP_SUMMARY: summary, GITHUB_REF: "refs/pull/13/merge" }));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^::notice title=warden ci report::pull request #13 comes from a fork, whose token is read-only/m);
    expect(result.stdout).toContain("job summary written");
    expect(server.requests).toEqual([]);
    expect(readFileSync(summary, "utf8")).toContain("### warden check: 5 warnings (5 files checked)");
    for (const name of ["report.md", "findings.json", "check.sarif"]) expect(existsSync(path.join(repo.dir, "warden-report", name)), name).toBe(true);
  });

  it("ends green with a notice when the repository cannot receive SARIF: 404 (code scanning off), 403 (no Advanced Security)", async () => {
    const report = jsonReport("sarif-skip.json", 3, "warn");
    server.codeScanning = false;
    try {
      const off = await warden(["ci", "report", report], env("pr.json"));
      expect(off.code, off.stderr).toBe(0);
      expect(off.stdout).toMatch(/^::notice title=warden ci report::SARIF upload to code scanning skipped: the repository cannot receive it \(404 Code scanning is not enabled/m);
    } finally {
      server.codeScanning = true;
    }
    server.inject("code-scanning/upload-sarif", { status: 403, message: "Advanced Security must be enabled for this repository to use code scanning." });
    const noGhas = await warden(["ci", "report", report], env("pr.json"));
    expect(noGhas.code, noGhas.stderr).toBe(0);
    expect(noGhas.stdout).toMatch(/^::notice title=warden ci report::SARIF upload to code scanning skipped: the repository cannot receive it \(403 Advanced Security must be enabled/m);
    expect(noGhas.stdout).not.toContain("::warning");
    // the rest was published both times: two check runs, one comment updated in place, no SARIF stored
    expect(server.requests.filter((r) => r.operationId === "code-scanning/upload-sarif").map((r) => r.status)).toEqual([404, 403]);
    expect(server.checkRuns.map((r) => [r.conclusion, r.annotations.length])).toEqual([
      ["neutral", 3],
      ["neutral", 3],
    ]);
    expect(server.comments).toHaveLength(1);
    expect(server.sarifs).toEqual([]);
  });

  it("runs check and scan itself with --run, and never sends a secret to GitHub", async () => {
    const result = await warden(["ci", "report", "--run", "check,scan"], env("pr.json"));
    expect(result.code, result.stderr).toBe(1);
    expect(server.checkRuns.map((r) => [r.name, r.conclusion])).toEqual([
      ["warden check", "failure"],
      ["warden scan", "failure"],
    ]);
    const scanRun = server.checkRuns[1];
    expect(scanRun?.annotations.map((a) => a.path)).toEqual(["src/config.ts"]);
    expect(server.checkRuns[0]?.annotations.map((a) => [a.path, a.start_line])).toContainEqual(["src/pay.ts", 2]);
    expect(server.sarifs.map((s) => s.sarif.runs[0]?.results?.length)).toEqual(server.checkRuns.map((r) => r.annotations.length));
    // every byte sent, and every file written
    const sent = JSON.stringify(server.requests) + JSON.stringify(server.sarifs);
    const written = ["report.md", "findings.json", "scan.sarif"].map((f) => readFileSync(path.join(repo.dir, "warden-report", f), "utf8")).join("\n");
    expect(leaksIn(sent + written + result.stdout + result.stderr, [secret])).toEqual([]);
    expect(sent).toContain(secret.slice(0, 4));
  });

  it("exits 2 with one line for an unknown tool", async () => {
    expect(await warden(["ci", "report", "--run", "lint"], env("pr.json"))).toMatchObject({ code: 2, stderr: "warden: --run lint: expected a comma-separated list of check, scan\n" });
    expect(server.requests).toEqual([]);
  });
});
