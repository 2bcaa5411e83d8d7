// real/no-empty-function and real/no-skipped-tests on shapes from a real monorepo (withastro/starlight):
// a console method silenced with a no-op, and a local helper named `test` called without a title;
// the true stub and the true placeholder test beside them are still reported.
import { describe, expect, it } from "vitest";
import { locations, runRule } from "../../helpers.js";

describe("real/no-empty-function on real-world shapes", () => {
  it("allows a property patched with a no-op and still reports an empty exported stub", async () => {
    const findings = await runRule("real/no-empty-function", {
      "src/translations.ts":
        "export function load(): void {\n  const warn = console.warn;\n  console.warn = () => {};\n  console.warn = warn;\n}\nexports.handler = () => {};\nexport function todo(): void {}\n",
    });
    expect(locations(findings).map(([file, line]) => [file, line])).toEqual([
      ["src/translations.ts", 6],
      ["src/translations.ts", 7],
    ]);
  });
});

describe("real/no-skipped-tests on real-world shapes", () => {
  it("does not take a title-less call of a local `test` helper for a placeholder test", async () => {
    const findings = await runRule("real/no-skipped-tests", {
      "e2e/basics.test.ts":
        "import { expect, it, test } from 'vitest';\nit('highlights', async () => {\n  const check = async () => {\n    expect(1).toBe(1);\n  };\n  await (async function test() {\n    await check();\n  })();\n  await test();\n});\ntest('placeholder');\n",
    });
    expect(locations(findings).map(([file, line, , id]) => [file, line, id])).toEqual([["e2e/basics.test.ts", 11, "todo"]]);
  });
});
