import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { PackageManager, RepoFacts } from "./detect.js";
import { execPrefix, hookLine, hookRunner, mergeHook, mergePrepare, WARDEN_HOOKS } from "./hooks.js";

/** One file `warden init` writes: its text before (undefined: new) and after. */
export interface FileChange {
  readonly path: string;
  readonly before: string | undefined;
  readonly after: string;
  /** 0o755 for hook scripts. */
  readonly mode?: number;
}

/** Versions `warden init` writes into package.json (the ones this Warden is built and tested with). */
export const DEV_DEPENDENCY_RANGES = { husky: "^9.1.7", "lint-staged": "^16.4.0", "@changesets/cli": "^2.31.1" } as const;

/** What `warden init` will do, computed without writing anything. */
export interface InitPlan {
  readonly changes: readonly FileChange[];
  /** The dev dependencies added to package.json (name → range). */
  readonly added: Readonly<Record<string, string>>;
  /** Lines for the summary: what was found and why each change is made. */
  readonly notes: readonly string[];
  /** The command that installs what package.json now lists (not run unless asked). */
  readonly installCommand: string | undefined;
}

function read(root: string, file: string): string | undefined {
  try {
    return readFileSync(path.join(root, file), "utf8");
  } catch {
    return undefined;
  }
}

/**
 * The install command of each package manager after init added dev dependencies: the lockfile
 * must change, so pnpm's frozen lockfile (its default when CI is set) is turned off explicitly.
 */
export function installCommand(manager: PackageManager): string {
  return manager === "pnpm" ? "pnpm install --no-frozen-lockfile" : `${manager} install`;
}

/** The indentation package.json uses (two spaces when it cannot tell). */
function indentOf(text: string): string | number {
  const match = /^([ \t]+)"/m.exec(text);
  return match?.[1] ?? 2;
}

/** The spec of @warden/cli: a packed tarball at the root when there is one, else this version's range. */
function wardenSpec(root: string, version: string): string {
  let tarballs: string[] = [];
  try {
    tarballs = readdirSync(root).filter((file) => /^warden-cli-.+\.tgz$/.test(file) && statSync(path.join(root, file)).isFile());
  } catch {
    tarballs = [];
  }
  const newest = tarballs.sort().at(-1);
  return newest === undefined ? `^${version}` : `file:./${newest}`;
}

/** lint-staged settings for the formatters and linters the repository already uses. */
function lintStagedConfig(linters: RepoFacts["linters"]): Record<string, string> {
  const config: Record<string, string> = {};
  if (linters.includes("biome")) config["*"] = "biome check --write --no-errors-on-unmatched";
  else if (linters.includes("prettier")) config["*"] = "prettier --write --ignore-unknown";
  if (linters.includes("eslint")) config["*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}"] = "eslint --fix --no-warn-ignored";
  return config;
}

/** The warden.config.ts fitted to what was found. */
export function renderConfig(facts: RepoFacts): string {
  const rules: string[] = [];
  if (facts.workspaces.length > 0) {
    const include = facts.workspaces.filter((glob) => !glob.startsWith("!")).map((glob) => `${glob.replace(/\/+$/, "")}/src/**`);
    rules.push(
      `    // Workspace packages (${facts.workspaces.join(", ")}): their src/ is library code whose exports need a doc comment.`,
      `    "docs/exported-api-documented": ["error", { include: ${JSON.stringify(include)} }],`,
    );
  }
  if (facts.docs !== undefined && facts.docs !== "docs") {
    rules.push(`    // The documentation folder found here (Warden's default is docs/).`, `    "docs/markdown-location": ["error", { docs: ${JSON.stringify(facts.docs)} }],`);
  }
  const body: string[] = [];
  if (rules.length > 0) body.push("  rules: {", ...rules, "  },");
  if (facts.fixtures.length > 0) {
    const known = facts.knownFixtures.length === 0 ? "" : ` (${facts.knownFixtures.join(", ")}: recognised by name already)`;
    body.push(
      `  // Test inputs no rule judges${known}.`,
      "  files: {",
      `    classes: { fixture: ${JSON.stringify(facts.fixtures.map((dir) => `${dir}/**`))} },`,
      "  },",
    );
  } else if (facts.knownFixtures.length > 0) {
    body.push(`  // Fixture folders found (${facts.knownFixtures.join(", ")}) are recognised by name: no rule judges them.`);
  }
  return [
    'import { defineConfig } from "@warden/cli";',
    "",
    "// Written by `warden init` from what it found in this repository. Every key is optional:",
    "// `warden rules` lists the checks, `warden files` shows how each file is classed.",
    "export default defineConfig({",
    ...body,
    "});",
    "",
  ].join("\n");
}

const CHANGESET_README = `# Changesets

Each change to a package comes with a changeset: a markdown file in this folder that names the
packages it bumps (patch, minor or major) and says what changed, for the changelog. Write one with
\`changeset\` (the @changesets/cli binary); \`changeset version\` applies them to the versions and
changelogs when you release.
`;

function changesetConfig(baseBranch: string): string {
  const config = { changelog: "@changesets/cli/changelog", commit: false, fixed: [], linked: [], access: "restricted", baseBranch, updateInternalDependencies: "patch", ignore: [] };
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** Add `name: range` to a dependency map, keeping its order (sorted maps stay sorted). */
function withDependency(map: Record<string, string>, name: string, range: string): Record<string, string> {
  const keys = Object.keys(map);
  const sorted = keys.every((key, i) => i === 0 || (keys[i - 1] ?? "") <= key);
  const entries = [...Object.entries(map), [name, range] as [string, string]];
  if (sorted) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries);
}

/** Options that change what `warden init` plans. */
export interface PlanOptions {
  /** The running Warden's version (for the @warden/cli range). */
  readonly version: string;
  /** An extra file to write, e.g. the CI workflow of `--ci github`. */
  readonly extra?: readonly { path: string; text: string }[];
}

/** Plan every change `warden init` makes to the repository described by `facts`; writes nothing. */
export function planInit(facts: RepoFacts, options: PlanOptions): InitPlan {
  const { root } = facts;
  const changes: FileChange[] = [];
  const notes: string[] = [];
  const added: Record<string, string> = {};
  const change = (file: string, after: string, mode?: number): void => {
    const before = read(root, file);
    if (before !== after) changes.push({ path: file, before, after, ...(mode === undefined ? {} : { mode }) });
  };

  const foreign = facts.hooks.foreign;
  const useHusky = foreign === undefined;
  const hasPreCommit = read(root, ".husky/pre-commit") !== undefined;
  const manifest = facts.manifest;
  const deps = { ...(manifest?.dependencies as Record<string, string> | undefined), ...(manifest?.devDependencies as Record<string, string> | undefined) };
  const addLintStaged = useHusky && !hasPreCommit && facts.linters.length > 0 && !("lint-staged" in deps) && manifest?.["lint-staged"] === undefined;
  const addChangesets = !existsSync(path.join(root, ".changeset"));
  const huskyMajor = /(\d+)/.exec(deps.husky ?? "")?.[1];
  const oldHusky = huskyMajor !== undefined && Number(huskyMajor) < 9;

  // package.json: dev dependencies and the prepare script.
  if (manifest !== undefined) {
    const text = read(root, "package.json") ?? "";
    const next: Record<string, unknown> = { ...manifest };
    let devDependencies = { ...(manifest.devDependencies as Record<string, string> | undefined) };
    const want: Array<[string, string]> = [["@warden/cli", wardenSpec(root, options.version)]];
    if (useHusky) want.push(["husky", DEV_DEPENDENCY_RANGES.husky]);
    if (addLintStaged) want.push(["lint-staged", DEV_DEPENDENCY_RANGES["lint-staged"]]);
    if (addChangesets && !("@changesets/cli" in deps)) want.push(["@changesets/cli", DEV_DEPENDENCY_RANGES["@changesets/cli"]]);
    for (const [name, range] of want) {
      if (name in deps) continue;
      devDependencies = withDependency(devDependencies, name, range);
      added[name] = range;
    }
    if (Object.keys(added).length > 0) next.devDependencies = devDependencies;
    if (useHusky) {
      const scripts = { ...(manifest.scripts as Record<string, string> | undefined) };
      const prepare = mergePrepare(scripts.prepare, oldHusky ? "husky install" : "husky");
      if (prepare !== scripts.prepare) {
        notes.push(scripts.prepare === undefined ? 'package.json: "prepare": "husky" (installs the hooks on every install)' : `package.json: husky appended to your prepare script: "${prepare}"`);
        next.scripts = { ...scripts, prepare };
      }
    }
    if (addLintStaged) {
      next["lint-staged"] = lintStagedConfig(facts.linters);
      notes.push(`lint-staged: runs ${facts.linters.join(" and ")} on the staged files before Warden's check`);
    }
    const after = `${JSON.stringify(next, null, indentOf(text))}${text.endsWith("\n") || text === "" ? "\n" : ""}`;
    if (JSON.stringify(next) !== JSON.stringify(manifest)) change("package.json", after);
  } else {
    notes.push("no package.json: no dependencies added (install @warden/cli globally, or add a package.json and run `warden init` again)");
  }

  // Hooks: husky's folder, merged with what is there.
  if (useHusky) {
    // husky 9 puts node_modules/.bin on PATH for hooks; older ones do not, so their hooks start Warden through the package manager.
    const runner = oldHusky ? `${execPrefix(facts.manager.name)} warden` : hookRunner(facts.manager);
    if (oldHusky) notes.push(`husky ${deps.husky ?? ""} found: hooks call \`${runner}\`; husky 9 runs them faster (\`warden\` straight from node_modules/.bin)`);
    for (const hook of WARDEN_HOOKS) {
      const file = `.husky/${hook.name}`;
      const existing = read(root, file);
      let merged = mergeHook(existing, hook.name, runner);
      if (hook.name === "pre-commit" && existing === undefined && addLintStaged) merged = `lint-staged\n${hookLine("pre-commit", runner)}\n`;
      if (existing !== undefined && merged !== existing) notes.push(`${file}: your lines kept, \`${hookLine(hook.name, runner)}\` added after them`);
      change(file, merged, 0o755);
    }
  }

  // Config fitted to what was found; an existing one is the user's and stays as it is.
  if (facts.configFile === undefined) change("warden.config.ts", renderConfig(facts));
  else notes.push(`${facts.configFile}: kept as it is`);

  if (addChangesets) {
    change(".changeset/config.json", changesetConfig(facts.baseBranch));
    change(".changeset/README.md", CHANGESET_README);
  }
  for (const file of options.extra ?? []) change(file.path, file.text);

  const install = manifest !== undefined && Object.keys(added).length > 0 ? installCommand(facts.manager.name) : undefined;
  return { changes, added, notes, installCommand: install };
}
