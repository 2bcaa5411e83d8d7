import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AGENTS_SECTION_END, AGENTS_SECTION_START, citeFor, loadTeamRuleBook, parseTeamRules, teamRuleStates, WardenError, WrittenRulesSchema } from "../src/index.js";

const pick = (markdown: string): [string, string][] => parseTeamRules(markdown).map((rule) => [rule.number, rule.title]);

describe("parseTeamRules", () => {
  it("reads numbered headings in the writing styles teams use", () => {
    const md = [
      "# Engineering rules",
      "Intro text.",
      "## Rule 1: No placeholder code",
      "Ship real code. Nothing else.",
      "## Rule 2 — Tests for every change",
      "### 3. **Secrets** stay out of git",
      "## 10) Docs in /docs",
    ].join("\n");
    expect(pick(md)).toEqual([
      ["1", "No placeholder code"],
      ["2", "Tests for every change"],
      ["3", "Secrets stay out of git"],
      ["10", "Docs in /docs"],
    ]);
    expect(parseTeamRules(md)[0]).toMatchObject({ line: 3, summary: "Ship real code." });
  });

  it("numbers the sub-headings of a rules section in order when the headings carry no numbers", () => {
    const md = ["# Project", "## Setup", "### Install", "## Rules", "### No any", "Use unknown.", "### Small functions", "## Other", "### Not a rule"].join("\n");
    expect(pick(md)).toEqual([
      ["1", "No any"],
      ["2", "Small functions"],
    ]);
  });

  it("reads the top-level items of a numbered list inside the rules section, bold lead as title", () => {
    const md = [
      "# AGENTS.md",
      "## Setup",
      "1. Install pnpm",
      "2. Run the tests",
      "## Rules for agents",
      "1. **Never commit secrets.** Use the vault.",
      "   1. nested detail, not a rule",
      "2. Keep functions small: under 40 lines.",
      "3. No `console.log` in library code",
    ].join("\n");
    expect(pick(md)).toEqual([
      ["1", "Never commit secrets"],
      ["2", "Keep functions small"],
      ["3", "No console.log in library code"],
    ]);
    expect(parseTeamRules(md)[0]?.summary).toBe("Use the vault.");
  });

  it("ignores code blocks and the section Warden generates", () => {
    const md = [
      "## Rule 1: Real code",
      "```md",
      "## Rule 9: inside a fence",
      "```",
      AGENTS_SECTION_START,
      "## Rule 8: generated",
      AGENTS_SECTION_END,
      "## Rule 2: Real tests",
    ].join("\n");
    expect(pick(md)).toEqual([
      ["1", "Real code"],
      ["2", "Real tests"],
    ]);
  });

  it("reads a table whose first column is the rule number, the title cut at its first clause", () => {
    const md = ["# The written rules", "", "| # | rule | checks |", "| --- | --- | --- |", "| 1 | Real implementation only: no stubs | x |", "| 2 | Never break existing functionality | y |"].join("\n");
    expect(pick(md)).toEqual([
      ["1", "Real implementation only"],
      ["2", "Never break existing functionality"],
    ]);
    expect(parseTeamRules(md)[0]).toMatchObject({ line: 5, summary: "no stubs" });
    expect(pick("| 20 | Protect critical config (e.g. CI workflows): a trailer |\n| 21 | Zero waste |")).toEqual([
      ["20", "Protect critical config (e.g. CI workflows)"],
      ["21", "Zero waste"],
    ]);
  });

  it("takes several numbered lists whose numbers repeat (setup steps) for no rulebook", () => {
    const md = ["# Contributing", "## Set up", "1. Fork", "2. Clone", "## Add a theme", "1. Set up", "2. Take screenshots"].join("\n");
    expect(pick(md)).toEqual([]);
  });

  it("finds nothing in a document without rules", () => {
    expect(parseTeamRules("# Readme\n\nSome prose.\n")).toEqual([]);
  });
});

describe("loadTeamRuleBook", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "warden-team-rules-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(path.join(dir, "AGENTS.md"), "## Rule 1: Reuse and consolidate, no duplication\n## Rule 2: No stubs\n## Rule 3: Reviews by a person\n");
  const checks = new Map([
    ["code/no-duplicate-blocks", "Rule 4"],
    ["real/no-placeholder", "Rule 1"],
    ["logging/no-console", "Rule 8"],
    ["secrets/*", "Rule 5"],
  ]);
  const settings = (input: Record<string, unknown>) => WrittenRulesSchema.parse({ source: "AGENTS.md", ...input });

  it("maps checks by config, by the built-in rule's title, and leaves the rest to the catalogue", () => {
    const book = loadTeamRuleBook(dir, settings({ enforces: { "real/no-placeholder": "2", "secrets/*": ["Rule 2"] }, notCheckable: { "3": "a person decides" } }), checks);
    expect(book.checksOf.get("real/no-placeholder")).toEqual(["2"]);
    expect(book.checksOf.get("code/no-duplicate-blocks")).toEqual(["1"]); // title of the built-in Rule 4
    expect(book.checksOf.has("logging/no-console")).toBe(false);
    // A team title that is the start of the catalogue's title maps too (two words at least).
    writeFileSync(path.join(dir, "SHORT.md"), "## Rule 7: Reuse and consolidate\n## Rule 8: Zero\n");
    const short = loadTeamRuleBook(dir, settings({ source: "SHORT.md" }), checks);
    expect(short.checksOf.get("code/no-duplicate-blocks")).toEqual(["7"]);
    expect(citeFor(book, "real/no-placeholder", "Rule 1 — Real implementation only")).toBe("Rule 2 — No stubs (AGENTS.md)");
    expect(citeFor(book, "secrets/github-pat", "Rule 5 — Professional standards")).toBe("Rule 2 — No stubs (AGENTS.md)");
    expect(citeFor(book, "logging/no-console", "Rule 8 — Script and code excellence")).toBe("Warden catalogue Rule 8 — Script and code excellence");
    const states = teamRuleStates(book, (id) => id !== "code/no-duplicate-blocks");
    expect(states.get("1")).toEqual({ state: "not checked", checks: ["code/no-duplicate-blocks"] });
    expect(states.get("2")?.state).toBe("checked");
    expect(states.get("3")?.state).toBe("not checkable");
  });

  it("is partly checked when some of a rule's checks are off", () => {
    const book = loadTeamRuleBook(dir, settings({ enforces: { "real/no-placeholder": "2", "logging/no-console": "2" } }), checks);
    expect(teamRuleStates(book, (id) => id !== "logging/no-console").get("2")?.state).toBe("partly checked");
  });

  it("refuses unknown checks, unknown rule numbers and a missing source with one line", () => {
    const error = (input: Record<string, unknown>): string => {
      try {
        loadTeamRuleBook(dir, settings(input), checks);
      } catch (caught) {
        expect(caught).toBeInstanceOf(WardenError);
        return (caught as Error).message;
      }
      throw new Error("no error");
    };
    expect(error({ enforces: { "real/no-placeholdr": "1" } })).toBe('writtenRules.enforces: unknown check "real/no-placeholdr" (did you mean real/no-placeholder?)');
    expect(error({ enforces: { "real/no-placeholder": "7" } })).toBe('writtenRules.enforces["real/no-placeholder"]: AGENTS.md has no rule 7 (it has 1, 2, 3)');
    expect(error({ source: "CLAUDE.md" })).toMatch(/^writtenRules\.source: CLAUDE\.md not found/);
  });
});
