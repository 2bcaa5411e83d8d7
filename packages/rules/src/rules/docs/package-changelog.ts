import { defineRule } from "../../define-rule.js";
import { PackageFileOptions, packagesToCheck } from "./package-files.js";

export default defineRule({
  id: "docs/package-changelog",
  enforces: "Rule 18",
  description: "Every workspace package (and configured directory) has a CHANGELOG.md.",
  scope: "repo",
  messages: {
    missing: {
      message: "Package {{dir}} has no CHANGELOG.md.",
      hint: "Add {{dir}}/CHANGELOG.md (changesets writes entries into it on `changeset version`); start it with `# <package name>`.",
    },
  },
  options: PackageFileOptions,
  defaultLevel: "error",
  async check(ctx) {
    for (const dir of await packagesToCheck(ctx.root, ctx.mode, ctx.files, ctx.options.directories, ctx.exists)) {
      if (!(await ctx.exists(`${dir}/CHANGELOG.md`))) {
        ctx.report({ messageId: "missing", data: { dir }, file: `${dir}/package.json`, line: 1, key: dir });
      }
    }
  },
});
