import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DeployEnvironmentSchema } from "@warden/core";
import { deploy, listReleases, readEvents, rollback } from "@warden/deploy";
import { freePort, type TempRepo } from "@warden/test-utils";
import { cleanupRepo, commitService, get, killLayout, serviceRepo, serviceSource } from "./helpers.js";
import { startSshd, type Sshd } from "./sshd.js";

let sshd: Sshd;
let repo: TempRepo;
let remote: string;

beforeAll(async () => {
  sshd = await startSshd(); // no skipping: if sshd cannot start, every test here fails with its output
  repo = serviceRepo("v1");
  remote = path.join(sshd.dir, "srv");
});

afterAll(() => {
  killLayout(remote);
  cleanupRepo(repo);
  sshd.stop();
});

describe("ssh target against a real sshd on 127.0.0.1", () => {
  it("deploys v1 and v2 over ssh/rsync, rolls back an unhealthy v3, and rolls back by hand", async () => {
    const proxyPort = await freePort();
    const config = (health = { retries: 10, intervalMs: 100, timeoutMs: 1000 }) =>
      DeployEnvironmentSchema.parse({
        target: {
          type: "ssh",
          host: "127.0.0.1",
          user: sshd.user,
          sshPort: sshd.port,
          identityFile: sshd.identityFile,
          knownHostsFile: sshd.knownHostsFile,
          path: remote,
          app: "app",
          start: "node server.mjs",
          port: proxyPort,
          stopTimeoutMs: 2000,
        },
        health,
        preflight: { cleanTree: true, check: false, scan: false },
        build: false,
      });
    const url = `http://127.0.0.1:${proxyPort}/`;

    const first = await deploy({ root: repo.dir, env: "box", config: config() });
    expect(first.outcome, first.error).toBe("succeeded");
    expect(existsSync(path.join(remote, "box", "releases", first.release, "manifest.json"))).toBe(true);
    expect(existsSync(path.join(remote, "box", "releases", first.release, "server.mjs"))).toBe(true);
    expect(await get(url)).toEqual({ status: 200, body: "v1" });

    commitService(repo, serviceSource("v2"));
    const second = await deploy({ root: repo.dir, env: "box", config: config() });
    expect(second.outcome, second.error).toBe("succeeded");
    expect(await get(url)).toEqual({ status: 200, body: "v2" });
    expect(readdirSync(path.join(remote, "box", "run"))).toEqual([`${second.release}.0.json`]);

    commitService(repo, serviceSource("v3", { healthStatus: 500 }));
    const third = await deploy({ root: repo.dir, env: "box", config: config({ retries: 30, intervalMs: 50, timeoutMs: 500 }) });
    expect(third.outcome).toBe("rolled_back");
    expect(third.error).toMatch(/expected 200, got status 500/);
    expect(await get(url)).toEqual({ status: 200, body: "v2" });
    expect(existsSync(path.join(remote, "box", "releases", third.release))).toBe(false);

    const back = await rollback({ root: repo.dir, env: "box", config: config() });
    expect(back.release).toBe(first.release);
    expect(await get(url)).toEqual({ status: 200, body: "v1" });
    expect((await listReleases({ root: repo.dir, env: "box", config: config() })).map((r) => [r.release, r.live])).toEqual([
      [first.release, true],
      [second.release, false],
    ]);
    const types = readEvents(repo.dir, "box").filter((e) => e.release === second.release).map((e) => e.type);
    expect(types).toContain("switched");
    expect(types).toContain("succeeded");
    // the switch on the remote proxy was provisional (lease renewed through the tunnel) and confirmed after the smoke check
    const ofSecond = readEvents(repo.dir, "box").filter((e) => e.release === second.release);
    expect(ofSecond.find((e) => e.type === "switched")?.detail).toMatchObject({ leaseMs: 2000 });
    expect(ofSecond.find((e) => e.type === "smoke")?.detail).toMatchObject({ switchConfirmed: { leaseMs: 2000 } });
  });

  it("reports an unreachable host as one clear line", async () => {
    const config = DeployEnvironmentSchema.parse({
      target: { type: "ssh", host: "127.0.0.1", sshPort: await freePort(), identityFile: sshd.identityFile, knownHostsFile: sshd.knownHostsFile, path: remote, app: "app", start: "node server.mjs", port: 9 },
      preflight: { cleanTree: false, check: false, scan: false },
      build: false,
    });
    await expect(deploy({ root: repo.dir, env: "gone", config })).rejects.toThrow(/^ssh 127\.0\.0\.1:\d+: cannot connect: .*Connection refused/);
  });
});
