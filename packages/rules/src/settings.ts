import { didYouMean, FILE_CLASSES, FileClassSchema, maskTokens, WardenError, type FileClass, type RuleSetting, type Severity, type WardenConfig } from "@warden/core";
import picomatch from "picomatch";
import type { Rule } from "./define-rule.js";

/** The level and validated options of one rule for one file. */
export interface EffectiveSetting {
  readonly level: Severity | "off";
  readonly options: unknown;
  /** The file classes set for the rule in config (the `classes` key of its options), when set. */
  readonly classes?: readonly FileClass[];
}

function split(setting: RuleSetting): { level: Severity | "off"; options: Record<string, unknown> | undefined } {
  if (typeof setting === "string") return { level: setting, options: undefined };
  return { level: setting[0], options: setting[1] };
}

/**
 * Rule settings from config, validated once: unknown rule ids (with a suggestion) and invalid
 * options are {@link WardenError}s. `forFile` applies the per-path overrides in order.
 */
export class RuleSettings {
  private readonly base = new Map<string, EffectiveSetting>();
  private readonly overrides: { match: (file: string) => boolean; settings: Map<string, EffectiveSetting> }[] = [];
  private readonly cache = new Map<string, EffectiveSetting>();

  constructor(
    readonly rules: readonly Rule[],
    config: Pick<WardenConfig, "rules" | "overrides">,
    configFile = "warden.config",
  ) {
    const byId = new Map(rules.map((rule) => [rule.id, rule]));
    const resolve = (where: string, entries: Record<string, RuleSetting>): Map<string, EffectiveSetting> => {
      const out = new Map<string, EffectiveSetting>();
      for (const [id, setting] of Object.entries(entries)) {
        const rule = byId.get(id);
        if (rule === undefined) {
          const suggestion = didYouMean(id, byId.keys());
          // An id not shaped like one (a pasted token) is echoed shortened; the output redactor runs after.
          const shown = /^[a-z0-9-]+\/[a-z0-9-]+$/.test(id) ? id : maskTokens(id.replace(/"/g, "'"));
          throw new WardenError(
            "UNKNOWN_RULE",
            `${configFile}: ${where}: unknown rule "${shown}"${suggestion === undefined ? "" : ` (did you mean "${suggestion}"?)`}; \`warden rules\` lists them`,
          );
        }
        const { level, options: given } = split(setting);
        const { classes: rawClasses, ...options } = given ?? {};
        let classes: FileClass[] | undefined;
        if (rawClasses !== undefined) {
          const checked = FileClassSchema.array().safeParse(rawClasses);
          if (!checked.success) {
            throw new WardenError("CONFIG_INVALID", `${configFile}: ${where}["${id}"] options.classes: expected a list of ${FILE_CLASSES.join(", ")}`);
          }
          classes = checked.data;
        }
        const parsed = rule.options.safeParse(options);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          const at = issue === undefined || issue.path.length === 0 ? "" : `.${issue.path.join(".")}`;
          throw new WardenError("CONFIG_INVALID", `${configFile}: ${where}["${id}"] options${at}: ${issue?.message ?? "invalid"}`);
        }
        out.set(id, { level, options: parsed.data, ...(classes === undefined ? {} : { classes }) });
      }
      return out;
    };
    for (const rule of rules) {
      const parsed = rule.options.safeParse({});
      if (!parsed.success) throw new Error(`rule ${rule.id}: its options schema must accept {}`);
      this.base.set(rule.id, { level: rule.defaultLevel, options: parsed.data });
    }
    for (const [id, setting] of resolve("rules", config.rules)) this.base.set(id, setting);
    config.overrides.forEach((override, index) => {
      this.overrides.push({
        match: picomatch(override.files, { dot: true }),
        settings: resolve(`overrides[${index}].rules`, override.rules),
      });
    });
  }

  /** The setting of `ruleId` for `file` (repository-relative), overrides applied. */
  forFile(ruleId: string, file: string | undefined): EffectiveSetting {
    const key = `${ruleId}\u0000${file ?? ""}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    let setting = this.base.get(ruleId) ?? { level: "off" as const, options: undefined };
    if (file !== undefined) {
      for (const override of this.overrides) {
        const local = override.settings.get(ruleId);
        if (local !== undefined && override.match(file)) setting = local;
      }
    }
    this.cache.set(key, setting);
    return setting;
  }

  /** The setting of `ruleId` before any per-path override. */
  global(ruleId: string): EffectiveSetting {
    return this.forFile(ruleId, undefined);
  }
}
