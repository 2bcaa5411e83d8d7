import { execFileSync } from "node:child_process";

const SHA = /^[0-9a-f]{7,64}$/;

function git(root: string, args: readonly string[]): string | undefined {
  try {
    return execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  } catch {
    return undefined;
  }
}

/**
 * The time (ISO, UTC) of the earliest commit in `previous..commit` (or of `commit` alone when
 * there is no previous one), from git; undefined when git does not know the commits.
 */
export function firstCommitTime(root: string, commit: string, previous: string | undefined): string | undefined {
  if (!SHA.test(commit)) return undefined;
  const range = previous !== undefined && SHA.test(previous) && previous !== commit ? [`${previous}..${commit}`] : ["-1", commit];
  const out = git(root, ["log", "--format=%ct", ...range]);
  if (out === undefined) return undefined;
  const times = out
    .split("\n")
    .filter((l) => l !== "")
    .map(Number);
  return times.length === 0 ? undefined : new Date(Math.min(...times) * 1000).toISOString();
}

/** The author name of each commit git knows (one `git show` per distinct commit; unknown ones are left out). */
export function commitAuthors(root: string, commits: Iterable<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const commit of new Set(commits)) {
    if (!SHA.test(commit)) continue;
    const name = git(root, ["show", "-s", "--format=%an", commit, "--"])?.trim();
    if (name !== undefined && name !== "") out.set(commit, name);
  }
  return out;
}
