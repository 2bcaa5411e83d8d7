import { describe, expect, it } from "vitest";
import { checkFixtureWith } from "./fixture-repo.js";

/** The rules of the foundation (issue 2): each has a fixture repository with a clean twin. */
const FOUNDATION = [
  "real/no-placeholder",
  "real/no-empty-function",
  "real/no-skipped-tests",
  "errors/no-empty-catch",
  "errors/throw-error-objects",
  "docs/exported-api-documented",
  "types/no-explicit-any",
  "logging/no-console",
  "config/no-process-env",
  "files/no-backup-files",
  "docs/markdown-location",
  "docs/package-changelog",
  "docs/package-readme",
  "warden/suppression-reason",
];

describe("foundation rule fixtures", () => {
  it.each(FOUNDATION)("the clean twin of %s reports nothing for any foundation rule", async (ruleId) => {
    expect(await checkFixtureWith(FOUNDATION, ruleId, "good")).toEqual([]);
  });
});
