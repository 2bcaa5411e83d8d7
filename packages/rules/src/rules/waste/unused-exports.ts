import { z } from "zod";
import { walk } from "../../ast.js";
import { defineRule } from "../../define-rule.js";
import { matcher } from "../../globs.js";
import { WasteOptions, moduleGraph, type ModuleGraph } from "../../module-graph.js";

/** Which exports of which files something reachable imports, following re-exports and `export *`. */
function usedExports(graph: ModuleGraph): Map<string, Set<string>> {
  const used = new Map<string, Set<string>>();
  const visited = new Set<string>();
  const mark = (file: string, name: string): void => {
    const key = `${file}\u0000${name}`;
    if (visited.has(key)) return;
    visited.add(key);
    const info = graph.infos.get(file);
    if (info === undefined) return;
    let names = used.get(file);
    if (names === undefined) {
      names = new Set();
      used.set(file, names);
    }
    const targetOf = (specifier: string): string | undefined => graph.resolve(file, specifier);
    if (name === "*") {
      for (const own of info.exports.keys()) names.add(own);
      for (const re of info.reExports) {
        const target = targetOf(re.specifier);
        if (target !== undefined) mark(target, re.from);
      }
      for (const star of info.stars) {
        const target = targetOf(star);
        if (target !== undefined) mark(target, "*");
      }
      return;
    }
    if (info.exports.has(name)) {
      names.add(name);
      return;
    }
    const re = info.reExports.find((r) => r.as === name);
    if (re !== undefined) {
      const target = targetOf(re.specifier);
      if (target !== undefined) mark(target, re.from);
      return;
    }
    for (const star of info.stars) {
      const target = targetOf(star);
      if (target !== undefined) mark(target, name);
    }
  };
  for (const entry of graph.entries) mark(entry, "*");
  // Imports from every file count, reachable or not: an export is not unused because its importer
  // was judged unused (waste/unused-files reports that file).
  for (const file of graph.infos.keys()) {
    for (const edge of graph.infos.get(file)?.imports ?? []) {
      const target = graph.resolve(file, edge.specifier);
      if (target === undefined) continue;
      if (edge.names === "*") mark(target, "*");
      else for (const name of edge.names) mark(target, name);
    }
  }
  return used;
}

export default defineRule({
  id: "waste/unused-exports",
  enforces: "Rule 13",
  description: "Every export of a non-entry module is imported somewhere (entry points' exports are the public API and count as used).",
  scope: "repo",
  messages: {
    unused: {
      message: "Export {{name}} is not imported anywhere.",
      hint: "Remove the `export` keyword (or the declaration, if nothing uses it locally either); public API belongs in the package's entry module.",
    },
  },
  options: WasteOptions.extend({
    ignoreExportsUsedInFile: z
      .boolean()
      .default(true)
      .describe("Do not report an export its own module uses (e.g. a type that appears in another export's signature)."),
  }).strict(),
  defaultLevel: "error",
  async check(ctx) {
    if (ctx.mode !== "full") return;
    const graph = await moduleGraph(ctx, ctx.options.entry);
    const ignored = matcher(ctx.options.ignore);
    const used = usedExports(graph);
    for (const file of graph.files) {
      if (!graph.reachable.has(file) || graph.entries.has(file) || ignored(file) || !ctx.judges(file)) continue;
      const names = used.get(file);
      const unused = [...(graph.infos.get(file)?.exports ?? [])].filter(([name]) => names?.has(name) !== true);
      if (unused.length === 0) continue;
      const local = new Map<string, number>();
      if (ctx.options.ignoreExportsUsedInFile) {
        const parsed = await ctx.parse(file);
        if (parsed !== undefined) {
          walk(parsed.ts, parsed.ast, (node) => {
            if (parsed.ts.isIdentifier(node)) local.set(node.text, (local.get(node.text) ?? 0) + 1);
          });
        }
      }
      for (const [name, position] of unused) {
        if ((local.get(name) ?? 0) > 1) continue;
        ctx.report({ messageId: "unused", data: { name }, file, line: position.line, column: position.column, key: name });
      }
    }
  },
});
