import { describe, expect, it } from "vitest";
import { checkFixture, summary } from "../../fixture-repo.js";

const RULE = "scripts/help";

describe(RULE, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(RULE, "bad");
    expect(summary(findings)).toEqual([
      ["scripts/ci/no-usage.mjs", 1, "Script handles --help but prints no usage line."],
      ["scripts/ci/silent.sh", 1, "Script does not handle --help."],
    ]);
    expect(findings.every((f) => f.ruleId === RULE && f.rule?.startsWith("Rule 7 — ") === true)).toBe(true);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(RULE, "good")).toEqual([]);
  });
});
