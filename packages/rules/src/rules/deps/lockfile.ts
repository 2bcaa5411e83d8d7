import { listWorkspacePackages, NOT_HAND_WRITTEN } from "@warden/core";
import { parse as parseYaml, parseAllDocuments } from "yaml";
import { z } from "zod";
import { defineRule } from "../../define-rule.js";
import { dependenciesOf, isManifest, jsonKeyLine, parseManifest } from "../../manifest.js";

const LOCKFILES = ["pnpm-lock.yaml", "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "bun.lock", "bun.lockb"];
const LOCKED_FIELDS = ["dependencies", "devDependencies", "optionalDependencies"] as const;

/** One importer (workspace package) of a pnpm lockfile: dependency fields, and `specifiers` in lockfile v5. */
type Importer = Record<string, Record<string, unknown> | undefined>;

/** What Warden reads from a pnpm lockfile: importers (a single-package lockfile is importer "."), overrides, patches, catalogs. */
interface PnpmLock {
  readonly importers: Map<string, Importer>;
  readonly overrides: Record<string, string> | undefined;
  readonly patched: Set<string> | undefined;
  readonly catalogs: Map<string, string> | undefined;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** String values of a map (YAML may read `1.0` as a number). */
function stringMap(value: unknown): Record<string, string> | undefined {
  const map = record(value);
  if (map === undefined) return undefined;
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, String(v)]));
}

/** Top-level sections of a pnpm lockfile that hold the resolved package graph, which this rule never reads. */
const RESOLUTION_SECTIONS = new Set(["packages:", "snapshots:"]);

/**
 * The lockfile without its `packages:` and `snapshots:` sections (nearly all of its bytes): pnpm
 * writes block YAML with top-level keys at column 0, so a section runs from its key to the next line
 * that starts at column 0 (another key, a `---` document separator, a merge-conflict marker, which
 * stays and is reported). One pass over the lines; everything the rule reads is kept as written.
 */
function withoutResolutions(text: string): string {
  const lines = text.split("\n");
  const kept: string[] = [];
  let skipping = false;
  for (const line of lines) {
    const topLevel = line.length > 0 && line[0] !== " " && line[0] !== "\t" && line[0] !== "#" && !line.startsWith("- ") && line !== "-";
    if (topLevel) skipping = RESOLUTION_SECTIONS.has(line.trimEnd());
    if (!skipping) kept.push(line);
  }
  return kept.join("\n");
}

/**
 * Read a pnpm lockfile of any version since 5: several YAML documents (pnpm 10 writes the
 * config-dependency lockfile before the main one) are merged; a lockfile without `importers` is the
 * root importer itself.
 */
function readLock(text: string): PnpmLock {
  const documents = parseAllDocuments(withoutResolutions(text));
  const importers = new Map<string, Importer>();
  let overrides: Record<string, string> | undefined;
  let patched: Set<string> | undefined;
  let catalogs: Map<string, string> | undefined;
  for (const document of Array.isArray(documents) ? documents : [documents]) {
    if (document.errors.length > 0) throw new Error(document.errors[0]?.message.split("\n")[0] ?? "invalid YAML");
    const lock = record(document.toJS());
    if (lock === undefined) continue;
    const found = record(lock.importers) ?? (LOCKED_FIELDS.some((f) => f in lock) || "specifiers" in lock ? { ".": lock } : {});
    for (const [dir, value] of Object.entries(found)) {
      const importer = importers.get(dir) ?? {};
      for (const [field, entries] of Object.entries(record(value) ?? {})) {
        const map = record(entries);
        if (map !== undefined) importer[field] = { ...(importer[field] ?? {}), ...map };
      }
      importers.set(dir, importer);
    }
    if (record(lock.overrides) !== undefined) overrides = { ...overrides, ...stringMap(lock.overrides) };
    if (record(lock.patchedDependencies) !== undefined) patched = new Set([...(patched ?? []), ...Object.keys(record(lock.patchedDependencies) ?? {})]);
    const lockCatalogs = record(lock.catalogs);
    if (lockCatalogs !== undefined) {
      catalogs ??= new Map();
      for (const [catalog, entries] of Object.entries(lockCatalogs)) {
        for (const [name, entry] of Object.entries(record(entries) ?? {})) {
          const specifier = record(entry)?.specifier;
          if (specifier !== undefined) catalogs.set(`${catalog}\u0000${name}`, String(specifier));
        }
      }
    }
  }
  return { importers, overrides, patched, catalogs };
}

/** The specifier a lockfile importer records for a dependency, in whichever field it sits (v6+: `{ specifier }`, v5: `specifiers`). */
function lockedSpecifier(importer: Importer, name: string, field: string): string | undefined {
  for (const where of [field, ...LOCKED_FIELDS.filter((f) => f !== field)]) {
    const entry = importer[where]?.[name];
    const specifier = record(entry)?.specifier;
    if (specifier !== undefined) return String(specifier);
  }
  const v5 = importer.specifiers?.[name];
  return v5 === undefined ? undefined : String(v5);
}

/** The package name an override key applies to directly: "foo", "foo@^1", "@s/foo@2"; undefined for "parent>foo" selectors. */
function overrideTarget(key: string): string | undefined {
  if (key.includes(">")) return undefined;
  const at = key.indexOf("@", 1);
  return at < 0 ? key : key.slice(0, at);
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
    importer: {
      message: "{{manifest}} is a workspace package but pnpm-lock.yaml has no importer for {{dir}}.",
      hint: "Run `pnpm install` and commit pnpm-lock.yaml (CI installs with --frozen-lockfile and would fail).",
    },
    settings: {
      message: "{{setting}} {{name}} is {{wanted}} in {{source}} but {{locked}} in pnpm-lock.yaml.",
      hint: "Run `pnpm install` and commit pnpm-lock.yaml with the settings change (pnpm refuses a frozen install when they differ).",
    },
    unreadable: {
      message: "pnpm-lock.yaml is not valid YAML: {{reason}}.",
      hint: "Resolve merge conflicts with `pnpm install` (it rewrites the lockfile) and commit the result.",
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
    const workspaceText = (await ctx.exists("pnpm-workspace.yaml")) ? await ctx.readText("pnpm-workspace.yaml") : undefined;
    const pnpm = workspaceText !== undefined || String(rootManifest.packageManager ?? "").startsWith("pnpm@") || present.includes("pnpm-lock.yaml");
    if (present.length === 0) {
      ctx.report({ messageId: "missing", data: { expected: pnpm ? "pnpm-lock.yaml" : "package-lock.json, yarn.lock or bun.lock" }, file: "package.json", line: 1, key: "lockfile" });
      return;
    }
    if (!pnpm || !present.includes("pnpm-lock.yaml")) return;
    let lock: PnpmLock;
    try {
      lock = readLock((await ctx.readText("pnpm-lock.yaml")) ?? "");
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).replace(/[.\s]+$/, "").slice(0, 160);
      ctx.report({ messageId: "unreadable", data: { reason }, file: "pnpm-lock.yaml", line: 1, key: "yaml" });
      return;
    }
    let workspace: Record<string, unknown> = {};
    try {
      workspace = record(parseYaml(workspaceText ?? "")) ?? {};
    } catch {
      workspace = {}; // a broken pnpm-workspace.yaml is reported when the workspace is listed
    }
    const pnpmField = record(rootManifest.pnpm) ?? {};

    // Overrides: pnpm-workspace.yaml `overrides`, package.json `pnpm.overrides` and `resolutions`.
    const overrides: Record<string, string> = {
      ...stringMap(rootManifest.resolutions),
      ...stringMap(pnpmField.overrides),
      ...stringMap(workspace.overrides),
    };
    const overrideSource = workspace.overrides !== undefined ? "pnpm-workspace.yaml" : "package.json";
    const rootDependency = (name: string): string | undefined => {
      for (const field of [...LOCKED_FIELDS, "peerDependencies"] as const) {
        const range = dependenciesOf(rootManifest, field).get(name);
        if (range !== undefined) return range;
      }
      return undefined;
    };
    /** An override's value as pnpm records it: `$name` refers to the root package's own range. */
    const overrideValue = (value: string): string => (value.startsWith("$") ? (rootDependency(value.slice(1)) ?? value) : value);
    const overridesOf = (name: string): string[] =>
      Object.entries(overrides)
        .filter(([key]) => overrideTarget(key) === name)
        .map(([, value]) => overrideValue(value));
    const checkSettings = ctx.mode === "full" || ctx.files.includes("pnpm-lock.yaml") || ctx.files.includes("package.json") || ctx.files.includes("pnpm-workspace.yaml");
    if (checkSettings && (Object.keys(overrides).length > 0 || lock.overrides !== undefined)) {
      const locked = lock.overrides ?? {};
      for (const key of [...new Set([...Object.keys(overrides), ...Object.keys(locked)])].sort()) {
        const wanted = overrides[key] === undefined ? undefined : overrideValue(overrides[key] as string);
        const have = locked[key];
        if (wanted === have) continue;
        ctx.report({
          messageId: "settings",
          data: {
            setting: "override",
            name: key,
            wanted: wanted === undefined ? "not set" : `"${wanted}"`,
            source: overrideSource,
            locked: have === undefined ? "missing" : `"${have}"`,
          },
          file: overrideSource,
          line: lineOf(overrideSource === "package.json" ? rootText : (workspaceText ?? ""), key),
          key: `override:${key}`,
        });
      }
    }
    // Patches: pnpm-workspace.yaml or package.json `pnpm.patchedDependencies`.
    const patches = new Set([...Object.keys(record(pnpmField.patchedDependencies) ?? {}), ...Object.keys(record(workspace.patchedDependencies) ?? {})]);
    if (checkSettings && (patches.size > 0 || lock.patched !== undefined)) {
      const patchSource = workspace.patchedDependencies !== undefined ? "pnpm-workspace.yaml" : "package.json";
      const locked = lock.patched ?? new Set<string>();
      for (const name of [...new Set([...patches, ...locked])].sort()) {
        if (patches.has(name) === locked.has(name)) continue;
        ctx.report({
          messageId: "settings",
          data: { setting: "patch", name, wanted: patches.has(name) ? "listed" : "not listed", source: patchSource, locked: locked.has(name) ? "listed" : "not listed" },
          file: patchSource,
          line: lineOf(patchSource === "package.json" ? rootText : (workspaceText ?? ""), name),
          key: `patch:${name}`,
        });
      }
    }
    // Catalogs: pnpm-workspace.yaml `catalog` (the default one) and `catalogs`.
    if (checkSettings && lock.catalogs !== undefined) {
      const wantedCatalogs = new Map<string, string>();
      for (const [name, range] of Object.entries(stringMap(workspace.catalog) ?? {})) wantedCatalogs.set(`default\u0000${name}`, range);
      for (const [catalog, entries] of Object.entries(record(workspace.catalogs) ?? {})) {
        for (const [name, range] of Object.entries(stringMap(entries) ?? {})) wantedCatalogs.set(`${catalog}\u0000${name}`, range);
      }
      for (const [key, have] of lock.catalogs) {
        const wanted = wantedCatalogs.get(key);
        if (wanted === undefined || wanted === have) continue; // an unused catalog entry is not locked; a removed one only lingers
        const [catalog = "", name = ""] = key.split("\u0000");
        ctx.report({
          messageId: "settings",
          data: { setting: `catalog ${catalog}`, name, wanted: `"${wanted}"`, source: "pnpm-workspace.yaml", locked: `"${have}"` },
          file: "pnpm-workspace.yaml",
          line: lineOf(workspaceText ?? "", name),
          key: `catalog:${catalog}:${name}`,
        });
      }
    }

    const hidden = new Set<string>(NOT_HAND_WRITTEN);
    const packages = [
      { dir: ".", manifest: rootManifest },
      ...(await listWorkspacePackages(ctx.root)).filter((pkg) => !hidden.has(ctx.classOf(`${pkg.dir}/package.json`))),
    ];
    for (const pkg of packages) {
      const manifestFile = pkg.dir === "." ? "package.json" : `${pkg.dir}/package.json`;
      if (ctx.mode === "changes" && !ctx.files.includes(manifestFile) && !ctx.files.includes("pnpm-lock.yaml")) continue;
      const text = pkg.dir === "." ? rootText : await ctx.readText(manifestFile);
      const manifest = text === undefined ? pkg.manifest : (parseManifest(text) ?? pkg.manifest);
      const importer = lock.importers.get(pkg.dir);
      const hasDependencies = LOCKED_FIELDS.some((field) => dependenciesOf(manifest, field).size > 0);
      if (importer === undefined) {
        if (hasDependencies && pkg.dir !== ".") {
          ctx.report({ messageId: "importer", data: { manifest: manifestFile, dir: pkg.dir }, file: manifestFile, line: 1, key: `importer:${pkg.dir}` });
          continue;
        }
      }
      for (const field of LOCKED_FIELDS) {
        for (const [name, wanted] of dependenciesOf(manifest, field)) {
          const specifier = lockedSpecifier(importer ?? {}, name, field);
          if (specifier === wanted) continue;
          // An override replaces the specifier pnpm records for a direct dependency.
          if (specifier !== undefined && overridesOf(name).some((value) => value === specifier || value === "-")) continue;
          ctx.report({
            messageId: "stale",
            data: { manifest: manifestFile, field, name, wanted, locked: specifier === undefined ? "no entry for it" : `"${specifier}"` },
            file: manifestFile,
            line: jsonKeyLine(text ?? "", name, field),
            key: `${field}.${name}`,
          });
        }
      }
    }
  },
});

/** The 1-based line of the first line naming `key` (quoted or as a YAML key); 1 when not found. */
function lineOf(text: string, key: string): number {
  const lines = text.split("\n");
  const index = lines.findIndex((l) => l.includes(`"${key}"`) || l.includes(`'${key}'`) || l.trimStart().startsWith(`${key}:`));
  return index < 0 ? 1 : index + 1;
}
