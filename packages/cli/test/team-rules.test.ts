// The team's own written rules (config `writtenRules`): `warden rules` shows them with their
// state, findings cite them, `--format agents` writes the rules-and-checks section idempotently,
// and a range checked in CI says when its commits got past the hooks.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gitRepo, type TempRepo } from "@warden/test-utils";

const AGENTS = [
  "# AGENTS.md",
  "",
  "Read this before you change anything.",
  "",
  "## Our rules",
  "",
  "1. **Ship real code.** No placeholder bodies, no `TODO: implement`.",
  "2. **No duplication** of blocks across files.",
  "3. Reviews by a second person: every change.",
  "4. **No debug output** in library code.",
  "",
].join("\n");

const CONFIG = `export default {
  writtenRules: {
    source: "AGENTS.md",
    enforces: { "real/no-placeholder": "1", "code/no-duplicate-blocks": "2", "logging/no-console": "4", "secrets/*": "1" },
    notCheckable: { "3": "a review is done by a person" },
  },
  rules: { "logging/no-console": "off" },
};
`;

describe("the team's own written rules", () => {
  let repo: TempRepo;
  beforeAll(() => {
    repo = gitRepo({
      "AGENTS.md": AGENTS,
      "warden.config.mjs": CONFIG,
      "package.json": JSON.stringify({ name: "team", version: "1.0.0", private: true }),
      "src/index.ts": 'export function load(): string {\n  throw new Error("not implemented");\n}\n',
    });
  });
  afterAll(() => repo.cleanup());

  it("shows the team's rules with their state and the checks mapped to each", () => {
    const result = repo.warden(["rules"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Written rules of AGENTS.md: 4 (2 checked, 0 partly checked, 1 not checked, 1 not checkable)");
    expect(result.stdout).toMatch(/^Rule 1 — Ship real code {2}\[checked\]\n {2}real\/no-placeholder/m);
    expect(result.stdout).toContain("Rule 3 — Reviews by a second person  [not checkable]\n  not machine-checkable: a review is done by a person");
    expect(result.stdout).toContain("Rule 4 — No debug output  [not checked]"); // its one check is off
    const json = JSON.parse(repo.warden(["rules", "--json"]).stdout) as {
      source: string;
      writtenRules: { id: string; state: string; checks: string[]; where: string }[];
      rules: { id: string; writtenRule: string }[];
    };
    expect(json.source).toBe("AGENTS.md");
    expect(json.writtenRules.map((rule) => [rule.id, rule.state, rule.where])).toEqual([
      ["Rule 1", "checked", "AGENTS.md:7"],
      ["Rule 2", "checked", "AGENTS.md:8"],
      ["Rule 3", "not checkable", "AGENTS.md:9"],
      ["Rule 4", "not checked", "AGENTS.md:10"],
    ]);
    expect(json.writtenRules[0]?.checks).toEqual(["real/no-placeholder", "secrets/*"]);
    expect(json.rules.find((rule) => rule.id === "real/no-placeholder")?.writtenRule).toBe("Rule 1 — Ship real code (AGENTS.md)");
    expect(json.rules.find((rule) => rule.id === "types/no-explicit-any")?.writtenRule).toMatch(/^Warden catalogue Rule \d+ — /);
  });

  it("cites the team's rule in findings", () => {
    const result = repo.warden(["check", "--format", "json"]);
    expect(result.code).toBe(1);
    const findings = (JSON.parse(result.stdout) as { findings: { ruleId: string; rule: string }[] }).findings;
    expect(findings.find((f) => f.ruleId === "real/no-placeholder")?.rule).toBe("Rule 1 — Ship real code (AGENTS.md)");
    expect(repo.warden(["check"]).stdout).toContain("Rule 1 — Ship real code (AGENTS.md)");
  });

  it("writes the rules-and-checks section into the agent file between markers, idempotently", () => {
    const first = repo.warden(["rules", "--format", "agents"]);
    expect(first.stdout).toMatch(/^wrote AGENTS\.md/);
    const written = readFileSync(path.join(repo.dir, "AGENTS.md"), "utf8");
    expect(written.startsWith(AGENTS.trimEnd())).toBe(true); // the team's text is kept as it was
    expect(written).toContain("| Rule 1 — Ship real code | checked | `real/no-placeholder` (error), `secrets/*` (on) | `npx warden check --staged`, `npx warden scan --staged` |");
    expect(written).toContain("| Rule 3 — Reviews by a second person | not checkable: a review is done by a person | — | — |");
    expect(repo.warden(["rules", "--format", "agents"]).stdout).toMatch(/^unchanged AGENTS\.md/);
    expect(repo.warden(["rules", "--format", "agents", "--check"]).code).toBe(0);
    expect(readFileSync(path.join(repo.dir, "AGENTS.md"), "utf8")).toBe(written);
    // The generated section is not read back as rules.
    expect(repo.warden(["rules"]).stdout).toContain("Written rules of AGENTS.md: 4 ");
    // A changed mapping makes the section stale.
    repo.write({ "warden.config.mjs": CONFIG.replace('"logging/no-console": "off"', '"logging/no-console": "error"') });
    const stale = repo.warden(["rules", "--format", "agents", "--check"]);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toBe("✖ AGENTS.md: the rules section is out of date: run `warden rules --format agents` and commit it\n");
    repo.write({ "warden.config.mjs": CONFIG, "AGENTS.md": AGENTS });
  });

  it("refuses a mapping to a rule the document does not have with one line, exit 2", () => {
    repo.write({ "warden.config.mjs": CONFIG.replace('"code/no-duplicate-blocks": "2"', '"code/no-duplicate-blocks": "9"') });
    const result = repo.warden(["check"]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain('writtenRules.enforces["code/no-duplicate-blocks"]: AGENTS.md has no rule 9 (it has 1, 2, 3, 4)');
    repo.write({ "warden.config.mjs": CONFIG });
  });
});

describe("a range checked in CI names commits that got past the hooks", () => {
  let repo: TempRepo;
  beforeAll(() => {
    repo = gitRepo({ "package.json": JSON.stringify({ name: "bypass", version: "1.0.0", private: true }), "src/ok.ts": "export const ok = 1;\n" });
    repo.commit("chore: start");
  });
  afterAll(() => repo.cleanup());

  it("says nothing for clean commits, and names the commits and hooks for refused ones", () => {
    repo.write({ "src/two.ts": "export const two = 2;\n" });
    repo.commit("feat: add two");
    const clean = repo.warden(["check", "--range", "HEAD~1..HEAD", "--format", "json"]);
    expect(clean.code).toBe(0);
    expect((JSON.parse(clean.stdout) as { summary: Record<string, unknown> }).summary.hooksBypassed).toBeUndefined();

    repo.write({ "src/stub.ts": 'export function stub(): void {\n  throw new Error("not implemented");\n}\n' });
    repo.commit("feat: add stub", { noVerify: true });
    repo.write({ "src/three.ts": "export const three = 3;\n" });
    repo.commit("added three", { noVerify: true });
    const oids = repo.git(["rev-list", "--reverse", "HEAD~2..HEAD"]).stdout.trim().split("\n");
    const json = repo.warden(["check", "--range", "HEAD~3..HEAD", "--format", "json"]);
    expect(json.code).toBe(1);
    const summary = (JSON.parse(json.stdout) as { summary: { hooksBypassed: { commits: string[]; hooks: string[]; findings: number }; notes: string[] } }).summary;
    expect(summary.hooksBypassed.commits).toEqual(oids);
    expect(summary.hooksBypassed.hooks).toEqual(["commit-msg", "pre-commit", "pre-push"]);
    expect(summary.notes[0]).toMatch(/^hooks bypassed: 2 commits \([0-9a-f]{10}, [0-9a-f]{10}\) hold \d+ errors that Warden's commit-msg and pre-commit and pre-push hooks refuse/);
    expect(repo.warden(["check", "--range", "HEAD~3..HEAD"]).stdout).toContain("note: hooks bypassed: 2 commits");
  });
});
