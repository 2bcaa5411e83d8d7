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
    // The rule tests share no mutable state (no mocks, no env or cwd changes): one module graph per
    // worker instead of one per test file saves loading the rules and the TypeScript compiler 50 times.
    isolate: false,
  },
});
