import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { GIT_ENV, gitRepo, installHooks, WARDEN_BIN, type TempRepo } from "@warden/test-utils";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

const PLACEHOLDER = 'export function pay(): void {\n  throw new Error("not implemented");\n}\n';

function setup(socketDir = mkdtempSync(path.join(tmpdir(), "warden-sock-"))): { repo: TempRepo; env: NodeJS.ProcessEnv; socketDir: string } {
  const repo = gitRepo({ "a.ts": "export const a = 1;\n" });
  const env = { WARDEN_DAEMON: "1", WARDEN_DAEMON_DIR: socketDir, WARDEN_DAEMON_IDLE_MS: "60000", WARDEN_DEBUG: "1" };
  cleanups.push(() => {
    for (const child of children.splice(0)) child.kill("SIGKILL");
    for (const pid of servedPids) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    }
    repo.cleanup();
    rmSync(socketDir, { recursive: true, force: true });
  });
  return { repo, env, socketDir };
}

const servedPids = new Set<number>();
const children: ChildProcess[] = [];

/** A real `git commit` of everything, through the installed hooks, with the warm server's settings. */
function commitVia(repo: TempRepo, env: NodeJS.ProcessEnv, message: string): { code: number; output: string } {
  repo.git(["add", "-A"]);
  const result = spawnSync("git", ["commit", "-q", "-m", message], { cwd: repo.dir, env: { ...GIT_ENV, ...env }, encoding: "utf8" });
  return { code: result.status ?? 1, output: result.stdout + result.stderr };
}

/** Start `warden args` in `dir` without waiting; resolves with its exit code and output. */
function startWarden(dir: string, args: readonly string[], env: NodeJS.ProcessEnv): { child: ChildProcess; done: Promise<{ code: number; stderr: string }> } {
  const child = spawn(process.execPath, [WARDEN_BIN, ...args], { cwd: dir, env: { ...GIT_ENV, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const done = new Promise<{ code: number; stderr: string }>((resolve) => child.on("close", (code) => resolve({ code: code ?? 1, stderr })));
  return { child, done };
}

function serverPidIn(socketDir: string): number {
  const file = readdirSync(socketDir).find((name) => name.endsWith(".pid"));
  if (file === undefined) throw new Error("no pid file");
  const pid = Number(readFileSync(path.join(socketDir, file), "utf8").trim());
  servedPids.add(pid);
  return pid;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
function servedBy(stderr: string): number | undefined {
  const match = /served by the warm server \(pid (\d+)\)/.exec(stderr);
  if (match === null) return undefined;
  const pid = Number(match[1]);
  servedPids.add(pid);
  return pid;
}

async function waitForSocket(dir: string): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (existsSync(dir) && readdirSync(dir).some((f) => f.endsWith(".sock"))) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("the warm server did not start");
}

describe("warm server", () => {
  it("serves the second run with the same result, and survives being killed", async () => {
    const { repo, env, socketDir } = setup();
    repo.write({ "bad.ts": PLACEHOLDER });
    const first = repo.warden(["check", "--format", "json"], { env });
    expect(first.code).toBe(1);
    expect(servedBy(first.stderr)).toBeUndefined();
    await waitForSocket(socketDir);

    const second = repo.warden(["check", "--format", "json"], { env });
    const pid = servedBy(second.stderr);
    expect(pid).toBeTypeOf("number");
    expect(second.code).toBe(1);
    expect(JSON.parse(second.stdout).findings).toEqual(JSON.parse(first.stdout).findings);

    process.kill(pid as number, "SIGKILL");
    const afterKill = repo.warden(["check", "--format", "json"], { env });
    expect(afterKill.code).toBe(1);
    expect(servedBy(afterKill.stderr)).toBeUndefined();
    expect(JSON.parse(afterKill.stdout).findings).toEqual(JSON.parse(first.stdout).findings);
  });

  it("reads the index git hands the hook (git commit -a), not its own environment", async () => {
    const { repo, env, socketDir } = setup();
    installHooks(repo);
    expect(repo.commit("feat: start").code).toBe(0);
    repo.warden(["check", "--staged"], { env });
    await waitForSocket(socketDir);
    repo.write({ "a.ts": PLACEHOLDER });
    const { spawnSync } = await import("node:child_process");
    const { GIT_ENV } = await import("@warden/test-utils");
    const result = spawnSync("git", ["commit", "-a", "-m", "feat: pay"], { cwd: repo.dir, env: { ...GIT_ENV, ...env }, encoding: "utf8" });
    expect(servedBy(result.stderr)).toBeTypeOf("number");
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toContain("a.ts:2:3");
  });

  it("serves another repository's check and git commit while one repository's config never settles", async () => {
    const { repo: stuck, env, socketDir } = setup();
    const { repo: other } = setup(socketDir);
    stuck.write({ "warden.config.mjs": "export default new Promise(() => {});\n" });
    installHooks(other);
    expect(commitVia(other, env, "feat: start").code).toBe(0);
    await waitForSocket(socketDir);

    // A bound far beyond the test's own timeout: only concurrency lets the other repository finish.
    const hung = startWarden(stuck.dir, ["check"], { ...env, WARDEN_CONFIG_TIMEOUT_MS: "600000" });
    other.write({ "b.ts": "export const b = 2;\n" });
    const check = other.warden(["check"], { env });
    expect(check.code).toBe(0);
    expect(servedBy(check.stderr)).toBeTypeOf("number");
    other.write({ "c.ts": PLACEHOLDER });
    const refused = commitVia(other, env, "feat: pay");
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain("c.ts:2:3");
    expect(servedBy(refused.output)).toBeTypeOf("number");
    other.write({ "c.ts": "export const c = 3;\n" });
    expect(commitVia(other, env, "feat: c").code).toBe(0);

    // The hung client is still waiting; its repository alone. A short bound: one line, exit 2.
    hung.child.kill("SIGKILL");
    const bounded = stuck.warden(["check"], { env: { ...env, WARDEN_CONFIG_TIMEOUT_MS: "1000" } });
    expect(bounded.code).toBe(2);
    expect(servedBy(bounded.stderr)).toBeTypeOf("number");
    expect(bounded.stderr).toContain("warden: warden.config.mjs: cannot load config: it did not settle within 1000 ms");
    const inProcess = stuck.warden(["check"], { env: { ...env, WARDEN_DAEMON: "0" } });
    expect(inProcess.code).toBe(2);
    expect(inProcess.stderr.trim().split("\n")).toEqual(["warden: warden.config.mjs: cannot load config: it never settles (its promise waits on nothing that can finish); WARDEN_CONFIG_TIMEOUT_MS sets the bound"]);
  });

  it("cuts off a config stuck in a synchronous loop and keeps serving", async () => {
    const { repo: stuck, env, socketDir } = setup();
    const { repo: other } = setup(socketDir);
    stuck.write({ "warden.config.mjs": "while (true) {}\nexport default {};\n" });
    other.warden(["check"], { env });
    await waitForSocket(socketDir);
    const hung = startWarden(stuck.dir, ["check"], { ...env, WARDEN_CONFIG_TIMEOUT_MS: "500" });
    other.write({ "bad.ts": PLACEHOLDER });
    const check = other.warden(["check", "--format", "json"], { env });
    expect(check.code).toBe(1);
    expect(servedBy(check.stderr)).toBeTypeOf("number");
    const result = await hung.done;
    expect(result.code).toBe(2);
    const line = "warden.config.mjs: cannot load config: it did not finish within 500 ms (it never yields: a synchronous loop?); WARDEN_CONFIG_TIMEOUT_MS sets the bound";
    expect(result.stderr).toContain(`warden: ${line}\n`);

    // In-process (WARDEN_DAEMON=0, CI): the same line and exit 2, in every format, the loop cut by
    // the config watchdog; also a loop inside defineConfig's argument in a TypeScript config.
    const json = stuck.warden(["check", "--format", "json"], { env: { ...env, WARDEN_DAEMON: "0", WARDEN_CONFIG_TIMEOUT_MS: "500" } });
    expect(json.code).toBe(2);
    expect(json.stdout + json.stderr).toContain(line);
    rmSync(path.join(stuck.dir, "warden.config.mjs"));
    stuck.write({ "warden.config.ts": 'import { defineConfig } from "@warden/cli";\nexport default defineConfig((() => {\n  for (;;) {}\n})());\n' });
    const ts = stuck.warden(["check"], { env: { ...env, WARDEN_DAEMON: "0", WARDEN_CONFIG_TIMEOUT_MS: "500" } });
    expect(ts.code).toBe(2);
    expect(ts.stderr.trim().split("\n")).toEqual([`warden: ${line.replace("warden.config.mjs", "warden.config.ts")}`]);
  });

  it("traps a config that calls process.exit(0): the failing check fails", async () => {
    const { repo, env, socketDir } = setup();
    repo.warden(["check"], { env });
    await waitForSocket(socketDir);
    repo.write({ "bad.ts": PLACEHOLDER, "warden.config.mjs": "process.exit(0);\nexport default {};\n" });
    for (const extra of [{}, { WARDEN_DAEMON: "0" }]) {
      const result = repo.warden(["check"], { env: { ...env, ...extra } });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("warden: warden.config.mjs: cannot load config: it called process.exit(0); a config exports settings and must not end the run");
    }
  });

  it("sees an edited .mjs config and the .mjs helper it imports on the next hook run", async () => {
    const { repo, env, socketDir } = setup();
    repo.write({
      "warden.config.mjs": 'import { level } from "./warden/level.mjs";\nexport default { rules: { "real/no-placeholder": level } };\n',
      "warden/level.mjs": 'export const level = "off";\n',
    });
    installHooks(repo);
    expect(commitVia(repo, env, "feat: start").code).toBe(0);
    await waitForSocket(socketDir);
    repo.write({ "pay.ts": PLACEHOLDER });
    const allowed = commitVia(repo, env, "feat: pay");
    expect(allowed.code).toBe(0);
    const pid = servedBy(allowed.output);
    expect(pid).toBeTypeOf("number");

    // Turn the rule on in the imported helper: the next commit is refused by the same server.
    repo.write({ "warden/level.mjs": 'export const level = "error";\n', "refund.ts": PLACEHOLDER.replace("pay", "refund") });
    const refused = commitVia(repo, env, "feat: refund");
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain("refund.ts:2:3");
    expect(servedBy(refused.output)).toBe(pid);

    // And off again in the config itself.
    repo.write({ "warden.config.mjs": 'export default { rules: { "real/no-placeholder": "off" } };\n' });
    const again = commitVia(repo, env, "feat: refund");
    expect(again.code).toBe(0);
    expect(servedBy(again.output)).toBe(pid);
  });

  it("bypasses a stuck server within the accept bound, runs in-process and starts a new one", async () => {
    const { repo, env, socketDir } = setup();
    repo.write({ "bad.ts": PLACEHOLDER });
    repo.warden(["check"], { env });
    await waitForSocket(socketDir);
    const stuckPid = serverPidIn(socketDir);
    process.kill(stuckPid, "SIGSTOP");
    const result = repo.warden(["check", "--format", "json"], { env: { ...env, WARDEN_DAEMON_ACCEPT_MS: "500" } });
    expect(result.code).toBe(1);
    expect(servedBy(result.stderr)).toBeUndefined();
    expect(result.stderr).toContain(`the warm server (pid ${stuckPid}) did not accept the request within 500 ms: ended it, running in-process`);
    expect(JSON.parse(result.stdout).findings).toHaveLength(1);
    for (let i = 0; i < 100 && alive(stuckPid); i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(alive(stuckPid)).toBe(false);
    await waitForSocket(socketDir);
    for (let i = 0; i < 100 && !readdirSync(socketDir).some((name) => name.endsWith(".pid")); i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    const next = repo.warden(["check"], { env });
    expect(servedBy(next.stderr)).not.toBe(stuckPid);
    expect(servedBy(next.stderr)).toBeTypeOf("number");
  });

  it("reports its status and stops on request", async () => {
    const { repo: first, env, socketDir } = setup();
    const { repo: second } = setup(socketDir);
    first.warden(["check"], { env });
    await waitForSocket(socketDir);
    expect(servedBy(first.warden(["check"], { env }).stderr)).toBeTypeOf("number");
    expect(servedBy(second.warden(["check"], { env }).stderr)).toBeTypeOf("number");
    const status = first.warden(["server", "status", "--json"], { env });
    expect(status.code).toBe(0);
    const parsed = JSON.parse(status.stdout) as { running: boolean; pid: number; socket: string; uptimeMs: number; rssBytes: number; requests: number; repositories: string[] };
    expect(parsed.running).toBe(true);
    expect(parsed.socket.startsWith(socketDir)).toBe(true);
    expect(parsed.rssBytes).toBeGreaterThan(0);
    expect(parsed.requests).toBe(2);
    const real = (dir: string): string => spawnSync("git", ["rev-parse", "--show-toplevel"], { cwd: dir, encoding: "utf8" }).stdout.trim();
    expect(parsed.repositories).toEqual([real(first.dir), real(second.dir)].sort());
    const pretty = first.warden(["server", "status"], { env });
    expect(pretty.stdout).toContain(`pid           ${parsed.pid}`);
    expect(pretty.stdout).toMatch(/memory {8}\d+ MB resident/);

    const stop = first.warden(["server", "stop"], { env });
    expect(stop.stdout).toBe(`warden server: stopped (pid ${parsed.pid})\n`);
    for (let i = 0; i < 100 && alive(parsed.pid); i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(alive(parsed.pid)).toBe(false);
    const after = first.warden(["server", "status"], { env });
    expect(after.code).toBe(1);
    expect(after.stdout).toMatch(/^warden server: not running/);
    expect(first.warden(["server", "stop"], { env }).stdout).toBe("warden server: not running\n");
  });
});
