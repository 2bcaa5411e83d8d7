import { describe, expect, it } from "vitest";
import { checkFixture, summary } from "../../fixture-repo.js";

const RULE = "docs/links-resolve";

describe(RULE, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(RULE, "bad");
    expect(summary(findings)).toEqual([
      ["README.md", 3, "Link target docs/guid.md does not exist."],
      ["README.md", 3, "Link anchor #install matches no heading in docs/guide.md."],
      ["README.md", 5, "Link target ./docs/missing.md does not exist."],
      ["docs/guide.md", 5, "Link anchor #nowhere matches no heading in docs/guide.md."],
    ]);
    expect(findings.every((f) => f.ruleId === RULE && f.rule?.startsWith("Rule 15 — ") === true)).toBe(true);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(RULE, "good")).toEqual([]);
  });
});
