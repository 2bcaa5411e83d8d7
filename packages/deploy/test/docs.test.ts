import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEPLOY_STEPS, DeployEventTypeSchema } from "@warden/core";
import { REPO_ROOT } from "@warden/test-utils";

const docs = path.join(REPO_ROOT, "docs/deploy");
const units = (folder: string): string[] =>
  readdirSync(path.join(REPO_ROOT, "packages/deploy/src", folder))
    .filter((f) => f.endsWith(".ts") && f !== "index.ts")
    .map((f) => f.replace(/\.ts$/, ""));

describe("every deploy unit has its docs page", () => {
  it.each(units("targets"))("target %s", (name) => {
    const page = path.join(docs, "targets", `${name}.md`);
    expect(existsSync(page)).toBe(true);
    const text = readFileSync(page, "utf8");
    expect(text).toMatch(new RegExp(`^# Target: \`${name}\``));
    expect(text).toContain(`type: "${name}"`);
    expect(readFileSync(path.join(docs, "README.md"), "utf8")).toContain(`(targets/${name}.md)`);
  });

  it.each(units("strategies"))("strategy %s", (name) => {
    const page = path.join(docs, "strategies", `${name}.md`);
    expect(existsSync(page)).toBe(true);
    expect(readFileSync(page, "utf8")).toMatch(new RegExp(`^# Strategy: \`${name}\``));
    expect(readFileSync(path.join(docs, "README.md"), "utf8")).toContain(`(strategies/${name}.md)`);
  });

  it("documents every pipeline step and every event type", () => {
    const readme = readFileSync(path.join(docs, "README.md"), "utf8");
    for (const step of DEPLOY_STEPS) expect(readme, step).toMatch(new RegExp(`\\| \`${step}\` \\|`));
    for (const type of DeployEventTypeSchema.options) expect(readme, type).toContain(`\`${type}\``);
  });
});
