import { gitRepo, type TempRepo } from "@warden/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { locations } from "../../helpers.js";

const RULE = "changes/api-break-major";

interface JsonFinding {
  readonly ruleId: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly messageId: string;
  readonly message: string;
}

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

/** A one-package workspace at `version` whose API then breaks in a second commit. */
function breakingRange(version: string): TempRepo {
  const created = gitRepo({
    "package.json": JSON.stringify({ name: "root", private: true, workspaces: ["packages/*"] }),
    "packages/lib/package.json": JSON.stringify({ name: "@fx/lib", version, type: "module", exports: { ".": { types: "./dist/index.d.ts", default: "./dist/index.js" } } }),
    "packages/lib/src/index.ts": 'export function greet(name: string): string {\n  return `hi ${name}`;\n}\n',
  });
  created.commit("feat(lib): greet");
  created.write({ "packages/lib/src/index.ts": 'export function greet(name: string, punctuation: string): string {\n  return `hi ${name}${punctuation}`;\n}\n' });
  return created;
}

function rangeFindings(target: TempRepo, rule = RULE): JsonFinding[] {
  const result = target.warden(["check", "--range", "HEAD~1..HEAD", "--format", "json"]);
  expect(result.stderr).toBe("");
  return (JSON.parse(result.stdout) as { findings: JsonFinding[] }).findings.filter((f) => f.ruleId === rule);
}

describe(RULE, () => {
  it("asks for a major changeset when a range breaks a package's API, naming symbol, before, after and place", () => {
    repo = breakingRange("1.0.0");
    repo.write({ ".changeset/greet.md": '---\n"@fx/lib": minor\n---\n\nGreet with punctuation.\n' });
    repo.commit("feat(lib)!: punctuation");
    const findings = rangeFindings(repo);
    expect(locations(findings)).toEqual([["packages/lib/src/index.ts", 1, 1, "needsBump"]]);
    // The data the message carries: symbol, package, before → after, and the bump the range has.
    for (const part of ["greet", "@fx/lib", "— → punctuation: string", "has a minor"]) expect(findings[0]?.message).toContain(part);
  });

  it("passes with a major changeset, and with the break kept out of the range", () => {
    repo = breakingRange("1.0.0");
    repo.write({ ".changeset/greet.md": '---\n"@fx/lib": major\n---\n\nGreet with punctuation.\n' });
    repo.commit("feat(lib)!: punctuation");
    expect(rangeFindings(repo)).toEqual([]);
  });

  it("needs a minor in a 0.x package, or a major with zeroMajor: major", () => {
    repo = breakingRange("0.4.0");
    repo.write({ ".changeset/greet.md": '---\n"@fx/lib": minor\n---\n\nGreet with punctuation.\n' });
    repo.commit("feat(lib)!: punctuation");
    expect(rangeFindings(repo)).toEqual([]);
    repo.write({ "warden.config.mjs": `export default { rules: { "${RULE}": ["error", { zeroMajor: "major" }] } };\n` });
    expect(locations(rangeFindings(repo))).toEqual([["packages/lib/src/index.ts", 1, 1, "needsBump"]]);
  });

  it("ignores additive changes and changes outside the shipped files", () => {
    repo = gitRepo({
      "package.json": JSON.stringify({ name: "root", private: true, workspaces: ["packages/*"] }),
      "packages/lib/package.json": JSON.stringify({ name: "@fx/lib", version: "1.0.0", exports: "./src/index.ts" }),
      "packages/lib/src/index.ts": "export function greet(name: string): string {\n  return name;\n}\n",
    });
    repo.commit("feat(lib): greet");
    repo.write({
      "packages/lib/src/index.ts": "export function greet(name: string, loud?: boolean): string {\n  return loud === true ? name.toUpperCase() : name;\n}\nexport const VERSION = 2;\n",
      ".changeset/loud.md": '---\n"@fx/lib": minor\n---\n\nLoud greetings.\n',
    });
    repo.commit("feat(lib): loud");
    expect(rangeFindings(repo)).toEqual([]);
    // the include option decides what ships: with nothing shipped, nothing is compared
    repo.write({ "warden.config.mjs": `export default { rules: { "${RULE}": ["error", { include: ["bin/**"], exclude: [] }] } };\n` });
    expect(rangeFindings(repo)).toEqual([]);
  });
});
