import { describe, expect, it } from "vitest";
import { positions, runRule } from "../../helpers.js";

const ID = "errors/no-empty-catch";

describe(ID, () => {
  it("reports empty catch blocks, with or without a binding", async () => {
    const code = ["try { a(); } catch {}", "try {", "  b();", "} catch (error) {", "}"].join("\n");
    expect(positions(await runRule(ID, { "src/a.ts": code }))).toEqual([
      [ID, 1, 14],
      [ID, 4, 3],
    ]);
  });

  it("allows a catch that handles the error or explains why it is ignored", async () => {
    const code = ["try { a(); } catch (e) { log(e); }", "try { b(); } catch {", "  // optional file: absent on first run", "}", "try { c(); } catch { /* best effort */ }"].join("\n");
    expect(await runRule(ID, { "src/a.ts": code })).toEqual([]);
  });
});
