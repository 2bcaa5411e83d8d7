import { existsSync, readdirSync, readFileSync, statSync, type Dirent } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { CONFIG_FILES, listWorkspacePackages, maskTokens, runGit, WardenError, workspaceGlobs } from "@warden/core";

/** The package managers `warden init` knows. */
export type PackageManager = "pnpm" | "npm" | "yarn" | "bun";

/** The lockfiles that name a package manager, in the order they are looked for. */
const LOCKFILES: ReadonlyArray<readonly [string, PackageManager]> = [
  ["pnpm-lock.yaml", "pnpm"],
  ["yarn.lock", "yarn"],
  ["bun.lock", "bun"],
  ["bun.lockb", "bun"],
  ["package-lock.json", "npm"],
  ["npm-shrinkwrap.json", "npm"],
];

/** Where the package manager was read from, for the summary `warden init` prints. */
export interface ManagerChoice {
  readonly name: PackageManager;
  /** e.g. `packageManager field "pnpm@10.34.9"`, `pnpm-lock.yaml`, or `no lockfile (npm by default)`. */
  readonly source: string;
  /** Yarn Plug'n'Play: no node_modules/.bin, so hooks run binaries through `yarn`. */
  readonly pnp: boolean;
}

/** Another tool that owns the git hooks, found by `warden init` and `warden doctor`. */
export interface ForeignHookManager {
  readonly name: "lefthook" | "pre-commit" | "git hooks";
  /** What gave it away: a config file, core.hooksPath, a hook's content. */
  readonly evidence: string;
}

/** The git hooks setup of a repository. */
export interface HooksState {
  /** `core.hooksPath` as configured (any level), or undefined. */
  readonly hooksPath: string | undefined;
  /** Where git looks for hooks, absolute. */
  readonly hooksDir: string;
  /** core.hooksPath is husky's (`.husky/_`, or `.husky` of husky ≤ 8). */
  readonly husky: boolean;
  /** Another hook manager in charge, when there is one. */
  readonly foreign: ForeignHookManager | undefined;
}

/** What `warden init` found in a repository. */
export interface RepoFacts {
  readonly root: string;
  readonly manifest: Record<string, unknown> | undefined;
  readonly manager: ManagerChoice;
  /** Workspace globs (pnpm-workspace.yaml or package.json `workspaces`); empty for a single package. */
  readonly workspaces: readonly string[];
  /** The documentation folder, when there is one. */
  readonly docs: string | undefined;
  /** Fixture folders Warden would not recognise by name alone. */
  readonly fixtures: readonly string[];
  /** Fixture folders Warden already recognises (fixtures/, __fixtures__/, testdata/). */
  readonly knownFixtures: readonly string[];
  /** The config file already present, if any. */
  readonly configFile: string | undefined;
  readonly hooks: HooksState;
  /** Formatters or linters among the dev dependencies, for lint-staged. */
  readonly linters: readonly ("eslint" | "prettier" | "biome")[];
  readonly turbo: boolean;
  /** The branch deploys and `changeset` compare with. */
  readonly baseBranch: string;
  /** The folder of @warden/cli when it is a package of this workspace (Warden's own repository). */
  readonly wardenPackageDir: string | undefined;
}

/** Read package.json, or undefined when there is none; a broken one is an input error. */
export function readManifest(root: string): Record<string, unknown> | undefined {
  const file = path.join(root, "package.json");
  if (!existsSync(file)) return undefined;
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, "utf8"));
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not an object");
    return parsed as Record<string, unknown>;
  } catch (error) {
    throw new WardenError("INPUT", `package.json: invalid JSON (${maskTokens(error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error))})`, { hint: "fix package.json, then run `warden init` again" });
  }
}

/** The package manager: the `packageManager` field first, then the lockfile, else npm. */
export function detectManager(root: string, manifest: Record<string, unknown> | undefined): ManagerChoice {
  const pnp = existsSync(path.join(root, ".pnp.cjs")) || /^\s*nodeLinker:\s*["']?pnp/m.test(readIfExists(path.join(root, ".yarnrc.yml")));
  const field = manifest?.packageManager;
  if (typeof field === "string") {
    const name = /^(pnpm|npm|yarn|bun)@/.exec(field)?.[1] as PackageManager | undefined;
    if (name !== undefined) return { name, source: `packageManager field "${field}"`, pnp: name === "yarn" && pnp };
  }
  const found = LOCKFILES.filter(([file]) => existsSync(path.join(root, file)));
  const first = found[0];
  if (first !== undefined) {
    const others = found.slice(1).filter(([, name]) => name !== first[1]);
    const note = others.length === 0 ? "" : ` (also ${others.map(([file]) => file).join(", ")}: remove the stale lockfile)`;
    return { name: first[1], source: `${first[0]}${note}`, pnp: first[1] === "yarn" && pnp };
  }
  return { name: "npm", source: "no lockfile (npm by default)", pnp: false };
}

function readIfExists(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

function isDir(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** Folders of the repository, breadth first, skipping dependencies, build output and dot folders; at most `depth` levels. */
function folders(root: string, depth: number): string[] {
  const out: string[] = [];
  let level = [""];
  for (let d = 0; d < depth && level.length > 0; d++) {
    const next: string[] = [];
    for (const dir of level) {
      let entries: Dirent[];
      try {
        entries = readdirSync(path.join(root, dir), { withFileTypes: true });
      } catch {
        continue;
      }
      for (const entry of entries) {
        if (!entry.isDirectory() || entry.name.startsWith(".") || ["node_modules", "dist", "build", "coverage", "out"].includes(entry.name)) continue;
        const rel = dir === "" ? entry.name : `${dir}/${entry.name}`;
        out.push(rel);
        next.push(rel);
      }
    }
    level = next;
  }
  return out.sort();
}

/** Folder names Warden's file classes already take as fixtures (core/file-class.ts). */
const KNOWN_FIXTURE = /^(fixtures|__fixtures__|testdata)$/;
/** Other common names of folders of test inputs. */
const OTHER_FIXTURE = /^(fixture|__testfixtures__|test-fixtures|test_fixtures|test-data|test_data)$/;

/** The documentation folder: docs/, doc/ or documentation/ at the root. */
function detectDocs(root: string): string | undefined {
  return ["docs", "doc", "documentation"].find((name) => isDir(path.join(root, name)));
}

/** The configured core.hooksPath, reading every config level as git does. */
async function configuredHooksPath(root: string): Promise<string | undefined> {
  const result = await runGit(root, ["config", "--get", "core.hooksPath"], { allowFailure: true });
  const value = result.stdout.toString("utf8").trim();
  return result.code === 0 && value !== "" ? value : undefined;
}

const LEFTHOOK_CONFIGS = ["lefthook.yml", ".lefthook.yml", "lefthook.yaml", ".lefthook.yaml", "lefthook.json", ".lefthook.json", "lefthook.toml", ".lefthook.toml", ".config/lefthook.yml"];
const HOOK_NAMES = ["pre-commit", "commit-msg", "pre-push"] as const;

/** A hook script's owner, from its text. */
function ownerOfHook(text: string): ForeignHookManager["name"] | "husky" | undefined {
  if (/lefthook/i.test(text)) return "lefthook";
  if (/File generated by pre-commit|pre_commit|pre-commit\.com/.test(text)) return "pre-commit";
  if (/husky/.test(text)) return "husky";
  return undefined;
}

/** The hooks setup: core.hooksPath, husky's install state, another manager in charge. */
export async function detectHooks(root: string): Promise<HooksState> {
  const hooksPath = await configuredHooksPath(root);
  const gitHooks = (await runGit(root, ["rev-parse", "--git-path", "hooks"])).stdout.toString("utf8").trim();
  const defaultDir = path.resolve(root, gitHooks);
  const hooksDir = hooksPath === undefined ? defaultDir : path.resolve(root, hooksPath.replace(/^~(?=\/)/, homedir()));
  const normalised = hooksPath?.replace(/\/+$/, "");
  const husky = normalised === ".husky/_" || normalised === ".husky" || (hooksPath !== undefined && path.resolve(root, ".husky/_") === hooksDir);

  let foreign: ForeignHookManager | undefined;
  const lefthookConfig = LEFTHOOK_CONFIGS.find((file) => existsSync(path.join(root, file)));
  if (lefthookConfig !== undefined) foreign = { name: "lefthook", evidence: lefthookConfig };
  else if (existsSync(path.join(root, ".pre-commit-config.yaml"))) foreign = { name: "pre-commit", evidence: ".pre-commit-config.yaml" };
  if (foreign === undefined && hooksPath !== undefined && !husky) {
    const owner = HOOK_NAMES.map((name) => ownerOfHook(readIfExists(path.join(hooksDir, name)))).find((o) => o !== undefined && o !== "husky");
    foreign = { name: owner ?? (/lefthook/i.test(hooksPath) ? "lefthook" : "git hooks"), evidence: `core.hooksPath = ${hooksPath}` };
  }
  if (foreign === undefined && hooksPath === undefined) {
    // Hooks written straight into .git/hooks (by hand or by a manager): husky's core.hooksPath would silently switch them off.
    for (const name of HOOK_NAMES) {
      const file = path.join(defaultDir, name);
      if (!existsSync(file)) continue;
      const owner = ownerOfHook(readIfExists(file));
      if (owner === "husky") continue;
      foreign = { name: owner ?? "git hooks", evidence: `${path.relative(root, file) || file} exists` };
      break;
    }
  }
  return { hooksPath, hooksDir, husky, foreign };
}

/** The branch a pull request targets: origin/HEAD's branch, else main or master when present, else the current one. */
async function detectBaseBranch(root: string): Promise<string> {
  const remoteHead = await runGit(root, ["symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"], { allowFailure: true });
  const fromRemote = remoteHead.stdout.toString("utf8").trim().replace(/^origin\//, "");
  if (remoteHead.code === 0 && fromRemote !== "") return fromRemote;
  for (const name of ["main", "master"]) {
    const exists = await runGit(root, ["rev-parse", "--verify", "--quiet", `refs/heads/${name}`], { allowFailure: true });
    if (exists.code === 0) return name;
  }
  const current = await runGit(root, ["symbolic-ref", "--quiet", "--short", "HEAD"], { allowFailure: true });
  const name = current.stdout.toString("utf8").trim();
  return current.code === 0 && name !== "" ? name : "main";
}

/** Everything `warden init` bases its changes on, read from the repository at `root`. */
export async function detectRepo(root: string): Promise<RepoFacts> {
  const manifest = readManifest(root);
  const all = folders(root, 4);
  const deps = { ...(manifest?.dependencies as Record<string, string> | undefined), ...(manifest?.devDependencies as Record<string, string> | undefined) };
  const linters = (["eslint", "prettier", "biome"] as const).filter((tool) => (tool === "biome" ? "@biomejs/biome" : tool) in deps);
  return {
    root,
    manifest,
    manager: detectManager(root, manifest),
    workspaces: workspaceGlobs(root),
    docs: detectDocs(root),
    fixtures: all.filter((dir) => OTHER_FIXTURE.test(path.posix.basename(dir)) && !all.some((o) => o !== dir && dir.startsWith(`${o}/`) && OTHER_FIXTURE.test(path.posix.basename(o)))),
    knownFixtures: all.filter((dir) => KNOWN_FIXTURE.test(path.posix.basename(dir)) && !all.some((o) => o !== dir && dir.startsWith(`${o}/`) && KNOWN_FIXTURE.test(path.posix.basename(o)))),
    configFile: CONFIG_FILES.find((file) => existsSync(path.join(root, file))),
    hooks: await detectHooks(root),
    linters,
    turbo: existsSync(path.join(root, "turbo.json")) || "turbo" in deps,
    baseBranch: await detectBaseBranch(root),
    wardenPackageDir: (await listWorkspacePackages(root).catch(() => [])).find((pkg) => pkg.name === "@warden/cli")?.dir,
  };
}
