import { defineRule } from "../../define-rule.js";
import { matcher } from "../../globs.js";
import { WasteOptions, moduleGraph } from "../../module-graph.js";

export default defineRule({
  id: "waste/unused-files",
  enforces: "Rule 13",
  description: "Every JS/TS file is reachable from an entry point (package exports/main/bin, scripts, config and test files).",
  scope: "repo",
  messages: {
    unused: {
      message: "File is not imported by anything reachable from an entry point.",
      hint: "Delete it if nothing needs it (git keeps the history); if it is an entry point, list it in package.json (exports/bin/scripts) or the rule's `entry` option.",
    },
  },
  options: WasteOptions,
  defaultLevel: "error",
  async check(ctx) {
    // Reachability needs the whole repository: a check of changes leaves it to the full check in CI.
    if (ctx.mode !== "full") return;
    const graph = await moduleGraph(ctx, ctx.options.entry);
    const ignored = matcher(ctx.options.ignore);
    for (const file of graph.files) {
      if (!graph.reachable.has(file) && !ignored(file)) ctx.report({ messageId: "unused", file, line: 1, key: file });
    }
  },
});
