import { describe, expect, it } from "vitest";
import { runRule } from "../../helpers.js";

const ID = "files/no-backup-files";

describe(ID, () => {
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

  it("leaves ordinary names alone", async () => {
    const good = ["src/payments.ts", "src/v2/api.ts", "src/copyright.ts", "src/old-school.ts", "src/bold.ts", "README.md", "src/http2.ts"];
    expect(await runRule(ID, Object.fromEntries(good.map((f) => [f, "x"])))).toEqual([]);
  });

  it("allows configured exceptions", async () => {
    expect(await runRule(ID, { "fixtures/a.bak": "x" }, { allow: ["fixtures/a.bak"] })).toEqual([]);
  });
});
