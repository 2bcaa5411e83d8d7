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
    // A file imported only by files that are themselves unreached follows its importer: only the
    // roots of the unreached part are reported (delete them and the next check names what remains),
    // so one entry point Warden did not recognise never cascades into a finding per file it imports.
    const unreached = graph.files.filter((file) => !graph.reachable.has(file));
    const unreachedSet = new Set(unreached);
    const covered = new Set<string>();
    const cover = (start: string): void => {
      const queue = [start];
      while (queue.length > 0) {
        const file = queue.pop() as string;
        if (covered.has(file)) continue;
        covered.add(file);
        for (const edge of graph.infos.get(file)?.imports ?? []) {
          const target = graph.resolve(file, edge.specifier);
          if (target !== undefined && unreachedSet.has(target) && !covered.has(target)) queue.push(target);
        }
      }
    };
    const roots: string[] = [];
    for (const file of unreached) {
      if ((graph.importers.get(file)?.size ?? 0) > 0) continue;
      roots.push(file);
      cover(file);
    }
    // What remains are import cycles no root reaches: one file of each stands for its cycle.
    for (const file of [...unreached].sort()) {
      if (covered.has(file)) continue;
      roots.push(file);
      cover(file);
    }
    for (const file of roots) {
      if (!ignored(file) && ctx.judges(file)) ctx.report({ messageId: "unused", file, line: 1, key: file });
    }
  },
});
