import { describe, expect, it } from "vitest";
import { checkFixture } from "../../fixture-repo.js";
import { locations } from "../../helpers.js";

const RULE = "scripts/location";

describe(RULE, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(RULE, "bad");
    expect(locations(findings)).toEqual([
      // Beside the clean twin's launcher shims (load a module, nothing else): a bin that reads its arguments.
      ["packages/changesets/bin.js", 1, 1, "loose"],
      ["scripts/cleanup.sh", 1, 1, "uncategorised"],
      ["src/tool.mjs", 1, 1, "loose"],
      ["tools/release.sh", 1, 1, "loose"],
    ]);
    expect(findings.every((f) => f.ruleId === RULE && f.rule?.startsWith("Rule 7 — ") === true)).toBe(true);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(RULE, "good")).toEqual([]);
  });
});
