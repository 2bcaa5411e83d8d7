import { evaluateGate, GateOptionsSchema, isChangesetFile, shippedChanges } from "@warden/changelog";
import { defineRule } from "../../define-rule.js";
import { changesetsInState, workspacePackagesInState } from "../../range-state.js";

export default defineRule({
  id: "changes/changeset-waived",
  enforces: "Rule 18",
  description:
    "Reports each explicit waiver of the changeset gate in a pushed range that skips shipped changes (files the gate's `include`/`exclude` count as shipped), naming the packages, so skipping it is visible.",
  scope: "repo",
  messages: {
    waived: {
      message: "The changeset gate is waived by {{source}} for {{packages}}: {{reason}}",
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
    const options = { ...ctx.options, checkUnchanged: false };
    // A waiver that skips nothing the gate counts as shipped (say, a range touching only
    // excluded files) waives nothing: reporting it would be noise.
    const shipped = [...shippedChanges(packages, ctx.commits, options).keys()].map((pkg) => pkg.name).sort();
    if (shipped.length === 0) return;
    const result = evaluateGate({ packages, commits: ctx.commits, changesets, options });
    const names = shipped.length <= 3 ? shipped.join(", ") : `${shipped.slice(0, 3).join(", ")} and ${shipped.length - 3} more`;
    for (const { source, reason } of result.waivers) {
      const commit = /^commit (\w+)$/.exec(source)?.[1];
      const file = commit === undefined ? source : `commit:${commit}`;
      ctx.report({ messageId: "waived", data: { source, packages: names, reason: reason.slice(0, 200) }, file, line: 1, key: `${source}:${reason}` });
    }
  },
});
