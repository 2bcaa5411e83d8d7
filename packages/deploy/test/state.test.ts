import { existsSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "@warden/core";
import { deploy, listReleases, readEvents, rollback } from "@warden/deploy";
import type { TempRepo } from "@warden/test-utils";
import { cleanupRepo, commitService, get, localEnv, serviceRepo, serviceSource, startLoad } from "./helpers.js";

const repos: TempRepo[] = [];
afterEach(async () => {
  for (const repo of repos.splice(0)) await cleanupRepo(repo);
});

function capture(): { logger: ReturnType<typeof createLogger>; text: () => string } {
  let text = "";
  const stream = { write: (chunk: string) => ((text += chunk), true) } as unknown as NodeJS.WritableStream;
  return { logger: createLogger({ stream, prefix: "warden deploy" }), text: () => text };
}

describe("a corrupt state.json", () => {
  it("is reported, rebuilt from the event log and the release folders, and never acted upon: 0 failed requests, releases kept, rollback works", async () => {
    const repo = serviceRepo("v1");
    repos.push(repo);
    const config = localEnv({ keepReleases: 5 }, { instances: 2 });
    const first = await deploy({ root: repo.dir, env: "prod", config });
    expect(first.outcome, first.error).toBe("succeeded");
    commitService(repo, serviceSource("v2"));
    const second = await deploy({ root: repo.dir, env: "prod", config });
    expect(second.outcome, second.error).toBe("succeeded");
    const url = second.url ?? "";

    const stateFile = path.join(repo.dir, ".warden/deploy/prod/state.json");
    const whole = readFileSync(stateFile, "utf8");
    truncateSync(stateFile, Math.floor(whole.length / 2)); // a torn write

    // `warden releases` reads through the rebuild: the live release is still known
    expect((await listReleases({ root: repo.dir, env: "prod", config })).find((r) => r.live)?.release).toBe(second.release);

    commitService(repo, serviceSource("v3"));
    const load = startLoad(url);
    const out = capture();
    const third = await deploy({ root: repo.dir, env: "prod", config, logger: out.logger });
    const seen = await load.stop();
    expect(third.outcome, third.error).toBe("succeeded");
    expect(seen.failures).toEqual([]);
    expect(seen.ok).toBeGreaterThan(0);
    expect(await get(url)).toEqual({ status: 200, body: "v3" });

    // reported in one line, the corrupt file kept, the rebuilt state written
    const warnings = out.text().split("\n").filter((l) => l.includes("state.json is corrupt"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/not JSON .*rebuilt from \d+ event\(s\), 2 release folder\(s\) and 2 serving instance\(s\): live /);
    expect(third.repaired.join("\n")).toMatch(/state\.json was corrupt/);
    expect(readFileSync(`${stateFile}.corrupt`, "utf8")).toBe(whole.slice(0, Math.floor(whole.length / 2)));
    expect(JSON.parse(readFileSync(stateFile, "utf8"))).toMatchObject({ release: third.release });
    expect(readEvents(repo.dir, "prod").filter((e) => e.type === "locked").at(-1)?.detail).toMatchObject({ repaired: [expect.stringMatching(/state\.json was corrupt/)] });

    // no earlier release discarded
    const releases = await listReleases({ root: repo.dir, env: "prod", config });
    expect(releases.map((r) => r.release)).toEqual([first.release, second.release, third.release]);

    // rollback has somewhere to go, and goes there
    const back = await rollback({ root: repo.dir, env: "prod", config });
    expect(back.outcome, back.error).toBe("rolled_back");
    expect(back.release).toBe(second.release);
    expect(await get(url)).toEqual({ status: 200, body: "v2" });
  });

  it("rebuilt without an event log: the release the proxy serves is live and nothing is discarded", async () => {
    const repo = serviceRepo("v1");
    repos.push(repo);
    const config = localEnv();
    const first = await deploy({ root: repo.dir, env: "qa", config });
    commitService(repo, serviceSource("v2"));
    const second = await deploy({ root: repo.dir, env: "qa", config });
    expect(second.outcome, second.error).toBe("succeeded");
    const dir = path.join(repo.dir, ".warden/deploy/qa");
    writeFileSync(path.join(dir, "state.json"), '{"release": 7, "instances": []}\n'); // JSON, but not a state
    writeFileSync(path.join(repo.dir, ".warden/events/qa.jsonl"), "");
    const releases = await listReleases({ root: repo.dir, env: "qa", config });
    expect(releases.map((r) => [r.release, r.live])).toEqual([
      [first.release, false],
      [second.release, true],
    ]);
    expect(existsSync(path.join(dir, "releases", first.release))).toBe(true);
  });
});
