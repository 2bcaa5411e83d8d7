// `warden init` on temporary repositories of each package manager, with existing husky hooks, an
// existing prepare script and lefthook in charge: what it detects, what it writes, that a second
// run changes nothing, that nothing of the user's is deleted, and `--dry-run` writes nothing.
// The package-manager matrix runs the command in-process (fast); hooks/commit-refusal and doctor
// live in init-hooks.test.ts with the built binary.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runWithEnv } from "@warden/core";
import { GIT_ENV, gitRepo, type TempRepo } from "@warden/test-utils";
import { callsWarden, mergeHook, mergePrepare } from "../src/adopt/hooks.js";
import { initCommand, type InitOptions } from "../src/commands/init.js";
import type { Io } from "../src/io.js";

const repos: TempRepo[] = [];
afterAll(() => {
  for (const repo of repos.splice(0)) repo.cleanup();
});

function repoWith(files: Record<string, string>): TempRepo {
  const repo = gitRepo(files);
  repos.push(repo);
  return repo;
}

async function init(repo: TempRepo, options: Partial<InitOptions> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: Io = { cwd: repo.dir, stdout: { write: (c: string) => (out += c) }, stderr: { write: (c: string) => (err += c) }, readStdin: () => Promise.resolve("") };
  const code = await runWithEnv({ ...GIT_ENV, HUSKY: "" }, () => initCommand(io, { dryRun: false, yes: true, install: false, baseline: false, ...options }));
  return { code, out, err };
}

/** Every file of the work tree (outside .git) with its content and mode. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string): void => {
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const name = rel === "" ? entry.name : `${rel}/${entry.name}`;
      if (name === ".git") continue;
      if (entry.isDirectory()) walk(name);
      else out[name] = `${(statSync(path.join(dir, name)).mode & 0o777).toString(8)} ${readFileSync(path.join(dir, name), "utf8")}`;
    }
  };
  walk("");
  return out;
}

function json(repo: TempRepo, file: string): Record<string, Record<string, string>> {
  return JSON.parse(readFileSync(path.join(repo.dir, file), "utf8")) as Record<string, Record<string, string>>;
}

const manifest = (extra: Record<string, unknown>): string => `${JSON.stringify({ name: "app", version: "1.0.0", private: true, ...extra }, null, 2)}\n`;

const CASES = [
  {
    manager: "pnpm",
    files: { "package.json": manifest({ scripts: { build: "tsc" } }), "pnpm-lock.yaml": "lockfileVersion: '9.0'\n", "pnpm-workspace.yaml": "packages:\n  - packages/*\n  - apps/*\n" },
    source: "pnpm-lock.yaml",
    workspaces: "packages/*, apps/*",
  },
  {
    manager: "npm",
    files: { "package.json": manifest({ workspaces: ["libs/*"], scripts: { prepare: "node scripts/setup.mjs" } }), "package-lock.json": "{}\n", ".husky/pre-commit": "npm test\n" },
    source: "package-lock.json",
    workspaces: "libs/*",
  },
  {
    manager: "yarn",
    files: { "package.json": manifest({ workspaces: { packages: ["packages/*"] }, devDependencies: { husky: "^8.0.0" } }), "yarn.lock": "# yarn lockfile v1\n" },
    source: "yarn.lock",
    workspaces: "packages/*",
  },
  {
    manager: "bun",
    files: { "package.json": manifest({ packageManager: "bun@1.2.0", devDependencies: { prettier: "3.0.0" } }), "bun.lock": "{}\n", "docs/intro.md": "# Intro\n" },
    source: 'packageManager field "bun@1.2.0"',
    workspaces: "none (one package)",
  },
] as const;

describe.each(CASES)("warden init on a $manager repository", ({ manager, files, source, workspaces }) => {
  const repo = repoWith({ ...files, "src/index.ts": "export const answer = 42;\n", "test/fixture/input.ts": "export {};\n" });
  const user = tree(repo.dir);

  it("detects the package manager and workspaces, prints the diff with --dry-run and writes nothing", async () => {
    const dry = await init(repo, { dryRun: true });
    expect(dry.code, dry.err).toBe(0);
    expect(dry.out).toContain(`package manager  ${manager} (${source})`);
    expect(dry.out).toContain(`workspaces       ${workspaces}`);
    expect(dry.out).toContain("+++ b/warden.config.ts");
    expect(dry.out).toMatch(/\+\s+"@warden\/cli": "\^\d+\.\d+\.\d+"/);
    expect(dry.out).toMatch(/--dry-run: \d+ files would change; nothing written/);
    expect(tree(repo.dir)).toEqual(user);
  });

  it("writes dependencies, hooks, a fitted config and .changeset/, keeps every line of the user's, and a second run changes nothing", async () => {
    const first = await init(repo);
    expect(first.code, first.err).toBe(0);
    const after = tree(repo.dir);
    // Nothing of the user's is gone: each file is still there and each of its lines still in it.
    for (const [file, content] of Object.entries(user)) {
      expect(after[file], file).toBeDefined();
      for (const line of content.slice(4).split("\n").filter((l) => l.trim() !== "" && !/^[{}[\],\s]*$/.test(l))) {
        if (file === "package.json") continue; // compared by key below
        expect(after[file], `${file}: ${line}`).toContain(line);
      }
    }
    const pkg = json(repo, "package.json");
    const before = JSON.parse(files["package.json"]) as Record<string, Record<string, string> | undefined>;
    for (const [key, value] of Object.entries(before)) if (typeof value !== "object") expect(pkg[key]).toEqual(value);
    expect(Object.keys(pkg.devDependencies ?? {})).toEqual(expect.arrayContaining(["@warden/cli", "husky", "@changesets/cli"]));
    // A husky the user already had keeps its range.
    if (before.devDependencies?.husky !== undefined) expect(pkg.devDependencies?.husky).toBe(before.devDependencies.husky);
    const prepare = pkg.scripts?.prepare;
    expect(prepare).toBe(before.scripts?.prepare === undefined ? (manager === "yarn" ? "husky install" : "husky") : `${before.scripts.prepare} && husky`);
    for (const hook of ["pre-commit", "commit-msg", "pre-push"] as const) {
      const text = readFileSync(path.join(repo.dir, ".husky", hook), "utf8");
      expect(callsWarden(text, hook), text).toBe(true);
      expect(statSync(path.join(repo.dir, ".husky", hook)).mode & 0o111).not.toBe(0);
    }
    const config = readFileSync(path.join(repo.dir, "warden.config.ts"), "utf8");
    expect(config).toContain('files: {\n    classes: { fixture: ["test/fixture/**"] },');
    if (manager === "pnpm") expect(config).toContain('"docs/exported-api-documented": ["error", { include: ["packages/*/src/**","apps/*/src/**"] }]');
    if (manager === "bun") {
      expect(config).not.toContain("exported-api-documented");
      // prettier found and no pre-commit hook yet: lint-staged formats the staged files first.
      expect(pkg["lint-staged"]).toEqual({ "*": "prettier --write --ignore-unknown" });
      expect(readFileSync(path.join(repo.dir, ".husky/pre-commit"), "utf8")).toBe("lint-staged\nwarden hook pre-commit\n");
    }
    if (manager === "yarn") {
      // husky 8 does not put node_modules/.bin on PATH: its hooks go through the package manager, and it installs with `husky install`.
      expect(readFileSync(path.join(repo.dir, ".husky/pre-push"), "utf8")).toBe('yarn warden hook pre-push "$@"\n');
    } else {
      expect(readFileSync(path.join(repo.dir, ".husky/pre-push"), "utf8")).toBe('warden hook pre-push "$@"\n');
    }
    expect(json(repo, ".changeset/config.json").baseBranch).toBe("main");
    expect(first.out).toContain(`next: run \`${manager === "pnpm" ? "pnpm install --no-frozen-lockfile" : `${manager} install`}\``);

    const second = await init(repo);
    expect(second.code).toBe(0);
    expect(second.out).toContain("nothing to change: Warden is set up here");
    expect(tree(repo.dir)).toEqual(after);
  });
});

describe("warden init with lefthook in charge of the hooks", () => {
  const lefthook = "pre-commit:\n  commands:\n    lint:\n      run: npx eslint {staged_files}\n";
  const repo = repoWith({ "package.json": manifest({ scripts: { prepare: "lefthook install" } }), "package-lock.json": "{}\n", "lefthook.yml": lefthook });
  repo.write({ ".git/hooks/pre-commit": "#!/bin/sh\n# lefthook's hook\nlefthook run pre-commit \"$@\"\n" });
  const user = tree(repo.dir);
  const gitHook = readFileSync(path.join(repo.dir, ".git/hooks/pre-commit"), "utf8");

  it("installs no hooks, explains why and prints the lines for lefthook.yml; the rest is written once", async () => {
    const first = await init(repo);
    expect(first.code).toBe(1);
    expect(first.err).toContain("✖ hooks not installed: this repository's git hooks are run by lefthook (lefthook.yml)");
    expect(first.err).toContain("run: npx --no warden hook pre-commit");
    expect(first.err).toContain("run: npx --no warden hook pre-push {1} {2}");
    expect(first.err).toContain("use_stdin: true");
    const after = tree(repo.dir);
    expect(Object.keys(after).some((file) => file.startsWith(".husky/"))).toBe(false);
    expect(after["lefthook.yml"]).toBe(user["lefthook.yml"]);
    expect(readFileSync(path.join(repo.dir, ".git/hooks/pre-commit"), "utf8")).toBe(gitHook);
    const pkg = json(repo, "package.json");
    expect(pkg.scripts?.prepare).toBe("lefthook install");
    expect(pkg.devDependencies?.husky).toBeUndefined();
    expect(pkg.devDependencies?.["@warden/cli"]).toBeDefined();
    expect(repo.git(["config", "--get", "core.hooksPath"], { allowFailure: true }).stdout.trim()).toBe("");

    const second = await init(repo);
    expect(second.code).toBe(1);
    expect(second.out).toContain("nothing to change");
    expect(tree(repo.dir)).toEqual(after);
  });
});

describe("warden init on bad input", () => {
  it("names a broken package.json in one line and writes nothing", async () => {
    const repo = repoWith({ "package.json": '{ "name": "app",, }\n' });
    const user = tree(repo.dir);
    await expect(init(repo)).rejects.toThrow(/^package\.json: invalid JSON/);
    expect(tree(repo.dir)).toEqual(user);
  });

  it("finds hand-written hooks in .git/hooks, which husky would switch off, and leaves them", async () => {
    const repo = repoWith({ "package.json": manifest({}) });
    repo.write({ ".git/hooks/pre-push": "#!/bin/sh\nmake check\n" });
    const first = await init(repo);
    expect(first.code).toBe(1);
    expect(first.err).toContain("✖ hooks not installed: this repository's git hooks are run by hook scripts of their own (.git/hooks/pre-push exists)");
    expect(first.err).toContain('npx --no warden hook pre-push "$@"');
    expect(readFileSync(path.join(repo.dir, ".git/hooks/pre-push"), "utf8")).toBe("#!/bin/sh\nmake check\n");
  });
});

describe("hook and prepare merging", () => {
  it("adds Warden's line after the user's, before a final exit, once", () => {
    expect(mergeHook("npm test\n", "pre-commit", "warden")).toBe("npm test\nwarden hook pre-commit\n");
    expect(mergeHook("npm test\nexit 0\n", "pre-commit", "warden")).toBe("npm test\nwarden hook pre-commit\nexit 0\n");
    const withPnpm = "pnpm exec warden hook pre-push \"$@\"\n";
    expect(mergeHook(withPnpm, "pre-push", "warden")).toBe(withPnpm);
    expect(mergeHook("node packages/cli/bin/warden.js hook commit-msg \"$1\"\n", "commit-msg", "warden")).toContain("warden.js hook commit-msg");
  });

  it("appends husky to an existing prepare script with &&, and leaves one that runs husky", () => {
    expect(mergePrepare(undefined)).toBe("husky");
    expect(mergePrepare("tsc -b")).toBe("tsc -b && husky");
    expect(mergePrepare("husky && tsc -b")).toBe("husky && tsc -b");
    expect(mergePrepare("husky install")).toBe("husky install");
    expect(mergePrepare("tsc -b", "husky install")).toBe("tsc -b && husky install");
  });
});
