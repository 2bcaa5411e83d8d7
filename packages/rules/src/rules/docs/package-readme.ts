import { defineRule } from "../../define-rule.js";
import { PackageFileOptions, packagesToCheck } from "./package-files.js";

export default defineRule({
  id: "docs/package-readme",
  enforces: "Rule 6",
  description: "Every workspace package (and configured directory) has a README.md.",
  scope: "repo",
  messages: {
    missing: {
      message: "Package {{dir}} has no README.md.",
      hint: "Add {{dir}}/README.md: what the package owns, how to use it, and links into docs/.",
    },
  },
  options: PackageFileOptions,
  defaultLevel: "error",
  async check(ctx) {
    for (const dir of await packagesToCheck(ctx.root, ctx.mode, ctx.files, ctx.options.directories, ctx.exists)) {
      if (!(await ctx.exists(`${dir}/README.md`))) {
        ctx.report({ messageId: "missing", data: { dir }, file: `${dir}/package.json`, line: 1, key: dir });
      }
    }
  },
});
