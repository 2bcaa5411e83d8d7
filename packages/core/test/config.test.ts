import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { configFingerprint, loadConfig, maskTokens, WardenError } from "@warden/core";

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

  it("reports a syntax error as one line naming the file, line and column", async () => {
    const ts = await loadError(dirWith({ "warden.config.ts": "const a = 1;\nexport default { rules: { x: 'off' ;\n" }));
    expect(ts.code).toBe("CONFIG_LOAD");
    expect(ts.message).toMatch(/^warden\.config\.ts:2:36: cannot load config: syntax error: /);
    expect(ts.message).not.toContain("\n");
    // What the parser expected is shown (quoted punctuation holds no secret), not masked away.
    const comma = await loadError(dirWith({ "warden.config.ts": 'export default {\n  rules: {}\n  ignore: []\n};\n' }));
    expect(comma.message).toBe("warden.config.ts:3:3: cannot load config: syntax error: Unexpected token, expected ','");
    const mjs = await loadError(dirWith({ "warden.config.mjs": "const a = 1;\n\nexport default { rules: { x: 'off' ;\n" }));
    expect(mjs.message).toMatch(/^warden\.config\.mjs:3:36: cannot load config: syntax error: /);
    const json = await loadError(dirWith({ "warden.config.json": '{\n  "ignore": [],\n  oops\n}' }));
    expect(json.message).toMatch(/^warden\.config\.json:3:3: cannot load config: /);
  });

  it("reports a config that never settles as one line, within the bound", async () => {
    const dir = dirWith({ "warden.config.mjs": "export default new Promise(() => {});\n" });
    process.env.WARDEN_CONFIG_TIMEOUT_MS = "300";
    try {
      const error = await loadError(dir);
      expect(error.code).toBe("CONFIG_LOAD");
      expect(error.message).toMatch(/^warden\.config\.mjs: cannot load config: it did not settle within 300 ms/);
      const tla = await loadError(dirWith({ "warden.config.ts": "await new Promise(() => {});\nexport default {};\n" }));
      expect(tla.message).toMatch(/^warden\.config\.ts: cannot load config: it did not settle/);
    } finally {
      delete process.env.WARDEN_CONFIG_TIMEOUT_MS;
    }
  });

  it("traps a config that calls process.exit", async () => {
    const exit = process.exit;
    const error = await loadError(dirWith({ "warden.config.mjs": "process.exit(0);\nexport default {};\n" }));
    expect(error.message).toBe("warden.config.mjs: cannot load config: it called process.exit(0); a config exports settings and must not end the run");
    const swallowed = await loadError(dirWith({ "warden.config.ts": "try { process.exit(0); } catch {}\nexport default {};\n" }));
    expect(swallowed.message).toMatch(/called process\.exit\(0\)/);
    expect(process.exit).toBe(exit);
  });

  it("refuses an empty config, one that exports nothing, and a symlink loop", async () => {
    expect((await loadError(dirWith({ "warden.config.ts": "\n  \n" }))).message).toBe(
      "warden.config.ts: cannot load config: the file is empty (expected export default defineConfig({ … }))",
    );
    expect((await loadError(dirWith({ "warden.config.mjs": "const a = 1;\n" }))).message).toMatch(/^warden\.config\.mjs: cannot load config: it exports nothing/);
    const loop = dirWith({});
    symlinkSync("warden.config.ts", path.join(loop, "warden.config.ts"));
    expect((await loadError(loop)).message).toBe("warden.config.ts: cannot load config: it is a symbolic link loop");
    const dangling = dirWith({});
    symlinkSync("missing.ts", path.join(dangling, "warden.config.ts"));
    expect((await loadError(dangling)).message).toMatch(/symbolic link to a missing file/);
  });

  it("keeps no plaintext copy of a TypeScript config's source in its transpile cache", async () => {
    const token = ["ghp_", "Q7rT", "x9Lm", "K2vB", "n8Wc", "P4zD", "s6Hj", "Y1fG", "a3Ek"].join("");
    const dir = dirWith({ "warden.config.ts": `const t: string = "${token}";\nexport default { ignore: [t.slice(0, 0) + "gen/**"] };\n` });
    const first = await loadConfig(dir);
    const second = await loadConfig(dir);
    expect(second.config.ignore).toEqual(first.config.ignore);
    expect(first.config.ignore).toEqual(["gen/**"]);
    const cacheRoot = path.join(tmpdir(), `warden-${process.getuid?.() ?? 0}`, "config-transpile");
    const hits = readdirSync(cacheRoot).filter((name) => readFileSync(path.join(cacheRoot, name)).includes(token.slice(4)));
    expect(hits).toEqual([]);
    expect(existsSync(path.join(dir, "node_modules"))).toBe(false);
  });

  it("fingerprints a config by the content of what it imports", () => {
    const dir = dirWith({ "warden.config.ts": 'import { level } from "./lib/level.mjs";\nexport default { rules: { x: level } };\n' });
    mkdirSync(path.join(dir, "lib"));
    writeFileSync(path.join(dir, "lib/level.mjs"), 'export const level = "off";\n');
    const file = path.join(dir, "warden.config.ts");
    const before = configFingerprint(file);
    expect(configFingerprint(file)).toBe(before);
    writeFileSync(path.join(dir, "lib/level.mjs"), 'export const level = "error";\n');
    expect(configFingerprint(file)).not.toBe(before);
  });

  it("reports malformed JSON and a non-object export", async () => {
    const json = await loadError(dirWith({ "warden.config.json": "{ nope" }));
    expect(json.message).toMatch(/^warden\.config\.json:1:3: cannot load config: /);
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
