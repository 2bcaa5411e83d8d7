import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ALNUM, B32, checksummed, GIT_ENV, leaksIn, pem, rand, REPO_ROOT, WARDEN_BIN } from "@warden/test-utils";

// A cross-package test (the secrets scanner through the CLI binary, its hooks and config), so it
// lives in test/e2e. packages/cli/test/scan-leak.test.ts runs every output format over planted secrets when the scan
// succeeds. This covers the ways a scan ends in an error or a note while a secret is present — a
// staged blob that cannot be read, a config or baseline that is wrong (with the secret pasted
// into it), a file above maxFileSize, usage errors — and the baseline and fingerprint paths.
// Every byte Warden prints, and every file it writes or changes (in the repository, in .git, in
// TMPDIR and HOME), is searched for the secrets: none may appear whole, nor any 8-character run
// of them past the 4 characters a redaction may show.

const CLI_DIST = path.join(REPO_ROOT, "packages/cli/dist/cli.js");
const FORMATS = ["pretty", "json", "sarif", "github"] as const;
/** Each test runs the binary tens of times (about 0.2 s each, more for the pre-commit hook). */
const SLOW = 120_000;
const p = (...parts: string[]): string => parts.join("");

// Fake secrets, built at run time (no whole token is written in this file).
const TOKEN = checksummed(p("gh", "p_"));
const AWS_KEY = `${p("AK", "IA")}${rand(B32, 16)}`;
const PASSWORD = `${rand(ALNUM, 18)}7a`;
const EC_BLOCK = pem(p("EC PRIVATE", " KEY"), 3);
const EC_BODY = EC_BLOCK.split("\n").slice(1, -2).join("");
const SECRETS = [TOKEN, AWS_KEY, PASSWORD, EC_BODY];

const FILES: Readonly<Record<string, string>> = {
  "src/github.ts": `export const token = "${TOKEN}";\n`,
  "deploy/aws.ini": `[default]\naws_access_key_id = ${AWS_KEY}\n`,
  "app.ini": `DB_PASSWORD=${PASSWORD}\n`,
  "keys/ec.txt": EC_BLOCK,
};

/** What of the secrets `text` shows (with and without its colour codes: pretty output is coloured here, FORCE_COLOR). */
function leaks(text: string): string[] {
  return leaksIn(text, SECRETS);
}

interface Sandbox {
  readonly root: string;
  readonly repo: string;
  readonly env: NodeJS.ProcessEnv;
  write(files: Readonly<Record<string, string>>): void;
  git(...args: string[]): string;
}

interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Files (relative to the sandbox) that the command created or changed. */
  readonly written: readonly string[];
  /** Of those, the ones in the repository (the rest: the V8 compile cache in TMPDIR and such). */
  readonly inRepo: readonly string[];
}

let sandboxes: string[] = [];

/** A temporary git repository with its own TMPDIR and HOME, all under one folder. */
function sandbox(): Sandbox {
  const root = mkdtempSync(path.join(tmpdir(), "warden-secrets-leak-"));
  sandboxes.push(root);
  const repo = path.join(root, "repo");
  for (const dir of [repo, path.join(root, "tmp"), path.join(root, "home")]) mkdirSync(dir, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...GIT_ENV,
    // colours on: redaction must hold in the styled output too
    NO_COLOR: "",
    FORCE_COLOR: "1",
    WARDEN_DAEMON: "0",
    TMPDIR: path.join(root, "tmp"),
    HOME: path.join(root, "home"),
    XDG_CACHE_HOME: path.join(root, "home", ".cache"),
  };
  const box: Sandbox = {
    root,
    repo,
    env,
    write(files) {
      for (const [name, content] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(repo, name)), { recursive: true });
        writeFileSync(path.join(repo, name), content);
      }
    },
    git(...args) {
      return execFileSync("git", args, { cwd: repo, env, encoding: "utf8" });
    },
  };
  box.git("init", "-q", "-b", "main");
  box.write({ "README.md": "# demo\n" });
  box.git("add", "-A");
  box.git("commit", "-q", "-m", "chore: init");
  return box;
}

/** Every file under `dir` with a hash of its content. */
function snapshot(dir: string, out = new Map<string, string>()): Map<string, string> {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    const info = statSync(full, { throwIfNoEntry: false });
    if (info === undefined) continue;
    if (info.isDirectory()) snapshot(full, out);
    else if (info.isFile()) out.set(full, createHash("sha1").update(readFileSync(full)).digest("hex"));
  }
  return out;
}

/** Run the warden binary in the sandbox; assert that nothing it printed or wrote holds a secret. */
function warden(box: Sandbox, args: readonly string[]): Outcome {
  const before = snapshot(box.root);
  const result = spawnSync(process.execPath, [WARDEN_BIN, ...args], {
    cwd: box.repo,
    env: box.env,
    input: "",
    encoding: "utf8",
    timeout: 120_000,
  });
  const written = [...snapshot(box.root)].filter(([file, hash]) => before.get(file) !== hash).map(([file]) => file);
  const label = `warden ${args.join(" ")}`;
  expect(leaks(result.stdout), `${label}: stdout`).toEqual([]);
  expect(leaks(result.stderr), `${label}: stderr`).toEqual([]);
  for (const file of written) expect(leaks(readFileSync(file, "latin1")), `${label}: wrote ${path.relative(box.root, file)}`).toEqual([]);
  const relative = written.map((file) => path.relative(box.root, file));
  return { code: result.status ?? 1, stdout: result.stdout, stderr: result.stderr, written: relative, inRepo: relative.filter((file) => file.startsWith(`repo${path.sep}`)) };
}

beforeAll(() => {
  if (!existsSync(CLI_DIST)) throw new Error(`${path.relative(process.cwd(), CLI_DIST)} is missing: build the CLI first (pnpm build)`);
  expect(SECRETS.every((s) => s.length >= 20)).toBe(true);
});

afterEach(() => {
  for (const dir of sandboxes) rmSync(dir, { recursive: true, force: true });
  sandboxes = [];
});

describe("warden scan's error paths and notes never print a found secret", () => {
  it("the planted secrets are found when nothing goes wrong (so zero hits below means something)", () => {
    const box = sandbox();
    box.write(FILES);
    const result = warden(box, ["scan", "--format", "json"]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { findings: { ruleId: string }[] };
    expect(new Set(report.findings.map((f) => f.ruleId))).toEqual(
      new Set(["secrets/github-pat", "secrets/aws-access-key-id", "secrets/generic-secret-assignment", "secrets/private-key-ec"]),
    );
  }, SLOW);

  it.each(FORMATS)("a staged scan that cannot read a staged blob is an error, in --format %s and in the pre-commit hook", (format) => {
    const box = sandbox();
    // The readable files come first (the index is sorted), so findings exist when the scan fails.
    box.write({ ...FILES, "zz/late.ts": `export const again = "${TOKEN}";\n` });
    box.git("add", "-A");
    const oid = box.git("rev-parse", ":zz/late.ts").trim();
    unlinkSync(path.join(box.repo, ".git", "objects", oid.slice(0, 2), oid.slice(2)));
    const result = warden(box, ["scan", "--staged", "--format", format]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("zz/late.ts: cannot read the staged content");
    const hook = warden(box, ["hook", "pre-commit", "--format", format]);
    expect(hook.code).toBe(2);
  }, SLOW);

  it.each(FORMATS)("a config error with the secret pasted into it (invalid allowPatterns regex, a secret for a fingerprint), --format %s", (format) => {
    const box = sandbox();
    box.write(FILES);
    box.git("add", "-A");
    box.git("commit", "-q", "-m", "feat: secrets");
    const configs = [
      // An allowlist entry meant to match the token, with an unbalanced group: not a valid regex.
      { key: "allowPatterns", config: { secrets: { allowPatterns: [`(${TOKEN}`, `[${PASSWORD}`] } } },
      // The secret itself where its fingerprint belongs.
      { key: "allowFingerprints", config: { secrets: { allowFingerprints: [TOKEN] } } },
      // The secret itself as the value of a key the schema does not know.
      { key: "unknown key", config: { secrets: { githubToken: TOKEN, dbPassword: PASSWORD } } },
      { key: "maxFileSize", config: { secrets: { maxFileSize: TOKEN } } },
    ];
    // The config is loaded before the mode's work starts and before any output is formatted (the
    // format only picks the reporter): every format runs the default mode, and each other mode runs
    // once, in one of the formats — not the whole cross product.
    const otherMode = { pretty: ["--staged"], json: ["--history"], sarif: ["--range", "HEAD~1..HEAD"], github: ["--update-baseline"] }[format];
    for (const { key, config } of configs) {
      box.write({ "warden.config.json": `${JSON.stringify(config, null, 2)}\n` });
      for (const mode of [[], otherMode]) {
        const result = warden(box, ["scan", ...mode, "--format", format]);
        expect(result.code, `${key} ${mode.join(" ")}: ${result.stderr}`).toBe(2);
        expect(result.stderr).toContain("warden.config.json");
        expect(result.stderr).toContain(key === "unknown key" ? "unknown key" : `secrets.${key}`);
        expect(result.inRepo).toEqual([]);
      }
    }
  }, SLOW);

  it.each(FORMATS)("a file above secrets.maxFileSize that holds a secret is reported as skipped, --format %s", (format) => {
    const box = sandbox();
    box.write({ "warden.config.json": `${JSON.stringify({ secrets: { maxFileSize: 512 } })}\n` });
    box.git("add", "-A");
    box.git("commit", "-q", "-m", "chore: config");
    const filler = `${"// padding line\n".repeat(40)}`;
    box.write({ "big/config.ts": `${filler}export const token = "${TOKEN}";\nconst pw = "${PASSWORD}";\n${filler}`, "big/key.txt": `${filler}${EC_BLOCK}${filler}` });
    box.git("add", "-A");
    for (const mode of [[], ["big"], ["--staged"]]) {
      const result = warden(box, ["scan", ...mode, "--format", format]);
      expect(result.code, `${mode.join(" ")}: ${result.stderr}`).toBe(0);
      // Reported as skipped in the output of every format (never silently dropped), the secret never shown.
      expect(result.stdout).toContain("secrets.maxFileSize");
      expect(result.stdout).toContain("big/config.ts");
    }
    box.git("commit", "-q", "-m", "feat: big files");
    for (const mode of [["--history"], ["--range", "HEAD~1..HEAD"]]) {
      const result = warden(box, ["scan", ...mode, "--format", format]);
      expect(result.code, `${mode.join(" ")}: ${result.stderr}`).toBe(0);
    }
  }, SLOW);

  it("the secrets baseline: writing it, scanning against it, allowFingerprints, and damaged baselines", () => {
    const box = sandbox();
    box.write(FILES);
    box.git("add", "-A");
    box.git("commit", "-q", "-m", "feat: secrets");
    const update = warden(box, ["scan", "--update-baseline"]);
    expect(update.code).toBe(0);
    expect(update.inRepo).toContain(path.join("repo", ".secrets-baseline.json"));
    const baseline = JSON.parse(readFileSync(path.join(box.repo, ".secrets-baseline.json"), "utf8")) as { entries: { fingerprint: string }[] };
    expect(baseline.entries.length).toBeGreaterThanOrEqual(4);
    for (const format of FORMATS) {
      for (const mode of [[], ["--history"], ["--range", "HEAD~1..HEAD"]]) {
        const result = warden(box, ["scan", ...mode, "--format", format]);
        expect(result.code, `${format} ${mode.join(" ")}: ${result.stderr}`).toBe(0);
      }
    }
    // The fingerprint listing: the JSON report without the baseline shows each one, never a secret.
    rmSync(path.join(box.repo, ".secrets-baseline.json"));
    const listing = warden(box, ["scan", "--format", "json"]);
    const fingerprints = (JSON.parse(listing.stdout) as { findings: { fingerprint: string }[] }).findings.map((f) => f.fingerprint);
    expect(fingerprints.sort()).toEqual(baseline.entries.map((e) => e.fingerprint).sort());
    box.write({ "warden.config.json": `${JSON.stringify({ secrets: { allowFingerprints: fingerprints } })}\n` });
    expect(warden(box, ["scan", "--format", "sarif"]).code).toBe(0);
    rmSync(path.join(box.repo, "warden.config.json"));

    const damaged = [
      // The secret pasted where a fingerprint belongs.
      JSON.stringify({ version: 1, entries: [{ ruleId: "secrets/github-pat", file: "src/github.ts", fingerprint: TOKEN }] }),
      // The secret in a file that is not JSON at all.
      `{ "version": 1, "entries": [ ${TOKEN} ${PASSWORD} ] }`,
      `${PASSWORD}\n${TOKEN}\n`,
      JSON.stringify({ version: 2, entries: [], note: TOKEN }),
    ];
    for (const text of damaged) {
      writeFileSync(path.join(box.repo, ".secrets-baseline.json"), text);
      // The baseline is read before any output is formatted: every format once, every mode once.
      for (const args of [...FORMATS.map((format) => ["--format", format]), ["--staged"], ["--history", "--format", "json"]]) {
        const result = warden(box, ["scan", ...args]);
        expect(result.code, `${args.join(" ")}: ${result.stderr}`).toBe(2);
        expect(result.stderr).toContain(".secrets-baseline.json");
      }
    }
  }, SLOW);

  it("other inputs' parse errors (lockfile, coverage report, package.json, pnpm-workspace.yaml) quote none of a secret pasted into them", () => {
    // JSON.parse's messages quote the input near the error ("sk_live_…"... is not valid JSON).
    const box = sandbox();
    box.write({
      "package-lock.json": `{"lockfileVersion": 3, "packages": ${TOKEN}}\n`,
      "coverage/coverage-summary.json": `${AWS_KEY}\n`,
    });
    for (const args of [["audit"], ["coverage"]]) {
      const result = warden(box, args);
      expect(result.code, `${args.join(" ")}: ${result.stdout}${result.stderr}`).toBe(2);
      expect(result.stderr.trim().split("\n"), result.stderr).toHaveLength(1);
      expect(result.stderr).toMatch(/package-lock\.json cannot be read|not an istanbul json-summary report/);
      // not even the 10 characters the parser quotes: a redaction shows 4
      for (const secret of [TOKEN, AWS_KEY]) expect(result.stderr).not.toContain(secret.slice(0, 8));
    }
    box.write({ "package.json": `{"name": "app", "token": ${TOKEN}\n`, "pnpm-workspace.yaml": `packages: [${PASSWORD}\n` });
    for (const args of [["init", "--dry-run"], ["check"]]) {
      const result = warden(box, args);
      expect(result.code, `${args.join(" ")}: ${result.stdout}${result.stderr}`).toBe(2);
      expect(result.stderr).toMatch(/invalid (JSON|YAML)/);
    }
  }, SLOW);

  it("usage errors while secrets are present", () => {
    const box = sandbox();
    box.write(FILES);
    box.git("add", "-A");
    for (const args of [
      ["scan", "--range", "nosuchref..HEAD"],
      ["scan", "--range", "HEAD"],
      ["scan", "--history", "nosuchref"],
      ["scan", "--staged", "src/github.ts"],
      ["scan", "--staged", "--update-baseline"],
      ["scan", "--workers", "many"],
      ["scan", "--format", "xml"],
      ["scan", "-c", "missing.config.json"],
    ]) {
      const result = warden(box, args);
      expect(result.code, `${args.join(" ")}: ${result.stdout}${result.stderr}`).toBe(2);
      expect(result.inRepo).toEqual([]);
    }
  }, SLOW);
});
