import { describe, expect, it } from "vitest";
import { runRule } from "../../helpers.js";
import { checkFixture, summary } from "../../fixture-repo.js";

const ID = "docs/markdown-location";
/** Run the rule over these files only: nothing else exists (no docs site config, no SKILL.md). */
const only = (files: Record<string, string>, options?: Record<string, unknown>) => runRule(ID, files, options, { exists: async (file) => file in files });

describe(ID, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(ID, "bad");
    expect(summary(findings)).toEqual([
      ["ARCHITECTURE.md", 1, "Markdown file outside docs/."],
      ["NOTES.md", 1, "Markdown file outside docs/."],
      ["packages/api/SECURITY.md", 1, "Markdown file outside docs/."],
      ["packages/api/TODO.md", 1, "Markdown file outside docs/."],
      ["packages/api/design.md", 1, "Markdown file outside docs/."],
      ["packages/api/skills/auth/references/options.md", 1, "Markdown file outside docs/."],
      ["packages/api/src/endpoints.mdx", 1, "Markdown file outside docs/."],
      ["site/guide/intro.md", 1, "Markdown file outside docs/."],
    ]);
    expect(findings.every((f) => f.ruleId === ID && f.rule?.startsWith("Rule 6 — ") === true)).toBe(true);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(ID, "good")).toEqual([]);
  });

  it("reports markdown outside docs/", async () => {
    const findings = await only({ "NOTES.md": "# x", "packages/api/design.md": "# y", "src/a.mdx": "# z" });
    expect(findings.map((f) => f.file)).toEqual(["NOTES.md", "packages/api/design.md", "src/a.mdx"]);
    expect(findings[0]?.message).toBe("Markdown file outside docs/.");
  });

  it("allows the files every healthy repository has", async () => {
    const ok = [
      "README.md",
      "CHANGELOG.md",
      "CONTRIBUTING.md",
      "LICENSE.md",
      "AGENTS.md",
      "CLAUDE.md",
      "SECURITY.md",
      "CODE_OF_CONDUCT.md",
      "packages/api/README.md",
      "packages/api/CHANGELOG.md",
      "packages/api/AGENTS.md",
      "docs/guide.md",
      "packages/api/docs/x.md",
      ".changeset/brave-cats.md",
      ".github/PULL_REQUEST_TEMPLATE.md",
      ".claude/commands/review.md",
      ".agents/skills/release/SKILL.md",
    ];
    expect(await only(Object.fromEntries(ok.map((f) => [f, "# x"])))).toEqual([]);
  });

  it("keeps root-only files at the root and honours the options", async () => {
    expect((await only({ "packages/api/SECURITY.md": "# x" })).map((f) => f.file)).toEqual(["packages/api/SECURITY.md"]);
    expect(await only({ "documentation/a.md": "# x" }, { docs: "documentation" })).toEqual([]);
    expect(await only({ "rfcs/001.md": "# x" }, { allow: ["rfcs/**"] })).toEqual([]);
  });
});
