import { z } from "zod";
import { defineRule } from "../../define-rule.js";
import { matcher } from "../../globs.js";

const ANYWHERE = /^(?:README|CHANGELOG|CONTRIBUTING|LICENSE|LICENCE|AGENTS|CLAUDE)(?:\.[a-z]+)?\.mdx?$/i;
const AT_ROOT = /^(?:SECURITY|CODE_OF_CONDUCT|SUPPORT|GOVERNANCE|CODEOWNERS)\.mdx?$/i;
const FOLDERS = [".changeset/**", ".github/**", "**/node_modules/**"];

export default defineRule({
  id: "docs/markdown-location",
  enforces: "Rule 6",
  description: "Markdown lives in docs/, except README, CHANGELOG, CONTRIBUTING, LICENSE and agent files.",
  scope: "file",
  languages: ["md"],
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
  check(ctx) {
    const docs = ctx.options.docs.replace(/\/+$/, "");
    if (ctx.file.startsWith(`${docs}/`) || ctx.file.includes(`/${docs}/`)) return;
    const name = ctx.file.slice(ctx.file.lastIndexOf("/") + 1);
    if (ANYWHERE.test(name)) return;
    if (AT_ROOT.test(name) && !ctx.file.includes("/")) return;
    if (matcher(FOLDERS)(ctx.file) || matcher(ctx.options.allow)(ctx.file)) return;
    ctx.report({ messageId: "outside", data: { docs }, line: 1, key: ctx.file });
  },
});
