import { describe, expect, it } from "vitest";
import { checkFixture, summary } from "../../fixture-repo.js";

const RULE = "scripts/shell-strict";

describe(RULE, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(RULE, "bad");
    expect(summary(findings)).toEqual([
      ["scripts/ci/lax.sh", 2, "Shell script does not turn on -u, -o pipefail."],
      ["scripts/ci/no-shebang.sh", 1, "Shell script without a #! line."],
      ["scripts/ci/posix.sh", 2, "Shell script does not turn on -e, -u."],
    ]);
    expect(findings.every((f) => f.ruleId === RULE && f.rule?.startsWith("Rule 7 — ") === true)).toBe(true);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(RULE, "good")).toEqual([]);
  });
});
