import { evaluateGate, GateOptionsSchema, isChangesetFile } from "@warden/changelog";
import { defineRule } from "../../define-rule.js";
import { changesetsInState, workspacePackagesInState } from "../../range-state.js";

export default defineRule({
  id: "changes/changeset-waived",
  enforces: "Rule 18",
  description: "Reports each explicit waiver of the changeset gate in a pushed range, so skipping it is visible.",
  scope: "repo",
  messages: {
    waived: {
      message: "The changeset gate is waived by {{source}}: {{reason}}",
      hint: "Nothing to fix when the reason holds; otherwise add a changeset (`pnpm changeset`) and drop the waiver.",
    },
  },
  options: GateOptionsSchema.pick({ include: true, exclude: true }).strict(),
  defaultLevel: "warn",
  async check(ctx) {
    if (ctx.commits.length === 0) return;
    const packages = await workspacePackagesInState(ctx);
    if (packages.length === 0) return;
    const changesets = await changesetsInState(ctx, isChangesetFile);
    const result = evaluateGate({ packages, commits: ctx.commits, changesets, options: { ...ctx.options, checkUnchanged: false } });
    for (const { source, reason } of result.waivers) {
      const commit = /^commit (\w+)$/.exec(source)?.[1];
      const file = commit === undefined ? source : `commit:${commit}`;
      ctx.report({ messageId: "waived", data: { source, reason: reason.slice(0, 200) }, file, line: 1, key: `${source}:${reason}` });
    }
  },
});
