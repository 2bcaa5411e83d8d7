import { readFileSync } from "node:fs";
import path from "node:path";
import { WardenError } from "../errors.js";
import { repoRoot, runGit } from "./run.js";

/** Where a repository's commands run: the work tree's top folder, or the git folder of a bare repository. */
export interface GitLocation {
  readonly root: string;
  readonly bare: boolean;
}

/**
 * The top folder of the work tree holding `cwd`, or — for a bare repository (a server's) — its
 * git folder. Commands that read only commits (`scan --range`, `scan --history`) run in both.
 */
export async function gitLocation(cwd: string): Promise<GitLocation> {
  // The common case (a work tree) costs one git process; the bare check runs only when it fails.
  const top = await runGit(cwd, ["rev-parse", "--show-toplevel"], { allowFailure: true });
  if (top.code === 0) return { root: top.stdout.toString("utf8").trim(), bare: false };
  const result = await runGit(cwd, ["rev-parse", "--is-bare-repository", "--absolute-git-dir"], { allowFailure: true });
  const [bare = "", gitDir = ""] = result.code === 0 ? result.stdout.toString("utf8").trim().split("\n") : [];
  if (bare.trim() === "true") return { root: gitDir.trim(), bare: true };
  if (result.code !== 0) return { root: await repoRoot(cwd), bare: false }; // not a repository: repoRoot's error and hint
  throw new WardenError("GIT", `${cwd} is inside a git folder, not a work tree: run Warden from the work tree`);
}

/**
 * The shallow boundary of a shallow clone: the commits whose parents were not fetched (git
 * records them in `.git/shallow`). Empty for a complete repository.
 */
export async function shallowCommits(cwd: string): Promise<string[]> {
  const result = await runGit(cwd, ["rev-parse", "--is-shallow-repository", "--git-path", "shallow"], { allowFailure: true });
  if (result.code !== 0) return [];
  const [shallow = "", file = ""] = result.stdout.toString("utf8").trim().split("\n");
  if (shallow.trim() !== "true") return [];
  try {
    const text = readFileSync(path.resolve(cwd, file.trim()), "utf8");
    return text.split("\n").map((line) => line.trim()).filter((line) => /^[0-9a-f]{40,64}$/.test(line));
  } catch {
    return [];
  }
}

/** The advice every shallow-clone message ends with. */
export const UNSHALLOW_HINT = "fetch the full history: `fetch-depth: 0` in actions/checkout, or `git fetch --unshallow`";
