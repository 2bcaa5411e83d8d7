import { defineRule } from "../../define-rule.js";
import { isPrivatePackage, PackageFileOptions, packagesToCheck } from "./package-files.js";

export default defineRule({
  id: "docs/package-changelog",
  enforces: "Rule 18",
  description: "Every released workspace package (not `private`; and every configured directory) has a CHANGELOG.md.",
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
    const configured = new Set(ctx.options.directories.map((d) => d.replace(/\/+$/, "")));
    for (const dir of await packagesToCheck(ctx.root, ctx.mode, ctx.files, ctx.options.directories, ctx.exists)) {
      // A private package is never released: no version, no changelog to keep (changesets skips it too).
      if (!configured.has(dir) && (await isPrivatePackage(ctx.readText, dir))) continue;
      if (!(await ctx.exists(`${dir}/CHANGELOG.md`))) {
        ctx.report({ messageId: "missing", data: { dir }, file: `${dir}/package.json`, line: 1, key: dir });
      }
    }
  },
});
