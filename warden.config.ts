import { defineConfig } from "@warden/cli";

// Warden's own configuration: the repository guards itself with the defaults its users get.
export default defineConfig({
  ignore: ["**/test/fixtures/**", "**/dist/**"],
  rules: {
    "docs/exported-api-documented": ["error", { include: ["packages/*/src/**"] }],
    // The root's @warden/changelog is the changesets formatter named in .changeset/config.json, a
    // file the rule does not read; the cli's @vitest/coverage-v8 is the provider vitest loads by
    // name when packages/cli/test/coverage.test.ts runs it with --coverage.provider=v8.
    "waste/unused-dependencies": ["error", { ignore: ["@warden/changelog", "@vitest/coverage-v8"] }],
    // The warm server's worker thread is an esbuild entry point (packages/cli/scripts/build.mjs)
    // started by URL (new Worker(new URL("./server-worker.js", import.meta.url))), not imported.
    "waste/unused-files": ["error", { ignore: ["packages/cli/src/server/worker.ts"] }],
  },
  // `./deploy.sh` with no environment deploys the example service to the local target
  // (docs/deploy/README.md).
  deploy: {
    default: "local",
    environments: {
      local: {
        target: { type: "local", app: "examples/hello-service", start: "node server.mjs", env: { APP_VERSION: "1.0.0" } },
        strategy: { type: "blue-green" },
        health: { path: "/healthz", expectStatus: 200, timeoutMs: 2000, retries: 20, intervalMs: 250 },
        preflight: { cleanTree: false, check: true, scan: true, migrations: false },
        build: "pnpm exec turbo run build --output-logs=errors-only",
        keepReleases: 3,
      },
    },
  },
});
