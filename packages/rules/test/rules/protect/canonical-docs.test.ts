import { describe, expect, it } from "vitest";
import { checkFixture } from "../../fixture-repo.js";
import { locations } from "../../helpers.js";

const RULE = "protect/canonical-docs";

describe(RULE, () => {
  it("reports nothing on either fixture with the default options", async () => {
    expect(await checkFixture(RULE, "bad")).toEqual([]);
    expect(await checkFixture(RULE, "good")).toEqual([]);
  });

  it("reports a commit changing the configured canonical folder without authorisation", async () => {
    const findings = await checkFixture(RULE, "bad", { folder: "docs/canonical" });
    expect(locations(findings)).toEqual([["docs/canonical/policy.md", 1, 1, "unauthorized"]]);
    expect(findings[0]?.rule).toBe("Rule 17 — A canonical documentation authority");
  });

  it("accepts an Authorised-by trailer and ignores other folders", async () => {
    expect(await checkFixture(RULE, "good", { folder: "docs/canonical/" })).toEqual([]);
  });
});
