import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DeployEnvironmentSchema } from "@warden/core";
import { acquireLock, autoInstances, DeployRefusedError, deploy, listReleases, readEvents } from "@warden/deploy";
import type { TempRepo } from "@warden/test-utils";
import { cleanupRepo, get, localEnv, serviceRepo } from "./helpers.js";

const repos: TempRepo[] = [];
afterEach(async () => {
  for (const repo of repos.splice(0)) await cleanupRepo(repo);
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
    const preflights = readEvents(repo.dir, "db").filter((e) => e.type === "preflight");
    expect(preflights.at(-2)?.detail?.gates).toEqual(expect.arrayContaining([expect.objectContaining({ gate: "migrations", status: "passed" })]));
    expect(preflights.at(-1)?.release).toBe(third.release);
    expect(preflights.at(-1)?.detail?.gates).toEqual(expect.arrayContaining([expect.objectContaining({ gate: "migrations", status: "failed" })]));
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
    // the failed preflight still records every gate's verdict
    const event = readEvents(repo.dir, "prod").find((e) => e.type === "preflight");
    expect(event?.detail).toMatchObject({ failed: true });
    const verdicts = Object.fromEntries((event?.detail?.gates as { gate: string; status: string }[]).map((g) => [g.gate, g.status]));
    expect(verdicts).toMatchObject({ tests: "failed", benchmarks: "failed", "rollback plan": "skipped", "health check": "passed" });
  });

  it("judges the checklist's rollback plan on the live release and the target, not in advance", async () => {
    const repo = serviceRepo("v1");
    repos.push(repo);
    const config = localEnv({ preflight: { cleanTree: true, tests: "true", bench: "true", check: false, scan: false, checklist: true } });
    const verdict = (gate: string): { status: string; detail: string } | undefined =>
      (readEvents(repo.dir, "prod").filter((e) => e.type === "preflight").at(-1)?.detail?.gates as { gate: string; status: string; detail: string }[]).find((g) => g.gate === gate);
    const first = await deploy({ root: repo.dir, env: "prod", config });
    expect(first.outcome, first.error).toBe("succeeded");
    expect(verdict("rollback plan")).toMatchObject({ status: "skipped", detail: expect.stringMatching(/first deploy of "prod": no previous release/) });
    expect(verdict("health check")).toMatchObject({ status: "passed", detail: expect.stringMatching(/GET \/healthz .* \(run at step health\)/) });

    repo.write({ "app/extra.txt": "x\n" });
    repo.commit("feat: extra", { noVerify: true });
    const second = await deploy({ root: repo.dir, env: "prod", config });
    expect(second.outcome, second.error).toBe("succeeded");
    expect(verdict("rollback plan")).toMatchObject({ status: "passed", detail: expect.stringContaining(`back to ${first.release}`) });

    // the live release's folder was tampered with: nothing trustworthy to go back to
    writeFileSync(path.join(repo.dir, ".warden/deploy/prod/releases", second.release, "server.mjs"), "// changed\n");
    repo.write({ "app/extra.txt": "y\n" });
    repo.commit("feat: extra 2", { noVerify: true });
    const third = await deploy({ root: repo.dir, env: "prod", config });
    expect(third).toMatchObject({ outcome: "failed", step: "preflight" });
    expect(third.error).toMatch(new RegExp(`rollback plan: the live release ${second.release} is not on the target any more \\(or was modified\\)`));
  });

  it("fails the checklist's health check for a command target without one", async () => {
    const repo = serviceRepo("v1");
    repos.push(repo);
    const config = DeployEnvironmentSchema.parse({
      target: { type: "command", deploy: "true", rollback: "true" },
      preflight: { cleanTree: true, tests: "true", bench: "true", check: false, scan: false, checklist: true },
      build: false,
    });
    const result = await deploy({ root: repo.dir, env: "ext", config });
    expect(result).toMatchObject({ outcome: "failed", step: "preflight" });
    expect(result.error).toMatch(/health check: the command target has no health check: set target\.health or health\.url/);
    expect(result.error).not.toMatch(/rollback plan/);
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
    // a failing `before switch` hook: no traffic moved, and the outcome event says so
    const switchHook = await deploy({ root: repo.dir, env: "web", config: localEnv({ hooks: { before: { switch: "exit 5" } } }) });
    expect(switchHook).toMatchObject({ outcome: "rolled_back", step: "switch" });
    expect(readEvents(repo.dir, "web").find((e) => e.release === switchHook.release && e.type === "rolled_back")?.detail).toMatchObject({ trafficSwitched: false, serving: ok.release });
    expect(await get(ok.url ?? "")).toMatchObject({ status: 200 });
  });
});

describe("dirty trees", () => {
  it("marks a release built from uncommitted changes, and refuses it for a production (checklist) environment unless allowDirty", async () => {
    const repo = serviceRepo("v1");
    repos.push(repo);
    repo.write({ "app/extra.txt": "not committed\n" });
    const staging = await deploy({ root: repo.dir, env: "staging", config: localEnv({ preflight: { cleanTree: false, check: false, scan: false } }) });
    expect(staging.outcome, staging.error).toBe("succeeded");
    expect((await listReleases({ root: repo.dir, env: "staging", config: localEnv() })).at(-1)).toMatchObject({ release: staging.release, dirty: 1 });

    const production = localEnv({ preflight: { cleanTree: false, tests: "true", bench: "true", check: false, scan: false, checklist: true } });
    await expect(deploy({ root: repo.dir, env: "production", config: production })).rejects.toThrow(
      /^deploy of "production" refused: the work tree has 1 uncommitted change\(s\), and a release of a production environment \(preflight\.checklist\) must be a commit; commit them, or rerun with --allow-dirty/,
    );
    const allowed = await deploy({ root: repo.dir, env: "production", config: production, allowDirty: true });
    expect(allowed.outcome, allowed.error).toBe("succeeded");
    expect((await listReleases({ root: repo.dir, env: "production", config: production })).at(-1)).toMatchObject({ dirty: 1 });
  });
});

describe("locks", () => {
  it("never takes over a lock held by a live process, even with forceUnlock", async () => {
    const repo = serviceRepo();
    repos.push(repo);
    const dir = path.join(repo.dir, ".warden", "deploy", "x");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "lock"), JSON.stringify({ pid: process.ppid, host: hostname(), release: "r", since: "2026-01-01T00:00:00.000Z" }));
    await expect(acquireLock(dir, "x", "r2", { forceUnlock: true })).rejects.toThrow(DeployRefusedError);
    await expect(acquireLock(dir, "x", "r2", { forceUnlock: true })).rejects.toThrow(/another deploy \(\S+, pid \d+/);
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
