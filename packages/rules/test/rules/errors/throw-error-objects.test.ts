import { describe, expect, it } from "vitest";
import { locations, runRule } from "../../helpers.js";
import { checkFixture } from "../../fixture-repo.js";

/** One `literal` finding at column 7 on each of the first `count` lines of src/a.ts. */
const literalsOnLines = (count: number) => Array.from({ length: count }, (_, i) => ["src/a.ts", i + 1, 7, "literal"]);

const ID = "errors/throw-error-objects";

describe(ID, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(ID, "bad");
    expect(locations(findings)).toEqual([
      ["packages/api/src/handlers.ts", 7, 41, "literal"],
      ["packages/api/src/handlers.ts", 12, 21, "literal"],
      ["packages/api/src/handlers.ts", 17, 11, "literal"],
      ["packages/api/src/handlers.ts", 19, 41, "literal"],
      ["packages/api/src/handlers.ts", 20, 42, "literal"],
      ["packages/api/src/handlers.ts", 21, 44, "literal"],
      ["packages/api/src/handlers.ts", 27, 36, "literal"],
      ["packages/api/src/handlers.ts", 28, 21, "literal"],
      ["packages/api/src/handlers.ts", 29, 40, "literal"],
      ["packages/api/src/legacy.js", 2, 34, "literal"],
      ["packages/api/src/legacy.js", 3, 30, "literal"],
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
    expect(locations(findings)).toEqual(literalsOnLines(9));
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
    expect(locations(findings)).toEqual(literalsOnLines(14));
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
