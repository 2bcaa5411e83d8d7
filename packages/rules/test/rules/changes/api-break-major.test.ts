import { rmSync } from "node:fs";
import path from "node:path";
import { gitRepo, type TempRepo } from "@warden/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

const GREET = 'export function greet(name: string): string {\n  return `hi ${name}`;\n}\n';
const GREET_BROKEN = 'export function greet(name: string, punctuation: string): string {\n  return `hi ${name}${punctuation}`;\n}\n';
const DIST = { ".": { types: "./dist/index.d.ts", default: "./dist/index.js" } };
const changeset = (name: string, bump: string): string => `---\n"${name}": ${bump}\n---\n\nGreet differently.\n`;

// One repository, one range for every case (each case is a package of its own), so the range is
// checked by one `warden check --range` per config instead of one per case:
// - break-minor: 1.0.0, breaks greet, has a minor changeset   → needs a major
// - break-major: 1.0.0, breaks greet, has a major changeset   → passes
// - zero:        0.4.0, breaks greet, has a minor changeset   → passes (minor is 0.x's major), unless zeroMajor: major
// - additive:    1.0.0, adds an optional parameter and an export, minor changeset → passes
let repo: TempRepo;
beforeAll(() => {
  repo = gitRepo({
    "package.json": JSON.stringify({ name: "root", private: true, workspaces: ["packages/*"] }),
    "packages/break-minor/package.json": JSON.stringify({ name: "@fx/break-minor", version: "1.0.0", type: "module", exports: DIST }),
    "packages/break-minor/src/index.ts": GREET,
    "packages/break-major/package.json": JSON.stringify({ name: "@fx/break-major", version: "1.0.0", type: "module", exports: DIST }),
    "packages/break-major/src/index.ts": GREET,
    "packages/zero/package.json": JSON.stringify({ name: "@fx/zero", version: "0.4.0", type: "module", exports: DIST }),
    "packages/zero/src/index.ts": GREET,
    "packages/additive/package.json": JSON.stringify({ name: "@fx/additive", version: "1.0.0", exports: "./src/index.ts" }),
    "packages/additive/src/index.ts": "export function greet(name: string): string {\n  return name;\n}\n",
  });
  repo.commit("feat: greet");
  repo.write({
    "packages/break-minor/src/index.ts": GREET_BROKEN,
    ".changeset/break-minor.md": changeset("@fx/break-minor", "minor"),
    "packages/break-major/src/index.ts": GREET_BROKEN,
    ".changeset/break-major.md": changeset("@fx/break-major", "major"),
    "packages/zero/src/index.ts": GREET_BROKEN,
    ".changeset/zero.md": changeset("@fx/zero", "minor"),
    "packages/additive/src/index.ts": "export function greet(name: string, loud?: boolean): string {\n  return loud === true ? name.toUpperCase() : name;\n}\nexport const VERSION = 2;\n",
    ".changeset/additive.md": changeset("@fx/additive", "minor"),
  });
  repo.commit("feat!: punctuation");
  rangeFindings(); // the default-config run every case reads: here, under the hook's timeout
}, 120_000);
afterAll(() => repo.cleanup());

/** The rule's findings of `warden check --range HEAD~1..HEAD` with `config` as warden.config.mjs (none: defaults); one run per config. */
const runs = new Map<string, JsonFinding[]>();
function rangeFindings(config?: string): JsonFinding[] {
  const key = config ?? "";
  const known = runs.get(key);
  if (known !== undefined) return known;
  if (config === undefined) rmSync(path.join(repo.dir, "warden.config.mjs"), { force: true });
  else repo.write({ "warden.config.mjs": config });
  const result = repo.warden(["check", "--range", "HEAD~1..HEAD", "--format", "json"]);
  expect(result.stderr).toBe("");
  const findings = (JSON.parse(result.stdout) as { findings: JsonFinding[] }).findings.filter((f) => f.ruleId === RULE);
  runs.set(key, findings);
  return findings;
}
const of = (findings: readonly JsonFinding[], pkg: string): JsonFinding[] => findings.filter((f) => f.file.startsWith(`packages/${pkg}/`));

describe(RULE, () => {
  it("asks for a major changeset when a range breaks a package's API, naming symbol, before, after and place", () => {
    const findings = rangeFindings();
    expect(locations(findings)).toEqual([["packages/break-minor/src/index.ts", 1, 1, "needsBump"]]);
    // The data the message carries: symbol, package, before → after, and the bump the range has.
    for (const part of ["greet", "@fx/break-minor", "— → punctuation: string", "has a minor"]) expect(findings[0]?.message).toContain(part);
  });

  it("passes with a major changeset", () => {
    expect(of(rangeFindings(), "break-major")).toEqual([]);
  });

  it("needs a minor in a 0.x package, or a major with zeroMajor: major", { timeout: 120_000 }, () => {
    expect(of(rangeFindings(), "zero")).toEqual([]);
    const strict = rangeFindings(`export default { rules: { "${RULE}": ["error", { zeroMajor: "major" }] } };\n`);
    expect(locations(of(strict, "zero"))).toEqual([["packages/zero/src/index.ts", 1, 1, "needsBump"]]);
  });

  it("ignores additive changes and changes outside the shipped files", { timeout: 120_000 }, () => {
    expect(of(rangeFindings(), "additive")).toEqual([]);
    // the include option decides what ships: with nothing shipped, nothing is compared
    expect(rangeFindings(`export default { rules: { "${RULE}": ["error", { include: ["bin/**"], exclude: [] }] } };\n`)).toEqual([]);
  });
});
