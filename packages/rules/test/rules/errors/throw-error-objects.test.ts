import { describe, expect, it } from "vitest";
import { runRule } from "../../helpers.js";
import { checkFixture, summary } from "../../fixture-repo.js";

const ID = "errors/throw-error-objects";

describe(ID, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(ID, "bad");
    expect(summary(findings)).toEqual([
      ["packages/api/src/handlers.ts", 7, "Thrown value is a string, not an Error: it has no stack trace and breaks `instanceof Error` handling."],
      ["packages/api/src/handlers.ts", 12, "Thrown value is a string, not an Error: it has no stack trace and breaks `instanceof Error` handling."],
      ["packages/api/src/handlers.ts", 17, "Thrown value is a plain object, not an Error: it has no stack trace and breaks `instanceof Error` handling."],
      ["packages/api/src/handlers.ts", 19, "Thrown value is a number, not an Error: it has no stack trace and breaks `instanceof Error` handling."],
      ["packages/api/src/handlers.ts", 20, "Thrown value is a string, not an Error: it has no stack trace and breaks `instanceof Error` handling."],
      ["packages/api/src/handlers.ts", 21, "Thrown value is a string, not an Error: it has no stack trace and breaks `instanceof Error` handling."],
      ["packages/api/src/handlers.ts", 27, "Thrown value is an array, not an Error: it has no stack trace and breaks `instanceof Error` handling."],
      ["packages/api/src/handlers.ts", 28, "Thrown value is null, not an Error: it has no stack trace and breaks `instanceof Error` handling."],
      ["packages/api/src/handlers.ts", 29, "Thrown value is a number, not an Error: it has no stack trace and breaks `instanceof Error` handling."],
      ["packages/api/src/legacy.js", 2, "Thrown value is undefined, not an Error: it has no stack trace and breaks `instanceof Error` handling."],
      ["packages/api/src/legacy.js", 3, "Thrown value is a boolean, not an Error: it has no stack trace and breaks `instanceof Error` handling."],
    ]);
    expect(findings.every((f) => f.ruleId === ID && f.rule?.startsWith("Rule 5 — ") === true)).toBe(true);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(ID, "good")).toEqual([]);
  });

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

  it("sees through parentheses, assertions and satisfies, and classifies operators and conditionals", async () => {
    const code = [
      "throw ok ? 'a' : new Error('b');",
      "throw ok ? new Error('a') : 404;",
      "throw -1;",
      "throw +2;",
      "throw 'a' as unknown;",
      "throw <string>'b';",
      "throw 'c' satisfies unknown;",
      "throw ((null));",
      "throw void 0;",
      "throw !ok;",
      "throw typeof x;",
      "throw error ?? 'unknown';",
      "throw a === b;",
      "throw a - b;",
    ].join("\n");
    const findings = await runRule(ID, { "src/a.ts": code });
    expect(findings.map((f) => [f.line, f.message.split(",")[0]])).toEqual([
      [1, "Thrown value is a string"],
      [2, "Thrown value is a number"],
      [3, "Thrown value is a number"],
      [4, "Thrown value is a number"],
      [5, "Thrown value is a string"],
      [6, "Thrown value is a string"],
      [7, "Thrown value is a string"],
      [8, "Thrown value is null"],
      [9, "Thrown value is undefined"],
      [10, "Thrown value is a boolean"],
      [11, "Thrown value is a string"],
      [12, "Thrown value is a string"],
      [13, "Thrown value is a boolean"],
      [14, "Thrown value is a number"],
    ]);
  });

  it("does not report conditionals, assertions and fallbacks that may be Errors", async () => {
    const code = [
      "throw ok ? new Error('a') : makeError();",
      "throw error as Error;",
      "throw (error!);",
      "throw error ?? new Error('unknown');",
      "throw error || fallback;",
      "throw errors[0];",
    ].join("\n");
    expect(await runRule(ID, { "src/a.ts": code })).toEqual([]);
  });

  it("allows Error objects, rethrows and calls", async () => {
    const code = ["throw new Error('x');", "throw new TypeError(`y`);", "try { a(); } catch (e) { throw e; }", "throw makeError();", "throw count + 1;"].join("\n");
    expect(await runRule(ID, { "src/a.ts": code })).toEqual([]);
  });

  it("leaves test files alone unless ignoreTests is false", async () => {
    const code = "throw 'fail';\n";
    expect(await runRule(ID, { "test/a.test.ts": code })).toEqual([]);
    expect((await runRule(ID, { "test/a.test.ts": code }, { ignoreTests: false })).map((f) => f.file)).toEqual(["test/a.test.ts"]);
  });
});
