import { describe, expect, it } from "vitest";
import { parseConfig } from "@warden/core";
import { boundedAll, canaryHostCount } from "@warden/deploy";

const local = { type: "local", app: "app", start: "node server.mjs" };

function error(deploy: unknown): string {
  try {
    parseConfig({ deploy }, "warden.config.ts");
  } catch (e) {
    return (e as Error).message;
  }
  return "valid";
}

describe("deploy config validation", () => {
  it("names the key path and what is wrong, in one line", () => {
    expect(error({ environments: { x: { target: { type: "ftp" } } } })).toBe(
      "warden.config.ts: deploy.environments.x.target.type: Invalid discriminator value. Expected 'local' | 'ssh' | 'kubernetes' | 'command'",
    );
    expect(error({ environments: { x: { target: local, strategy: { type: "canary", share: 2 } } } })).toBe(
      "warden.config.ts: deploy.environments.x.strategy.share: Too big: expected number to be <1",
    );
    expect(error({ environments: { x: { target: local, hooks: { before: { deploy: "x" } } } } })).toBe('warden.config.ts: unknown key "deploy" in deploy.environments.x.hooks.before');
    expect(error({ environments: { x: { target: local, helth: {} } } })).toBe('warden.config.ts: unknown key "helth" in deploy.environments.x');
    expect(error({ environments: { Prod: { target: local } } })).toBe('warden.config.ts: deploy.environments.Prod: environment name "Prod" must be lower-case letters, digits, - and _');
    expect(error({ default: "prod", environments: { staging: { target: local } } })).toBe('warden.config.ts: deploy.default: "prod" is not one of the environments (staging)');
    expect(error({ environments: { x: { target: { ...local, type: "ssh", host: "h", port: 80, path: "srv" } } } })).toBe("warden.config.ts: deploy.environments.x.target.path: an absolute path on the remote host");
  });

  it("fills in the defaults", () => {
    const config = parseConfig({ deploy: { environments: { x: { target: local } } } }, "warden.config.ts");
    expect(config.deploy.environments.x).toMatchObject({
      strategy: { type: "blue-green" },
      health: { path: "/healthz", expectStatus: 200, retries: 20 },
      keepReleases: 5,
      preflight: { cleanTree: true, check: true, scan: true, migrations: true, checklist: false },
      target: { instances: 1, port: 0 },
    });
  });

  it("validates several ssh hosts and their roles, one line each", () => {
    const ssh = { type: "ssh", path: "/srv", app: "app", start: "node server.mjs", port: 8080 };
    const env = (target: Record<string, unknown>, strategy?: unknown) => ({ environments: { x: { target: { ...ssh, ...target }, ...(strategy === undefined ? {} : { strategy }) } } });
    expect(error(env({}))).toBe("warden.config.ts: deploy.environments.x.target.host: set `host` (one host) or `hosts` (several)");
    expect(error(env({ host: "a", hosts: [{ host: "b" }] }))).toBe("warden.config.ts: deploy.environments.x.target.hosts: set `host` or `hosts`, not both");
    expect(error(env({ hosts: [{ host: "w1", roles: ["web", "jobs"] }] }))).toBe('warden.config.ts: deploy.environments.x.target.hosts[0].roles: role "jobs" of host w1 is not defined in roles (defined: web)');
    expect(error(env({ hosts: [{ host: "w1", roles: ["worker"] }], roles: { worker: { start: "node w.mjs" } } }))).toBe("warden.config.ts: deploy.environments.x.target.hosts: no host has the web role (migrations run on the first web host)");
    expect(error(env({ hosts: [{ host: "w1" }, { host: "w1" }] }))).toBe("warden.config.ts: deploy.environments.x.target.hosts[1]: host w1 (ssh port 22, path /srv) is listed twice");
    expect(error(env({ hosts: [{ host: "w1" }], roles: { web: { start: "x" } } }))).toBe("warden.config.ts: deploy.environments.x.target.roles.web: the web role is the target's own `start` behind the proxy; define only other roles here");
    expect(error(env({ hosts: [{ host: "w1" }, { host: "w2" }] }, { type: "canary", hosts: "half" }))).toBe('warden.config.ts: deploy.environments.x.strategy.hosts: a share of the hosts like "25%"');
    const parsed = parseConfig({ deploy: env({ hosts: [{ host: "w1" }, { host: "j1", roles: ["web", "worker"], sshPort: 2222, port: 8081 }], roles: { worker: { start: "node w.mjs" } } }) }, "warden.config.ts");
    expect(parsed.deploy.environments.x?.target).toMatchObject({
      parallelism: 4,
      hosts: [{ host: "w1", roles: ["web"] }, { host: "j1", roles: ["web", "worker"], sshPort: 2222, port: 8081 }],
      roles: { worker: { start: "node w.mjs", instances: 1 } },
    });
    // a single host stays valid
    expect(error(env({ host: "a" }))).toBe("valid");
  });

  it("counts canary hosts and bounds parallel work across hosts", async () => {
    expect([canaryHostCount(1, 3), canaryHostCount(5, 3), canaryHostCount("25%", 8), canaryHostCount("10%", 3), canaryHostCount("100%", 4)]).toEqual([1, 2, 2, 1, 3]);
    let running = 0;
    let most = 0;
    const done: number[] = [];
    const work = async (n: number): Promise<void> => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setImmediate(resolve));
      running -= 1;
      if (n === 2 || n === 4) throw new Error(`item ${n}`);
      done.push(n);
    };
    await expect(boundedAll([1, 2, 3, 4, 5, 6, 7], 3, work)).rejects.toThrow("item 2");
    expect(most).toBe(3);
    // a failure does not stop the others: every item ran (the caller rolls back what started)
    expect(done.sort()).toEqual([1, 3, 5, 6, 7]);
  });
});
