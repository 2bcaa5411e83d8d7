import { describe, expect, it } from "vitest";
import { checkFixture } from "../../fixture-repo.js";
import { locations } from "../../helpers.js";

const RULE = "docker/pinned-base-image";

describe(RULE, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(RULE, "bad");
    expect(locations(findings)).toEqual([
      ["Dockerfile", 1, 1, "untagged"],
      ["Dockerfile", 4, 1, "latest"],
    ]);
    expect(findings.every((f) => f.ruleId === RULE && f.rule?.startsWith("Rule 11 — ") === true)).toBe(true);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(RULE, "good")).toEqual([]);
  });

  it("requires digests when asked to", async () => {
    const findings = await checkFixture(RULE, "good", { requireDigest: true });
    expect(locations(findings)).toEqual([
      ["Dockerfile", 2, 1, "noDigest"],
      ["services/api/Dockerfile.prod", 2, 1, "noDigest"],
    ]);
  });
});
