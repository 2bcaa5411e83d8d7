import { describe, expect, it } from "vitest";
import { checkFixture, summary } from "../../fixture-repo.js";
import { runRule } from "../../helpers.js";

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

  it("leaves footnotes, absolute URLs and code alone, and resolves links in the state being checked", async () => {
    const readme = "# Demo\n\nA claim.[^1] See [x](./gone.md).\n\n[^1]: Some source, 2026.\n";
    const exists = async (file: string) => file === "README.md";
    expect(summary(await runRule(RULE, { "README.md": readme }, undefined, { exists }))).toEqual([["README.md", 3, "Link target ./gone.md does not exist."]]);
  });
});
