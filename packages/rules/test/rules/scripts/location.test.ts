import { describe, expect, it } from "vitest";
import { checkFixture } from "../../fixture-repo.js";
import { locations, runRule } from "../../helpers.js";

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

  it("allows git hooks kept in a dot-folder, and still reports a hook-named script elsewhere (kit, vue)", async () => {
    const hook = "#!/bin/sh\nset -e\npnpm lint\n";
    const findings = await runRule(RULE, { ".githooks/pre-push": hook, ".vite-hooks/_/commit-msg": hook, "tools/pre-push": hook, ".tools/deploy": hook });
    expect(findings.map((f) => f.file)).toEqual([".tools/deploy", "tools/pre-push"]);
  });
});
