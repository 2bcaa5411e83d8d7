import { z } from "zod";

/** A rule's level in config: `"error"`, `"warn"` or `"off"`. */
export const RuleLevelSchema = z.enum(["error", "warn", "off"]);

/** A rule's setting: a level, or a `[level, options]` pair whose options the rule validates. */
export const RuleSettingSchema = z.union(
  [RuleLevelSchema, z.tuple([RuleLevelSchema]), z.tuple([RuleLevelSchema, z.record(z.string(), z.unknown())])],
  { error: () => 'expected "error", "warn" or "off", or ["error" | "warn" | "off", { …options }]' },
);
export type RuleSetting = z.infer<typeof RuleSettingSchema>;

/** Rule id → setting. Unknown ids are reported (with a suggestion) by the rules engine. */
export const RulesSchema = z
  .record(z.string(), RuleSettingSchema)
  .default({})
  .describe("Severity (and options) per rule id.");

/** Settings that apply only to files matching the globs. Later overrides win. */
export const OverrideSchema = z
  .object({
    files: z.array(z.string().min(1)).min(1).describe("Globs (picomatch) of repository-relative paths."),
    rules: RulesSchema,
  })
  .strict();
