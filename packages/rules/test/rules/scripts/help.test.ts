import { describe, expect, it } from "vitest";
import { checkFixture } from "../../fixture-repo.js";
import { locations, runRule } from "../../helpers.js";

const RULE = "scripts/help";

describe(RULE, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(RULE, "bad");
    expect(locations(findings)).toEqual([
      // Beside the clean twin's launcher shims (load a module, nothing else): a bin that reads its arguments.
      ["packages/changesets/bin.js", 1, 1, "noHelp"],
      ["scripts/ci/no-usage.mjs", 1, 1, "noUsage"],
      ["scripts/ci/silent.sh", 1, 1, "noHelp"],
    ]);
    expect(findings.every((f) => f.ruleId === RULE && f.rule?.startsWith("Rule 7 — ") === true)).toBe(true);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(RULE, "good")).toEqual([]);
  });

  it("exempts launcher shims only while they load a module and nothing else", async () => {
    const shim = '#!/usr/bin/env node\nrequire("../dist/cli.js");\n';
    const printing = '#!/usr/bin/env node\nconsole.log("starting");\nrequire("../dist/cli.js");\n';
    const shell = '#!/bin/sh\nexec node "$(dirname "$0")/cli.js" "$@"\n';
    const shellWork = '#!/bin/sh\nrm -rf dist\nnode build.js\nexec node "$(dirname "$0")/cli.js" "$@"\n';
    const findings = await runRule(RULE, { "tools/a.js": shim, "tools/b.js": printing, "tools/c.sh": shell, "tools/d.sh": shellWork });
    expect(findings.map((f) => f.file)).toEqual(["tools/b.js", "tools/d.sh"]);
  });

  it("does not ask git hooks kept in a dot-folder for --help (kit's .githooks)", async () => {
    const hook = "#!/bin/sh\nset -e\npnpm lint\n";
    const findings = await runRule(RULE, { ".githooks/pre-push": hook, "tools/pre-push": hook });
    expect(findings.map((f) => f.file)).toEqual(["tools/pre-push"]);
  });
});
