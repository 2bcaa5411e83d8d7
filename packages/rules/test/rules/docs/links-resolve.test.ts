import { describe, expect, it } from "vitest";
import { checkFixture, summary } from "../../fixture-repo.js";
import { runRule } from "../../helpers.js";
import { blankCodeSpans, headingAnchors, markdownLinks } from "../../../src/markdown.js";

const RULE = "docs/links-resolve";

describe(RULE, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(RULE, "bad");
    expect(summary(findings)).toEqual([
      ["README.md", 3, "Link target docs/guid.md does not exist."],
      ["README.md", 3, "Link anchor #install matches no heading in docs/guide.md."],
      ["README.md", 5, "Link target ./docs/missing.md does not exist."],
      ["docs/guide.md", 5, "Link anchor #nowhere matches no heading in docs/guide.md."],
      // A VitePress site: routes and extensionless links resolve to its pages, anchors as the site computes them.
      ["site/guide/index.md", 3, "Link target /guide/confg matches no page of the VitePress site in site/."],
      ["site/guide/index.md", 3, "Link anchor #the-helper matches no heading in site/guide/config.md."],
      ["site/guide/index.md", 3, "Link anchor #options-2 matches no heading in site/guide/config.md."],
      ["site/guide/index.md", 4, "Link anchor #advanced matches no heading in site/guide/config.md."],
      ["site/guide/index.md", 4, "Link target ./install does not exist."],
      ["site/guide/index.md", 5, "Link target missing.md does not exist."],
      // A Docusaurus site: /docs routes, front-matter slugs, versioned docs and dated blog posts.
      ["www/docs/server/routers.md", 8, "Link target /docs/server/adapter matches no page of the Docusaurus site in www/."],
      ["www/docs/server/routers.md", 8, "Link anchor #fetch-adapter matches no heading in www/docs/server/adapters.mdx."],
    ]);
    expect(findings.every((f) => f.ruleId === RULE && f.rule?.startsWith("Rule 15 — ") === true)).toBe(true);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(RULE, "good")).toEqual([]);
  });

  it("leaves footnotes, absolute URLs and code alone, and resolves links in the state being checked", async () => {
    const readme = "# Demo\n\nA claim.[^1] See [x](./gone.md).\n\n[^1]: Some source, 2026.\n";
    const exists = async (file: string) => file === "README.md";
    expect(summary(await runRule(RULE, { "README.md": readme }, undefined, { exists }))).toEqual([["README.md", 3, "Link target ./gone.md does not exist."]]);
  });

  it("computes anchors as GitHub and the doc sites do: inline code kept, explicit ids, duplicates -1", () => {
    const anchors = headingAnchors("# The `defineConfig()` helper\n\n## Options\n\n## Options\n\n### \\_ActionsTree %{#actionstree}%\n\n## Setup {#install}\n\n```md\n# not a heading\n```\n");
    expect([...anchors].sort()).toEqual(["actionstree", "install", "options", "options-1", "the-defineconfig-helper"]);
  });

  it("treats code spans of any backtick count as code, and an unclosed run as text", () => {
    expect(blankCodeSpans("a ``[x](y.md) ` z`` b")).toBe(`a ${" ".repeat("``[x](y.md) ` z``".length)} b`);
    expect(markdownLinks("```[x](y.md)``` and [z](w.md)").map((l) => l.target)).toEqual(["w.md"]);
    expect(markdownLinks("a ` lone tick [z](w.md)").map((l) => l.target)).toEqual(["w.md"]);
  });
});
