import path from "node:path";
import { validateAdrs } from "@warden/changelog";
import { z } from "zod";
import { defineRule } from "../../define-rule.js";

export default defineRule({
  id: "docs/adr-valid",
  enforces: "Standard: ADRs",
  description: "Architecture decision records are numbered once, have a known status and their sections, link supersessions both ways, reference only records that exist, and are indexed.",
  scope: "repo",
  messages: {
    duplicate: { message: "{{id}} is numbered again (first in {{other}}).", hint: "Renumber this record with the next free number (`warden adr new` picks it)." },
    status: { message: "Status \"{{status}}\" is not one of: {{statuses}}.", hint: "Set `status:` in the front matter to one of the known statuses." },
    sections: { message: "The record lacks the section(s): {{sections}}.", hint: "Add `## Context`, `## Decision` and `## Consequences`." },
    supersedeLink: {
      message: "{{id}} and {{other}} do not link both ways: {{id}} lacks `{{missing}}`.",
      hint: "Use `warden adr supersede N \"Title\"`, which writes both links; or add the missing front-matter key by hand.",
    },
    dangling: { message: "{{id}} is referenced but no such record exists.", hint: "Fix the number, or write the record (`warden adr new`)." },
    affects: { message: "`affects:` glob {{glob}} matches no file any more.", hint: "Update the glob to where the code lives now, or mark the record deprecated or superseded." },
    index: { message: "The ADR index is out of date.", hint: "Run `warden adr index` and commit the result." },
    invalid: { message: "The record cannot be read: {{reason}}", hint: "Give it front matter (`---`, `status: accepted`, `date: YYYY-MM-DD`, `---`); `warden adr migrate` converts `- Status:` lines." },
  },
  options: z.object({ dir: z.string().default("docs/adr").describe("The folder of the records.") }).strict(),
  defaultLevel: "error",
  async check(ctx) {
    const dir = ctx.options.dir.replace(/\/$/, "");
    const inDir = (file: string): boolean => path.posix.dirname(file) === dir && file.endsWith(".md");
    if (ctx.mode === "changes" && !ctx.files.some(inDir) && ctx.commits.length === 0) return;
    const all = await ctx.listFiles();
    const records = all.filter(inDir);
    if (!records.some((file) => /\/\d{4}-[^/]*\.md$/.test(file))) return;
    const texts = new Map<string, string>();
    for (const file of records) {
      const text = await ctx.readText(file);
      if (text !== undefined) texts.set(file, text);
    }
    for (const problem of validateAdrs({ dir, texts, files: all })) {
      ctx.report({ messageId: problem.kind, data: problem.data, file: problem.file, line: problem.line, key: `${problem.kind}:${Object.values(problem.data).join(":")}` });
    }
  },
});
