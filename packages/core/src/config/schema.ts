import { z } from "zod";
import { DeploySchema } from "./deploy-section.js";
import { HooksSchema } from "./hooks-section.js";
import { OverrideSchema, RulesSchema } from "./rules-section.js";
import { SecretsSchema } from "./secrets-section.js";

/** The schema of `warden.config.*`: the one source of truth for config keys, types and defaults. */
export const WardenConfigSchema = z
  .object({
    $schema: z.string().optional(),
    ignore: z
      .array(z.string().min(1))
      .default([])
      .describe("Globs of paths Warden never checks, on top of .gitignore."),
    rules: RulesSchema,
    overrides: z.array(OverrideSchema).default([]),
    hooks: HooksSchema,
    secrets: SecretsSchema,
    deploy: DeploySchema,
  })
  .strict();

/** The config as written by the user (defaults may be omitted). */
export type WardenConfigInput = z.input<typeof WardenConfigSchema>;
/** The config after validation, with every default filled in. */
export type WardenConfig = z.output<typeof WardenConfigSchema>;

/** Type helper for `warden.config.ts`: returns its argument unchanged, typed. */
export function defineConfig(config: WardenConfigInput): WardenConfigInput {
  return config;
}
