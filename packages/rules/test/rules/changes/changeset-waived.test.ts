import { describe, expect, it } from "vitest";
import { checkFixture } from "../../fixture-repo.js";
import { locations } from "../../helpers.js";

const RULE = "changes/changeset-waived";

describe(RULE, () => {
  it("reports each waiver of the changeset gate with its reason", async () => {
    const findings = await checkFixture(RULE, "bad");
    expect(locations(findings)).toEqual([["commit:111111111111", 1, 1, "waived"]]);
    expect(findings[0]?.severity).toBe("error"); // checkFixture runs rules at error level; the default is warn
  });

  it("reports nothing when a changeset documents the change", async () => {
    expect(await checkFixture(RULE, "good")).toEqual([]);
  });

  it("counts an empty changeset with a reason as a waiver", async () => {
    const { runRules, BUILTIN_RULES } = await import("@warden/rules");
    const { WardenConfigSchema } = await import("@warden/core");
    const files = {
      "package.json": '{"workspaces":["packages/*"]}',
      "packages/api/package.json": '{"name":"@fx/api","version":"1.0.0"}',
      "packages/api/src/index.ts": "export const a = 1;\n",
      ".changeset/none.md": "---\n---\n\nOnly comments changed.\n",
    };
    const result = await runRules({
      root: "/nonexistent",
      files: Object.entries(files).map(([path, content]) => ({ path, content })),
      config: WardenConfigSchema.parse({ rules: { [RULE]: "warn" } }),
      rules: BUILTIN_RULES.filter((r) => r.id === RULE),
      mode: "full",
      exists: async () => true,
      commits: [{ oid: "a".repeat(40), message: "docs(api): comments\n", files: ["packages/api/src/index.ts", ".changeset/none.md"] }],
    });
    expect(locations(result.findings)).toEqual([[".changeset/none.md", 1, 1, "waived"]]);
    expect(result.findings[0]?.severity).toBe("warn");
  });

  it("names the packages whose shipped changes the waiver skips", async () => {
    const [finding] = await checkFixture(RULE, "bad");
    expect(finding?.message).toMatch(/ for @\S+: /);
  });

  it("reports no waiver when the range ships nothing the gate counts (the gate's include/exclude)", async () => {
    expect(await checkFixture(RULE, "bad", { include: ["bin/**"], exclude: [] })).toEqual([]);
    expect(await checkFixture(RULE, "bad", { exclude: ["**/*.ts"] })).toEqual([]);
  });
});
