import { listWorkspacePackages } from "@warden/core";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { defineRule } from "../../define-rule.js";
import { dependenciesOf, isManifest, parseManifest } from "../../manifest.js";

const LOCKFILES = ["pnpm-lock.yaml", "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "bun.lock", "bun.lockb"];
const LOCKED_FIELDS = ["dependencies", "devDependencies", "optionalDependencies"] as const;

interface Importer {
  readonly [field: string]: Record<string, { specifier?: unknown }> | undefined;
}

export default defineRule({
  id: "deps/lockfile",
  enforces: "Rule 8",
  description: "A lockfile is committed at the root and in sync with every package.json (pnpm lockfiles are compared specifier by specifier).",
  scope: "repo",
  messages: {
    missing: {
      message: "No lockfile is committed ({{expected}}).",
      hint: "Run the package manager's install and commit the lockfile it writes, so every machine installs the same versions.",
    },
    stale: {
      message: "{{manifest}}: {{field}}.{{name}} is \"{{wanted}}\" but the lockfile has {{locked}}.",
      hint: "Run `pnpm install` and commit pnpm-lock.yaml with the package.json change (CI installs with --frozen-lockfile and would fail).",
    },
  },
  options: z.object({}).strict(),
  classes: ["config", "generated"],
  defaultLevel: "error",
  async check(ctx) {
    const relevant = (f: string): boolean => isManifest(f) || LOCKFILES.includes(f) || f === "pnpm-workspace.yaml";
    if (ctx.mode === "changes" && !ctx.files.some(relevant)) return;
    const rootText = await ctx.readText("package.json");
    if (rootText === undefined) return;
    const present: string[] = [];
    for (const name of LOCKFILES) if (await ctx.exists(name)) present.push(name);
    const rootManifest = parseManifest(rootText) ?? {};
    const pnpm =
      (await ctx.exists("pnpm-workspace.yaml")) || String(rootManifest.packageManager ?? "").startsWith("pnpm@") || present.includes("pnpm-lock.yaml");
    if (present.length === 0) {
      ctx.report({ messageId: "missing", data: { expected: pnpm ? "pnpm-lock.yaml" : "package-lock.json, yarn.lock or bun.lock" }, file: "package.json", line: 1, key: "lockfile" });
      return;
    }
    if (!pnpm || !present.includes("pnpm-lock.yaml")) return;
    const lockText = await ctx.readText("pnpm-lock.yaml");
    let importers: Record<string, Importer> = {};
    try {
      const lock = parseYaml(lockText ?? "") as { importers?: Record<string, Importer> } | null;
      importers = lock?.importers ?? {};
    } catch {
      ctx.report({ messageId: "stale", data: { manifest: "pnpm-lock.yaml", field: "lockfile", name: "yaml", wanted: "valid YAML", locked: "a parse error" }, file: "pnpm-lock.yaml", line: 1, key: "yaml" });
      return;
    }
    const packages = [{ dir: ".", manifest: rootManifest }, ...(await listWorkspacePackages(ctx.root))];
    for (const pkg of packages) {
      const manifestFile = pkg.dir === "." ? "package.json" : `${pkg.dir}/package.json`;
      if (ctx.mode === "changes" && !ctx.files.includes(manifestFile) && !ctx.files.includes("pnpm-lock.yaml")) continue;
      const text = pkg.dir === "." ? rootText : await ctx.readText(manifestFile);
      const manifest = text === undefined ? pkg.manifest : (parseManifest(text) ?? pkg.manifest);
      const importer = importers[pkg.dir] ?? {};
      for (const field of LOCKED_FIELDS) {
        const locked = importer[field] ?? {};
        for (const [name, wanted] of dependenciesOf(manifest, field)) {
          const entry = locked[name];
          const specifier = typeof entry?.specifier === "string" ? entry.specifier : undefined;
          if (specifier === wanted) continue;
          const lines = (text ?? "").split("\n");
          const line = Math.max(1, lines.findIndex((l) => l.includes(`"${name}"`)) + 1);
          ctx.report({
            messageId: "stale",
            data: { manifest: manifestFile, field, name, wanted, locked: specifier === undefined ? "no entry" : `"${specifier}"` },
            file: manifestFile,
            line,
            key: `${field}.${name}`,
          });
        }
      }
    }
  },
});
