// Every rule module is registered: a file under src/rules/ that BUILTIN_RULES does not hold would
// never run, and `warden rules` would not list it. (create-rule.test.ts shows this check failing on
// an unregistered module in a temporary copy.)
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BUILTIN_RULES } from "@warden/rules";
import { registrationProblems } from "./registered.js";

const RULES_DIR = fileURLToPath(new URL("../src/rules/", import.meta.url));

describe("rule registration", () => {
  it("every module under src/rules/ that defines a rule is in BUILTIN_RULES under the id its path names", async () => {
    expect(await registrationProblems(RULES_DIR, BUILTIN_RULES.map((rule) => rule.id))).toEqual([]);
    expect((readdirSync(RULES_DIR, { recursive: true }) as string[]).filter((file) => file.endsWith(".ts")).length).toBeGreaterThanOrEqual(BUILTIN_RULES.length);
  });
});
