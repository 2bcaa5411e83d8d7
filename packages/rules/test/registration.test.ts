// Every rule module is registered: a file under src/rules/ that BUILTIN_RULES does not hold would
// never run, and `warden rules` would not list it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { BUILTIN_RULES, type Rule } from "@warden/rules";

const RULES_DIR = fileURLToPath(new URL("../src/rules/", import.meta.url));

describe("rule registration", () => {
  // Modules that define a rule; the others (shared helpers such as docs/package-files.ts) define none.
  const files = (readdirSync(RULES_DIR, { recursive: true }) as string[])
    .filter((file) => file.endsWith(".ts") && readFileSync(path.join(RULES_DIR, file), "utf8").includes("defineRule("))
    .sort();

  it("finds the rule modules", () => {
    expect(files.length).toBeGreaterThanOrEqual(BUILTIN_RULES.length);
  });

  it.each(files)("src/rules/%s is registered in BUILTIN_RULES under the id its path names", async (file) => {
    const mod = (await import(pathToFileURL(path.join(RULES_DIR, file)).href)) as { default?: Rule };
    const rule = mod.default;
    expect(rule, `${file} has no default export (a rule module default-exports defineRule(...))`).toBeDefined();
    expect(rule?.id).toBe(file.replace(/\.ts$/, "").split(path.sep).join("/"));
    expect(BUILTIN_RULES.map((r) => r.id), `${rule?.id} is not in packages/rules/src/builtin.ts`).toContain(rule?.id);
  });
});
