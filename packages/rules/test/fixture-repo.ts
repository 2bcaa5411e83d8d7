import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { walkFiles, WardenConfigSchema, type Finding } from "@warden/core";
import { runRules, type CommitInfo } from "@warden/rules";
import { ruleById } from "./helpers.js";

/** Folder of the fixture repositories: test/fixtures/<rule-id-with-dashes>/{bad,good}/. */
export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");

/** The folder of one fixture repository of a rule. */
export function fixtureDir(ruleId: string, variant: string): string {
  return path.join(FIXTURES, ruleId.replace("/", "-"), variant);
}

/**
 * Run one rule (error level, optional options) over a fixture repository as a full check, the
 * way `warden check` runs over a work tree. A `commits.json` in the fixture (an array of
 * {oid, message, files}) is handed to the rule as the pushed range and is not itself checked.
 */
export async function checkFixture(ruleId: string, variant: string, options?: Record<string, unknown>): Promise<Finding[]> {
  return checkRepo(fixtureDir(ruleId, variant), { [ruleId]: options === undefined ? "error" : ["error", options] });
}

/**
 * Run several rules (each at error level with its default options) over the fixture repository
 * of `ruleId`, as {@link checkFixture} does for one: a clean twin should be clean for all of them.
 */
export async function checkFixtureWith(ruleIds: readonly string[], ruleId: string, variant: string): Promise<Finding[]> {
  return checkRepo(fixtureDir(ruleId, variant), Object.fromEntries(ruleIds.map((id) => [id, "error"])));
}

/** Run one rule over the fixture repository of another rule (fixtures shared by related rules). */
export async function checkSharedFixture(ruleId: string, fixtureOf: string, variant: string, options?: Record<string, unknown>): Promise<Finding[]> {
  return checkRepo(fixtureDir(fixtureOf, variant), { [ruleId]: options === undefined ? "error" : ["error", options] });
}

/** Run rules over any folder as a full check (a copy of a fixture with node_modules added, say). */
export async function checkRepo(root: string, settings: Record<string, unknown>): Promise<Finding[]> {
  const names = (await walkFiles(root)).filter((name) => name !== "commits.json");
  const commitsFile = path.join(root, "commits.json");
  const commits = existsSync(commitsFile) ? (JSON.parse(readFileSync(commitsFile, "utf8")) as CommitInfo[]) : [];
  const config = WardenConfigSchema.parse({ rules: settings });
  const result = await runRules({
    root,
    files: names.map((name) => ({ path: name, content: readFileSync(path.join(root, name)) })),
    config,
    rules: Object.keys(settings).map(ruleById),
    mode: "full",
    exists: async (file) => existsSync(path.join(root, file)),
    commits,
  });
  return result.findings;
}
