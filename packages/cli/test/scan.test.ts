import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { awsKeyId, githubToken, gitRepo, installHooks, password, stripeKey, type TempRepo } from "@warden/test-utils";

const repos: TempRepo[] = [];
function repo(files: Record<string, string | Buffer> = {}): TempRepo {
  const r = gitRepo(files);
  repos.push(r);
  return r;
}
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

interface JsonFinding {
  ruleId: string;
  file: string;
  line: number;
  column: number;
  message: string;
  fingerprint: string;
  commit?: string;
  sensitive?: boolean;
}
interface JsonReport {
  summary: {
    files: number;
    bytes: number;
    commits?: number;
    suppressed?: number;
    baselined?: number;
    skipped?: { file: string; reason: string; size?: number; limit?: number; setting?: string; commit?: string }[];
    notes?: string[];
  };
  findings: JsonFinding[];
}

function scanJson(r: TempRepo, args: string[]): { code: number; report: JsonReport; stderr: string } {
  const result = r.warden(["scan", ...args, "--format", "json"]);
  if (result.code === 2) throw new Error(`warden scan failed: ${result.stderr}`);
  return { code: result.code, report: JSON.parse(result.stdout) as JsonReport, stderr: result.stderr };
}

function head(r: TempRepo): string {
  return r.git(["rev-parse", "HEAD"]).stdout.trim();
}

describe("warden scan PATH…", () => {
  it("reports a secret with file, line, column and redaction, and honours .gitignore", () => {
    const token = githubToken();
    const r = repo({
      "src/config.ts": `export const name = "demo";\nexport const token = "${token}";\n`,
      "ignored/leak.ts": `export const t = "${githubToken()}";\n`,
      ".gitignore": "ignored/\n",
    });
    const result = r.warden(["scan"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("src/config.ts:2:23");
    expect(result.stdout).toContain("secrets/github-pat");
    expect(result.stdout).toContain("ghp_********");
    expect(result.stdout).not.toContain("ignored/leak.ts");
    expect(result.stdout).not.toContain(token);
    expect(result.stdout).toMatch(/2 files, \d+ bytes/);
  });

  it("is clean (exit 0) on a repository without secrets and names what it covered", () => {
    const r = repo({ "a.ts": "export const a = 1;\n", "b.md": "# B\n" });
    const result = r.warden(["scan"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/no problems \(2 files, 24 bytes/);
  });

  it("scans CRLF and invalid UTF-8 text, binary files as raw bytes (and by name), reports large files as skipped", () => {
    const key = awsKeyId();
    const r = repo({
      "win.txt": `first\r\nsecond\r\naws_key = ${key}\r\n`,
      "latin.txt": Buffer.concat([Buffer.from([0xff, 0xfe, 0x80, 0x0a]), Buffer.from(`x = "${stripeKey()}"\n`)]),
      "blob.bin": Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(githubToken())]),
      "release.p12": Buffer.from([0, 1, 2, 3]),
      "big.txt": `${"a".repeat(2000)}\n${githubToken()}\n`,
      "warden.config.json": JSON.stringify({ secrets: { maxFileSize: 1000 } }),
    });
    const { code, report, stderr } = scanJson(r, []);
    expect(code).toBe(1);
    const where = report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}:${f.column}`).sort();
    expect(where).toEqual([
      "secrets/aws-access-key-id win.txt:3:11",
      "secrets/github-pat blob.bin:1:4",
      "secrets/pkcs12-file release.p12:1:1",
      "secrets/stripe-secret-key latin.txt:2:6",
    ]);
    expect(report.summary.skipped).toEqual([{ file: "big.txt", reason: "too-large", size: 2042, limit: 1000, setting: "secrets.maxFileSize" }]);
    expect(stderr).toMatch(/scanned 6 files, \d+ bytes \(2 binary as raw bytes; skipped 1 over secrets.maxFileSize\)/);
  });

  it("honours inline ignores with a reason, allowlists and disabled detectors", () => {
    const r = repo({
      "a.ts": `// warden-ignore-secret -- public demo token of the sandbox tenant\nexport const a = "${githubToken()}";\n`,
      "b.ts": `export const b = "${githubToken()}"; // warden-ignore-secret\n`,
      "fixtures/c.ts": `export const c = "${githubToken()}";\n`,
      "d.ts": `export const d = "${stripeKey()}";\n`,
      "warden.config.json": JSON.stringify({ secrets: { allowPaths: ["fixtures/**"], allowPatterns: ["^sk_live_"] } }),
    });
    const { report } = scanJson(r, []);
    expect(report.findings.map((f) => `${f.file}:${f.line}`)).toEqual(["b.ts:1"]);
    expect(report.summary.suppressed).toBe(1);
  });

  it("writes a baseline of fingerprints that silences known findings, even after lines move", () => {
    const token = githubToken();
    const r = repo({ "a.ts": `export const a = "${token}";\n` });
    const update = r.warden(["scan", "--update-baseline"]);
    expect(update.code).toBe(0);
    expect(update.stderr).toContain("wrote 1 fingerprint to .secrets-baseline.json");
    const baseline = readFileSync(path.join(r.dir, ".secrets-baseline.json"), "utf8");
    expect(baseline).not.toContain(token);
    expect(baseline).not.toContain(token.slice(4, 12));
    expect(JSON.parse(baseline)).toMatchObject({ version: 1, entries: [{ ruleId: "secrets/github-pat", file: "a.ts" }] });
    r.write({ "a.ts": `// moved down\n\nexport const a = "${token}";\n` });
    const { code, report } = scanJson(r, []);
    expect(code).toBe(0);
    expect(report.summary.baselined).toBe(1);
    r.write({ "b.ts": `export const b = "${githubToken()}";\n` });
    expect(scanJson(r, []).report.findings.map((f) => f.file)).toEqual(["b.ts"]);
    // Re-writing the baseline without new findings changes nothing.
    r.write({ "b.ts": "export const b = 1;\n" });
    r.warden(["scan", "--update-baseline"]);
    expect(readFileSync(path.join(r.dir, ".secrets-baseline.json"), "utf8")).toBe(baseline);
  });
});

describe("warden scan --staged", () => {
  it("reads the index: a partly staged file counts only with its staged part", () => {
    const staged = githubToken();
    const unstaged = stripeKey();
    const r = repo({ "app.ts": "export const x = 1;\n" });
    r.commit("feat: first");
    r.write({ "app.ts": `export const x = 1;\nexport const token = "${staged}";\n` });
    r.git(["add", "app.ts"]);
    r.write({ "app.ts": `export const x = 1;\nexport const token = "${staged}";\nexport const key = "${unstaged}";\n` });
    const { code, report } = scanJson(r, ["--staged"]);
    expect(code).toBe(1);
    expect(report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`)).toEqual(["secrets/github-pat app.ts:2"]);
    expect(report.summary.files).toBe(1);
  });

  it("a secret only in the work tree is not reported; nothing staged is a clean pass that says 0 files", () => {
    const r = repo({ "app.ts": "export const x = 1;\n" });
    r.commit("feat: first");
    r.write({ "app.ts": `export const token = "${githubToken()}";\n` });
    const result = r.warden(["scan", "--staged"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("(0 files, 0 bytes");
  });

  it("staged files whose content cannot be read are an error (exit 2), never a silent pass", () => {
    const r = repo({ "a.ts": "export const x = 1;\n" });
    r.git(["add", "a.ts"]);
    const oid = r.git(["rev-parse", ":a.ts"]).stdout.trim();
    rmSync(path.join(r.dir, ".git", "objects", oid.slice(0, 2), oid.slice(2)));
    const result = r.warden(["scan", "--staged"]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain("a.ts: cannot read the staged content");
  });
});

describe("warden scan --range and --history", () => {
  it("--range reports a secret added in one commit and removed in the next, with the commit that added it", () => {
    const pw = password();
    const r = repo({ "README.md": "# demo\n" });
    r.commit("chore: init");
    const base = head(r);
    r.write({ "config/.env.example": "# none\n", "config/app.ini": `[db]\nhost = db.internal\nDB_PASSWORD = ${pw}\n` });
    r.commit("feat: config");
    const added = head(r);
    r.write({ "config/app.ini": "[db]\nhost = db.internal\n" });
    r.commit("fix: drop the password");
    const { code, report, stderr } = scanJson(r, ["--range", `${base}..HEAD`]);
    expect(code).toBe(1);
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({ ruleId: "secrets/generic-secret-assignment", file: "config/app.ini", line: 3, commit: added });
    expect(report.summary.commits).toBe(2);
    expect(stderr).toContain(`warden scan --range ${base}..HEAD: scanned`);
    // Outside the range: nothing.
    expect(scanJson(r, ["--range", `${added}..HEAD`]).report.findings).toEqual([]);
  });

  it("--history finds secrets on every ref, once, with their first commit", () => {
    const token = githubToken();
    const r = repo({ "a.ts": "export const a = 1;\n" });
    r.commit("chore: init");
    r.git(["checkout", "-q", "-b", "side"]);
    r.write({ "lib/b.ts": `export const t = "${token}";\n` });
    r.commit("feat: side");
    const side = head(r);
    r.write({ "lib/b.ts": `// same secret, moved\nexport const t = "${token}";\n` });
    r.commit("refactor: move");
    r.git(["checkout", "-q", "main"]);
    const { code, report, stderr } = scanJson(r, ["--history"]);
    expect(code).toBe(1);
    expect(report.findings.map((f) => `${f.file}:${f.line} ${f.commit ?? ""}`)).toEqual([`lib/b.ts:1 ${side}`]);
    expect(report.summary.commits).toBe(3);
    expect(stderr).toMatch(/^warden scan --history: scanned \d+ files, 3 commits, 3 commit messages, \d+ bytes$/m);
    // Only main's history: clean.
    expect(scanJson(r, ["--history", "main"]).report.findings).toEqual([]);
  });
});

describe("worker threads", () => {
  it("--workers 2 finds exactly what the single-thread scan finds, in paths and history mode", () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i += 1) files[`src/m${i}.ts`] = `export const v${i} = ${i};\n${i % 7 === 0 ? `export const t = "${githubToken()}";\n` : ""}`;
    files["deploy/.env"] = `DB_PASSWORD=${password()}\n`;
    const r = repo(files);
    r.commit("feat: many files");
    r.write({ "late.ts": `export const k = "${stripeKey()}";\n` });
    r.commit("feat: late");
    for (const mode of [[], ["--history"]]) {
      const single = scanJson(r, [...mode, "--workers", "0"]);
      const multi = scanJson(r, [...mode, "--workers", "2"]);
      expect(multi.report.findings.length).toBe(9);
      expect(multi.report.findings).toEqual(single.report.findings);
      expect(multi.report.summary.files).toBe(single.report.summary.files);
      expect(multi.report.summary.bytes).toBe(single.report.summary.bytes);
    }
  });

  it("a read-ahead thread and a split between threads report what one thread reports: findings, skipped, allowed, counts", () => {
    const files: Record<string, string> = {
      "warden.config.json": JSON.stringify({ secrets: { maxFileSize: 4096, allowPaths: ["fixtures/**"] } }),
      "fixtures/sample.ts": `export const t = "${githubToken()}";\n`,
      "big/huge.txt": `${"x".repeat(5000)}\n`,
      "big/leak.txt": `${"y".repeat(3000)}\ntoken = "${githubToken()}"\n`,
    };
    for (let i = 0; i < 60; i += 1) files[`src/m${String(i).padStart(2, "0")}.ts`] = `export const v${i} = ${i};\n${i % 9 === 0 ? `export const t = "${githubToken()}";\n` : ""}`;
    const r = repo(files);
    r.commit("feat: many files");
    const single = scanJson(r, ["--workers", "0"]);
    expect(single.report.findings.length).toBe(8);
    expect(single.report.summary.skipped?.map((s) => s.file)).toEqual(["big/huge.txt"]);
    const runs = [
      // The reading thread, whatever the machine's cores.
      r.warden(["scan", "--format", "json"], { env: { WARDEN_SCAN_THREADS: "read-ahead" } }),
      // Two scanning workers beside the main thread, each taking its first files before the main thread starts.
      r.warden(["scan", "--format", "json", "--workers", "2"], { env: { WARDEN_SCAN_WAIT_WORKERS: "1" } }),
    ];
    for (const run of runs) {
      expect(run.code).toBe(1);
      const report = JSON.parse(run.stdout) as JsonReport;
      expect(report.findings).toEqual(single.report.findings);
      expect({ ...report.summary, durationMs: 0 }).toEqual({ ...single.report.summary, durationMs: 0 });
      expect(run.stderr).toBe(single.stderr);
    }
  });

  it("--workers must be a whole number", () => {
    const r = repo({ "a.ts": "export const a = 1;\n" });
    const result = r.warden(["scan", "--workers", "many"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("warden: --workers many: expected a whole number from 0 (in-process) to 64\n");
  });
});

describe("hooks", () => {
  it("pre-commit refuses a staged secret; pre-push refuses a pushed commit that added one", () => {
    const remote = gitRepo({}, { bare: true });
    repos.push(remote);
    const r = repo({ "a.ts": "export const a = 1;\n" });
    installHooks(r);
    r.git(["remote", "add", "origin", remote.dir]);
    expect(r.commit("feat: first").code).toBe(0);

    r.write({ "b.ts": `export const key = "${stripeKey()}";\n` });
    const refused = r.commit("feat: add key");
    expect(refused.code).not.toBe(0);
    expect(refused.stdout + refused.stderr).toContain("secrets/stripe-secret-key");

    r.git(["commit", "-q", "--no-verify", "-m", "feat: add key"]);
    r.write({ "b.ts": "export const key = readKey();\n" });
    expect(r.commit("fix: read the key from the environment").code).toBe(0);
    const push = r.git(["push", "origin", "main"], { allowFailure: true });
    expect(push.code).not.toBe(0);
    expect(push.stdout + push.stderr).toContain("b.ts:1:21");
    expect(remote.git(["rev-parse", "--verify", "--quiet", "refs/heads/main"], { allowFailure: true }).code).not.toBe(0);
    // The first commit alone is clean and may be pushed.
    expect(r.git(["push", "origin", "HEAD~2:refs/heads/main"], { allowFailure: true }).code).toBe(0);
  }, 120_000); // eight hook processes (pre-commit, commit-msg, pre-push), each a fresh Node start: slow on a loaded machine
});

describe("bad input: exit 2 and one line", () => {
  it.each([
    [["scan", "--range", "nonsense"], "--range nonsense: expected A..B"],
    [["scan", "--range", "main..nope"], "--range main..nope: nope is not a commit"],
    [["scan", "--staged", "--history"], "choose one of --staged, --range A..B or --history"],
    [["scan", "--history", "nope"], "--history nope: not a commit or ref"],
    [["scan", "--staged", "--update-baseline"], "--update-baseline rewrites the whole baseline: use it with a full scan (no paths) or with --history"],
    [["scan", "a.ts", "--update-baseline"], "--update-baseline rewrites the whole baseline: use it with a full scan (no paths) or with --history"],
  ])("%j", (args, message) => {
    const r = repo({ "a.ts": "export const a = 1;\n" });
    r.commit("chore: init");
    const result = r.warden(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`warden: ${message}${message.endsWith(")") ? "" : result.stderr.slice(`warden: ${message}`.length)}`);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("a corrupt baseline names the file", () => {
    const r = repo({ "a.ts": "export const a = 1;\n", ".secrets-baseline.json": "{ not json" });
    const result = r.warden(["scan"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "warden: .secrets-baseline.json: not valid JSON (fix it, or delete it and run warden scan --update-baseline)\n",
    );
  });

  it("--help documents the modes and exit codes", () => {
    const r = repo();
    const result = r.warden(["scan", "--help"]);
    expect(result.code).toBe(0);
    for (const text of ["--staged", "--range <A..B>", "--history", "--update-baseline", "Exit codes: 0 no secrets, 1 secrets found"]) {
      expect(result.stdout).toContain(text);
    }
  });
});
