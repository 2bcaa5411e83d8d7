import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { filesUnder, gitRepo, installHooks, runAsync, WARDEN_BIN, type RunResult, type TempRepo } from "@warden/test-utils";
import { TOKENS } from "./leak-tokens.js";

// The leak matrix (issue 9): generated tokens of twelve formats planted in code, a Dockerfile,
// file names, commit messages, the index, a range and history, and config keys and values; every
// command in every format over every mode; then every byte of stdout and stderr, and every file
// Warden wrote or changed under the repository, its .git dir and the caches (TMPDIR, HOME,
// XDG_CACHE_HOME and the compile cache point into a sandbox), searched for each whole token
// (and each line of the private key block): zero occurrences allowed.

const FORMATS = ["pretty", "json", "sarif", "github"] as const;

/** Every needle that must never be printed or written by Warden. */
const needles: string[] = [];
function plant<T extends string>(token: T): T {
  needles.push(token);
  return token;
}

let repo: TempRepo;
let sandbox: string;
let env: NodeJS.ProcessEnv;
/** Per file (absolute path): the count of each needle before Warden ran. */
let before: Map<string, number[]>;
const outputs: { label: string; result: RunResult }[] = [];

function counts(text: string): number[] {
  return needles.map((needle) => text.split(needle).length - 1);
}

function snapshot(): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const file of [...filesUnder(repo.dir), ...filesUnder(sandbox)]) out.set(file, counts(readFileSync(file, "latin1")));
  return out;
}

/** Needles found in `text`, shortened for the failure message. */
function leaks(text: string): string[] {
  return needles.filter((needle) => text.includes(needle)).map((needle) => `${needle.slice(0, 6)}…`);
}

function warden(args: readonly string[], input = ""): Promise<RunResult> {
  return runAsync(process.execPath, [WARDEN_BIN, ...args], { cwd: repo.dir, env, input });
}

/** Run jobs three at a time; the results in the order of the jobs. */
async function runAll(jobs: readonly (() => Promise<RunResult>)[]): Promise<RunResult[]> {
  const results: RunResult[] = new Array<RunResult>(jobs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const index = next;
      next += 1;
      results[index] = await (jobs[index] as () => Promise<RunResult>)();
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  return results;
}

const t = {
  ghp: "",
  pat: "",
  akia: "",
  awsSecret: "",
  slack: "",
  stripe: "",
  openai: "",
  anthropic: "",
  gitlab: "",
  npm: "",
  google: "",
  sendgrid: "",
  subject: "",
  staged: "",
  history: "",
  fileName: "",
  fileNameSecret: "",
  message: "",
};

beforeAll(async () => {
  sandbox = mkdtempSync(path.join(tmpdir(), "warden-leak-sandbox-"));
  for (const dir of ["tmp", "home", "cache", "v8"]) mkdirSync(path.join(sandbox, dir));
  env = {
    TMPDIR: path.join(sandbox, "tmp"),
    HOME: path.join(sandbox, "home"),
    XDG_CACHE_HOME: path.join(sandbox, "cache"),
    V8_COMPILE_CACHE_CACHE_DIR: path.join(sandbox, "v8"),
    WARDEN_DAEMON: "0",
  };
  t.ghp = plant(TOKENS.githubClassic());
  t.pat = plant(TOKENS.githubFineGrained());
  t.akia = plant(TOKENS.awsKeyId());
  t.awsSecret = plant(TOKENS.awsSecret());
  t.slack = plant(TOKENS.slackBot());
  t.stripe = plant(TOKENS.stripeLive());
  t.openai = plant(TOKENS.openai());
  t.anthropic = plant(TOKENS.anthropic());
  t.gitlab = plant(TOKENS.gitlab());
  t.npm = plant(TOKENS.npm());
  t.google = plant(TOKENS.googleApi());
  t.sendgrid = plant(TOKENS.sendgrid());
  t.subject = plant(TOKENS.githubClassic());
  t.staged = plant(TOKENS.githubClassic());
  t.history = plant(TOKENS.npm());
  t.fileName = plant(TOKENS.slackBot());
  t.fileNameSecret = plant(TOKENS.gitlab());
  t.message = plant(TOKENS.githubFineGrained());
  const key = TOKENS.rsaKey();
  for (const line of key.lines) plant(line);

  repo = gitRepo({
    "warden.config.json": `${JSON.stringify({ hooks: { prePush: { test: false } } }, null, 2)}\n`,
    "README.md": "# demo\n",
  });
  repo.commit("chore: init");
  // History: a token added then removed, and a rejected subject holding a token.
  repo.write({ "src/old.ts": `export const old = "${t.history}";\n` });
  repo.commit(`added the npm token ${t.subject} here`);
  repo.write({ "src/old.ts": "export const old = 0;\n" });
  repo.commit("fix: remove the token");
  repo.write({
    // Rule findings (logging/no-console, real/no-placeholder) whose code frames hold tokens.
    "src/lib.ts": [
      `console.log("t ${t.ghp}");`,
      `console.log("${t.gitlab}", "${t.npm}");`,
      `export const ai = "${t.openai}"; console.log(ai);`,
      `export function f(): void { throw new Error("not implemented ${t.anthropic}"); }`,
      `console.log("${t.google}", "${t.sendgrid}", "${t.pat}");`,
      "",
    ].join("\n"),
    "src/key.ts": `console.log(\`${key.block}\`);\n`,
    Dockerfile: [
      "FROM node:20",
      `ENV AWS_ACCESS_KEY_ID=${t.akia}`,
      `ENV AWS_SECRET_ACCESS_KEY=${t.awsSecret}`,
      `ENV STRIPE_SECRET_KEY=${t.stripe}`,
      `ENV SLACK_TOKEN=${t.slack}`,
      'CMD ["node", "server.js"]',
      "",
    ].join("\n"),
    // File names holding tokens: one with a rule finding, one with a secret inside.
    [`src/${t.fileName}.ts`]: "console.log(1);\n",
    [`notes/${t.fileNameSecret}.txt`]: `token: ${TOKENS.githubClassic()}\n`,
  });
  repo.commit("feat: the leaky commit", { noVerify: true });
  repo.write({ "src/staged.ts": `console.log("${t.staged}");\n` });
  repo.git(["add", "-A"]);
  writeFileSync(path.join(repo.dir, ".git", "LEAK_MSG"), `feat: add the key ${t.message}\n`);
  before = snapshot();

  const head = repo.git(["rev-parse", "HEAD"]).stdout.trim();
  const pushInput = `refs/heads/main ${head} refs/heads/main ${"0".repeat(40)}\n`;
  const jobs: { label: string; run: () => Promise<RunResult> }[] = [];
  for (const format of FORMATS) {
    for (const mode of [[], ["--staged"], ["--range", "HEAD~3..HEAD"], ["src/lib.ts", "Dockerfile"]]) {
      jobs.push({ label: `check ${mode.join(" ")} -f ${format}`, run: () => warden(["check", ...mode, "--format", format]) });
    }
    for (const mode of [[], ["--staged"], ["--range", "HEAD~3..HEAD"], ["--history"], ["notes", "src"]]) {
      jobs.push({ label: `scan ${mode.join(" ")} -f ${format}`, run: () => warden(["scan", ...mode, "--format", format]) });
    }
    jobs.push({ label: `hook pre-commit -f ${format}`, run: () => warden(["hook", "pre-commit", "--format", format]) });
    jobs.push({ label: `hook commit-msg -f ${format}`, run: () => warden(["hook", "commit-msg", ".git/LEAK_MSG", "--format", format]) });
    jobs.push({ label: `hook pre-push -f ${format}`, run: () => warden(["hook", "pre-push", "origin", "--format", format], pushInput) });
  }
  jobs.push({ label: "rules", run: () => warden(["rules"]) });
  jobs.push({ label: "rules --json", run: () => warden(["rules", "--json"]) });
  // Unknown options and arguments are echoed by the argument parser.
  jobs.push({ label: "check --<token>", run: () => warden(["check", `--${t.ghp}`]) });
  jobs.push({ label: "hook <token>", run: () => warden(["hook", t.ghp]) });
  const results = await runAll(jobs.map((job) => job.run));
  jobs.forEach((job, index) => outputs.push({ label: job.label, result: results[index] as RunResult }));
  // The real pre-commit hook, through git (before the baselines record the findings).
  installHooks(repo);
  outputs.push({ label: "git commit (pre-commit hook)", result: repo.git(["commit", "-q", "-m", "feat: staged"], { allowFailure: true }) });
  // Writers, one after the other.
  for (const args of [["baseline"], ["baseline", "--update"], ["baseline", "--check", "--base", "HEAD"], ["scan", "--update-baseline"]]) {
    outputs.push({ label: args.join(" "), result: await warden(args) });
  }
}, 600_000);

afterAll(() => {
  repo.cleanup();
  rmSync(sandbox, { recursive: true, force: true });
});

describe("leak matrix: no byte Warden prints or writes holds a planted token", () => {
  it("ran every command × format × mode, and each reported what it should (so zero leaks means something)", () => {
    const find = (label: string): RunResult => {
      const hit = outputs.find((o) => o.label === label);
      if (hit === undefined) throw new Error(`no run ${label}`);
      return hit.result;
    };
    for (const format of FORMATS) {
      for (const mode of ["", "--staged", "--range HEAD~3..HEAD", "src/lib.ts Dockerfile"]) expect(find(`check ${mode} -f ${format}`).code, `check ${mode} ${format}`).toBe(1);
      for (const mode of ["", "--staged", "--range HEAD~3..HEAD", "--history", "notes src"]) expect(find(`scan ${mode} -f ${format}`).code, `scan ${mode} ${format}`).toBe(1);
      expect(find(`hook pre-commit -f ${format}`).code).toBe(1);
      expect(find(`hook commit-msg -f ${format}`).code).toBe(1);
      expect(find(`hook pre-push -f ${format}`).code).toBe(1);
    }
    // The code frames are there, masked: each planted line is shown with its token's prefix only.
    const pretty = find("check  -f pretty").stdout;
    expect(pretty).toContain(`console.log("t ${t.ghp.slice(0, 4)}****`);
    expect(pretty).toContain(`ENV AWS_SECRET_ACCESS_KEY=${t.awsSecret.slice(0, 4)}****`);
    expect(pretty).toMatch(/\n {2}> 1 \| console\.log\(`-----BEGIN RSA/);
    // The rejected subject is shown (redacted) in the range check and its commit named in pretty output.
    expect(pretty.length).toBeGreaterThan(0);
    const range = find("check --range HEAD~3..HEAD -f pretty").stdout;
    expect(range).toContain("commits/conventional");
    expect(range).toContain(`${t.subject.slice(0, 4)}********`);
    expect(find("scan --range HEAD~3..HEAD -f pretty").stdout).toMatch(/commit: [0-9a-f]{12}/);
    // The secret scan finds the tokens in each mode (by rule id).
    const scanned = JSON.parse(find("scan  -f json").stdout) as { findings: { ruleId: string; file: string }[] };
    const ids = new Set(scanned.findings.map((f) => f.ruleId));
    for (const id of ["github-pat", "github-fine-grained-pat", "aws-access-key-id", "aws-secret-access-key", "slack-bot-token", "stripe-secret-key", "openai-api-key", "anthropic-api-key", "gitlab-pat", "npm-access-token", "google-api-key", "sendgrid-api-key", "private-key-rsa"]) {
      expect(ids, id).toContain(`secrets/${id}`);
    }
    // Nothing else is masked: fingerprints and commit ids stay whole in every report.
    for (const label of ["scan  -f json", "scan --range HEAD~3..HEAD -f json", "check --range HEAD~3..HEAD -f json"]) {
      const report = JSON.parse(find(label).stdout) as { findings: { fingerprint: string; commit?: string }[] };
      expect(report.findings.length, label).toBeGreaterThan(0);
      for (const f of report.findings) {
        expect(f.fingerprint, label).toMatch(/^[0-9a-f]{20}$/);
        if (f.commit !== undefined) expect(f.commit, label).toMatch(/^[0-9a-f]{40}$/);
      }
    }
    // A file named with a token is reported under its redacted name.
    expect(scanned.findings.some((f) => f.file.startsWith(`notes/${t.fileNameSecret.slice(0, 4)}********`))).toBe(true);
    expect(find("hook commit-msg -f pretty").stderr).toMatch(/commit message (?:refused|holds a secret)/);
    expect(find("git commit (pre-commit hook)").code).not.toBe(0);
  });

  it("git commit with a token in the message: the commit-msg hook refuses it, shown redacted", () => {
    const r = gitRepo({ "a.ts": "export const a = 1;\n" });
    try {
      installHooks(r);
      const token = TOKENS.githubFineGrained();
      writeFileSync(path.join(r.dir, ".git", "MSG"), `feat: add the key ${token}\n`);
      r.git(["add", "-A"]);
      const result = r.git(["commit", "-q", "-F", ".git/MSG"], { allowFailure: true });
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(/commit message (?:refused: line 1|holds a secret): GitHub fine-grained/);
      expect(result.stderr).toContain(`${token.slice(0, 4)}********`);
      expect(result.stdout + result.stderr).not.toContain(token);
      expect(r.git(["rev-list", "--all"]).stdout.trim()).toBe("");
    } finally {
      r.cleanup();
    }
  });

  it("stdout and stderr of every run: 0 occurrences", () => {
    const found = outputs.flatMap(({ label, result }) => [...leaks(result.stdout), ...leaks(result.stderr)].map((leak) => `${label}: ${leak}`));
    expect(found).toEqual([]);
  });

  it("every file Warden wrote or changed under the repository, .git and its caches: 0 new occurrences", () => {
    const after = snapshot();
    const written: string[] = [];
    const found: string[] = [];
    for (const [file, now] of after) {
      const was = before.get(file);
      if (was === undefined) written.push(file);
      now.forEach((count, i) => {
        if (count > (was?.[i] ?? 0)) found.push(`${path.relative(repo.dir, file)}: ${(needles[i] as string).slice(0, 6)}…`);
      });
    }
    expect(found).toEqual([]);
    // The writers did write: both baselines and the result cache (in .git: this repository has no node_modules).
    const names = written.map((file) => path.relative(repo.dir, file));
    expect(names).toContain(".warden-baseline");
    expect(names).toContain(".secrets-baseline.json");
    expect(names.some((name) => name.startsWith(path.join(".git", "warden", "cache")))).toBe(true);
    expect(names.some((name) => name.startsWith("node_modules"))).toBe(false);
  });
});

describe("leak matrix: config keys and values", () => {
  // Expected exit codes of check, scan, hook pre-commit and scan --update-baseline: a rule id is
  // validated by the rules (not by scan, which reports the pasted token in the config, redacted);
  // secrets.baseline only by the secret scan.
  const configs: Record<string, { make: (token: string) => unknown; codes: [number, number, number, number] }> = {
    "unknown top-level key": { make: (token) => ({ [token]: true }), codes: [2, 2, 2, 2] },
    "unknown nested key": { make: (token) => ({ secrets: { [token]: 1 } }), codes: [2, 2, 2, 2] },
    "unknown rule id": { make: (token) => ({ rules: { [token]: "error" } }), codes: [2, 1, 2, 0] },
    "invalid rule level": { make: (token) => ({ rules: { "logging/no-console": token } }), codes: [2, 2, 2, 2] },
    "override rule id": { make: (token) => ({ overrides: [{ files: ["src/**"], rules: { [token]: "off" } }] }), codes: [2, 1, 2, 0] },
    "secrets.baseline": { make: (token) => ({ secrets: { baseline: token } }), codes: [0, 2, 2, 2] },
  };
  const made: TempRepo[] = [];
  afterAll(() => {
    for (const r of made) r.cleanup();
  });

  it.each(Object.keys(configs))("%s: one line, exit 2, the token never echoed and no file named with it, in every format", async (name) => {
    const token = TOKENS.githubClassic();
    const { make, codes } = configs[name] as (typeof configs)[string];
    const r = gitRepo({ "warden.config.json": JSON.stringify(make(token)), "a.ts": "export const a = 1;\n" });
    made.push(r);
    r.commit("chore: init", { noVerify: true });
    const runOf = (args: readonly string[]) => () => runAsync(process.execPath, [WARDEN_BIN, ...args], { cwd: r.dir, env: { WARDEN_DAEMON: "0" } });
    const commands = [["check"], ["scan"], ["hook", "pre-commit"]];
    const jobs = FORMATS.flatMap((format) => commands.map((args) => runOf([...args, "--format", format])));
    const runs = await runAll([...jobs, runOf(["scan", "--update-baseline"])]);
    runs.forEach((run, index) => {
      const expected = index === runs.length - 1 ? codes[3] : codes[index % 3];
      expect(run.code, `${name} #${index}: ${run.stderr}`).toBe(expected);
      if (expected === 2) expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stdout + run.stderr).not.toContain(token);
      expect(run.stdout + run.stderr).not.toContain(token.slice(4, 20));
    });
    // No file named with the token, and none but the config itself holds it (git's objects are compressed).
    const files = filesUnder(r.dir);
    expect(files.filter((file) => path.basename(file).includes(token.slice(0, 12)))).toEqual([]);
    expect(files.filter((file) => path.basename(file) !== "warden.config.json" && readFileSync(file, "latin1").includes(token))).toEqual([]);
  });
});

describe("scan --update-baseline into a directory", () => {
  it("is one clear line, exit 2, no stack trace", () => {
    const r = gitRepo({ "warden.config.json": JSON.stringify({ secrets: { baseline: "out" } }), "a.ts": "export const a = 1;\n" });
    try {
      mkdirSync(path.join(r.dir, "out"));
      const run = r.warden(["scan", "--update-baseline"]);
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split("\n")).toEqual(["warden: secrets.baseline: out is a directory; set it to a file path such as .secrets-baseline.json"]);
    } finally {
      r.cleanup();
    }
  });
});
