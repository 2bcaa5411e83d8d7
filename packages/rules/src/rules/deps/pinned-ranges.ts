import path from "node:path";
import { listWorkspacePackages } from "@warden/core";
import { z } from "zod";
import { defineRule } from "../../define-rule.js";
import { dependenciesOf, isManifest, jsonKeyLine, parseManifest, type DependencyField } from "../../manifest.js";

const SAFE_PROTOCOLS = /^(?:workspace|catalog|file|link|portal|patch):/;
const GIT_OR_URL = /^(?:git\+|git:|github:|gitlab:|bitbucket:|https?:|[\w.-]+\/[\w.-]+(?:#|$))/;

/** Why a range is not bounded, or undefined when it is fine. */
function unboundedReason(range: string): string | undefined {
  const value = range.trim();
  if (SAFE_PROTOCOLS.test(value)) return undefined;
  if (value.startsWith("npm:")) {
    const at = value.lastIndexOf("@");
    return at > 4 ? unboundedReason(value.slice(at + 1)) : "an npm: alias without a version";
  }
  if (GIT_OR_URL.test(value)) return /#[0-9a-f]{7,40}$/.test(value) ? undefined : "a git or URL dependency not pinned to a commit";
  if (value === "" || value === "*" || /^[xX]$/.test(value)) return `"${value}" (any version)`;
  if (/^[a-z][\w.-]*$/i.test(value) && !/^v?\d/.test(value)) return `the dist-tag "${value}" (moves without notice)`;
  for (const set of value.split("||")) {
    const part = set.trim();
    if (part === "" || part === "*" || /^[xX*](?:\.[xX*])*$/.test(part)) return `"${value}" (any version)`;
    if (/(?:^|\s)>=?\s*\d/.test(part) && !/<=?\s*\d/.test(part) && !/\s-\s/.test(part)) return `"${value}" (no upper bound)`;
  }
  return undefined;
}

export default defineRule({
  id: "deps/pinned-ranges",
  enforces: "Rule 8",
  description: "Dependency ranges are bounded: no `*`, `latest` or other dist-tags, no `>=x` without an upper bound, no unpinned git URLs.",
  scope: "repo",
  messages: {
    unbounded: {
      message: "{{field}}.{{name}} is {{reason}}.",
      hint: "Pin a version or a bounded range (\"1.4.2\", \"^1.4.2\"), or use \"workspace:\"/\"catalog:\"; the lockfile alone does not protect a fresh install or a library's users.",
    },
  },
  options: z
    .object({
      fields: z
        .array(z.enum(["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"]))
        .default(["dependencies", "devDependencies", "optionalDependencies"])
        .describe("The package.json fields checked (peer ranges are open on purpose, so not by default)."),
      allow: z.array(z.string()).default([]).describe("Dependency names allowed any range."),
    })
    .strict(),
  defaultLevel: "error",
  async check(ctx) {
    // "*" (or "x", or "") is how npm and yarn classic workspaces link a workspace package: the
    // names of the repository's packages are read only when such a range turns up.
    let workspaceNames: Promise<Set<string>> | undefined;
    const isWorkspacePackage = async (name: string): Promise<boolean> => {
      workspaceNames ??= (async () => {
        const names = new Set<string>();
        for (const file of await ctx.listFiles()) {
          if (!isManifest(file) || file.includes("node_modules/")) continue;
          const manifest = parseManifest((await ctx.readText(file)) ?? "");
          if (typeof manifest?.name === "string") names.add(manifest.name);
        }
        return names;
      })();
      return (await workspaceNames).has(name);
    };
    let workspaceDirs: Promise<Set<string>> | undefined;
    for (const file of ctx.files) {
      if (!isManifest(file) || file.includes("node_modules/") || !ctx.judges(file)) continue;
      // The package.json of a project template (`…/template/package.json` a playground or a scaffolder
      // writes out for its user) names what the user's project installs, not what this repository does.
      if (/(?:^|\/)templates?\//.test(file)) {
        workspaceDirs ??= listWorkspacePackages(ctx.root).then((packages) => new Set(packages.map((p) => p.dir)));
        if (!(await workspaceDirs).has(path.posix.dirname(file))) continue;
      }
      const text = await ctx.readText(file);
      const manifest = text === undefined ? undefined : parseManifest(text);
      if (text === undefined || manifest === undefined) continue;
      for (const field of ctx.options.fields as DependencyField[]) {
        for (const [name, range] of dependenciesOf(manifest, field)) {
          if (ctx.options.allow.includes(name)) continue;
          const reason = unboundedReason(range);
          if (reason === undefined) continue;
          if (/^(?:\*|[xX]|)$/.test(range.trim()) && (await isWorkspacePackage(name))) continue;
          ctx.report({ messageId: "unbounded", data: { field, name, reason }, file, line: jsonKeyLine(text, name, field), key: `${field}.${name}` });
        }
      }
    }
  },
});
