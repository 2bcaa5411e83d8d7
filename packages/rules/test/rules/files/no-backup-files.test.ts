import { describe, expect, it } from "vitest";
import { locations, runRule } from "../../helpers.js";
import { checkFixture } from "../../fixture-repo.js";

const ID = "files/no-backup-files";

describe(ID, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(ID, "bad");
    expect(locations(findings)).toEqual([
      // The same names as the clean twin's, but here the original sits beside them.
      ["config.yml.orig", 1, 1, "backup"],
      ["docs/blog/announcing-changesets-v3.md", 1, 1, "backup"],
      ["packages/lint/src/rules/no-misused-new.ts", 1, 1, "backup"],
      ["packages/pay/src/.charge.ts.swp", 1, 1, "backup"],
      ["packages/pay/src/charge (1).ts", 1, 1, "backup"],
      ["packages/pay/src/charge copy 2.ts", 1, 1, "backup"],
      ["packages/pay/src/charge-copy.ts", 1, 1, "backup"],
      ["packages/pay/src/charge-fixed.ts", 1, 1, "backup"],
      ["packages/pay/src/charge-new.ts", 1, 1, "backup"],
      ["packages/pay/src/charge-updated.ts", 1, 1, "backup"],
      ["packages/pay/src/charge-v3.ts", 1, 1, "backup"],
      ["packages/pay/src/charge.backup", 1, 1, "backup"],
      ["packages/pay/src/charge.old", 1, 1, "backup"],
      ["packages/pay/src/charge.old.ts", 1, 1, "backup"],
      ["packages/pay/src/charge.ts.bak", 1, 1, "backup"],
      ["packages/pay/src/charge.ts.orig", 1, 1, "backup"],
      ["packages/pay/src/charge.ts~", 1, 1, "backup"],
      ["packages/pay/src/charge.v2.js", 1, 1, "backup"],
      ["packages/pay/src/charge_backup.ts", 1, 1, "backup"],
      ["packages/pay/src/charge_final.ts", 1, 1, "backup"],
      ["packages/pay/src/charge_v2.ts", 1, 1, "backup"],
    ]);
    expect(findings.every((f) => f.ruleId === ID && f.rule?.startsWith("Rule 9 — ") === true)).toBe(true);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(ID, "good")).toEqual([]);
  });

  it("reports backup and duplicate-named files of any type", async () => {
    const bad = [
      "src/pay.ts.bak",
      "src/pay.old",
      "notes.txt~",
      "src/pay-copy.ts",
      "src/pay copy 2.ts",
      "src/pay_v2.ts",
      "src/pay.v3.js",
      "src/pay_backup.ts",
      "src/pay-final.ts",
      "config.yml.orig",
    ];
    const findings = await runRule(ID, Object.fromEntries(bad.map((f) => [f, "x"])));
    expect(findings.map((f) => f.file).sort()).toEqual([...bad].sort());
    expect(findings.every((f) => f.line === 1)).toBe(true);
  });

  it("reports numbered downloads, editor autosaves and patch leftovers", async () => {
    const bad = ["src/pay (1).ts", "src/pay (2)", "src/#pay.ts#", "src/pay.ts.rej", "src/pay.ts.tmp", "src/pay.ts.save", "src/pay - Copy.ts"];
    const findings = await runRule(ID, Object.fromEntries(bad.map((f) => [f, "x"])));
    expect(findings.map((f) => f.file).sort()).toEqual([...bad].sort());
  });

  it("leaves ordinary names alone", async () => {
    const good = ["src/payments.ts", "src/v2/api.ts", "src/copyright.ts", "src/old-school.ts", "src/bold.ts", "README.md", "src/http2.ts", "src/tmp.ts", "src/save.ts", "src/#hash.ts", "src/fn(1).ts"];
    expect(await runRule(ID, Object.fromEntries(good.map((f) => [f, "x"])))).toEqual([]);
  });

  it("allows configured exceptions", async () => {
    expect(await runRule(ID, { "fixtures/a.bak": "x", "fixtures/deep/b.old": "x" }, { allow: ["fixtures/**"] })).toEqual([]);
    expect(await runRule(ID, { "src/pay (1).ts": "x" }, { allow: ["src/pay (1).ts"] })).toEqual([]);
    const other = await runRule(ID, { "src/a.bak": "x" }, { allow: ["fixtures/**"] });
    expect(other.map((f) => f.file)).toEqual(["src/a.bak"]);
    expect(await runRule(ID, { "fixtures/a.bak": "x" }, { allow: ["fixtures/a.bak"] })).toEqual([]);
  });
});
