import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { installRedactor, silentLogger, type Finding } from "@warden/core";
import { startGitHubStandIn, type GitHubStandIn } from "@warden/test-utils";
import { gunzipSync } from "node:zlib";
import { COMMENT_MARKER, prepareSarif, readActionsContext, reportToGitHub, type ToolReport } from "@warden/github";

let server: GitHubStandIn;
let dir: string;
const SHA = "a".repeat(40);
const HEAD = "b".repeat(40);

beforeAll(async () => {
  server = await startGitHubStandIn();
  dir = mkdtempSync(path.join(tmpdir(), "warden-github-"));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  // every request of every test matched GitHub's published description
  expect(server.violations).toEqual([]);
  server.reset();
});

function finding(i: number, severity: Finding["severity"] = "error", extra: Partial<Finding> = {}): Finding {
  return {
    ruleId: "real/no-placeholder",
    messageId: "placeholderThrow",
    severity,
    message: `placeholder number ${i} — “not implemented” must go`,
    file: `src/file-${String(i).padStart(3, "0")}.ts`,
    line: i + 1,
    column: 3,
    hint: "write the real implementation",
    fingerprint: `fp${String(i).padStart(10, "0")}`,
    ...extra,
  };
}

/** An Actions context for a pull request (#7) or a push, fork or not, through the real env reader. */
function context(options: { pr?: boolean; fork?: boolean; token?: string } = {}) {
  const event = path.join(dir, `event-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(
    event,
    JSON.stringify(
      options.pr === false
        ? { ref: "refs/heads/main" }
        : {
            pull_request: {
              number: 7,
              head: { sha: HEAD, repo: { full_name: options.fork === true ? "someone/widgets" : "acme/widgets", fork: options.fork === true } },
              base: { repo: { full_name: "acme/widgets" } },
            },
          },
    ),
  );
  const summary = path.join(dir, `summary-${Math.random().toString(36).slice(2)}.md`);
  return readActionsContext({
    GITHUB_REPOSITORY: "acme/widgets",
    GITHUB_SHA: SHA,
    GITHUB_REF: options.pr === false ? "refs/heads/main" : "refs/pull/7/merge",
    GITHUB_TOKEN: options.token ?? "write-token",
    GITHUB_API_URL: server.url,
    GITHUB_EVENT_PATH: event,
    GITHUB_RUN_ID: "99",
    GITHUB_STEP_SUMMARY: summary,
  });
}

function report(reports: ToolReport[], ctx = context()) {
  return reportToGitHub({ context: ctx, reports, version: "0.0.0-test", artifactDir: path.join(dir, "artifact"), logger: silentLogger, writeIntervalMs: 0 });
}

describe("reportToGitHub against the OpenAPI-checked stand-in", () => {
  it("delivers 120 findings as annotations in batches of at most 50, on the pull request's head commit", async () => {
    const findings = Array.from({ length: 120 }, (_, i) => finding(i, i % 3 === 0 ? "warn" : "error"));
    const result = await report([{ tool: "check", findings, files: 400 }]);
    expect(result.mode).toBe("github");
    const calls = server.requests.filter((r) => r.operationId === "checks/create" || r.operationId === "checks/update");
    expect(calls.length).toBeGreaterThanOrEqual(3);
    const sizes = calls.map((r) => ((r.body as { output?: { annotations?: unknown[] } }).output?.annotations ?? []).length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(50);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(120);
    expect(calls[0]?.operationId).toBe("checks/create");
    const [run] = server.checkRuns;
    expect(run).toMatchObject({ name: "warden check", head_sha: HEAD, status: "completed", conclusion: "failure" });
    // every finding arrived once, in order
    expect(run?.annotations.map((a) => a.path)).toEqual(findings.map((f) => f.file));
    expect(run?.annotations[1]).toMatchObject({ annotation_level: "failure", start_line: 2, end_line: 2, start_column: 3, title: "real/no-placeholder" });
    expect(run?.annotations[0]).toMatchObject({ annotation_level: "warning" });
  });

  it("keeps the summary under 65,535 bytes of multi-byte text and says what it cut", async () => {
    const long = "ünïcødé ".repeat(60);
    const findings = Array.from({ length: 400 }, (_, i) => finding(i, "error", { message: `${long}${i}` }));
    await report([{ tool: "check", findings, files: 10 }], context({ pr: false }));
    const summary = server.checkRuns[0]?.output.summary ?? "";
    const bytes = Buffer.byteLength(summary, "utf8");
    expect(bytes).toBeLessThanOrEqual(65_535);
    // characters alone would have let more through: the limit is counted in bytes
    expect(bytes).toBeGreaterThan(summary.length);
    const shown = summary.split("\n").filter((l) => l.startsWith("| error |")).length;
    expect(shown).toBeGreaterThan(0);
    expect(summary).toContain(`**${400 - shown} more findings not shown here**`);
    // no pull request: no comment; a push still uploads SARIF for refs/heads/main
    expect(server.comments).toEqual([]);
    expect(server.sarifs.map((s) => s.ref)).toEqual(["refs/heads/main"]);
  });

  it("keeps the sticky comment under 65,536 characters (the stand-in refuses more with 422) and says what it cut", async () => {
    const long = "x".repeat(400);
    const findings = Array.from({ length: 400 }, (_, i) => finding(i, "error", { message: `${long}${i}` }));
    const result = await report([{ tool: "check", findings, files: 10 }], context());
    expect(result.comment?.action).toBe("created");
    expect(result.notices).toEqual([]);
    const body = server.comments[0]?.body ?? "";
    expect(body.length).toBeLessThan(65_536);
    // the findings alone would be far over it
    expect(findings.reduce((n, f) => n + f.message.length, 0)).toBeGreaterThan(65_536 * 2);
    const shown = body.split("\n").filter((l) => l.startsWith("| error |")).length;
    expect(shown).toBeGreaterThan(0);
    expect(body).toContain(`**${400 - shown} more findings not shown here**`);
    expect(server.requests.filter((r) => r.operationId === "issues/create-comment").map((r) => r.status)).toEqual([201]);
  });

  it("annotates the first 1,000 findings of a run and says in the summary how many more there are", async () => {
    const findings = Array.from({ length: 1003 }, (_, i) => finding(i, "warn", { message: "m", hint: undefined }));
    const result = await report([{ tool: "check", findings, files: 1 }], context({ pr: false }));
    expect(result.checkRuns[0]).toMatchObject({ annotations: 1000, requests: 20, conclusion: "neutral" });
    expect(server.checkRuns[0]?.annotations).toHaveLength(1000);
    expect(server.checkRuns[0]?.output.summary).toMatch(/^\*\*3 of 1003 findings are not annotations\*\*/);
  });

  it("keeps one sticky comment: created, updated in place, then marked resolved when clean", async () => {
    const first = await report([{ tool: "check", findings: [finding(1)], files: 3 }]);
    expect(first.comment?.action).toBe("created");
    const second = await report([{ tool: "check", findings: [finding(1), finding(2)], files: 3 }, { tool: "scan", findings: [], files: 3 }]);
    expect(second.comment).toMatchObject({ action: "updated", id: first.comment?.id });
    expect(server.comments).toHaveLength(1);
    expect(server.comments[0]?.body).toContain(COMMENT_MARKER);
    expect(server.comments[0]?.body).toContain("src/file-002.ts:3");
    const clean = await report([{ tool: "check", findings: [], files: 3 }]);
    expect(clean.comment).toMatchObject({ action: "resolved", id: first.comment?.id });
    expect(server.comments).toHaveLength(1);
    expect(server.comments[0]?.body).toContain("## Warden: all clear");
    expect(server.requests.filter((r) => r.operationId === "issues/create-comment")).toHaveLength(1);
  });

  it("deletes the comment of a clean run when configured so, and writes none for a clean first run", async () => {
    const clean = () => reportToGitHub({ context: context(), reports: [{ tool: "check", findings: [], files: 1 }], version: "0", artifactDir: path.join(dir, "artifact"), logger: silentLogger, writeIntervalMs: 0, onCleanComment: "delete", sarif: false });
    expect((await clean()).comment?.action).toBe("none");
    expect(server.comments).toEqual([]);
    await report([{ tool: "check", findings: [finding(1)], files: 1 }]);
    expect(server.comments).toHaveLength(1);
    expect((await clean()).comment?.action).toBe("deleted");
    expect(server.comments).toEqual([]);
  });

  it("uploads SARIF gzip+base64 per tool, and skips with a notice when code scanning is not enabled", async () => {
    const ok = await report([{ tool: "check", findings: [finding(1)], files: 1 }, { tool: "scan", findings: [finding(2)], files: 1 }]);
    expect(ok.sarif.map((s) => s.uploaded)).toEqual([true, true]);
    expect(server.sarifs.map((s) => [s.commit_sha, s.ref, s.sarif.runs[0]?.results?.length])).toEqual([
      [SHA, "refs/pull/7/merge", 1],
      [SHA, "refs/pull/7/merge", 1],
    ]);
    server.reset();
    server.codeScanning = false;
    try {
      const skipped = await report([{ tool: "check", findings: [finding(1)], files: 1 }]);
      expect(skipped.sarif).toEqual([{ uploaded: false, reason: expect.stringMatching(/^404 Code scanning is not enabled/) as unknown, tool: "check" }]);
      expect(skipped.notices.map((n) => n.message).join("\n")).toMatch(/SARIF upload to code scanning skipped: the repository cannot receive it \(404/);
      expect(skipped.mode).toBe("github");
    } finally {
      server.codeScanning = true;
    }
  });

  it("sends everything to the job summary and the artifact for a fork's pull request, and nothing to the API", async () => {
    const ctx = context({ fork: true, token: "read-token" });
    const result = await report([{ tool: "check", findings: [finding(1), finding(2, "warn")], files: 2 }], ctx);
    expect(result.mode).toBe("summary-only");
    expect(server.requests).toEqual([]);
    const summary = readFileSync(ctx.stepSummary ?? "", "utf8");
    expect(summary).toContain("### warden check: 1 error, 1 warning (2 files checked)");
    expect(summary).toContain("comes from a fork, whose token is read-only");
    expect(result.artifactFiles.map((f) => path.basename(f))).toEqual(["report.md", "findings.json", "check.sarif"]);
    const artifact = JSON.parse(readFileSync(path.join(dir, "artifact", "findings.json"), "utf8")) as { reports: { findings: unknown[] }[] };
    expect(artifact.reports[0]?.findings).toHaveLength(2);
  });

  it("falls back to the job summary when GitHub refuses the token (403), without failing", async () => {
    const ctx = context({ token: "read-token" });
    const result = await report([{ tool: "check", findings: [finding(1)], files: 1 }], ctx);
    expect(result.mode).toBe("summary-only");
    expect(server.requests.map((r) => [r.operationId, r.status])).toEqual([["checks/create", 403]]);
    expect(result.notices[0]?.message).toMatch(/^the token may not create check runs \(403 Resource not accessible by integration/);
    expect(readFileSync(ctx.stepSummary ?? "", "utf8")).toContain("src/file-001.ts:2");
  });

  it("waits out a rate limit whose window has reset and retries", async () => {
    server.exhaustRateLimit("checks/create");
    const result = await report([{ tool: "check", findings: [finding(1)], files: 1 }], context({ pr: false }));
    expect(result.checkRuns).toHaveLength(1);
    expect(server.requests.filter((r) => r.operationId === "checks/create").map((r) => r.status)).toEqual([403, 201]);
  });

  it("keeps SARIF within the results cap and the compressed size, errors first, saying what it left out", () => {
    const findings = Array.from({ length: 300 }, (_, i) => finding(i, i < 100 ? "warn" : "error", { message: `m${i} ${"padding text ".repeat(i % 7)}` }));
    const capped = prepareSarif({ tool: "check", findings, files: 1 }, "0", { results: 120 });
    expect([capped.results, capped.omitted]).toEqual([120, 180]);
    const log = JSON.parse(gunzipSync(Buffer.from(capped.encoded, "base64")).toString("utf8")) as { runs: { results: { level: string }[]; automationDetails: { id: string }; invocations: { toolExecutionNotifications: { message: { text: string } }[] }[] }[] };
    const [run] = log.runs;
    expect(run?.results.every((r) => r.level === "error")).toBe(true);
    expect(run?.automationDetails).toEqual({ id: "warden/check/" });
    expect(run?.invocations[0]?.toolExecutionNotifications[0]?.message.text).toMatch(/^180 more results left out/);
    const small = prepareSarif({ tool: "check", findings, files: 1 }, "0", { compressedBytes: 4000 });
    expect(small.compressedBytes).toBeLessThanOrEqual(4000);
    expect(small.results).toBeGreaterThan(0);
    expect(small.results + small.omitted).toBe(300);
  });

  it("turns a refused request (422) into a warning and the job summary, never an exception", async () => {
    server.inject("checks/create", { status: 422, message: "Validation Failed" });
    const ctx = context({ pr: false });
    const result = await report([{ tool: "check", findings: [finding(1)], files: 1 }], ctx);
    expect(result.mode).toBe("github");
    expect(result.checkRuns).toEqual([]);
    expect(result.notices).toContainEqual({ level: "warning", message: "check run for warden check not published: 422 Validation Failed" });
    expect(readFileSync(ctx.stepSummary ?? "", "utf8")).toContain("> check run for warden check not published: 422 Validation Failed");
  });
});

describe("redaction", () => {
  it("sends no secret to GitHub and writes none, whatever text carries it", async () => {
    // built at run time, so the file itself holds no secret-looking literal
    const secret = ["zq9", "SECRET", "value", String(7734), "xk"].join("");
    installRedactor({ find: (text) => [...text.matchAll(new RegExp(secret, "g"))].map((m): [number, number] => [m.index, m.index + secret.length]) });
    try {
      const ctx = context();
      const leaky = finding(1, "error", { message: `token ${secret} in a message`, hint: `rotate ${secret}`, file: `src/${secret}.ts` });
      const result = await report([{ tool: "check", findings: [leaky], files: 1 }], ctx);
      expect(result.checkRuns).toHaveLength(1);
      const sent = JSON.stringify(server.requests) + JSON.stringify(server.sarifs) + JSON.stringify(server.checkRuns) + JSON.stringify(server.comments);
      const written = [ctx.stepSummary ?? "", ...result.artifactFiles].map((f) => readFileSync(f, "utf8")).join("\n");
      expect(sent).toContain("zq9S********");
      expect(sent.includes(secret) || written.includes(secret)).toBe(false);
      expect(readdirSync(path.join(dir, "artifact")).join(" ")).not.toContain(secret);
    } finally {
      installRedactor(undefined);
    }
  });
});

describe("readActionsContext", () => {
  it("tells a fork's pull request from a pull_request_target run, and refuses to run outside Actions", () => {
    const event = path.join(dir, "fork-event.json");
    writeFileSync(event, JSON.stringify({ pull_request: { number: 3, head: { sha: HEAD, repo: { full_name: "mallory/widgets", fork: true } }, base: { repo: { full_name: "acme/widgets" } } } }));
    const base = { GITHUB_REPOSITORY: "acme/widgets", GITHUB_SHA: SHA, GITHUB_EVENT_PATH: event };
    expect(readActionsContext({ ...base, GITHUB_EVENT_NAME: "pull_request" }).pullRequest).toEqual({ number: 3, headSha: HEAD, fork: true });
    expect(readActionsContext({ ...base, GITHUB_EVENT_NAME: "pull_request_target" }).pullRequest?.fork).toBe(false);
    expect(() => readActionsContext({ GITHUB_SHA: SHA })).toThrow("GITHUB_REPOSITORY is not set: warden ci report runs in a GitHub Actions job");
    expect(() => readActionsContext({ ...base, GITHUB_REPOSITORY: "acme" })).toThrow("GITHUB_REPOSITORY=acme: expected owner/repo");
  });
});
