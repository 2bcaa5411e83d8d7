import { existsSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { DeployEventSchema } from "@warden/core";
import { deploy, listReleases, readEvents, rollback } from "@warden/deploy";
import type { TempRepo } from "@warden/test-utils";
import { cleanupRepo, commitService, eventsOf, get, localEnv, serviceRepo, serviceSource, startLoad } from "./helpers.js";

const repos: TempRepo[] = [];
afterEach(async () => {
  for (const repo of repos.splice(0)) await cleanupRepo(repo);
});

describe("deploy to the local target (blue-green)", () => {
  it("deploys v1, then v2; a v2 failing its health check is rolled back and v1 keeps serving", async () => {
    const repo = serviceRepo("v1");
    repos.push(repo);
    const config = localEnv();

    const first = await deploy({ root: repo.dir, env: "staging", config });
    expect(first.outcome, first.error).toBe("succeeded");
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(await get(first.url ?? "")).toEqual({ status: 200, body: "v1" });

    commitService(repo, serviceSource("v2"));
    const second = await deploy({ root: repo.dir, env: "staging", config });
    expect(second.outcome, second.error).toBe("succeeded");
    expect(second.url).toBe(first.url);
    expect(await get(second.url ?? "")).toEqual({ status: 200, body: "v2" });

    commitService(repo, serviceSource("v3-broken", { healthStatus: 503 }));
    const third = await deploy({ root: repo.dir, env: "staging", config: localEnv({ health: { retries: 30, intervalMs: 50, timeoutMs: 500 } }) });
    expect(third.outcome).toBe("rolled_back");
    expect(third.step).toBe("health");
    expect(third.error).toMatch(/expected 200, got status 503/);
    expect(await get(first.url ?? "")).toEqual({ status: 200, body: "v2" });

    const events = readEvents(repo.dir, "staging");
    for (const event of events) expect(DeployEventSchema.safeParse(event).success).toBe(true);
    const rolledBack = events.filter((e) => e.type === "rolled_back");
    expect(rolledBack).toHaveLength(1);
    expect(rolledBack[0]).toMatchObject({ release: third.release, step: "health", detail: { serving: second.release, trafficSwitched: false } });
    const steps = events.filter((e) => e.release === second.release).map((e) => e.type);
    expect(steps).toEqual(["started", "locked", "preflight", "built", "backup", "released", "migrated", "launched", "health", "smoke", "switched", "smoke", "stopped_old", "pruned", "succeeded", "unlocked"]);
    expect(events.find((e) => e.release === second.release && e.type === "health")?.detail).toMatchObject({ path: "/healthz" });

    const releases = await listReleases({ root: repo.dir, env: "staging", config });
    expect(releases.map((r) => [r.release, r.live])).toEqual([
      [first.release, false],
      [second.release, true],
    ]);
  });

  it("rolls back by hand to the previous release, or to a named one", async () => {
    const repo = serviceRepo("v1");
    repos.push(repo);
    const config = localEnv();
    const first = await deploy({ root: repo.dir, env: "prod", config });
    commitService(repo, serviceSource("v2"));
    const second = await deploy({ root: repo.dir, env: "prod", config });
    expect(second.outcome).toBe("succeeded");

    const back = await rollback({ root: repo.dir, env: "prod", config });
    expect(back.outcome).toBe("rolled_back");
    expect(back.release).toBe(first.release);
    expect(await get(first.url ?? "")).toEqual({ status: 200, body: "v1" });

    const forward = await rollback({ root: repo.dir, env: "prod", config, to: second.release });
    expect(forward.release).toBe(second.release);
    expect(await get(first.url ?? "")).toEqual({ status: 200, body: "v2" });
    await expect(rollback({ root: repo.dir, env: "prod", config, to: "nope" })).rejects.toThrow(/release nope of "prod" does not exist/);
    expect(eventsOf(repo.dir, "prod").filter((e) => e.type === "rolled_back" && e.detail?.manual === true)).toHaveLength(2);
  });

  it("runs the smoke check on the new instances before the switch: a version failing it costs users nothing (0 failed requests under load)", async () => {
    const repo = serviceRepo("v1");
    repos.push(repo);
    const config = localEnv({ smoke: { path: "/", expectStatus: 200 } }, { instances: 2 });
    const first = await deploy({ root: repo.dir, env: "web", config });
    expect(first.outcome, first.error).toBe("succeeded");
    // healthy on /healthz, broken everywhere else: the health check passes, the smoke check does not
    commitService(repo, serviceSource("v2", { errorEvery: 1 }));
    const load = startLoad(first.url ?? "");
    const second = await deploy({ root: repo.dir, env: "web", config });
    const seen = await load.stop();
    expect(second).toMatchObject({ outcome: "rolled_back", step: "smoke" });
    expect(second.error).toMatch(/before the switch, on \S+#0: .*expected 200, got status 500/);
    expect(seen.failures).toEqual([]);
    expect(seen.ok).toBeGreaterThan(0);
    expect(await get(first.url ?? "")).toEqual({ status: 200, body: "v1" });
    const ofSecond = readEvents(repo.dir, "web").filter((e) => e.release === second.release);
    expect(ofSecond.map((e) => e.type)).not.toContain("switched");
    expect(ofSecond.find((e) => e.type === "rolled_back")?.detail).toMatchObject({ trafficSwitched: false, serving: first.release, discarded: second.release });
  });

  it("smoke-checks again through the proxy after the switch, and rolls back when only that fails", async () => {
    const repo = serviceRepo("v1");
    repos.push(repo);
    const config = localEnv({ smoke: { path: "/", expectStatus: 200 } });
    const first = await deploy({ root: repo.dir, env: "web", config });
    expect(first.outcome, first.error).toBe("succeeded");
    // fails only behind the proxy (it sets X-Forwarded-For): the check on the instance passes
    commitService(repo, serviceSource("v2", { failBehindProxy: true }));
    const second = await deploy({ root: repo.dir, env: "web", config });
    expect(second).toMatchObject({ outcome: "rolled_back", step: "smoke" });
    expect(second.error).toMatch(/expected 200, got status 500/);
    expect(await get(first.url ?? "")).toEqual({ status: 200, body: "v1" });
    const ofSecond = readEvents(repo.dir, "web").filter((e) => e.release === second.release);
    expect(ofSecond.filter((e) => e.type === "smoke").map((e) => e.detail?.phase)).toEqual(["before-switch"]);
    expect(ofSecond.map((e) => e.type)).toContain("switched");
    const outcome = ofSecond.find((e) => e.type === "rolled_back");
    expect(outcome?.detail).toMatchObject({ trafficSwitched: true, serving: first.release, discarded: second.release });
    expect(outcome?.detail?.recoveryMs).toEqual(expect.any(Number));
  });

  it("stops at a failing gate before anything is built, and keeps the live release", async () => {
    const repo = serviceRepo("v1");
    repos.push(repo);
    const config = localEnv();
    const first = await deploy({ root: repo.dir, env: "staging", config });
    repo.write({ "app/server.mjs": serviceSource("dirty") });
    const refused = await deploy({ root: repo.dir, env: "staging", config });
    expect(refused.outcome).toBe("failed");
    expect(refused.step).toBe("preflight");
    expect(refused.error).toMatch(/clean tree: 1 uncommitted change/);
    expect(await get(first.url ?? "")).toEqual({ status: 200, body: "v1" });
    expect((await listReleases({ root: repo.dir, env: "staging", config })).map((r) => r.release)).toEqual([first.release]);
  });
});

describe("the supervised proxy", () => {
  it("is restarted after SIGKILL on the same port with the last confirmed routes, and the next deploy reports the restart", async () => {
    const repo = serviceRepo("v1");
    repos.push(repo);
    const config = localEnv();
    const first = await deploy({ root: repo.dir, env: "px", config });
    expect(first.outcome, first.error).toBe("succeeded");
    const { readFileSync } = await import("node:fs");
    const path = await import("node:path");
    const infoFile = path.join(repo.dir, ".warden/deploy/px/proxy/info.json");
    const before = JSON.parse(readFileSync(infoFile, "utf8")) as { pid: number; port: number };
    process.kill(before.pid, "SIGKILL");
    // requests made while it is down are not refused: the supervisor keeps the port's socket, the
    // kernel queues the connections, and the restarted proxy answers them
    const during = await Promise.all(Array.from({ length: 5 }, () => get(first.url ?? "", 30_000).catch((error: unknown) => ({ status: 0, body: String(error) }))));
    expect(during).toEqual(Array.from({ length: 5 }, () => ({ status: 200, body: "v1" })));
    const after = JSON.parse(readFileSync(infoFile, "utf8")) as { pid: number; port: number; restarts: number };
    expect(after).toMatchObject({ port: before.port, restarts: 1 });
    expect(after.pid).not.toBe(before.pid);
    // its systemd user unit, to install by hand, is written beside it
    const { readdirSync } = await import("node:fs");
    expect(readdirSync(path.dirname(infoFile))).toContainEqual(expect.stringMatching(/^warden-proxy-px-[0-9a-f]{8}\.service$/));

    // once its supervisor has a warm standby ready, a killed proxy is replaced by it
    const log = path.join(repo.dir, ".warden/deploy/px/proxy/proxy.log");
    for (let i = 0; i < 400 && !/warm standby \(pid \d+\) ready/.test(readFileSync(log, "utf8")); i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    process.kill(after.pid, "SIGKILL");
    expect(await get(first.url ?? "", 30_000)).toEqual({ status: 200, body: "v1" });
    expect(readFileSync(log, "utf8")).toMatch(/child exited \(SIGKILL\); its warm standby \(pid \d+\) takes over/);

    commitService(repo, serviceSource("v2"));
    const second = await deploy({ root: repo.dir, env: "px", config });
    expect(second.outcome, second.error).toBe("succeeded");
    expect(second.repaired.join("\n")).toMatch(/the proxy crashed and its supervisor restarted it at \S+ \(exited \(SIGKILL\)\), serving the confirmed routes \S+#0/);
    const locked = readEvents(repo.dir, "px").filter((e) => e.type === "locked").at(-1);
    expect(locked?.detail?.proxyRestarts).toEqual([
      expect.objectContaining({ reason: "exited (SIGKILL)", routes: [`${first.release}#0`], restarts: 1 }),
      expect.objectContaining({ reason: "exited (SIGKILL)", routes: [`${first.release}#0`], restarts: 2 }),
    ]);
    expect(await get(first.url ?? "")).toEqual({ status: 200, body: "v2" });
  });
});

describe("supervised instances", () => {
  it("restarts an instance that crashes, on the same port, with the crash in its log", async () => {
    const repo = serviceRepo("v1");
    repos.push(repo);
    const config = localEnv();
    const first = await deploy({ root: repo.dir, env: "sup", config });
    expect(first.outcome, first.error).toBe("succeeded");
    const { readFileSync, readdirSync } = await import("node:fs");
    const path = await import("node:path");
    const run = path.join(repo.dir, ".warden/deploy/sup/run");
    const [pidFile] = readdirSync(run);
    const instance = JSON.parse(readFileSync(path.join(run, pidFile ?? ""), "utf8")) as { pid: number; port: number };
    // the supervisor's child is the service: kill it, not the supervisor (found through /proc: ppid is field 4)
    const child = readdirSync("/proc")
      .filter((name) => /^\d+$/.test(name))
      .find((name) => {
        try {
          const stat = readFileSync(`/proc/${name}/stat`, "utf8");
          return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1] === String(instance.pid);
        } catch {
          return false; // exited while listing
        }
      });
    expect(child).toBeDefined();
    process.kill(Number(child), "SIGKILL");
    let answer = { status: 0, body: "" };
    for (let i = 0; i < 50 && answer.status !== 200; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      answer = await get(`http://127.0.0.1:${instance.port}/`).catch(() => ({ status: 0, body: "" }));
    }
    expect(answer).toEqual({ status: 200, body: "v1" });
    const log = readFileSync(path.join(repo.dir, `.warden/deploy/sup/logs/${first.release}.0.log`), "utf8");
    expect(log).toMatch(/child exited \(SIGKILL\); restarting in 0 ms/);

    // a supervisor killed with SIGKILL leaves its app running in its group: the next deploy stops that orphan
    const orphan = readFileSync(`/proc/${instance.pid}/task/${instance.pid}/children`, "utf8").trim();
    expect(orphan).toMatch(/^\d+$/);
    process.kill(instance.pid, "SIGKILL");
    commitService(repo, serviceSource("v2"));
    const second = await deploy({ root: repo.dir, env: "sup", config });
    expect(second.outcome, second.error).toBe("succeeded");
    expect(second.repaired.join("\n")).toMatch(new RegExp(`restarted live instance ${first.release}#0 \\(pid ${instance.pid} was gone; its orphaned app was stopped\\)`));
    // gone (a zombie not yet reaped by init holds nothing: it counts as gone)
    const state = existsSync(`/proc/${orphan}/stat`) ? readFileSync(`/proc/${orphan}/stat`, "utf8").replace(/^.*\) /, "").slice(0, 1) : "gone";
    expect(["gone", "Z"]).toContain(state);
  });
});
