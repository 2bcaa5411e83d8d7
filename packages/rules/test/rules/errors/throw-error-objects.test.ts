import { describe, expect, it } from "vitest";
import { runRule } from "../../helpers.js";

const ID = "errors/throw-error-objects";

describe(ID, () => {
  it("reports thrown literals of every kind", async () => {
    const code = [
      "throw 'a';",
      "throw `b ${x}`;",
      "throw 42;",
      "throw { code: 1 };",
      "throw ['x'];",
      "throw null;",
      "throw undefined;",
      "throw 'prefix: ' + detail;",
      "throw (false);",
    ].join("\n");
    const findings = await runRule(ID, { "src/a.ts": code });
    expect(findings.map((f) => [f.line, f.message.split(",")[0]])).toEqual([
      [1, "Thrown value is a string"],
      [2, "Thrown value is a string"],
      [3, "Thrown value is a number"],
      [4, "Thrown value is a plain object"],
      [5, "Thrown value is an array"],
      [6, "Thrown value is null"],
      [7, "Thrown value is undefined"],
      [8, "Thrown value is a string"],
      [9, "Thrown value is a boolean"],
    ]);
  });

  it("allows Error objects, rethrows and calls", async () => {
    const code = ["throw new Error('x');", "throw new TypeError(`y`);", "try { a(); } catch (e) { throw e; }", "throw makeError();", "throw count + 1;"].join("\n");
    expect(await runRule(ID, { "src/a.ts": code })).toEqual([]);
  });
});
