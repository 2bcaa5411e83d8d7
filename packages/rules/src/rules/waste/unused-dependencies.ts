import { builtinModules } from "node:module";
import { defineRule } from "../../define-rule.js";
import { DEPENDENCY_FIELDS, dependenciesOf, jsonKeyLine } from "../../manifest.js";
import { z } from "zod";
import { moduleGraph, type GraphPackage } from "../../module-graph.js";
import { packageNameOf } from "../../module-info.js";

/**
 * Command names of packages whose binary is not named after the package (the unscoped package name
 * always counts as one). The answer must not depend on node_modules being installed: installed
 * `bin` fields only add names to these.
 */
const KNOWN_BINS: Readonly<Record<string, readonly string[]>> = {
  typescript: ["tsc", "tsserver"],
  "@changesets/cli": ["changeset"],
  "@biomejs/biome": ["biome"],
  "@playwright/test": ["playwright"],
  "@angular/cli": ["ng"],
  "@nestjs/cli": ["nest"],
  "@vue/cli-service": ["vue-cli-service"],
  "npm-run-all": ["run-p", "run-s", "npm-run-all"],
  "npm-run-all2": ["run-p", "run-s", "npm-run-all"],
  "@microsoft/api-extractor": ["api-extractor"],
  storybook: ["storybook", "sb"],
  "@storybook/cli": ["sb", "storybook"],
  "@docusaurus/core": ["docusaurus"],
  "@tauri-apps/cli": ["tauri"],
  "@sveltejs/kit": ["svelte-kit"],
  "@swc/cli": ["swc", "swcx"],
  "@babel/cli": ["babel", "babel-external-helpers"],
  "dotenv-cli": ["dotenv"],
  "ts-node": ["ts-node", "ts-node-esm", "ts-node-script"],
  "@vscode/vsce": ["vsce"],
  "@arethetypeswrong/cli": ["attw"],
  "@commitlint/cli": ["commitlint"],
  "webpack-cli": ["webpack", "webpack-cli"],
  "@rspack/cli": ["rspack"],
  "@rsbuild/core": ["rsbuild"],
  "@electron-forge/cli": ["electron-forge"],
  nuxt: ["nuxi", "nuxt"],
  concurrently: ["concurrently", "conc"],
  "@redocly/cli": ["redocly", "openapi"],
  "@graphql-codegen/cli": ["graphql-codegen", "gql-gen", "graphql-code-generator"],
  "@lhci/cli": ["lhci"],
  "vue-tsc": ["vue-tsc"],
  "@nuxt/module-builder": ["nuxt-module-build"],
  "@biomejs/cli": ["biome"],
  "@sveltejs/package": ["svelte-package"],
  "@remix-run/serve": ["remix-serve"],
};

/**
 * Packages loaded by the tools of other dependencies rather than imported (peer hosts): a host
 * counts as used when a dependency declared beside it matches its pattern (and, for any
 * unscoped package, when a declared package is named as its plugin: `ajv-formats` → `ajv`).
 * Decided from names alone, so the answer is the same with and without node_modules.
 */
const HOSTS: readonly (readonly [string, RegExp])[] = [
  ["eslint", /eslint/],
  ["typescript", /typescript|^ts-|^tsx$|^tsup$|^tsdown$|vue-tsc|^@vue\/tsconfig|^@tsconfig\//],
  ["vite", /vite|^astro$|^nuxt$|^@sveltejs\/kit$|^vitepress$|^@storybook\/.*vite/],
  ["vitest", /^@vitest\//],
  ["prettier", /prettier/],
  ["react", /^next$|react|^@docusaurus\/|^gatsby$|^@remix-run\/|^expo$|^@mdx-js\/react$/],
  ["react-dom", /^next$|^@vitejs\/plugin-react|^@testing-library\/react$|^@docusaurus\/|^gatsby$|^@remix-run\/|^@storybook\/react/],
  ["@babel/core", /babel/],
  ["postcss", /postcss|^tailwindcss$|^autoprefixer$/],
  ["webpack", /webpack/],
  ["rollup", /rollup/],
  ["jest", /jest/],
  ["vue", /vue|^nuxt$|^vitepress$/],
  ["svelte", /svelte/],
  ["storybook", /^@storybook\//],
  ["graphql", /graphql/],
  ["@types/react", /^@types\/react-dom$/],
  ["sharp", /^astro$|^@astrojs\/|^next$|^gatsby/],
  ["vue-tsc", /^nuxt$|^nuxi$|^@nuxt\//],
  // Angular: peers of the framework packages and of its build tools (declared beside them, loaded by them).
  ["rxjs", /^@angular\/core$/],
  ["zone.js", /^@angular\/core$/],
  ["@angular/common", /^@angular\/(?:platform-browser|forms|router)$/],
  ["@angular/platform-browser", /^@angular\/(?:platform-browser-dynamic|forms|router|animations)$/],
  ["@angular/compiler", /^@angular\/(?:platform-browser-dynamic|compiler-cli)$/],
  ["@angular/compiler-cli", /^@angular-devkit\/build-angular$|^@angular\/build$|^ng-packagr$/],
  ["tslib", /^ng-packagr$/],
  // Peers of UI libraries: MUI's styling engine, Mantine's hooks.
  ["@emotion/react", /^@mui\/|^@emotion\/styled$/],
  ["@emotion/styled", /^@mui\/(?:material|system|lab|joy)$/],
  ["@mantine/hooks", /^@mantine\/(?!hooks$)/],
  // Next.js type-checks a TypeScript app with Node's types (it installs them when missing).
  ["@types/node", /^next$/],
];

const TOOL_FILES =
  /(?:^|\/)(?:[^/]*\.config\.[cm]?[jt]s|[^/]*\.config\.json|tsconfig[^/]*\.json|\.[^/]*rc(?:\.[cm]?js|\.json|\.ya?ml)?|scripts\/.*|bin\/.*|\.husky\/[^/]+|\.ci\/.*|\.github\/.*|[^/]*\.sh|Makefile|Dockerfile[^/]*|[^/]*\.ya?ml|\.vitepress\/config\.[cm]?[jt]s|\.storybook\/[^/]+|\.changeset\/config\.json|biome\.jsonc?|turbo\.json|lerna\.json|nx\.json|app\.json|deno\.jsonc?|angular\.json|project\.json|ng-package\.json)$/;

/** Quoted strings of a text ('…', "…", `…`): where tool configs name packages. */
function quotedNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(/["'`]([@\w][\w@./:+-]*)["'`]/g)) {
    const value = match[1] ?? "";
    // An Angular/Nx builder or executor names its package before the colon ("@angular-devkit/build-angular:application").
    const name = packageNameOf(value.replace(/^npm:/, "").replace(/^(@?[\w.-]+(?:\/[\w.-]+)?):[\w-]+$/, "$1"));
    if (name === undefined) continue;
    names.add(name);
    // ESLint, Prettier, Babel and Vitest shorthands: "react" → eslint-plugin-react, "v8" → @vitest/coverage-v8, "@scope" → @scope/eslint-plugin.
    if (name.startsWith("@") && !name.includes("/")) continue;
    for (const prefix of ["eslint-plugin-", "eslint-config-", "prettier-plugin-", "babel-plugin-", "babel-preset-", "@babel/plugin-", "@babel/preset-", "@vitest/coverage-", "jest-environment-", "jest-runner-"]) names.add(`${prefix}${name}`);
  }
  for (const match of text.matchAll(/["'`](@[\w.-]+)(?:\/[\w.-]+)?["'`]/g)) {
    const scope = match[1] ?? "";
    names.add(`${scope}/eslint-plugin`);
    names.add(`${scope}/eslint-config`);
  }
  return names;
}

/** The raw quoted strings of a text that could name a package or a command. */
function quotedStrings(text: string): Set<string> {
  const out = new Set<string>();
  for (const match of text.matchAll(/["'`]([@\w][\w@./+-]*)["'`]/g)) {
    const value = match[1] ?? "";
    out.add(value);
    const name = packageNameOf(value);
    if (name !== undefined) out.add(name); // "tailwindcss/theme.css" names tailwindcss
  }
  return out;
}

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
  // Every file of a package counts as using its dependencies, reachable or not, so the other
  // waste rules' `entry` would change nothing here: only `ignore` is offered.
  options: z.object({ ignore: z.array(z.string()).default([]).describe("Dependency names (exact) never reported.") }).strict(),
  defaultLevel: "error",
  async check(ctx) {
    if (ctx.mode !== "full") return;
    const graph = await moduleGraph(ctx, []);
    const workspace = new Map(graph.packages.filter((p) => p.name !== undefined).map((p) => [p.name as string, p]));
    /** Installed `bin` names (node_modules, when present): they only ever add to the known names. */
    const installedBins = async (pkg: GraphPackage, dep: string): Promise<string[]> => {
      for (const where of [pkg.dir === "." ? `node_modules/${dep}` : `${pkg.dir}/node_modules/${dep}`, `node_modules/${dep}`]) {
        const text = await ctx.readText(`${where}/package.json`);
        if (text === undefined) continue;
        try {
          const bin = (JSON.parse(text) as { bin?: unknown }).bin;
          return typeof bin === "string" ? [dep.replace(/^@[^/]+\//, "")] : typeof bin === "object" && bin !== null ? Object.keys(bin) : [];
        } catch {
          return []; // an unreadable installed manifest adds nothing
        }
      }
      return [];
    };
    // Every file's imports, grouped by package once: O(files + imports), not O(files × packages).
    const imported = new Map<GraphPackage, Set<string>>();
    /** The same, from the files a bundle of the package can hold: its tests and configs are not bundled. */
    const shipped = new Map<GraphPackage, Set<string>>();
    const nodeUsers = new Set<GraphPackage>();
    // A package.json that declares no dependencies (a sub-path package with only `name`/`exports`, a
    // `{"type": "module"}` marker) installs nothing: its files use the dependencies of the package around it.
    const owner = (pkg: GraphPackage): GraphPackage => {
      let at = pkg;
      while (at.dir !== "." && !at.installed && !DEPENDENCY_FIELDS.some((field) => dependenciesOf(at.manifest, field).size > 0)) at = graph.packageOf(at.dir);
      return at;
    };
    for (const [file, info] of graph.infos) {
      const pkg = owner(graph.packageOf(file));
      let names = imported.get(pkg);
      if (names === undefined) {
        names = new Set();
        imported.set(pkg, names);
      }
      const bundled = ctx.classOf(file) !== "test" && ctx.classOf(file) !== "config";
      let shippedNames = shipped.get(pkg);
      if (shippedNames === undefined) {
        shippedNames = new Set();
        shipped.set(pkg, shippedNames);
      }
      for (const edge of info.imports) {
        const name = packageNameOf(edge.specifier);
        if (edge.specifier.startsWith("node:") || (name !== undefined && builtinModules.includes(name))) nodeUsers.add(pkg);
        if (name !== undefined) names.add(name);
        if (name !== undefined && bundled) shippedNames.add(name);
      }
    }
    // Packages named in fenced code blocks of docs compiled by Twoslash (type-checked examples).
    const twoslashImports = async (pkg: GraphPackage): Promise<Set<string>> => {
      const names = new Set<string>();
      for (const file of graph.filesOf(pkg)) {
        if (!/\.mdx?$/.test(file)) continue;
        const text = (await ctx.readText(file)) ?? "";
        for (const block of text.matchAll(/^[ \t]*(`{3,}|~{3,})[^\n]*\n([\s\S]*?)^[ \t]*\1/gm)) {
          for (const match of (block[2] ?? "").matchAll(/\bfrom\s*["']([^"'\n]+)["']|\bimport\s*\(?\s*["']([^"'\n]+)["']|\brequire\(\s*["']([^"'\n]+)["']\s*\)/g)) {
            const name = packageNameOf(match[1] ?? match[2] ?? match[3] ?? "");
            if (name !== undefined) names.add(name);
          }
        }
      }
      return names;
    };
    // A workspace package imported without being declared cannot be installed: it is bundled from
    // source (a bundler alias or tsconfig paths), and so is what it imports from the workspace in
    // turn, except the packages the importer declares (installed, so their imports are their own).
    // The packages that bundled source imports are the importer's to install.
    const bundledImports = (pkg: GraphPackage): Set<string> => {
      const declaredAny = new Set(DEPENDENCY_FIELDS.flatMap((field) => [...dependenciesOf(pkg.manifest, field).keys()]));
      const seen = new Set<GraphPackage>([pkg]);
      const queue: GraphPackage[] = [];
      for (const name of imported.get(pkg) ?? []) {
        const target = workspace.get(name);
        if (target !== undefined && !declaredAny.has(name)) queue.push(owner(target));
      }
      const names = new Set<string>();
      while (queue.length > 0) {
        const source = queue.pop() as GraphPackage;
        if (seen.has(source)) continue;
        seen.add(source);
        for (const name of shipped.get(source) ?? []) {
          names.add(name);
          const target = workspace.get(name);
          if (target !== undefined && !declaredAny.has(name)) queue.push(owner(target));
        }
      }
      return names;
    };
    let everywhere: Set<string> | undefined;
    const scriptWordsEverywhere = (): Set<string> =>
      (everywhere ??= new Set(
        graph.packages
          .flatMap((p) => (typeof p.manifest.scripts === "object" && p.manifest.scripts !== null ? Object.values(p.manifest.scripts).map(String) : []))
          .join("\n")
          .split(/[^\w@/.-]+/),
      ));
    const pending: { pkg: GraphPackage; manifestFile: string; declared: Map<string, "dependencies" | "devDependencies">; used: Set<string>; nodeUser: () => Promise<boolean> }[] = [];
    const usedAnywhere = new Set<string>();
    for (const pkg of graph.packages) {
      const manifestFile = pkg.dir === "." ? "package.json" : `${pkg.dir}/package.json`;
      const mine = graph.filesOf(pkg);
      const used = new Set<string>(imported.get(pkg) ?? []);
      const declared = new Map<string, "dependencies" | "devDependencies">();
      for (const field of ["dependencies", "devDependencies"] as const) for (const name of dependenciesOf(pkg.manifest, field).keys()) declared.set(name, field);
      const judged = ctx.judges(manifestFile) && pkg.installed && declared.size > 0;
      if (!judged) {
        // Not judged itself, but what it imports without declaring still uses the root's dependencies.
        for (const name of used) if (!declared.has(name)) usedAnywhere.add(name);
        continue;
      }
      for (const name of bundledImports(pkg)) used.add(name);
      const toolText = (await Promise.all(mine.filter((f) => TOOL_FILES.test(f)).map((f) => ctx.readText(f)))).join("\n");
      for (const name of quotedNames(toolText)) used.add(name);
      const scripts = typeof pkg.manifest.scripts === "object" && pkg.manifest.scripts !== null ? Object.values(pkg.manifest.scripts).map(String) : [];
      const words = new Set([...scripts, toolText].join("\n").split(/[^\w@/.-]+/));
      // The root's binaries are on the PATH of every workspace package's scripts (npm, pnpm, yarn).
      if (pkg.dir === ".") for (const word of scriptWordsEverywhere()) words.add(word);
      let allWords: Set<string> | undefined;
      let codeStrings: Set<string> | undefined;
      const codeOf = mine.filter((f) => /\.(?:[cm]?[jt]sx?|vue|svelte|astro|mdx|css|scss|sass|less|pcss)$/.test(f));
      const hasTypeScript = mine.some((f) => /\.[cm]?tsx?$/.test(f) || /(?:^|\/)tsconfig[^/]*\.json$/.test(f));
      for (const name of declared.keys()) {
        if (used.has(name)) continue;
        if (name in pkg.manifest) {
          used.add(name); // configured in package.json ("prettier": {…}, "jest": {…})
          continue;
        }
        const local = workspace.get(name);
        const localBin = local?.manifest.bin;
        const bins = new Set<string>([name.replace(/^@[^/]+\//, ""), ...(KNOWN_BINS[name] ?? [])]);
        // A scope's CLI package is run by the scope's name (`@manypkg/cli` → `manypkg`, `@changesets/cli` → `changeset`).
        const cliScope = /^@([\w.-]+)\/cli$/.exec(name)?.[1];
        if (cliScope !== undefined) for (const bin of [cliScope, cliScope.replace(/s$/, "")]) bins.add(bin);
        if (typeof localBin === "object" && localBin !== null) for (const bin of Object.keys(localBin)) bins.add(bin);
        for (const bin of await installedBins(pkg, name)) bins.add(bin);
        if (words.has(name) || [...bins].some((b) => words.has(b))) {
          used.add(name);
          continue;
        }
        // Named in a string by the package's code: `require.resolve("x")`, a binary path `[".bin", "x"]`, a table of aliases.
        codeStrings ??= quotedStrings((await Promise.all(codeOf.map((f) => ctx.readText(f)))).join("\n"));
        if (codeStrings.has(name) || [...bins].some((b) => codeStrings?.has(b) === true)) {
          used.add(name);
          continue;
        }
        if (local !== undefined && localBin !== undefined) {
          // A workspace binary run from any file of the package (a shell script, a Makefile).
          allWords ??= new Set((await Promise.all(mine.map((f) => ctx.readText(f)))).join("\n").split(/[^\w@/.-]+/));
          if ([...bins].some((b) => allWords?.has(b) === true)) used.add(name);
        }
      }
      if (hasTypeScript) used.add("typescript");
      if ([...declared.keys()].some((name) => /twoslash/.test(name))) for (const name of await twoslashImports(pkg)) used.add(name);
      // Test environments named in docblocks (`@vitest-environment jsdom`, `@jest-environment happy-dom`).
      if (declared.has("jsdom") || declared.has("happy-dom")) {
        const code = (await Promise.all(codeOf.map((f) => ctx.readText(f)))).join("\n");
        for (const match of code.matchAll(/@(?:vitest|jest)-environment\s+([\w@/.-]+)/g)) used.add(match[1] === "jsdom" || match[1] === "happy-dom" ? match[1] : (packageNameOf(match[1] ?? "") ?? ""));
      }
      // Values of package.json's own settings name packages (`"prettier": "@acme/prettier-config"`).
      for (const [key, value] of Object.entries(pkg.manifest)) {
        if (key.endsWith("ependencies") || key === "name") continue;
        for (const name of quotedNames(JSON.stringify(value))) used.add(name);
      }
      // React Native and Expo link native modules by their package.json, not by imports.
      if (declared.has("expo") || declared.has("react-native")) {
        for (const name of declared.keys()) if (/^(?:expo-|@expo\/|react-native-|@react-native)/.test(name)) used.add(name);
        if (declared.has("react-native-web") || declared.has("expo")) used.add("react-dom");
      }
      for (const [host, pattern] of HOSTS) {
        if (!declared.has(host) || used.has(host)) continue;
        if ([...declared.keys()].some((name) => name !== host && pattern.test(name))) used.add(host);
      }
      // Plugins and extensions named after their host (ajv-formats → ajv, vite-plugin-x → vite, x-eslint → eslint).
      for (const host of declared.keys()) {
        if (used.has(host) || host.startsWith("@")) continue;
        const plugin = (name: string): boolean => {
          const bare = name.replace(/^@[^/]+\//, "");
          return name !== host && (bare.startsWith(`${host}-`) || bare.endsWith(`-${host}`) || bare.includes(`-${host}-`) || name.startsWith(`@${host}/`));
        };
        if ([...declared.keys()].some(plugin)) used.add(host);
      }
      // A workspace package that is used brings its peer dependencies: declaring them is required.
      for (const name of [...used]) {
        const local = workspace.get(name);
        if (local === undefined || !declared.has(name)) continue;
        for (const field of ["peerDependencies", "optionalDependencies"] as const) for (const peer of dependenciesOf(local.manifest, field).keys()) used.add(peer);
      }
      if (toolText.includes("importHelpers")) used.add("tslib");
      // Jest transforms with babel-jest by itself when the package has a Babel config.
      if (declared.has("babel-jest") && (declared.has("jest") || "jest" in pkg.manifest) && ("babel" in pkg.manifest || mine.some((f) => /(?:^|\/)(?:babel\.config\.[cm]?[jt]s|babel\.config\.json|\.babelrc(?:\.[cm]?js|\.json)?)$/.test(f)))) used.add("babel-jest");
      // Docusaurus loads its Rspack/SWC bundle by a flag of the site config (`future.experimental_faster`).
      if (/\bexperimental_faster\b/.test(toolText) || /\bfaster\s*:/.test(toolText)) used.add("@docusaurus/faster");
      // Vitest loads its coverage provider (v8 by default) and UI by flag or config.
      if (words.has("--coverage") || /\bcoverage\s*:/.test(toolText)) used.add("@vitest/coverage-v8");
      if (words.has("--ui")) used.add("@vitest/ui");
      for (const name of used) if (!declared.has(name)) usedAnywhere.add(name);
      pending.push({
        pkg,
        manifestFile,
        declared,
        used,
        nodeUser: async () => {
          if (nodeUsers.has(pkg) || pkg.dir === ".") return true;
          // Node's globals in the code (type-checked JS included) (`process.env`, `Buffer`, `NodeJS.*`) need @types/node too.
          const text = (await Promise.all(mine.filter((f) => /\.[cm]?[jt]sx?$/.test(f)).map((f) => ctx.readText(f)))).join("\n");
          return /\bprocess\.|\bBuffer\b|\bNodeJS\.|\b__dirname\b|\b__filename\b/.test(text);
        },
      });
    }
    for (const { pkg, manifestFile, declared, used, nodeUser } of pending) {
      // The root's dependencies resolve from every folder of the repository (the root node_modules):
      // one that another package imports or configures without declaring it is used.
      if (pkg.dir === ".") for (const name of usedAnywhere) used.add(name);
      for (const [name, field] of declared) {
        if (used.has(name) || ctx.options.ignore.includes(name)) continue;
        if (name.startsWith("@types/")) {
          const typed = name.slice(7).replace(/^([^_]+)__/, "@$1/");
          if (used.has(typed)) continue;
          if (typed === "node" && (await nodeUser())) continue;
        }
        ctx.report({ messageId: "unused", data: { field, name, dir: pkg.dir }, file: manifestFile, line: jsonKeyLine(pkg.manifestText, name, field), key: `${field}.${name}` });
      }
    }
  },
});
