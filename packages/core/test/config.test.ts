import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig, maskTokens, WardenError } from "@warden/core";

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
    expect(config.hooks.prePush.scan).toBe(true);
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

  it("does not print a token pasted into a config that fails to load", async () => {
    // built at run time: a random-looking token, as a pasted credential would be
    const token = ["Zq8x", "P2kL", "m9Vw", "7Rt4"].join("");
    const json = await loadError(dirWith({ "warden.config.json": `{"password": ${token}}` }));
    expect(json.code).toBe("CONFIG_LOAD");
    expect(json.message).not.toContain(token.slice(0, 8));
    const ts = await loadError(dirWith({ "warden.config.ts": `export default { secrets: { allowFingerprints: [${token}] } };\n` }));
    expect(ts.code).toBe("CONFIG_LOAD");
    expect(ts.message).not.toContain(token.slice(0, 8));
    expect(ts.message).toMatch(/^warden\.config\.ts: cannot load config: /);
  });

  it("masks quoted excerpts and token-like runs, and leaves words and paths readable", () => {
    const token = ["ab12", "CD34", "ef56"].join("");
    expect(maskTokens(`Unexpected token 'x', "{"key": ${token}"... is not valid JSON`)).not.toContain(token.slice(0, 6));
    expect(maskTokens(`${token} is not defined`)).toBe("ab12… is not defined");
    expect(maskTokens("Cannot find module 'packages/core/config' from warden.config.ts")).toBe("Cannot find module 'packages/core/config' from warden.config.ts");
  });

  it("fails clearly when an explicit config file does not exist", async () => {
    await expect(loadConfig(dirWith({}), "custom.config.ts")).rejects.toThrow(/custom\.config\.ts: config file not found/);
  });
});
