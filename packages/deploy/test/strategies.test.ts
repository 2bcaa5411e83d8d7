import { afterEach, describe, expect, it } from "vitest";
import { deploy, readEvents } from "@warden/deploy";
import type { TempRepo } from "@warden/test-utils";
import { cleanupRepo, commitService, get, localEnv, serviceRepo, serviceSource } from "./helpers.js";

const repos: TempRepo[] = [];
afterEach(async () => {
  for (const repo of repos.splice(0)) await cleanupRepo(repo);
});

/** Send requests through `url` one after another until `stop()` is called; collect the answers. */
function load(url: string): { stop: () => Promise<{ status: number; body: string }[]> } {
  const answers: { status: number; body: string }[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      try {
        answers.push(await get(url));
      } catch (error) {
        answers.push({ status: 0, body: String(error) });
      }
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return answers;
    },
  };
}

describe("blue-green under load", () => {
  it("switches from v1 to v2 without a failed request", async () => {
    const repo = serviceRepo("v1");
    repos.push(repo);
    const config = localEnv({}, { instances: 2 });
    const first = await deploy({ root: repo.dir, env: "web", config });
    expect(first.outcome, first.error).toBe("succeeded");
    commitService(repo, serviceSource("v2"));
    const traffic = [load(first.url ?? ""), load(first.url ?? ""), load(first.url ?? "")];
    const second = await deploy({ root: repo.dir, env: "web", config });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const answers = (await Promise.all(traffic.map((t) => t.stop()))).flat();
    expect(second.outcome, second.error).toBe("succeeded");
    expect(answers.length).toBeGreaterThan(50);
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    expect(new Set(answers.map((a) => a.body))).toEqual(new Set(["v1", "v2"]));
    expect(answers.at(-1)?.body).toBe("v2");
  });
});

describe("rolling", () => {
  it("replaces the instances one at a time, and restores every old instance at the first unhealthy one", async () => {
    const repo = serviceRepo("v1");
    repos.push(repo);
    const config = localEnv({ strategy: { type: "rolling" }, health: { retries: 30, intervalMs: 50, timeoutMs: 500 } }, { instances: 3 });
    const first = await deploy({ root: repo.dir, env: "api", config });
    expect(first.outcome, first.error).toBe("succeeded");

    commitService(repo, serviceSource("v2"));
    const second = await deploy({ root: repo.dir, env: "api", config });
    expect(second.outcome, second.error).toBe("succeeded");
    const switches = readEvents(repo.dir, "api").filter((e) => e.release === second.release && e.type === "switched");
    expect(switches.map((e) => e.detail?.serving)).toEqual([
      [`${second.release}#0`, `${first.release}#1`, `${first.release}#2`],
      [`${second.release}#0`, `${second.release}#1`, `${first.release}#2`],
      [`${second.release}#0`, `${second.release}#1`, `${second.release}#2`],
    ]);

    // v3 is healthy on instance 0 and unhealthy on instance 1
    const v3 = serviceSource("v3").replace('res.writeHead(200); res.end("health v3\\n")', 'res.writeHead(process.env.WARDEN_INSTANCE === "1" ? 500 : 200); res.end("health v3\\n")');
    expect(v3).not.toBe(serviceSource("v3"));
    commitService(repo, v3);
    const third = await deploy({ root: repo.dir, env: "api", config });
    expect(third.outcome).toBe("rolled_back");
    expect(third.error).toMatch(/rolling, instance 2 of 3: .*expected 200, got status 500/);
    const bodies = await Promise.all(Array.from({ length: 30 }, () => get(first.url ?? "")));
    expect(new Set(bodies.map((b) => `${b.status} ${b.body}`))).toEqual(new Set(["200 v2"]));
    const outcome = readEvents(repo.dir, "api").find((e) => e.release === third.release && e.type === "rolled_back");
    expect(outcome?.detail).toMatchObject({ trafficSwitched: true, serving: second.release });
  });
});

describe("canary", () => {
  const canary = (durationMs: number) =>
    localEnv({ strategy: { type: "canary", share: 0.5, durationMs, maxErrorRateIncrease: 0.05, minRequests: 5 } });

  it("rolls back a new version that errors on a share of its requests", async () => {
    const repo = serviceRepo("v1");
    repos.push(repo);
    const first = await deploy({ root: repo.dir, env: "shop", config: canary(1200) });
    expect(first.outcome, first.error).toBe("succeeded");
    commitService(repo, serviceSource("v2", { errorEvery: 3 }));
    const traffic = [load(first.url ?? ""), load(first.url ?? "")];
    const second = await deploy({ root: repo.dir, env: "shop", config: canary(1200) });
    const answers = (await Promise.all(traffic.map((t) => t.stop()))).flat();
    expect(second.outcome).toBe("rolled_back");
    expect(second.step).toBe("canary");
    expect(second.error).toMatch(/canary rejected: error rate \d+\.\d% on the new release vs 0\.0% on the old one/);
    expect(answers.some((a) => a.body === "v2")).toBe(true);
    const after = await Promise.all(Array.from({ length: 20 }, () => get(first.url ?? "")));
    expect(new Set(after.map((a) => a.body))).toEqual(new Set(["v1"]));
    const verdict = readEvents(repo.dir, "shop").find((e) => e.release === second.release && e.type === "canary");
    expect(verdict?.detail).toMatchObject({ promote: false, share: 0.5 });
    expect((verdict?.detail?.new as { errors: number }).errors).toBeGreaterThan(0);
  });

  it("promotes a healthy canary", async () => {
    const repo = serviceRepo("v1");
    repos.push(repo);
    const first = await deploy({ root: repo.dir, env: "shop", config: canary(800) });
    commitService(repo, serviceSource("v2"));
    const traffic = load(first.url ?? "");
    const second = await deploy({ root: repo.dir, env: "shop", config: canary(800) });
    const answers = await traffic.stop();
    expect(second.outcome, second.error).toBe("succeeded");
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    expect((await get(first.url ?? "")).body).toBe("v2");
    expect(readEvents(repo.dir, "shop").find((e) => e.release === second.release && e.type === "canary")?.detail).toMatchObject({ promote: true });
  });
});
