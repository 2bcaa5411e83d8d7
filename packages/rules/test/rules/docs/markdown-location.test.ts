import { describe, expect, it } from "vitest";
import { locations, runRule } from "../../helpers.js";
import { checkFixture } from "../../fixture-repo.js";

const ID = "docs/markdown-location";
/** Run the rule over these files only: nothing else exists (no docs site config, no SKILL.md). */
const only = (files: Record<string, string>, options?: Record<string, unknown>) => runRule(ID, files, options, { exists: async (file) => file in files });

describe(ID, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(ID, "bad");
    expect(locations(findings)).toEqual([
      ["ARCHITECTURE.md", 1, 1, "outside"],
      ["NOTES.md", 1, 1, "outside"],
      ["packages/api/SECURITY.md", 1, 1, "outside"],
      ["packages/api/TODO.md", 1, 1, "outside"],
      ["packages/api/design.md", 1, 1, "outside"],
      ["packages/api/skills/auth/references/options.md", 1, 1, "outside"],
      ["packages/api/src/endpoints.mdx", 1, 1, "outside"],
      ["site/guide/intro.md", 1, 1, "outside"],
    ]);
    expect(findings.every((f) => f.ruleId === ID && f.rule?.startsWith("Rule 6 — ") === true)).toBe(true);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(ID, "good")).toEqual([]);
  });

  it("reports markdown outside docs/", async () => {
    const findings = await only({ "NOTES.md": "# x", "packages/api/design.md": "# y", "src/a.mdx": "# z" });
    expect(locations(findings)).toEqual([
      ["NOTES.md", 1, 1, "outside"],
      ["packages/api/design.md", 1, 1, "outside"],
      ["src/a.mdx", 1, 1, "outside"],
    ]);
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

  it("allows changelogs split by version and SvelteKit route pages, and still reports other notes (vue, jest, kit)", async () => {
    const findings = await only({
      "changelogs/CHANGELOG-3.0.md": "# 3.0",
      "CHANGELOG_PRE_v30.md": "# old",
      "packages/kit/CHANGELOG-pre-1.md": "# pre",
      "apps/site/src/routes/blog/[slug]/+page.svelte.md": "# page",
      "changelogs/notes.md": "# y",
    });
    expect(locations(findings)).toEqual([["changelogs/notes.md", 1, 1, "outside"]]);
  });
});
