import { WardenConfigSchema, type Finding } from "@warden/core";
import { BUILTIN_RULES, runRules, type Rule } from "@warden/rules";

const defaults = WardenConfigSchema.parse({});

/** Look a built-in rule up by id (throws when missing, so a renamed rule fails loudly). */
export function ruleById(id: string): Rule {
  const rule = BUILTIN_RULES.find((r) => r.id === id);
  if (rule === undefined) throw new Error(`no rule ${id}`);
  return rule;
}

/** Run one rule (at error level, with options) over in-memory files and return its findings. */
export async function runRule(
  id: string,
  files: Record<string, string>,
  options: Record<string, unknown> | undefined = undefined,
  extra: { exists?: (file: string) => Promise<boolean>; root?: string; mode?: "full" | "changes" } = {},
): Promise<Finding[]> {
  const rule = ruleById(id);
  const result = await runRules({
    root: extra.root ?? "/nonexistent",
    files: Object.entries(files).map(([path, content]) => ({ path, content })),
    config: { ...defaults, rules: { [id]: options === undefined ? "error" : ["error", options] } },
    rules: [rule],
    mode: extra.mode ?? "changes",
    exists: extra.exists ?? (async () => true),
  });
  return result.findings;
}

/** Findings reduced to what tests assert on: rule, line, column. */
export function positions(findings: readonly Finding[]): [string, number, number][] {
  return findings.map((f) => [f.ruleId, f.line, f.column]);
}
