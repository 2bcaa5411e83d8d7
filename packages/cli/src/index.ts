/**
 * The public entry of `@warden/cli` for config files: `import { defineConfig } from "@warden/cli"`.
 * Kept tiny so loading warden.config.ts stays fast.
 */
import type { WardenConfigInput } from "@warden/core";

export type { WardenConfigInput as WardenConfig } from "@warden/core";

/** Type helper for warden.config.ts: returns the config unchanged, with editor completion and type checks. */
export function defineConfig(config: WardenConfigInput): WardenConfigInput {
  return config;
}
