import { citeFor, loadTeamRuleBook, type Finding, type TeamRuleBook, type WardenConfig } from "@warden/core";

/**
 * The team's written rules (config `writtenRules`) mapped to Warden's checks, or undefined when
 * the config does not name a source. Read on every run, so an edited AGENTS.md is seen at once.
 */
export async function teamRuleBookFor(root: string, config: WardenConfig): Promise<TeamRuleBook | undefined> {
  if (config.writtenRules === undefined) return undefined;
  const { BUILTIN_RULES } = await import("@warden/rules");
  const checks = new Map<string, string>(BUILTIN_RULES.map((rule) => [rule.id, rule.enforces]));
  checks.set("secrets/*", "Rule 5");
  return loadTeamRuleBook(root, config.writtenRules, checks);
}

/** Findings citing the team's rules instead of the built-in catalogue's (unchanged without a rule book). */
export function citeTeamRules<T extends Finding>(findings: readonly T[], book: TeamRuleBook | undefined): T[] {
  if (book === undefined) return [...findings];
  return findings.map((finding) => ({ ...finding, rule: citeFor(book, finding.ruleId, finding.rule ?? finding.ruleId) }));
}
