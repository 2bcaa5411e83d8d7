import { z } from "zod";
import { defineRule } from "../../define-rule.js";
import { unauthorizedChanges } from "../../protected-paths.js";

export default defineRule({
  id: "protect/canonical-docs",
  enforces: "Rule 17",
  description: "The configured canonical documentation folder is the authority: a commit that changes it carries an `Authorized-by: Name <email>` trailer.",
  scope: "repo",
  messages: {
    unauthorized: {
      message: "Commit {{oid}} changes the canonical documentation ({{file}}) without an Authorized-by trailer.",
      hint: "Have the documentation owner approve the change and add `Authorized-by: Name <email>` as the last paragraph of the commit message.",
    },
  },
  options: z
    .object({
      folder: z.string().default("").describe("The canonical documentation folder (e.g. \"docs/canonical\"); empty: none configured, nothing is checked."),
    })
    .strict(),
  classes: "any",
  defaultLevel: "error",
  async check(ctx) {
    const folder = ctx.options.folder.replace(/\/+$/, "");
    if (folder === "") return;
    for (const { commit, file } of unauthorizedChanges(ctx.commits, [`${folder}/**`])) {
      ctx.report({ messageId: "unauthorized", data: { oid: commit.oid.slice(0, 12), file }, file, line: 1, key: `${commit.oid}:${file}` });
    }
  },
});
