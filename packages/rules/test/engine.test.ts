import { describe, expect, it } from "vitest";
import { WardenConfigSchema } from "@warden/core";
import { BUILTIN_RULES, runRules } from "@warden/rules";

const config = WardenConfigSchema.parse({});

async function check(files: Record<string, string>, overrides: Partial<typeof config> = {}) {
  return runRules({
    root: "/nonexistent",
    files: Object.entries(files).map(([path, content]) => ({ path, content })),
    config: { ...config, ...overrides },
    rules: BUILTIN_RULES.filter((rule) => rule.scope === "file"),
    mode: "changes",
    exists: async () => true,
  });
}

describe("runRules", () => {
  it("reports a placeholder throw with rule id, written rule, position and hint", async () => {
    const result = await check({ "src/a.ts": "export function f(): number {\n  throw new Error(\"not implemented\");\n}\n" });
    const placeholder = result.findings.filter((f) => f.ruleId === "real/no-placeholder");
    expect(placeholder).toHaveLength(1);
    expect(placeholder[0]).toMatchObject({ file: "src/a.ts", line: 2, column: 3, rule: "Rule 1 — Real implementation only", severity: "error" });
    expect(placeholder[0]?.hint).toMatch(/Implement/);
  });
});
