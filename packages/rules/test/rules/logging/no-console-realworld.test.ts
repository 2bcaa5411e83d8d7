// logging/no-console on a real monorepo shape (hono middleware): a package's build scripts in
// `script/` and its `examples/` log on purpose; the same call in the package's library code is
// still reported.
import { describe, expect, it } from "vitest";
import { locations, runRule } from "../../helpers.js";

const RULE = "logging/no-console";
const LOG = "export function run(): void {\n  console.log('wrote robots.txt');\n}\n";

describe(`${RULE} on real-world shapes`, () => {
  it("leaves a package's script/ and examples/ alone and reports its library code", async () => {
    const findings = await runRule(RULE, {
      "packages/ua-blocker/script/prebuild.ts": LOG,
      "script/release.ts": LOG,
      "packages/ua-blocker/examples/demo.ts": LOG,
      "packages/ua-blocker/src/index.ts": LOG,
    });
    expect(locations(findings)).toEqual([["packages/ua-blocker/src/index.ts", 2, 3, expect.any(String)]]);
  });
});
