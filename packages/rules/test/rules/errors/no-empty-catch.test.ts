import { describe, expect, it } from "vitest";
import { locations, runRule } from "../../helpers.js";
import { checkFixture } from "../../fixture-repo.js";

const ID = "errors/no-empty-catch";

describe(ID, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(ID, "bad");
    expect(locations(findings)).toEqual([
      ["packages/store/src/cache.ts", 6, 5, "empty"],
      ["packages/store/src/cache.ts", 13, 5, "empty"],
      ["packages/store/src/cache.ts", 18, 25, "empty"],
      ["packages/store/src/cache.ts", 24, 5, "empty"],
      ["packages/store/src/lock.js", 6, 5, "empty"],
    ]);
    expect(findings.every((f) => f.ruleId === ID && f.rule?.startsWith("Rule 5 — ") === true)).toBe(true);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(ID, "good")).toEqual([]);
  });

  it("reports empty catch blocks, with or without a binding", async () => {
    const code = ["try { a(); } catch {}", "try {", "  b();", "} catch (error) {", "}"].join("\n");
    expect(locations(await runRule(ID, { "src/a.ts": code }))).toEqual([
      ["src/a.ts", 1, 14, "empty"],
      ["src/a.ts", 4, 3, "empty"],
    ]);
  });

  it("allows a catch that handles the error or explains why it is ignored", async () => {
    const code = ["try { a(); } catch (e) { log(e); }", "try { b(); } catch {", "  // optional file: absent on first run", "}", "try { c(); } catch { /* best effort */ }"].join("\n");
    expect(await runRule(ID, { "src/a.ts": code })).toEqual([]);
  });
});
