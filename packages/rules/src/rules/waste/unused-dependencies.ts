import { builtinModules } from "node:module";
import { defineRule } from "../../define-rule.js";
import { dependenciesOf, jsonKeyLine } from "../../manifest.js";
import { moduleGraph, WasteOptions, type GraphPackage } from "../../module-graph.js";
import { packageNameOf } from "../../module-info.js";

/** Binaries of common tools, for when node_modules is not installed (the installed package.json wins). */
const KNOWN_BINS: Readonly<Record<string, readonly string[]>> = {
  typescript: ["tsc", "tsserver"],
  "@changesets/cli": ["changeset"],
  "@biomejs/biome": ["biome"],
  "@playwright/test": ["playwright"],
};

const TOOL_FILES =
  /(?:^|\/)(?:[^/]*\.config\.[cm]?[jt]s|[^/]*\.config\.json|tsconfig[^/]*\.json|\.[^/]*rc(?:\.[cm]?js|\.json|\.ya?ml)?|scripts\/.*|bin\/.*|\.husky\/[^/]+|\.ci\/.*|\.github\/.*|[^/]*\.sh)$/;

export default defineRule({
  id: "waste/unused-dependencies",
  enforces: "Rule 13",
  description: "Every dependency in a package.json is used: imported by the package's files, run as a binary by its scripts, or named by its tool config.",
  scope: "repo",
  messages: {
    unused: {
      message: "{{field}}.{{name}} is declared but never used by {{dir}}.",
      hint: "Remove it (`pnpm remove {{name}}` in {{dir}}); if a tool loads it by name, list it in the rule's `ignore` option.",
    },
  },
  options: WasteOptions,
  defaultLevel: "error",
  async check(ctx) {
    if (ctx.mode !== "full") return;
    const graph = await moduleGraph(ctx, ctx.options.entry);
    const readManifest = async (pkg: GraphPackage, dep: string): Promise<Record<string, unknown>> => {
      for (const where of [pkg.dir === "." ? `node_modules/${dep}` : `${pkg.dir}/node_modules/${dep}`, `node_modules/${dep}`]) {
        const text = await ctx.readText(`${where}/package.json`);
        if (text === undefined) continue;
        try {
          return JSON.parse(text) as Record<string, unknown>;
        } catch {
          return {}; // an unreadable installed manifest: judge by the name alone
        }
      }
      return {};
    };
    for (const pkg of graph.packages) {
      const declared = new Map<string, "dependencies" | "devDependencies">();
      for (const field of ["dependencies", "devDependencies"] as const) for (const name of dependenciesOf(pkg.manifest, field).keys()) declared.set(name, field);
      if (declared.size === 0) continue;
      const mine = ctx.files.filter((f) => graph.packageOf(f) === pkg);
      const used = new Set<string>();
      let usesNode = false;
      for (const file of graph.files) {
        if (graph.packageOf(file) !== pkg) continue;
        for (const edge of graph.infos.get(file)?.imports ?? []) {
          const name = packageNameOf(edge.specifier);
          if (edge.specifier.startsWith("node:") || (name !== undefined && builtinModules.includes(name))) usesNode = true;
          if (name !== undefined) used.add(name);
        }
      }
      const toolText = (await Promise.all(mine.filter((f) => TOOL_FILES.test(f)).map((f) => ctx.readText(f)))).join("\n");
      const scripts = typeof pkg.manifest.scripts === "object" && pkg.manifest.scripts !== null ? Object.values(pkg.manifest.scripts).map(String) : [];
      const commandText = [...scripts, toolText].join("\n");
      const words = new Set(commandText.split(/[^\w@/.-]+/));
      for (const name of declared.keys()) {
        if (used.has(name)) continue;
        if (name in pkg.manifest || toolText.includes(`"${name}"`) || toolText.includes(`'${name}'`)) {
          used.add(name);
          continue;
        }
        const workspace = graph.packages.find((p) => p.name === name);
        const installed = workspace?.manifest ?? (await readManifest(pkg, name));
        const bin = installed.bin;
        const bins =
          typeof bin === "string"
            ? [name.replace(/^@[^/]+\//, "")]
            : typeof bin === "object" && bin !== null
              ? Object.keys(bin)
              : workspace === undefined && Object.keys(installed).length === 0
                ? [...(KNOWN_BINS[name] ?? [name.replace(/^@[^/]+\//, "")])]
                : [];
        if (bins.some((b) => words.has(b))) used.add(name);
        else if (workspace !== undefined && bins.length > 0) {
          const texts = await Promise.all(mine.map((f) => ctx.readText(f)));
          if (texts.some((t) => t !== undefined && bins.some((b) => new RegExp(`\\b${b}\\b`).test(t)))) used.add(name);
        }
      }
      for (const name of [...used]) {
        const peers = (await readManifest(pkg, name)).peerDependencies;
        if (typeof peers === "object" && peers !== null) for (const peer of Object.keys(peers)) used.add(peer);
      }
      for (const [name, field] of declared) {
        if (used.has(name) || ctx.options.ignore.includes(name)) continue;
        if (name.startsWith("@types/")) {
          const typed = name.slice(7).replace(/^([^_]+)__/, "@$1/");
          if (used.has(typed) || (typed === "node" && (usesNode || pkg.dir === "."))) continue;
        }
        const manifestFile = pkg.dir === "." ? "package.json" : `${pkg.dir}/package.json`;
        ctx.report({ messageId: "unused", data: { field, name, dir: pkg.dir }, file: manifestFile, line: jsonKeyLine(pkg.manifestText, name, field), key: `${field}.${name}` });
      }
    }
  },
});
