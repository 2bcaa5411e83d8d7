import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig, WardenError } from "@warden/core";

const dirs: string[] = [];
function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "warden-config-"));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function loadError(dir: string): Promise<WardenError> {
  try {
    await loadConfig(dir);
  } catch (error) {
    if (error instanceof WardenError) return error;
    throw error;
  }
  throw new Error("expected loadConfig to fail");
}

describe("loadConfig", () => {
  it("returns the defaults when there is no config file", async () => {
    const { config, file } = await loadConfig(dirWith({}));
    expect(file).toBeUndefined();
    expect(config.rules).toEqual({});
    expect(config.hooks.prePush.test).toBe("auto");
    expect(config.hooks.commitMsg.types).toContain("feat");
  });

  it("loads a TypeScript config with types and fills defaults", async () => {
    const dir = dirWith({
      "warden.config.ts": `const level: "warn" = "warn";\nexport default { rules: { "real/no-placeholder": level }, ignore: ["gen/**"] };\n`,
    });
    const { config, file } = await loadConfig(dir);
    expect(file).toBe(path.join(dir, "warden.config.ts"));
    expect(config.rules["real/no-placeholder"]).toBe("warn");
    expect(config.ignore).toEqual(["gen/**"]);
    expect(config.overrides).toEqual([]);
  });

  it("loads .mjs and .json configs", async () => {
    const mjs = await loadConfig(dirWith({ "warden.config.mjs": "export default { ignore: ['a/**'] };\n" }));
    expect(mjs.config.ignore).toEqual(["a/**"]);
    const json = await loadConfig(dirWith({ "warden.config.json": JSON.stringify({ ignore: ["b/**"] }) }));
    expect(json.config.ignore).toEqual(["b/**"]);
  });

  it("names the file, the key path and what was expected for an invalid value", async () => {
    const error = await loadError(dirWith({ "warden.config.ts": `export default { rules: { "real/no-placeholder": "loud" } };\n` }));
    expect(error.code).toBe("CONFIG_INVALID");
    expect(error.message).toMatch(/^warden\.config\.ts: rules\["real\/no-placeholder"\]: /);
    expect(error.message).toMatch(/error|warn|off/);
    expect(error.message.split("\n")).toHaveLength(1);
  });

  it("reports an unknown key with its location", async () => {
    const error = await loadError(dirWith({ "warden.config.json": JSON.stringify({ hooks: { preCommit: { chek: true } } }) }));
    expect(error.message).toBe('warden.config.json: unknown key "chek" in hooks.preCommit');
  });

  it("reports a syntax error in a TypeScript config as one line naming the file", async () => {
    const error = await loadError(dirWith({ "warden.config.ts": "export default { rules: { \n" }));
    expect(error.code).toBe("CONFIG_LOAD");
    expect(error.message).toMatch(/^warden\.config\.ts: cannot load config: /);
    expect(error.message).not.toContain("\n");
  });

  it("reports malformed JSON and a non-object export", async () => {
    const json = await loadError(dirWith({ "warden.config.json": "{ nope" }));
    expect(json.message).toMatch(/^warden\.config\.json: cannot load config: /);
    const array = await loadError(dirWith({ "warden.config.mjs": "export default [1, 2];\n" }));
    expect(array.message).toMatch(/must export an object/);
  });

  it("fails clearly when an explicit config file does not exist", async () => {
    await expect(loadConfig(dirWith({}), "custom.config.ts")).rejects.toThrow(/custom\.config\.ts: config file not found/);
  });
});
