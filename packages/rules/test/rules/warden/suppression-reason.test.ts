import { describe, expect, it } from "vitest";
import { WardenConfigSchema } from "@warden/core";
import { BUILTIN_RULES, runRules } from "@warden/rules";
import { runRule } from "../../helpers.js";
import { checkFixture, summary } from "../../fixture-repo.js";

const ID = "warden/suppression-reason";

describe(ID, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(ID, "bad");
    expect(summary(findings)).toEqual([
      ["README.md", 5, "Suppression without a reason."],
      ["packages/parser/config.yaml", 1, "Suppression without a reason."],
      ["packages/parser/src/tokens.ts", 9, "Suppression without a reason."],
      ["packages/parser/src/tokens.ts", 16, "Suppression names no rule."],
      ["packages/parser/src/tokens.ts", 24, "Suppression without a reason."],
      ["packages/parser/src/tokens.ts", 30, "Suppression without a reason."],
      ["scripts/ci/lint.sh", 3, "Suppression without a reason."],
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
    expect(findings.map((f) => [f.line, f.message])).toEqual([
      [1, "Suppression without a reason."],
      [3, "Suppression names no rule."],
      [5, "Suppression without a reason."],
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
    expect(result.findings.map((f) => f.line)).toEqual([3, 5]);
    expect(result.suppressed).toBe(1);
  });
});
