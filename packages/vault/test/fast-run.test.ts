import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gitRepo, runAsync, WARDEN_BIN, type RunResult, type TempRepo } from "@warden/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIT_FILE, GRANTS_SNAPSHOT } from "../src/index.js";

// `warden secrets run` has two starts: the fast one (bin/warden.js → dist/secrets-run.cjs, grants
// from the signed snapshot) and the full CLI (config loaded). Each case runs both and compares.

// Values made at run time, shaped like real credentials, so a leak would be recognisable.
const STRIPE = `sk_test_${"Qh7TzP2wLk9VnB4xRc6Md3Fy".split("").reverse().join("")}${Date.now().toString(36)}`;
const SESSION = `sess-${"k4".repeat(12)}`;
const DB_URL = `postgres://app:${"pw".repeat(4)}${Date.now().toString(36)}Zq9@db.internal:5432/app`;
const IMPORTED = `ghp_${"R2d2C3poBb8".repeat(3)}${Date.now().toString(36)}`;
const VALUES = [STRIPE, SESSION, DB_URL, IMPORTED];

let repo: TempRepo;
let keys: string;
const outputs: string[] = [];

const CONFIG = (extra = ""): string =>
  `import { grants } from "./grants.mjs";\nexport default { secrets: { grants: { ...grants, old: { names: ["STRIPE_KEY"], expires: "2020-01-01" }${extra} } } };\n`;

beforeAll(async () => {
  repo = gitRepo({ "warden.config.mjs": CONFIG(), "grants.mjs": `export const grants = { test: ["STRIPE_KEY", "SESSION_SECRET"] };\n` });
  keys = mkdtempSync(path.join(tmpdir(), "warden-keys-"));
  expect((await warden(["secrets", "init"])).code).toBe(0);
  expect((await warden(["secrets", "set", "STRIPE_KEY"], { input: STRIPE })).code).toBe(0);
  expect((await warden(["secrets", "set", "SESSION_SECRET"], { input: SESSION })).code).toBe(0);
  expect((await warden(["secrets", "set", "DATABASE_URL", "--env", "production"], { input: DB_URL })).code).toBe(0);
}, 120_000);
afterAll(() => {
  repo.cleanup();
  rmSync(keys, { recursive: true, force: true });
});

/** The package's bin (package.json "bin"): the CommonJS dispatcher in front of WARDEN_BIN. */
const PACKAGE_BIN = path.join(path.dirname(WARDEN_BIN), "warden.cjs");

async function warden(args: readonly string[], options: { input?: string; env?: NodeJS.ProcessEnv; bin?: string } = {}): Promise<RunResult> {
  const result = await runAsync(process.execPath, [options.bin ?? WARDEN_BIN, ...args], { cwd: repo.dir, input: options.input ?? "", env: { WARDEN_KEY_DIR: keys, WARDEN_DEBUG: "1", ...options.env } });
  outputs.push(result.stdout, result.stderr);
  return result;
}

interface Run extends RunResult {
  /** The start taken, from the WARDEN_DEBUG line: "fast", or "full (why)". */
  readonly start: string;
}

/** `warden secrets run ARGS`, on the fast start unless `full` (WARDEN_SECRETS_RUN_FAST=0); the debug lines are taken out of stderr. */
async function secretsRun(args: readonly string[], options: { full?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  const result = await warden(["secrets", "run", ...args], { env: { ...(options.full === true ? { WARDEN_SECRETS_RUN_FAST: "0" } : {}), ...options.env } });
  const lines = result.stderr.split(/(?<=\n)/);
  const debug = lines.filter((l) => l.startsWith("warden: secrets run: ")).map((l) => l.slice("warden: secrets run: ".length).trim());
  // The last word wins: a fast start that finds the snapshot unsigned hands over to the full CLI.
  const last = debug[debug.length - 1] ?? "";
  const start = last.startsWith("fast start") ? "fast" : last.replace(/^full start/, "full");
  return { ...result, stderr: lines.filter((l) => !l.startsWith("warden: secrets run: ")).join(""), start };
}

/** Run on both starts; expect the fast one to be taken and both to behave alike. */
async function both(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const fast = await secretsRun(args, { env });
  const full = await secretsRun(args, { env, full: true });
  expect(fast.start).toBe("fast");
  expect(full.start).toBe("full (WARDEN_SECRETS_RUN_FAST=0)");
  expect({ code: fast.code, stdout: fast.stdout, stderr: fast.stderr }).toEqual({ code: full.code, stdout: full.stdout, stderr: full.stderr });
  return fast;
}

function auditEntries(): { action: string; outcome: string; task?: string; names: string[]; reason?: string }[] {
  return readFileSync(path.join(repo.dir, AUDIT_FILE), "utf8")
    .trimEnd()
    .split("\n")
    .map((line) => JSON.parse(line) as { action: string; outcome: string; task?: string; names: string[] });
}

const CHILD = [
  "node",
  "-e",
  "const names = Object.keys(process.env).filter((k) => /^(DATABASE_URL|STRIPE_KEY|SESSION_SECRET|WARDEN_MASTER_KEY|WARDEN_KEY_DIR)$/.test(k)).sort(); process.stdout.write(JSON.stringify(names) + ' ' + process.env.STRIPE_KEY.slice(0, 9)); process.stdout.write(process.env.STRIPE_KEY.slice(9) + '\\n'); process.stderr.write('err ' + process.env.SESSION_SECRET + '\\n'); process.exitCode = 3",
];

describe("warden secrets run: the fast start and the full CLI behave alike", () => {
  it("starts a command with exactly the granted names, its output masked, its exit code passed on", { timeout: 120_000 }, async () => {
    const first = await secretsRun(["--task", "test", "--", ...CHILD]);
    expect(first.start).toBe("full (no grants snapshot yet)");
    expect(existsSync(path.join(repo.dir, GRANTS_SNAPSHOT))).toBe(true);
    // The deployer's own DATABASE_URL (a name the vault holds) and the key directory do not reach the command.
    const run = await both(["--task", "test", "--", ...CHILD], { DATABASE_URL: "the deployer's own" });
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('["SESSION_SECRET","STRIPE_KEY"] [masked:STRIPE_KEY]\n');
    expect(run.stderr).toBe("err [masked:SESSION_SECRET]\n");
    const unmasked = await both(["--task=test", "--only", "STRIPE_KEY", "--no-mask", "--", "node", "-e", "process.stdout.write(String(process.env.STRIPE_KEY === process.argv[1] && process.env.SESSION_SECRET === undefined))", STRIPE]);
    expect(unmasked.stdout).toBe("true");
  });

  it("refuses and logs an ungranted task, a name outside the grant and an expired grant", { timeout: 120_000 }, async () => {
    const cases: [readonly string[], string, string][] = [
      [["--task", "nobody", "--", "true"], "warden: task nobody: has no grant in secrets.grants\n", "nobody"],
      [["--task", "test", "--only", "DATABASE_URL", "--", "true"], "warden: task test: not granted: DATABASE_URL\n", "test"],
      [["--task", "old", "--", "true"], "warden: task old: its grant expired on 2020-01-01\n", "old"],
    ];
    for (const [args, line, task] of cases) {
      const before = auditEntries().length;
      const run = await both(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(line);
      const logged = auditEntries().slice(before);
      expect(logged.map((e) => [e.action, e.outcome, e.task])).toEqual([
        ["refuse", "refused", task],
        ["refuse", "refused", task],
      ]);
    }
  });

  it("a wrong key is one line and exit 2 on both starts", { timeout: 120_000 }, async () => {
    const run = await both(["--task", "test", "--", "true"], { WARDEN_MASTER_KEY: "11".repeat(32) });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("warden: the master key does not open this vault (wrong WARDEN_MASTER_KEY or key file?)\n");
  });

  it("a changed config (or a file it imports) sends the next run through the full CLI, which refreshes the snapshot", { timeout: 120_000 }, async () => {
    repo.write({ "grants.mjs": `export const grants = { test: ["STRIPE_KEY", "SESSION_SECRET"], ci: ["SESSION_SECRET"] };\n` });
    const stale = await secretsRun(["--task", "ci", "--", "node", "-e", "process.stdout.write(String(process.env.SESSION_SECRET?.length))"]);
    expect(stale.start).toBe("full (the config changed since the grants snapshot)");
    expect(stale.stdout).toBe(String(SESSION.length));
    expect((await secretsRun(["--task", "ci", "--", "true"])).start).toBe("fast");

    repo.write({ "warden.config.mjs": CONFIG(', ci: ["STRIPE_KEY"]') });
    const changed = await secretsRun(["--task", "ci", "--", "node", "-e", "process.stdout.write(String(process.env.SESSION_SECRET === undefined && process.env.STRIPE_KEY?.length))"]);
    expect(changed.start).toBe("full (the config changed since the grants snapshot)");
    expect(changed.stdout).toBe(String(STRIPE.length));
    expect((await secretsRun(["--task", "ci", "--", "true"])).start).toBe("fast");
  });

  it("a snapshot edited without the key is not used: the full CLI decides, and refuses what the config does not grant", { timeout: 120_000 }, async () => {
    const file = path.join(repo.dir, GRANTS_SNAPSHOT);
    const snapshot = JSON.parse(readFileSync(file, "utf8")) as { grants: Record<string, unknown> };
    snapshot.grants.intruder = ["STRIPE_KEY"];
    writeFileSync(file, JSON.stringify(snapshot));
    const run = await secretsRun(["--task", "intruder", "--", "true"]);
    expect(run.start).toBe("full (the grants snapshot is not signed with this vault's key)");
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("warden: task intruder: has no grant in secrets.grants\n");
    expect(readFileSync(file, "utf8")).not.toContain("intruder");
    expect((await secretsRun(["--task", "test", "--", "true"])).start).toBe("fast");
  });

  it("unusual arguments go to the full CLI, which reports them as always", { timeout: 120_000 }, async () => {
    const missing = await secretsRun(["--task", "test"]);
    expect(missing.start).toBe("full (arguments the fast start does not read)");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("warden: missing required argument 'command'\n");
  });

  it("the package's bin (bin/warden.cjs) takes the same starts, each tried once, and runs every other command", { timeout: 120_000 }, async () => {
    const debugLines = (stderr: string): string[] => stderr.split("\n").filter((l) => l.startsWith("warden: secrets run: "));
    const fast = await warden(["secrets", "run", "--task", "test", "--", ...CHILD], { bin: PACKAGE_BIN });
    expect(debugLines(fast.stderr)).toEqual(["warden: secrets run: fast start (the grants snapshot is current)"]);
    expect([fast.code, fast.stdout]).toEqual([3, '["SESSION_SECRET","STRIPE_KEY"] [masked:STRIPE_KEY]\n']);
    const missing = await warden(["secrets", "run", "--task", "test"], { bin: PACKAGE_BIN });
    expect(debugLines(missing.stderr)).toEqual(["warden: secrets run: full start (arguments the fast start does not read)"]);
    expect([missing.code, missing.stderr.endsWith("warden: missing required argument 'command'\n")]).toEqual([2, true]);
    const listed = await warden(["secrets", "list"], { bin: PACKAGE_BIN });
    expect([listed.code, listed.stdout]).toEqual([0, "default: SESSION_SECRET, STRIPE_KEY\nproduction: DATABASE_URL\n"]);
  });

  it("every other secrets command, and its errors, prints no value; after a rotation the fast start still runs", { timeout: 120_000 }, async () => {
    const wrongKey = { WARDEN_MASTER_KEY: "22".repeat(32) };
    repo.write({ ".env": `IMPORTED_TOKEN=${IMPORTED}\n`, "bad.env": `GOOD=1\n${IMPORTED}\n` });
    // Independent of each other (reads, refusals, an unchanged value): run at once to save time.
    const at = await Promise.all([
      warden(["secrets", "set", "STRIPE_KEY"], { input: STRIPE }),
      warden(["secrets", "set", STRIPE], { input: SESSION }),
      warden(["secrets", "set", "OTHER"], { input: IMPORTED, env: wrongKey }),
      warden(["secrets", "rm", "NOPE"]),
      warden(["secrets", "run", "--task", STRIPE, "--only", SESSION, "--", "true"]),
      warden(["secrets", "import", "bad.env"]),
      warden(["secrets", "list", "--json"]),
      warden(["secrets", "audit", "verify"], { env: wrongKey }),
    ]);
    const imported = await warden(["secrets", "import", ".env", "--env", "ci"]);
    const rotated = await warden(["secrets", "rotate", "--reencrypt"]);
    const logged = await warden(["secrets", "audit", "--json"]);
    const results = [
      [at[0], 0],
      [at[1], 2],
      [at[2], 2],
      [at[3], 2],
      [at[4], 2],
      [at[5], 2],
      [at[6], 0],
      [at[7], 2],
      [imported, 0],
      [rotated, 0],
      [logged, 0],
    ] as const;
    expect(results.map(([r]) => r.code)).toEqual(results.map(([, code]) => code));
    expect(results[1][0].stderr).toBe('warden: "sk_t…" looks like a secret value, not a name: give a NAME such as API_TOKEN and pipe the value on standard input\n');
    expect(existsSync(path.join(repo.dir, ".env"))).toBe(false);
    // A failed import loses nothing; the test's own plaintext file goes before the files are searched.
    rmSync(path.join(repo.dir, "bad.env"));
    const after = await secretsRun(["--task", "test", "--no-mask", "--", "node", "-e", "process.stdout.write(String(process.env.STRIPE_KEY === process.argv[1]))", STRIPE]);
    expect([after.start, after.stdout]).toEqual(["fast", "true"]);
  });

  it("concurrent fast runs leave a valid chain; no value in any output or file", { timeout: 120_000 }, async () => {
    const runs = await Promise.all(Array.from({ length: 4 }, () => secretsRun(["--task", "test", "--", "true"])));
    expect(runs.map((r) => [r.start, r.code])).toEqual(Array.from({ length: 4 }, () => ["fast", 0]));
    const verified = await warden(["secrets", "audit", "verify"]);
    expect(verified.stdout).toMatch(/^✔ audit chain intact \(\d+ entries, anchored\)\n$/);
    const files = [repo.dir, keys].flatMap((dir) =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => path.join(e.parentPath, e.name)),
    );
    expect(files.some((f) => f.endsWith(GRANTS_SNAPSHOT))).toBe(true);
    for (const text of [...outputs, ...files.map((f) => readFileSync(f, "latin1"))]) {
      for (const value of VALUES) expect(text.includes(value), `a secret value leaked into: ${text.slice(0, 200)}`).toBe(false);
    }
  });
});
