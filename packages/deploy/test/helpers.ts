// The deploy tests' shared helpers live in @warden/test-utils (test/e2e's deploy process tests use
// them too); the deploy environment maker stays here, beside the config schema it parses with.
import { DeployEnvironmentSchema, type DeployEnvironment } from "@warden/core";

export * from "@warden/test-utils/deploy";

/** A deploy environment for the local target with fast health checks and no slow gates. */
export function localEnv(overrides: Record<string, unknown> = {}, target: Record<string, unknown> = {}): DeployEnvironment {
  return DeployEnvironmentSchema.parse({
    target: { type: "local", app: "app", start: "node server.mjs", stopTimeoutMs: 2000, ...target },
    health: { retries: 30, intervalMs: 100, timeoutMs: 1000 },
    preflight: { cleanTree: true, check: false, scan: false },
    build: false,
    ...overrides,
  });
}
