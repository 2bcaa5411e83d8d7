import { afterAll, describe, expect, it } from "vitest";
import { deploy, readEvents } from "@warden/deploy";
import { WARDEN_BIN, type TempRepo } from "@warden/test-utils";
import { cleanupRepo, localEnv, serviceRepo } from "./helpers.js";

const repos: TempRepo[] = [];
afterAll(async () => {
  for (const repo of repos.splice(0)) await cleanupRepo(repo);
});

describe("preflight: the dependency audit gate", () => {
  it("runs `warden audit` when preflight.audit is on, and stops the deploy on its failure, naming it", async () => {
    const repo = serviceRepo("v1");
    repos.push(repo);
    // a lockfile and a registry that cannot be reached: the audit cannot vouch for the dependencies
    repo.write({
      "package-lock.json": JSON.stringify({ lockfileVersion: 3, packages: { "": { name: "svc" }, "node_modules/lodash": { version: "4.17.21" } } }),
      "warden.config.json": JSON.stringify({ audit: { registry: "http://127.0.0.1:9/", timeoutMs: 2000 } }),
    });
    repo.commit("chore: lockfile", { noVerify: true });
    const config = localEnv({ preflight: { cleanTree: true, check: false, scan: false, audit: true } });
    const result = await deploy({ root: repo.dir, env: "prod", config, warden: [process.execPath, WARDEN_BIN] });
    expect(result.outcome).toBe("failed");
    expect(result.step).toBe("preflight");
    expect(result.error).toMatch(/warden audit: `warden audit` exited 2: .*cannot reach the advisory endpoint of 127\.0\.0\.1:9/);
    const gates = readEvents(repo.dir, "prod").find((e) => e.type === "preflight")?.detail?.gates as { gate: string; status: string }[];
    expect(gates).toEqual(expect.arrayContaining([expect.objectContaining({ gate: "warden audit", status: "failed" })]));
  });
});
