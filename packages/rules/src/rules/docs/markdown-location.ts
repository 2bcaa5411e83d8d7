import path from "node:path";
import { z } from "zod";
import { defineRule } from "../../define-rule.js";
import { docSiteFinder } from "../../doc-sites.js";
import { matcher } from "../../globs.js";

const ANYWHERE = /^(?:README|CHANGELOG|CONTRIBUTING|LICENSE|LICENCE|AGENTS|CLAUDE|GEMINI|SKILL)(?:\.[a-z]+)?\.mdx?$/i;
/** A changelog split by version or era (`CHANGELOG-3.0.md`, `CHANGELOG_PRE_v30.md`, `CHANGELOG-pre-1.md`): still the changelog. */
const CHANGELOG_ARCHIVE = /^CHANGELOG[-_.][\w.-]+\.mdx?$/i;
/** SvelteKit route files (`+page.svelte.md` through mdsvex): pages of an app's source, not documentation. */
const ROUTE_FILE = /^\+(?:page|layout|error)\b[\w.@-]*\.mdx?$/;
const AT_ROOT = /^(?:SECURITY|CODE_OF_CONDUCT|SUPPORT|GOVERNANCE|CODEOWNERS)\.mdx?$/i;
/** Where tools require their markdown: agents (.claude/, .agents/, .cursor/, .github/), changesets, installed packages. */
const FOLDERS = [".changeset/**", ".github/**", ".claude/**", ".agents/**", ".cursor/**", "**/node_modules/**"];

export default defineRule({
  id: "docs/markdown-location",
  enforces: "Rule 6",
  description:
    "Markdown lives in docs/ or a docs site, except README, CHANGELOG, CONTRIBUTING, LICENSE, agent files and the folders tools require (.changeset/, .github/, .claude/, .agents/, agent skills).",
  scope: "repo",
  messages: {
    outside: {
      message: "Markdown file outside {{docs}}/.",
      hint: "Move it under {{docs}}/ (and update links to it); only README/CHANGELOG/CONTRIBUTING/LICENSE/AGENTS/CLAUDE files live beside code.",
    },
  },
  options: z
    .object({
      docs: z.string().default("docs").describe("The documentation folder."),
      allow: z.array(z.string()).default([]).describe("Extra globs where markdown is allowed."),
    })
    .strict(),
  defaultLevel: "error",
  async check(ctx) {
    const docs = ctx.options.docs.replace(/\/+$/, "");
    const allowed = matcher([...FOLDERS, ...ctx.options.allow]);
    const siteOf = docSiteFinder((file) => ctx.exists(file));
    /** Whether a folder (or one above it) is an agent skill: a SKILL.md beside its references. */
    const skillAt = new Map<string, Promise<boolean>>();
    const inSkill = (dir: string): Promise<boolean> => {
      let known = skillAt.get(dir);
      if (known === undefined) {
        known = dir === "." ? Promise.resolve(false) : ctx.exists(`${dir}/SKILL.md`).then((own) => own || inSkill(path.posix.dirname(dir)));
        skillAt.set(dir, known);
      }
      return known;
    };
    for (const file of ctx.files) {
      if (!/\.mdx?$/i.test(file)) continue;
      if (file.startsWith(`${docs}/`) || file.includes(`/${docs}/`)) continue;
      const name = file.slice(file.lastIndexOf("/") + 1);
      if (ANYWHERE.test(name) || CHANGELOG_ARCHIVE.test(name) || ROUTE_FILE.test(name)) continue;
      if (AT_ROOT.test(name) && !file.includes("/")) continue;
      if (allowed(file)) continue;
      if ((await siteOf(file)) !== undefined) continue; // a page of a docs site (VitePress, Docusaurus, Astro, Next.js)
      if (await inSkill(path.posix.dirname(file))) continue;
      ctx.report({ messageId: "outside", data: { docs }, file, line: 1, key: file });
    }
  },
});
