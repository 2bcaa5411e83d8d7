import { describe, expect, it } from "vitest";
import { checkFixture } from "../../fixture-repo.js";
import { locations, runRule } from "../../helpers.js";
import { blankCodeSpans, headingAnchors, markdownLinks } from "../../../src/markdown.js";

const RULE = "docs/links-resolve";

describe(RULE, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(RULE, "bad");
    expect(locations(findings)).toEqual([
      // A VitePress site: routes and extensionless links resolve to its pages, anchors as the site computes them.
      // A Docusaurus site: /docs routes, front-matter slugs, versioned docs and dated blog posts.
      ["README.md", 3, 17, "missingFile"],
      ["README.md", 3, 43, "missingAnchor"],
      ["README.md", 5, 8, "missingFile"],
      ["docs/guide.md", 5, 15, "missingAnchor"],
      ["site/guide/index.md", 3, 24, "missingRoute"],
      ["site/guide/index.md", 3, 54, "missingAnchor"],
      ["site/guide/index.md", 3, 96, "missingAnchor"],
      ["site/guide/index.md", 4, 16, "missingAnchor"],
      ["site/guide/index.md", 4, 63, "missingFile"],
      ["site/guide/index.md", 5, 58, "missingFile"],
      ["www/docs/server/routers.md", 8, 20, "missingRoute"],
      ["www/docs/server/routers.md", 8, 51, "missingAnchor"],
    ]);
    expect(findings.every((f) => f.ruleId === RULE && f.rule?.startsWith("Rule 15 — ") === true)).toBe(true);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(RULE, "good")).toEqual([]);
  });

  it("leaves footnotes, absolute URLs and code alone, and resolves links in the state being checked", async () => {
    const readme = "# Demo\n\nA claim.[^1] See [x](./gone.md).\n\n[^1]: Some source, 2026.\n";
    const exists = async (file: string) => file === "README.md";
    expect(locations(await runRule(RULE, { "README.md": readme }, undefined, { exists }))).toEqual([["README.md", 3, 22, "missingFile"]]);
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
