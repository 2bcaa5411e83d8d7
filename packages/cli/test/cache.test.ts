import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { gitRepo, type TempRepo } from "@warden/test-utils";

const ENV = { WARDEN_DAEMON: "0" };
const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

interface Report {
  findings: { file: string; line: number; ruleId: string; message: string }[];
}

function check(r: TempRepo, args: string[] = []): Report {
  const { findings } = JSON.parse(r.warden(["check", "--format", "json", ...args], { env: ENV }).stdout) as Report;
  return { findings };
}

describe("the result cache (.git/warden/cache, or node_modules/.cache/warden)", () => {
  it("gives the same findings warm as cold, and sees every change to a file or to the repository", () => {
    const r = gitRepo({
      "warden.config.json": JSON.stringify({ rules: { "waste/unused-files": "off", "waste/unused-exports": "off", "docs/exported-api-documented": "off" } }),
      "src/a.ts": 'export function a(): void {\n  throw new Error("not implemented");\n}\n',
      "src/b.ts": "export const b = 1;\n",
      "README.md": "# Demo\n\nSee [the guide](docs/guide.md).\n",
      "docs/guide.md": "# Guide\n",
    });
    repos.push(r);
    const cold = check(r);
    // No node_modules here: the cache lives in the git dir, and no folder appears for `git add -A` to commit.
    expect(existsSync(path.join(r.dir, ".git/warden/cache"))).toBe(true);
    expect(existsSync(path.join(r.dir, "node_modules"))).toBe(false);
    expect(check(r)).toEqual(cold);
    expect(cold.findings.map((f) => f.ruleId)).toEqual(["real/no-placeholder"]);

    r.write({ "src/b.ts": "export function b(): void {\n  throw new Error(\"not implemented\");\n}\n" });
    expect(check(r).findings.map((f) => f.file)).toEqual(["src/a.ts", "src/b.ts"]);

    rmSync(path.join(r.dir, "docs/guide.md"));
    const repoRule = check(r).findings.filter((f) => f.ruleId === "docs/links-resolve");
    expect(repoRule.map((f) => `${f.file}:${f.line}`)).toEqual(["README.md:3"]);

    r.write({ "warden.config.json": JSON.stringify({ rules: { "waste/unused-files": "off", "waste/unused-exports": "off", "docs/exported-api-documented": "off", "real/no-placeholder": "off" } }) });
    expect(check(r).findings.map((f) => f.ruleId)).toEqual(["docs/links-resolve"]);
    expect(check(r, ["--no-cache"])).toEqual(check(r));
  });

  it("lives in node_modules/.cache/warden in a repository with node_modules", () => {
    const r = gitRepo({ "src/b.ts": "export const b = 1;\n", "node_modules/.keep": "" });
    repos.push(r);
    check(r);
    expect(existsSync(path.join(r.dir, "node_modules/.cache/warden"))).toBe(true);
    expect(existsSync(path.join(r.dir, ".git/warden"))).toBe(false);
  });
});
