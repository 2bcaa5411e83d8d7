import path from "node:path";
import { defineRule } from "../../define-rule.js";
import { isPrivatePackage, TEST_PACKAGE, PackageFileOptions, packagesToCheck } from "./package-files.js";

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
    const documentedAbove = async (dir: string): Promise<boolean> => {
      for (let up = path.posix.dirname(dir); up !== "." && up !== ""; up = path.posix.dirname(up)) {
        if (await ctx.exists(`${up}/README.md`)) return true;
      }
      return false;
    };
    const configured = new Set(ctx.options.directories.map((d) => d.replace(/\/+$/, "")));
    for (const dir of await packagesToCheck(ctx.root, ctx.mode, ctx.files, ctx.options.directories, ctx.exists)) {
      // A private package inside a documented folder (an example's client/ and server/) is documented there.
      if (!configured.has(dir) && (await isPrivatePackage(ctx.readText, dir)) && (TEST_PACKAGE.test(dir) || (await documentedAbove(dir)))) continue;
      if (!(await ctx.exists(`${dir}/README.md`))) {
        ctx.report({ messageId: "missing", data: { dir }, file: `${dir}/package.json`, line: 1, key: dir });
      }
    }
  },
});
