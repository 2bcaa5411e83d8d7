import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireLock, deploy, status } from "@warden/deploy";
import type { TempRepo } from "@warden/test-utils";
import { cleanupRepo, localEnv, serviceRepo } from "./helpers.js";

const repos: TempRepo[] = [];
afterEach(async () => {
  for (const repo of repos.splice(0)) await cleanupRepo(repo);
});

describe("warden status", () => {
  it("reports the live release, its instances' health, the proxy, the lock and the last events, without changing anything", async () => {
    const repo = serviceRepo("v1");
    repos.push(repo);
    const config = localEnv({}, { instances: 2 });
    const first = await deploy({ root: repo.dir, env: "web", config });
    expect(first.outcome, first.error).toBe("succeeded");

    const up = await status({ root: repo.dir, env: "web", config });
    expect(up).toMatchObject({ env: "web", live: first.release, ok: true, lock: null, proxy: { supervised: true, restarts: 0 } });
    expect(up.instances.map((i) => [i.index, i.running, i.healthy])).toEqual([
      [0, true, true],
      [1, true, true],
    ]);
    expect(up.lastEvents.at(-1)).toMatchObject({ type: "unlocked", release: first.release });

    const dir = path.join(repo.dir, ".warden/deploy/web");
    const lock = await acquireLock(dir, "web", "r-next");
    await lock.progress("health");
    expect((await status({ root: repo.dir, env: "web", config })).lock).toMatchObject({ pid: process.pid, release: "r-next", step: "health", age: expect.stringMatching(/^\d+s$/) });
    await lock.release();

    // the proxy and its supervisor gone: reported, and not started by status
    for (const file of ["supervisor.json", "info.json"]) process.kill((JSON.parse(readFileSync(path.join(dir, "proxy", file), "utf8")) as { pid: number }).pid, "SIGKILL");
    await new Promise((resolve) => setTimeout(resolve, 200));
    const down = await status({ root: repo.dir, env: "web", config });
    expect(down).toMatchObject({ ok: false, proxy: null, live: first.release });
    expect((await status({ root: repo.dir, env: "web", config })).proxy).toBeNull();
  });
});
