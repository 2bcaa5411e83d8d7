import { defineProject } from "vitest/config";

export default defineProject({
  resolve: { conditions: ["source"] },
  ssr: { resolve: { conditions: ["source"], externalConditions: ["source"] } },
  test: {
    name: "rules",
    include: ["test/**/*.test.ts"],
    // Fixture repositories hold test files of their own: they are inputs, not tests to run.
    exclude: ["**/node_modules/**", "test/fixtures/**"],
    testTimeout: 30_000,
  },
});
