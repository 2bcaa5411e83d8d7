// Reading content right (issue 9, items 5–9): binary and UTF-16 content, the size policy in
// every mode and format, commit messages, shallow clones and bare repositories — all on real
// git repositories. Every token is built at run time (@warden/test-utils fakes).
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { GIT_ENV, githubToken, gitRepo, installHooks, runWarden, stripeKey, type TempRepo } from "@warden/test-utils";

const cleanups: (() => void)[] = [];
function repo(files: Record<string, string | Buffer> = {}): TempRepo {
  const r = gitRepo(files);
  cleanups.push(() => r.cleanup());
  return r;
}
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

interface Skipped {
  file: string;
  reason: string;
  size?: number;
  limit?: number;
  setting?: string;
  commit?: string;
}
interface JsonReport {
  summary: { files: number; bytes?: number; commits?: number; skipped?: Skipped[]; notes?: string[] };
  findings: { ruleId: string; file: string; line: number; commit?: string; message: string }[];
}

function json(r: TempRepo, args: string[]): { code: number; report: JsonReport; stderr: string } {
  const result = r.warden([...args, "--format", "json"]);
  if (result.code === 2) throw new Error(`warden ${args.join(" ")} failed: ${result.stderr}`);
  return { code: result.code, report: JSON.parse(result.stdout) as JsonReport, stderr: result.stderr };
}

function utf16le(text: string, bom: boolean): Buffer {
  const body = Buffer.from(text, "utf16le");
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
}

describe("binary and UTF-16 content", () => {
  it("scan --staged finds a token inside a binary and inside UTF-16 files (LE with BOM, BE without), and says so", () => {
    const inBinary = githubToken();
    const inLe = githubToken();
    const inBe = stripeKey();
    const r = repo({
      "app.wasm": Buffer.concat([Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]), Buffer.from(`\u0000${inBinary}\u0000`, "latin1"), Buffer.alloc(64, 0)]),
      "notes.txt": utf16le(`line one\r\ntoken: ${inLe}\r\n`, true),
      "win.ini": Buffer.from(utf16le(`[a]\nkey = "${inBe}"\n`, false)).swap16(),
    });
    r.git(["add", "-A"]);
    const { code, report } = json(r, ["scan", "--staged"]);
    expect(code).toBe(1);
    expect(report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`).sort()).toEqual([
      "secrets/github-pat app.wasm:1",
      "secrets/github-pat notes.txt:2",
      "secrets/stripe-secret-key win.ini:2",
    ]);
    expect(report.summary.notes?.join("\n")).toMatch(/1 binary file as raw bytes, 2 UTF-16 files decoded/);
    const pretty = r.warden(["scan", "--staged"]);
    expect(pretty.stdout).toContain("note: also scanned 1 binary file as raw bytes, 2 UTF-16 files decoded");
    for (const token of [inBinary, inLe, inBe]) {
      expect(pretty.stdout + pretty.stderr).not.toContain(token);
      expect(JSON.stringify(report)).not.toContain(token);
    }
  });

  it("only binary files staged is a real scan of their bytes, not a silent 0-byte pass", () => {
    const r = repo({ "logo.png": Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.alloc(500, 7)]) });
    r.git(["add", "-A"]);
    const { code, report } = json(r, ["scan", "--staged"]);
    expect(code).toBe(0);
    expect(report.summary.files).toBe(1);
    expect(report.summary.bytes).toBe(512);
    const pretty = r.warden(["scan", "--staged"]);
    expect(pretty.stdout).toMatch(/no problems \(1 file, 512 bytes/);
    expect(pretty.stdout).toContain("1 binary file as raw bytes");
  });
});

describe("binary and UTF-16 content in commits", () => {
  it("scan --range and --history read binary and UTF-16 versions from their commits and find their tokens", () => {
    const inBinary = githubToken();
    const inUtf16 = stripeKey();
    const r = repo({ "README.md": "# demo\n" });
    r.commit("chore: init", { noVerify: true });
    const base = r.git(["rev-parse", "HEAD"]).stdout.trim();
    r.write({
      "bin/tool.dat": Buffer.concat([Buffer.from([0, 1, 2, 3]), Buffer.from(`auth=${inBinary}`, "latin1"), Buffer.alloc(32, 0)]),
      "docs/notes.txt": utf16le(`a\nkey: "${inUtf16}"\n`, true),
    });
    r.commit("feat: add data", { noVerify: true });
    const added = r.git(["rev-parse", "HEAD"]).stdout.trim();
    for (const args of [["scan", "--range", `${base}..HEAD`], ["scan", "--history"]]) {
      const { code, report } = json(r, args);
      expect(code, args.join(" ")).toBe(1);
      expect(report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line} ${f.commit ?? ""}`).sort()).toEqual([
        `secrets/github-pat bin/tool.dat:1 ${added}`,
        `secrets/stripe-secret-key docs/notes.txt:2 ${added}`,
      ]);
      expect(JSON.stringify(report)).not.toContain(inBinary);
    }
  });
});

describe("the size policy: decided from the size, reported as skipped in every format", () => {
  it("scan --staged skips a file over secrets.maxFileSize without reading it and reports it in json, pretty, sarif and github", () => {
    const r = repo({ "warden.config.json": JSON.stringify({ secrets: { maxFileSize: 4096 } }) });
    r.commit("chore: config");
    r.write({ "dump.sql": `${"x".repeat(5000)}\n${githubToken()}\n`, "small.ts": "export const a = 1;\n" });
    r.git(["add", "-A"]);
    const { code, report } = json(r, ["scan", "--staged"]);
    expect(code).toBe(0);
    expect(report.summary.skipped).toEqual([{ file: "dump.sql", reason: "too-large", size: 5042, limit: 4096, setting: "secrets.maxFileSize" }]);
    const pretty = r.warden(["scan", "--staged"]);
    expect(pretty.stdout).toContain("1 skipped");
    expect(pretty.stdout).toContain("skipped dump.sql: 4.9 KiB, over the 4 KiB limit (secrets.maxFileSize)");
    const sarif = JSON.parse(r.warden(["scan", "--staged", "--format", "sarif"]).stdout) as {
      runs: { invocations?: { toolExecutionNotifications: { message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] }[];
    };
    const notification = sarif.runs[0]?.invocations?.[0]?.toolExecutionNotifications[0];
    expect(notification?.message.text).toContain("skipped dump.sql");
    expect(notification?.locations[0]?.physicalLocation.artifactLocation.uri).toBe("dump.sql");
    expect(r.warden(["scan", "--staged", "--format", "github"]).stdout).toMatch(/^::notice file=dump\.sql,title=warden%3A file skipped::skipped dump\.sql: /m);
  });

  it("a staged file over the limit is reported as skipped, not an error (a blob that cannot be read still is: scan.test.ts)", () => {
    const r = repo({ "warden.config.json": JSON.stringify({ secrets: { maxFileSize: 10 } }) });
    r.commit("chore: config");
    r.write({ "big.txt": "more than ten bytes\n" });
    r.git(["add", "-A"]);
    const result = r.warden(["scan", "--staged"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("skipped big.txt");
  });

  it("warden check reports a file over maxFileSize as skipped in work-tree, named-path, staged and range modes", () => {
    const big = `export function gen(): never {\n  throw new Error("not implemented");\n}\n${"// generated\n".repeat(90_000)}`;
    const r = repo({ "src/ok.ts": "export const ok = 1;\n" });
    r.commit("chore: init", { noVerify: true });
    const base = r.git(["rev-parse", "HEAD"]).stdout.trim();
    r.write({ "src/gen.ts": big });
    const expected = { file: "src/gen.ts", reason: "too-large", size: Buffer.byteLength(big), limit: 1024 * 1024, setting: "maxFileSize" };
    for (const args of [["check"], ["check", "src/gen.ts"]]) {
      const { report } = json(r, args);
      expect(report.summary.skipped, args.join(" ")).toEqual([expected]);
    }
    const named = r.warden(["check", "src/gen.ts"]);
    expect(named.stdout).toContain("skipped src/gen.ts: 1.1 MiB, over the 1 MiB limit (maxFileSize)");
    r.git(["add", "-A"]);
    expect(json(r, ["check", "--staged"]).report.summary.skipped).toEqual([expected]);
    r.git(["commit", "-q", "--no-verify", "-m", "feat: generated"]);
    expect(json(r, ["check", "--range", `${base}..HEAD`]).report.summary.skipped).toEqual([expected]);
    // Raised limit: the file is checked and its placeholder found.
    r.write({ "warden.config.json": JSON.stringify({ maxFileSize: 4 * 1024 * 1024 }) });
    const raised = json(r, ["check", "src/gen.ts"]);
    expect(raised.report.summary.skipped).toBeUndefined();
    expect(raised.report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`)).toContain("real/no-placeholder src/gen.ts:2");
    // JS/TS files are parsed, so the lower of maxFileSize and maxParseSize applies to them (skipped
    // from their size, never read or parsed); other files have maxFileSize only.
    const changed = `${big}// more\n`;
    r.write({
      "warden.config.json": JSON.stringify({ maxFileSize: 4 * 1024 * 1024, maxParseSize: 1024 * 1024 }),
      "src/gen.ts": changed,
      "docs/big.md": `# Big\n\n${"text\n".repeat(250_000)}`,
    });
    r.git(["add", "-A"]);
    const notParsed = { ...expected, size: Buffer.byteLength(changed), setting: "maxParseSize" };
    const staged = json(r, ["check", "--staged"]);
    expect(staged.report.summary.skipped).toEqual([notParsed]);
    expect(staged.report.summary.files).toBe(2); // the config and docs/big.md (1.2 MiB) were checked
    expect(r.warden(["check", "src/gen.ts"]).stdout).toContain("skipped src/gen.ts: 1.1 MiB, over the 1 MiB limit (maxParseSize)");
  }, 90_000); // eight warden runs

  it("maxFileSize is validated", () => {
    const r = repo({ "warden.config.json": JSON.stringify({ maxFileSize: -1 }) });
    const result = r.warden(["check"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("maxFileSize");
  });
});

describe("a paths scan opens each file once", () => {
  it("reads small and large files whole, skips what is over the limit, and leaves symbolic links, FIFOs and deleted files out", () => {
    const outside = mkdtempSync(path.join(tmpdir(), "warden-outside-"));
    cleanups.push(() => rmSync(outside, { recursive: true, force: true }));
    const small = githubToken();
    const large = stripeKey();
    const linked = githubToken();
    execFileSync("sh", ["-c", `printf 'token = "%s"\n' "$1" > "$2"`, "sh", linked, path.join(outside, "target.ts")]);
    const r = repo({
      "warden.config.json": JSON.stringify({ secrets: { maxFileSize: 600 * 1024 } }),
      "src/small.ts": `export const token = "${small}";\n`,
      // Larger than the reused read buffer: read in full, the secret at its end found.
      "src/large.ts": `${"// filler line of a generated file\n".repeat(12_000)}export const key = "${large}";\n`,
      "src/huge.ts": "x".repeat(700 * 1024),
      "src/gone.ts": "export {};\n",
    });
    r.commit("chore: init", { noVerify: true });
    execFileSync("ln", ["-s", path.join(outside, "target.ts"), path.join(r.dir, "src/link.ts")]);
    execFileSync("mkfifo", [path.join(r.dir, "src/pipe.ts")]);
    rmSync(path.join(r.dir, "src/gone.ts"));
    const { report } = json(r, ["scan"]);
    const found = report.findings.map((f) => `${f.file}:${f.line}`).sort();
    expect(found).toEqual(["src/large.ts:12001", "src/small.ts:1"]);
    expect(report.summary.skipped?.map((s) => `${s.file} ${s.reason} ${s.size}`)).toEqual([`src/huge.ts too-large ${700 * 1024}`]);
    expect(JSON.stringify(report)).not.toContain("link.ts");
    expect(JSON.stringify(report)).not.toContain(linked);
  });
});

describe("commit messages", () => {
  it("scan --range and --history find a token in a commit message, name the commit, never print the token", () => {
    const token = githubToken();
    const r = repo({ "a.ts": "export const a = 1;\n" });
    r.commit("chore: init", { noVerify: true });
    const base = r.git(["rev-parse", "HEAD"]).stdout.trim();
    r.write({ "a.ts": "export const a = 2;\n" });
    r.git(["add", "-A"]);
    r.git(["commit", "-q", "--no-verify", "-m", "fix: bump", "-m", `debug token ${token}`]);
    const oid = r.git(["rev-parse", "HEAD"]).stdout.trim();
    for (const args of [["scan", "--range", `${base}..HEAD`], ["scan", "--history"]]) {
      const { code, report, stderr } = json(r, args);
      expect(code, args.join(" ")).toBe(1);
      expect(report.findings.map((f) => [f.ruleId, f.file, f.line, f.commit])).toEqual([["secrets/github-pat", `commit:${oid.slice(0, 12)}`, 3, oid]]);
      expect(stderr).toMatch(/\d+ commit messages?/);
      const pretty = r.warden(args);
      expect(pretty.stdout).toContain(`commit:${oid.slice(0, 12)}:3:`);
      for (const text of [JSON.stringify(report), stderr, pretty.stdout, pretty.stderr]) expect(text).not.toContain(token);
    }
  });
});

describe("the commit-msg hook", () => {
  it("refuses a commit whose message holds a token, shown redacted; a clean message passes", () => {
    const token = githubToken();
    const r = repo({ "a.ts": "export const a = 1;\n" });
    installHooks(r);
    r.git(["add", "-A"]);
    const refused = r.git(["commit", "-q", "-m", "fix: bump", "-m", `token ${token}`], { allowFailure: true });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain("the commit message holds a secret");
    expect(refused.stderr).toContain("secrets/github-pat");
    expect(refused.stdout + refused.stderr).not.toContain(token);
    expect(r.git(["rev-parse", "--verify", "--quiet", "HEAD"], { allowFailure: true }).code).not.toBe(0);
    expect(r.git(["commit", "-q", "-m", "fix: bump"], { allowFailure: true }).code).toBe(0);
  }, 90_000); // four hook processes, each a fresh Node start
});

describe("shallow clones and bare repositories", () => {
  function origin(): { r: TempRepo; token: string } {
    const token = githubToken();
    const r = repo({ "a.ts": `export const t = "${token}";\n` });
    r.commit("feat: one", { noVerify: true });
    r.write({ "a.ts": "export const t = process.env.T;\n" });
    r.commit("fix: two", { noVerify: true });
    r.write({ "b.ts": "export const b = 3;\n" });
    r.commit("feat: three", { noVerify: true });
    return { r, token };
  }

  it("scan --history in a shallow clone says how deep it went and suggests fetch-depth: 0; --range past the boundary is one line, exit 2", () => {
    const { r } = origin();
    const dir = mkdtempSync(path.join(tmpdir(), "warden-shallow-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    execFileSync("git", ["clone", "-q", "--depth", "1", `file://${r.dir}`, dir], { env: GIT_ENV });
    const head = execFileSync("git", ["rev-parse", "HEAD"], { cwd: dir, env: GIT_ENV, encoding: "utf8" }).trim();
    const history = runWarden(dir, ["scan", "--history", "--format", "json"]);
    expect(history.code).toBe(0);
    const report = JSON.parse(history.stdout) as JsonReport;
    expect(report.summary.commits).toBe(1);
    expect(report.summary.notes?.[0]).toContain(`shallow clone: scanned 1 commit, as deep as this clone goes (shallow boundary at ${head.slice(0, 10)})`);
    expect(report.summary.notes?.[0]).toContain("fetch-depth: 0");
    const pretty = runWarden(dir, ["scan", "--history"]);
    expect(pretty.stdout).toContain("note: shallow clone: scanned 1 commit");
    const range = runWarden(dir, ["scan", "--range", "HEAD~1..HEAD"]);
    expect(range.code).toBe(2);
    expect(range.stderr.trim().split("\n")).toHaveLength(1);
    expect(range.stderr).toContain("HEAD~1 is not in this shallow clone");
    expect(range.stderr).toContain("fetch-depth: 0");
    // Both ends present (an older commit fetched on its own), the commits between them not: also refused.
    r.git(["branch", "old", "HEAD~2"]);
    execFileSync("git", ["fetch", "-q", "--depth", "1", "origin", "old:refs/heads/old"], { cwd: dir, env: GIT_ENV });
    const across = runWarden(dir, ["scan", "--range", "old..HEAD"]);
    expect(across.code).toBe(2);
    expect(across.stderr.trim().split("\n")).toHaveLength(1);
    expect(across.stderr).toContain(`--range old..HEAD reaches past the shallow clone's boundary at ${head.slice(0, 10)}`);
  });

  it("scan --history and --range run in a bare repository (server side); work-tree modes are refused in one line", () => {
    const { r, token } = origin();
    const bare = mkdtempSync(path.join(tmpdir(), "warden-bare-"));
    cleanups.push(() => rmSync(bare, { recursive: true, force: true }));
    execFileSync("git", ["clone", "-q", "--bare", r.dir, bare], { env: GIT_ENV });
    const history = runWarden(bare, ["scan", "--history", "--format", "json"]);
    expect(history.code).toBe(1);
    const report = JSON.parse(history.stdout) as JsonReport;
    expect(report.findings.map((f) => [f.ruleId, f.file])).toEqual([["secrets/github-pat", "a.ts"]]);
    expect(report.summary.commits).toBe(3);
    const range = runWarden(bare, ["scan", "--range", "HEAD~1..HEAD"]);
    expect(range.code).toBe(0);
    for (const args of [["scan", "--staged"], ["scan"]]) {
      const refused = runWarden(bare, args);
      expect(refused.code, args.join(" ")).toBe(2);
      expect(refused.stderr.trim().split("\n")).toHaveLength(1);
      expect(refused.stderr).toContain("needs a work tree");
    }
    expect(history.stdout + history.stderr).not.toContain(token);
  });
});
