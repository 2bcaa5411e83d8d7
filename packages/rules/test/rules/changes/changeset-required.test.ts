import { describe, expect, it } from "vitest";
import { checkFixture, checkFixtureWith } from "../../fixture-repo.js";
import { locations } from "../../helpers.js";

const RULE = "changes/changeset-required";

describe(RULE, () => {
  it("reports a changed package no changeset names, and an unreadable changeset, never ignored or unshipped files", async () => {
    const findings = await checkFixture(RULE, "bad");
    expect(locations(findings)).toEqual([
      [".changeset/broken.md", 1, 1, "invalid"],
      ["packages/api/package.json", 1, 1, "missing"],
    ]);
    expect(findings.every((f) => f.ruleId === RULE && f.rule?.startsWith("Rule 18 — ") === true)).toBe(true);
  });

  it("reports nothing on the clean twin (tests and fixtures need no changeset)", async () => {
    expect(await checkFixture(RULE, "good")).toEqual([]);
  });

  it("is waived by a `Changeset: none -- reason` trailer", async () => {
    // the waiver fixture changes @fx/api's src with no changeset, and says why in a trailer
    expect(await checkFixtureWith([RULE], "changes/changeset-waived", "bad")).toEqual([]);
  });

  it("takes `include` and `exclude` globs relative to the package folder", async () => {
    // With tests counted as shipped, the clean twin's test-only commit needs a changeset for @fx/web: it has one (patch).
    expect(await checkFixture(RULE, "good", { include: ["src/**", "test/**"], exclude: [] })).toEqual([]);
    // With nothing shipped, the bad twin only keeps its unreadable changeset.
    expect((await checkFixture(RULE, "bad", { include: ["bin/**"] })).map((f) => f.file)).toEqual([".changeset/broken.md"]);
  });
});
