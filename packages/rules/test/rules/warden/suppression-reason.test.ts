import { describe, expect, it } from "vitest";
import { WardenConfigSchema } from "@warden/core";
import { BUILTIN_RULES, runRules } from "@warden/rules";
import { locations, runRule } from "../../helpers.js";
import { checkFixture } from "../../fixture-repo.js";

const ID = "warden/suppression-reason";

describe(ID, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(ID, "bad");
    expect(locations(findings)).toEqual([
      ["README.md", 5, 1, "noReason"],
      ["packages/parser/config.yaml", 1, 1, "noReason"],
      ["packages/parser/src/tokens.ts", 9, 3, "noReason"],
      ["packages/parser/src/tokens.ts", 16, 3, "noRule"],
      ["packages/parser/src/tokens.ts", 24, 3, "noReason"],
      ["packages/parser/src/tokens.ts", 30, 1, "noReason"],
      ["scripts/ci/lint.sh", 3, 1, "noReason"],
    ]);
    expect(findings.every((f) => f.ruleId === ID && f.rule?.startsWith("Rule 5 — ") === true)).toBe(true);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(ID, "good")).toEqual([]);
  });

  it("reports suppressions without a reason or without a rule id", async () => {
    const code = [
      "// warden-disable-next-line real/no-placeholder",
      "a();",
      "// warden-disable-next-line -- no rule named",
      "b();",
      "// warden-disable-next-line real/no-placeholder --   ",
      "c();",
      "// warden-disable-next-line real/no-placeholder -- generated code",
      "d();",
    ].join("\n");
    const findings = await runRule(ID, { "src/a.ts": code });
    expect(locations(findings)).toEqual([
      ["src/a.ts", 1, 1, "noReason"],
      ["src/a.ts", 3, 1, "noRule"],
      ["src/a.ts", 5, 1, "noReason"],
    ]);
  });

  it("ignores directives inside strings and fenced examples", async () => {
    const directive = "// warden-disable-next-line real/no-placeholder";
    const code = [`export const s = "${directive}";`, "/**", " * ```ts", ` * ${directive}`, " * ```", " */", "export const t = 1;"].join("\n");
    expect(await runRule(ID, { "src/a.ts": code, "docs/a.md": ["```ts", directive, "```"].join("\n") })).toEqual([]);
  });

  it("works in any file type with # comments", async () => {
    const findings = await runRule(ID, { "deploy.sh": "# warden-disable-next-line files/no-backup-files\n" });
    expect(findings).toHaveLength(1);
  });

  it("suppresses exactly the named rules on the next line, and counts them", async () => {
    const code = [
      "// warden-disable-next-line types/no-explicit-any -- third-party callback shape",
      "export const f = (x: any) => x;",
      "export const g = (y: any) => y;",
      "// warden-disable-next-line real/no-placeholder -- wrong rule for this line",
      "export const h = (z: any) => z;",
    ].join("\n");
    const result = await runRules({
      root: "/nonexistent",
      files: [{ path: "src/a.ts", content: code }],
      config: WardenConfigSchema.parse({}),
      rules: BUILTIN_RULES.filter((r) => r.id === "types/no-explicit-any"),
      mode: "changes",
      exists: async () => true,
    });
    expect(locations(result.findings)).toEqual([
      ["src/a.ts", 3, 22, "any"],
      ["src/a.ts", 5, 22, "any"],
    ]);
    expect(result.suppressed).toBe(1);
  });
});
