// False-positive classes of docs/links-resolve seen on a real Astro Starlight site with translations
// (withastro/starlight docs), each beside a true broken link that is still reported. One temporary
// repository for the file.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Finding } from "@warden/core";
import { checkRepo } from "../../fixture-repo.js";

const FILES: Record<string, string> = {
  "package.json": JSON.stringify({ name: "root", private: true }),
  "docs/package.json": JSON.stringify({ name: "docs", private: true, dependencies: { astro: "5.0.0" } }),
  "docs/astro.config.mjs": "export default {};\n",
  "docs/src/content/docs/index.mdx": "# Home\n",
  "docs/src/content/docs/guides/css.mdx": "# CSS\n\n## Custom styles\n",
  "docs/src/content/docs/guides/components.mdx":
    "# Components\n\n### Custom aside&shy;titles\n\n#### `<Badge>`-Component\n\nSee [titles](#custom-asidetitles), [the badge](#badge-component) and [nothing](#no-such-heading).\n",
  "docs/src/content/docs/es/index.mdx": "# Inicio\n",
  // A translation that links to pages not translated yet: Starlight serves them from the default locale.
  "docs/src/content/docs/es/guides/components.mdx":
    "# Componentes\n\nLee [CSS](/es/guides/css/) y [estilos](/es/guides/css/#custom-styles), no [esto](/es/guides/missing/).\n",
  // Docs rendered by a site outside the repository link pages by slug: the file name without its
  // ordering prefix (SvelteKit's documentation/docs) or a front-matter `id:` (jest's docs/ for Docusaurus in website/).
  // In a numbered tree routed by slug, the site generates pages ($app-navigation) and its own anchors: not checkable here.
  "documentation/docs/10-getting-started/10-introduction.md":
    "# Introduction\n\nSee [hooks](hooks), [server routes](routing#server), [goto]($app-navigation#goto), [options](routing#Options-envPrefix) and [a file](./missing.md).\n",
  // A numbered tree read on GitHub (no link by slug): its broken anchors and names are still reported.
  "manual/guide/01-intro.md": "# Intro\n\nSee [setup](02-setup.md#nowhere) and [typo](02-stup).\n",
  "manual/guide/02-setup.md": "# Setup\n",
  "documentation/docs/20-core-concepts/10-routing.md": "# Routing\n\n## Server\n",
  "documentation/docs/30-advanced/20-hooks.md": "# Hooks\n",
  "guides/CLI.md": "# CLI\n\nSee [watch plugins](watch-plugins) and [bail](configuration#bail).\n",
  "guides/WatchPlugins.md": "---\nid: watch-plugins\ntitle: Watch Plugins\n---\n\n# Watch Plugins\n",
  "guides/Configuration.md": "---\nid: configuration\n---\n\n## `bail` \\[number | boolean]\n",
};

let root: string;
let findings: Finding[];

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), "warden-links-realworld-"));
  for (const [name, text] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  findings = await checkRepo(root, { "docs/links-resolve": "error" });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("docs/links-resolve on a translated Starlight site and on docs rendered elsewhere", () => {
  it("reports exactly the broken route and the broken anchor beside the clean twins", () => {
    expect(findings.map((f) => [f.file, f.line, f.messageId, f.message]).sort()).toEqual(
      [
        ["docs/src/content/docs/es/guides/components.mdx", 3, "missingRoute", "Link target /es/guides/missing/ matches no page of the Astro site in docs/."],
        ["documentation/docs/10-getting-started/10-introduction.md", 3, "missingFile", "Link target ./missing.md does not exist."],
        ["manual/guide/01-intro.md", 3, "missingAnchor", "Link anchor #nowhere matches no heading in manual/guide/02-setup.md."],
        ["manual/guide/01-intro.md", 3, "missingFile", "Link target 02-stup does not exist."],
        ["guides/CLI.md", 3, "missingAnchor", "Link anchor #bail matches no heading in guides/Configuration.md."],
        ["docs/src/content/docs/guides/components.mdx", 7, "missingAnchor", "Link anchor #no-such-heading matches no heading in docs/src/content/docs/guides/components.mdx."],
      ].sort(),
    );
  });
});
