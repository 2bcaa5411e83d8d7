import { builtinModules } from "node:module";
import path from "node:path";
import { listWorkspacePackages } from "@warden/core";
import { z } from "zod";
import { defineRule } from "../../define-rule.js";
import { languageOf } from "../../files.js";
import { matcher, NON_LIBRARY_GLOBS } from "../../globs.js";
import { importMaps } from "../../import-maps.js";
import { DEPENDENCY_FIELDS, dependenciesOf, parseManifest } from "../../manifest.js";
import { moduleInfo, packageNameOf } from "../../module-info.js";

// Node's built-in modules, and Bun's `bun` module (its runtime API, typed by @types/bun; `bun:*` has a scheme already).
const BUILTINS = new Set([...builtinModules.flatMap((name) => [name, name.split("/")[0] ?? name]), "bun"]);

/**
 * Modules a framework provides by alias rather than as installed packages, by the package that
 * provides them. Docusaurus: its client API (`@docusaurus/Link`, `@docusaurus/useDocusaurusContext`,
 * `@docusaurus/router`: capitalised or camelCase names, which no published `@docusaurus/*` package
 * has) and the `@theme/`, `@theme-original/`, `@theme-init/`, `@site/`, `@generated/` aliases.
 */
const VIRTUAL: readonly { readonly provider: string; readonly test: (specifier: string) => boolean }[] = [
  {
    provider: "@docusaurus/core",
    test: (s) => /^@(?:theme|theme-original|theme-init|site|generated)\//.test(s) || /^@docusaurus\/(?:[A-Z]|[a-z]+[A-Z]|router$|constants$)/.test(s),
  },
];

/**
 * Names no npm package can have: one starting with `_` or `.` (`__sveltekit/env`), or written all
 * in capitals (`SERVER`, `MANIFEST`): placeholders a bundler or an adapter replaces at build time.
 */
const NOT_A_PACKAGE = (name: string): boolean => {
  const bare = name.startsWith("@") ? (name.split("/")[1] ?? "") : name;
  return /^[_.]/.test(bare) || (/[A-Z]/.test(bare) && !/[a-z]/.test(bare));
};
/** `jest.mock("name", factory, { virtual: true })` (and `vi`/`doMock`): a module the test makes up. */
const VIRTUAL_MOCK = /\b(?:jest|vi)\s*\.\s*(?:mock|doMock|unstable_mockModule)\s*\(\s*(['"`])([^'"`]+)\1[\s\S]{0,2000}?\{\s*virtual\s*:\s*true\s*\}/g;

export default defineRule({
  id: "deps/no-phantom-dependencies",
  enforces: "Rule 1",
  description: "Every imported package is declared in the importing package's package.json (or is a workspace package it declares).",
  scope: "repo",
  messages: {
    phantom: {
      message: "Import of \"{{name}}\", which {{manifest}} does not declare.",
      hint: "Add {{name}} to the dependencies (or devDependencies for tests and tooling) of {{manifest}}; an undeclared import only works by accident of hoisting.",
    },
  },
  options: z
    .object({
      allow: z.array(z.string()).default([]).describe("Package names that may be imported without being declared (e.g. virtual modules)."),
      ignore: z.array(z.string()).default([]).describe("Globs of files not checked."),
    })
    .strict(),
  defaultLevel: "error",
  async check(ctx) {
    const workspaceDirs = new Set((await listWorkspacePackages(ctx.root)).map((p) => p.dir));
    const maps = importMaps((file) => ctx.readText(file));
    const manifests = new Map<string, { file: string; declared: Set<string>; private: boolean } | null>();
    const ignored = matcher(ctx.options.ignore);
    const allowed = new Set(ctx.options.allow);
    const manifestFor = async (dir: string): Promise<{ file: string; declared: Set<string>; private: boolean } | null> => {
      const cached = manifests.get(dir);
      if (cached !== undefined) return cached;
      const file = dir === "." ? "package.json" : `${dir}/package.json`;
      const text = await ctx.readText(file);
      let found: { file: string; declared: Set<string>; private: boolean } | null;
      const manifest = text === undefined ? undefined : (parseManifest(text) ?? {});
      // A package.json that declares no dependencies and is not a workspace package (a sub-path
      // package with only `name`/`exports`, a `{"type": "module"}` marker, a playground) installs
      // nothing: its imports resolve from the node_modules of the package around it.
      const boundary = manifest !== undefined && (dir === "." || workspaceDirs.has(dir) || DEPENDENCY_FIELDS.some((field) => dependenciesOf(manifest, field).size > 0));
      if (manifest === undefined || !boundary) {
        const outer = dir === "." ? null : await manifestFor(path.posix.dirname(dir));
        found = outer;
        if (outer !== null && manifest !== undefined && typeof manifest.name === "string") found = { ...outer, declared: new Set([...outer.declared, manifest.name]) };
      } else {
        const declared = new Set<string>();
        if (typeof manifest.name === "string") declared.add(manifest.name);
        for (const field of DEPENDENCY_FIELDS) for (const name of dependenciesOf(manifest, field).keys()) declared.add(name);
        found = { file, declared, private: manifest.private === true };
      }
      manifests.set(dir, found);
      return found;
    };
    // Tests, configs and scripts of a workspace package, and every file of a private (never
    // published) package, run in the repository, where the root package.json's dependencies resolve
    // from every folder (the root node_modules): pnpm, npm and yarn all put them there. Published
    // library code must declare what it imports.
    const nonLibrary = matcher([...NON_LIBRARY_GLOBS, "**/*.config.*", "**/.*rc.*", "**/vitest.workspace.*"]);
    const root = await manifestFor(".");
    const mockNames = new Map<string, Set<string>>();
    for (const file of ctx.files) {
      const m = /^(?:(.*)\/)?__mocks__\/(.+)\.[cm]?[jt]sx?$/.exec(file);
      if (m === null) continue;
      const name = m[2] as string;
      for (let dir = m[1] ?? "."; ; dir = path.posix.dirname(dir)) {
        let names = mockNames.get(dir);
        if (names === undefined) mockNames.set(dir, (names = new Set()));
        names.add(name);
        if (dir === ".") break;
      }
    }
    // A node_modules folder between a file and its package's own folder is never made by an install
    // (installs fill the package folders and the root): it is committed, a test fixture's.
    const committedModule = async (dir: string, name: string, packageDir: string): Promise<boolean> => {
      if (mockNames.get(packageDir)?.has(name) === true) return true;
      for (let at = dir; at !== packageDir && at !== "." && !workspaceDirs.has(at); at = path.posix.dirname(at)) {
        if (await ctx.exists(`${at}/node_modules/${name}/package.json`)) return true;
      }
      return false;
    };
    for (const file of ctx.files) {
      const language = languageOf(file);
      if ((language !== "ts" && language !== "js") || file.includes("node_modules/") || ignored(file)) continue;
      const parsed = await ctx.parse(file);
      if (parsed === undefined) continue;
      const manifest = await manifestFor(path.posix.dirname(file));
      if (manifest === null) continue;
      let virtualMocks: Set<string> | undefined;
      for (const edge of moduleInfo(parsed.ts, parsed.ast).imports) {
        const name = packageNameOf(edge.specifier);
        if (name === undefined || BUILTINS.has(name) || allowed.has(name) || manifest.declared.has(name) || NOT_A_PACKAGE(name)) continue;
        virtualMocks ??= new Set([...parsed.ast.text.matchAll(VIRTUAL_MOCK)].map((m) => m[2] as string));
        if (virtualMocks.has(edge.specifier)) continue;
        // A package committed under a node_modules folder of the tree (a test fixture's), or a Jest
        // manual mock of a node module (`__mocks__/name.js` in the package), resolves without a declaration.
        if (await committedModule(path.posix.dirname(file), name, path.posix.dirname(manifest.file))) continue;
        // Next.js resolves these marker packages itself.
        if ((name === "server-only" || name === "client-only") && manifest.declared.has("next")) continue;
        if (root !== null && root.declared.has(name) && (manifest.private || ctx.classOf(file) === "test" || ctx.classOf(file) === "config" || nonLibrary(file))) continue;
        if (edge.typeOnly && manifest.declared.has(`@types/${name.replace(/^@([^/]+)\//, "$1__")}`)) continue;
        if (VIRTUAL.some((v) => manifest.declared.has(v.provider) && v.test(edge.specifier))) continue;
        // tsconfig `paths` aliases and Deno import maps resolve the name without node_modules.
        if (await maps.maps(path.posix.dirname(file), edge.specifier)) continue;
        ctx.report({ messageId: "phantom", data: { name, manifest: manifest.file }, file, line: edge.line, column: edge.column, key: name });
      }
    }
  },
});
