import { describe, expect, it } from "vitest";
import { checkFixture, summary } from "../../fixture-repo.js";

const RULE = "scripts/location";

describe(RULE, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(RULE, "bad");
    expect(summary(findings)).toEqual([
      // Beside the clean twin's launcher shims (load a module, nothing else): a bin that reads its arguments.
      ["packages/changesets/bin.js", 1, "Script outside the scripts folders."],
      ["scripts/cleanup.sh", 1, "Script directly in scripts/, not in a category folder."],
      ["src/tool.mjs", 1, "Script outside the scripts folders."],
      ["tools/release.sh", 1, "Script outside the scripts folders."],
    ]);
    expect(findings.every((f) => f.ruleId === RULE && f.rule?.startsWith("Rule 7 — ") === true)).toBe(true);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(RULE, "good")).toEqual([]);
  });
});
