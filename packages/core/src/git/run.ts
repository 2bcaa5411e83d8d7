import { spawn } from "node:child_process";
import { currentEnv } from "../env.js";
import { WardenError } from "../errors.js";

/** Output of a finished git command. */
export interface GitResult {
  readonly stdout: Buffer;
  readonly stderr: string;
  readonly code: number;
}

/**
 * Run git with `args` in `cwd` and collect its output. Throws a {@link WardenError} with git's
 * own message when it exits non-zero, unless `allowFailure` is set.
 */
export function runGit(
  cwd: string,
  args: readonly string[],
  options: { input?: string | Buffer; allowFailure?: boolean } = {},
): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", args, { cwd, stdio: ["pipe", "pipe", "pipe"], env: currentEnv() });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", (error) =>
      reject(new WardenError("GIT", `cannot run git: ${error.message}`, { cause: error })),
    );
    child.on("close", (code) => {
      const result = { stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString("utf8"), code: code ?? 1 };
      if (result.code !== 0 && options.allowFailure !== true) {
        const reason = result.stderr.trim().split("\n")[0] ?? "";
        reject(new WardenError("GIT", `git ${args[0] ?? ""} failed: ${reason || `exit code ${result.code}`}`));
        return;
      }
      resolve(result);
    });
    child.stdin.on("error", () => undefined);
    child.stdin.end(options.input ?? "");
  });
}

/** Run git and return its standard output as text. */
export async function gitText(cwd: string, args: readonly string[]): Promise<string> {
  return (await runGit(cwd, args)).stdout.toString("utf8");
}

/** The top-level directory of the work tree that contains `cwd`. */
export async function repoRoot(cwd: string): Promise<string> {
  const result = await runGit(cwd, ["rev-parse", "--show-toplevel"], { allowFailure: true });
  if (result.code !== 0) {
    throw new WardenError("GIT", `${cwd} is not inside a git work tree`, {
      hint: "run it inside a git repository (`git init` makes one); `warden scan [PATH…]` scans files without one",
    });
  }
  return result.stdout.toString("utf8").trim();
}

/** Whether `ref` names a commit in the repository at `cwd`. */
export async function commitExists(cwd: string, ref: string): Promise<boolean> {
  const result = await runGit(cwd, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], { allowFailure: true });
  return result.code === 0;
}
