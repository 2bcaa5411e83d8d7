import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Rule } from "@warden/rules";

/**
 * What is wrong with the registration of the rule modules under `rulesDir` (a `src/rules/`
 * folder): each module that calls `defineRule(` must default-export a rule whose id is its path
 * (`code/no-debugger.ts` → "code/no-debugger") and that id must be in `registered` (the ids of
 * BUILTIN_RULES). One line per problem; none when every rule module runs.
 */
export async function registrationProblems(rulesDir: string, registered: readonly string[]): Promise<string[]> {
  const problems: string[] = [];
  const files = (readdirSync(rulesDir, { recursive: true }) as string[])
    .filter((file) => file.endsWith(".ts") && readFileSync(path.join(rulesDir, file), "utf8").includes("defineRule("))
    .sort();
  if (files.length === 0) problems.push(`no rule modules under ${rulesDir}`);
  for (const file of files) {
    const id = file.replace(/\.ts$/, "").split(path.sep).join("/");
    const mod = (await import(pathToFileURL(path.join(rulesDir, file)).href)) as { default?: Rule };
    if (mod.default === undefined) problems.push(`src/rules/${file} has no default export (a rule module default-exports defineRule(...))`);
    else if (mod.default.id !== id) problems.push(`src/rules/${file} defines "${mod.default.id}", not the id its path names ("${id}")`);
    else if (!registered.includes(id)) problems.push(`${id} is not registered in packages/rules/src/builtin.ts`);
  }
  return problems;
}
