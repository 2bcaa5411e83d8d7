import { describe, expect, it } from "vitest";
import { parseConfig } from "@warden/core";

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
});
