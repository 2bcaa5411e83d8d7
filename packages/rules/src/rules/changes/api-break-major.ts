import { execFileSync } from "node:child_process";
import { bumpCovers, bumpsOf, commitSource, diffPackages, GateOptionsSchema, isChangesetFile, shippedChanges } from "@warden/changelog";
import { z } from "zod";
import { defineRule } from "../../define-rule.js";
import { changesetsInState, workspacePackagesInState } from "../../range-state.js";

/** The parent of the range's first commit: the state the range starts from (undefined for a root commit). */
function rangeBase(root: string, firstOid: string): string | undefined {
  try {
    return execFileSync("git", ["rev-parse", "--verify", "--quiet", `${firstOid}^`], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return undefined;
  }
}

export default defineRule({
  id: "changes/api-break-major",
  enforces: "Rule 2",
  description: "In a pushed range (pre-push, CI), a package whose public API breaks needs a major changeset (minor for 0.x).",
  scope: "repo",
  messages: {
    needsBump: {
      message: "{{symbol}} of {{name}}: {{change}} ({{before}} → {{after}}); a breaking change needs a {{bump}} changeset, this range has {{given}}.",
      hint: "Keep the old API working (an overload, an optional parameter, a deprecated alias), or add a {{bump}} changeset for {{name}} (`pnpm changeset`). `warden api --base <ref>` shows the whole difference.",
    },
  },
  options: GateOptionsSchema.pick({ include: true, exclude: true })
    .extend({
      zeroMajor: z.enum(["minor", "major"]).default("minor").describe("The bump a breaking change needs in a 0.x package."),
    })
    .strict(),
  defaultLevel: "error",
  async check(ctx) {
    const first = ctx.commits[0];
    const last = ctx.commits[ctx.commits.length - 1];
    if (first === undefined || last === undefined) return; // a range check only
    const packages = await workspacePackagesInState(ctx);
    const changed = [...shippedChanges(packages, ctx.commits, ctx.options).keys()];
    if (changed.length === 0) return;
    const base = rangeBase(ctx.root, first.oid);
    if (base === undefined) return; // the range starts the history: nothing to break
    const diffs = await diffPackages(commitSource(ctx.root, base), commitSource(ctx.root, last.oid), changed.map((p) => p.dir), { zeroMajor: ctx.options.zeroMajor });
    const bumps = bumpsOf(await changesetsInState(ctx, isChangesetFile));
    for (const diff of diffs) {
      if (!diff.changes.some((c) => c.level === "breaking")) continue;
      const given = bumps.get(diff.name) ?? "none";
      if (bumpCovers(given, diff.required)) continue;
      for (const change of diff.changes) {
        if (change.level !== "breaking") continue;
        ctx.report({
          messageId: "needsBump",
          data: {
            symbol: change.symbol,
            name: diff.name,
            change: change.kind.replace(/-/g, " "),
            before: (change.before ?? "—").slice(0, 120),
            after: (change.after ?? "—").slice(0, 120),
            bump: diff.required,
            given: given === "none" ? "none" : `a ${given}`,
          },
          file: change.file,
          line: change.line,
          key: `${diff.name}:${change.symbol}:${change.kind}`,
        });
      }
    }
  },
});
