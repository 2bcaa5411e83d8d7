import { evaluateGate, GateOptionsSchema, isChangesetFile } from "@warden/changelog";
import { defineRule } from "../../define-rule.js";
import { changesetsInState, workspacePackagesInState } from "../../range-state.js";

export default defineRule({
  id: "changes/changeset-required",
  enforces: "Rule 18",
  description: "In a pushed range (pre-push, CI), every workspace package whose shipped files changed is named by a pending changeset.",
  scope: "repo",
  messages: {
    missing: {
      message: "Package {{name}} changed ({{files}}) but no changeset names it.",
      hint: "Run `pnpm changeset` and pick {{name}}, or waive the gate on purpose with a commit trailer `Changeset: none -- <reason>`.",
    },
    invalid: {
      message: "Changeset {{file}} cannot be read: {{reason}}",
      hint: "Fix its front matter: `---` then `\"package-name\": patch|minor|major` lines, then `---` and a summary.",
    },
    unchanged: {
      message: "Changeset {{file}} names {{name}}, which has no shipped change in this range.",
      hint: "Drop the package from the changeset, or turn `checkUnchanged` off if releases without code changes are intended.",
    },
  },
  options: GateOptionsSchema,
  defaultLevel: "error",
  async check(ctx) {
    if (ctx.commits.length === 0) return; // a range check only: pre-push and `warden check --range`
    const packages = await workspacePackagesInState(ctx);
    if (packages.length === 0) return;
    const changesets = await changesetsInState(ctx, isChangesetFile);
    const result = evaluateGate({ packages, commits: ctx.commits, changesets, options: ctx.options });
    for (const { pkg, files } of result.missing) {
      const shown = files.slice(0, 3).map((f) => f.slice(pkg.dir.length + 1)).join(", ") + (files.length > 3 ? ` and ${files.length - 3} more` : "");
      ctx.report({ messageId: "missing", data: { name: pkg.name, files: shown }, file: `${pkg.dir}/package.json`, line: 1, key: pkg.name });
    }
    for (const { file, reason } of result.invalid) ctx.report({ messageId: "invalid", data: { file, reason }, file, line: 1, key: file });
    for (const { file, name } of result.unchanged) ctx.report({ messageId: "unchanged", data: { file, name }, file, line: 1, key: `${file}:${name}` });
  },
});
