import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireLock, autoInstances, DeployRefusedError, deploy, readEvents } from "@warden/deploy";
import type { TempRepo } from "@warden/test-utils";
import { cleanupRepo, get, localEnv, serviceRepo } from "./helpers.js";

const repos: TempRepo[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) cleanupRepo(repo);
});

describe("preflight gates", () => {
  it("stops the deploy when an already-applied migration file changed", async () => {
    const repo = serviceRepo("v1");
    repos.push(repo);
    repo.write({ "migrations/001-init.sql": "create table a (id int);\n" });
    repo.commit("feat: first migration", { noVerify: true });
    const config = localEnv({ migrate: { command: "true", dir: "migrations" } });
    const first = await deploy({ root: repo.dir, env: "db", config });
    expect(first.outcome, first.error).toBe("succeeded");

    repo.write({ "migrations/002-more.sql": "alter table a add column b int;\n" });
    repo.commit("feat: second migration", { noVerify: true });
    const second = await deploy({ root: repo.dir, env: "db", config });
    expect(second.outcome, second.error).toBe("succeeded");

    repo.write({ "migrations/001-init.sql": "create table a (id bigint);\n" });
    repo.commit("fix: edit an applied migration", { noVerify: true });
    const third = await deploy({ root: repo.dir, env: "db", config });
    expect(third.outcome).toBe("failed");
    expect(third.step).toBe("preflight");
    expect(third.error).toMatch(/migrations: 001-init\.sql was applied \(sha256 [0-9a-f]{12}\) and has changed \(now [0-9a-f]{12}\); add a new migration instead/);
    expect(await get(first.url ?? "")).toEqual({ status: 200, body: "v1" });
    const gates = readEvents(repo.dir, "db").filter((e) => e.type === "preflight").at(-1);
    expect(gates?.detail?.gates).toEqual(expect.arrayContaining([expect.objectContaining({ gate: "migrations", status: "passed" })]));
  });

  it("fails every unconfigured checklist item and a failing test command, naming each", async () => {
    const repo = serviceRepo("v1");
    repos.push(repo);
    const config = localEnv({ preflight: { cleanTree: true, tests: "echo '2 tests failed' >&2; exit 1", check: false, scan: false, checklist: true } });
    const result = await deploy({ root: repo.dir, env: "prod", config });
    expect(result.outcome).toBe("failed");
    expect(result.error).toMatch(/tests: `.*` exited 1: 2 tests failed/);
    expect(result.error).toMatch(/benchmarks: checklist: benchmarks within budget/);
    expect(result.error).not.toMatch(/rollback plan|health check/);
  });

  it("runs hooks before and after steps, and a failing hook fails its step", async () => {
    const repo = serviceRepo("v1");
    repos.push(repo);
    const log = path.join(repo.dir, ".warden", "hooks.log");
    mkdirSync(path.dirname(log), { recursive: true });
    const ok = await deploy({
      root: repo.dir,
      env: "web",
      config: localEnv({
        hooks: {
          before: { lock: `echo "before $WARDEN_STEP" >> ${log}`, switch: `echo "before $WARDEN_STEP" >> ${log}` },
          after: { lock: `echo "after $WARDEN_STEP" >> ${log}`, smoke: `echo "after $WARDEN_STEP" >> ${log}` },
        },
      }),
    });
    expect(ok.outcome, ok.error).toBe("succeeded");
    const bad = await deploy({ root: repo.dir, env: "web", config: localEnv({ hooks: { before: { build: "exit 3" } } }) });
    expect(bad).toMatchObject({ outcome: "failed", step: "build" });
    expect(bad.error).toMatch(/hook before build \(`exit 3`\) exited 3/);
    expect(readFileSync(log, "utf8")).toBe("before lock\nafter lock\nbefore switch\nafter smoke\n");
    const lockHook = await deploy({ root: repo.dir, env: "web", config: localEnv({ hooks: { after: { lock: "exit 4" } } }) });
    expect(lockHook).toMatchObject({ outcome: "failed", step: "lock" });
  });
});

describe("locks", () => {
  it("never takes over a lock held by a live process, even with forceUnlock", () => {
    const repo = serviceRepo();
    repos.push(repo);
    const dir = path.join(repo.dir, ".warden", "deploy", "x");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "lock"), JSON.stringify({ pid: process.ppid, host: hostname(), release: "r", since: "2026-01-01T00:00:00.000Z" }));
    expect(() => acquireLock(dir, "x", "r2", { forceUnlock: true })).toThrow(DeployRefusedError);
    expect(() => acquireLock(dir, "x", "r2", { forceUnlock: true })).toThrow(/another deploy \(pid \d+/);
  });
});

describe("hardware-aware sizing (Rule 16)", () => {
  it('sizes instances: "auto" from cores and memory, between 1 and 8', () => {
    const GiB = 1024 ** 3;
    expect(autoInstances(2, 24 * GiB)).toBe(2);
    expect(autoInstances(16, 1 * GiB)).toBe(4);
    expect(autoInstances(4, 0.1 * GiB)).toBe(1);
    expect(autoInstances(64, 64 * GiB)).toBe(8);
  });

  it('plans the "auto" instance count of this machine', async () => {
    const repo = serviceRepo();
    repos.push(repo);
    const plan = await deploy({ root: repo.dir, env: "auto", config: localEnv({}, { instances: "auto" }), dryRun: true });
    expect(plan.plan.join("\n")).toContain(`start      ${autoInstances()} instance(s) of \`node server.mjs\``);
  });
});
