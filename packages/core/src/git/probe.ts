import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { currentEnv } from "../env.js";
import { WardenError } from "../errors.js";
import { forEachLine, runGit } from "./run.js";

/**
 * Answers "does this path exist?" for the git index (no tree given) or for a commit, through one
 * long-lived `git cat-file --batch-check`: git reads the index once, not once per question, so
 * the cost does not grow with the size of the repository. Call {@link PathProbe.close} when done.
 */
export class PathProbe {
  private child: ChildProcessWithoutNullStreams | undefined;
  private readonly queue: ((line: string | Error) => void)[] = [];

  constructor(
    private readonly cwd: string,
    private readonly tree?: string,
  ) {}

  /** Whether `file` (repository-relative) exists in the index or the commit. */
  async exists(file: string): Promise<boolean> {
    if (file.includes("\n")) {
      // cat-file reads one name per line; such a name needs a process of its own.
      const args = this.tree === undefined ? ["ls-files", "--cached", "-z", "--", `:(literal)${file}`] : ["ls-tree", "-z", "--name-only", this.tree, "--", file];
      return (await runGit(this.cwd, args)).stdout.length > 0;
    }
    const line = await new Promise<string | Error>((resolve) => {
      this.queue.push(resolve);
      this.process().stdin.write(`${this.tree ?? ""}:${file}\n`);
    });
    if (line instanceof Error) throw line;
    if (!line.endsWith(" missing") && !line.endsWith(" ambiguous")) return true;
    if (this.tree !== undefined) return false;
    // The index lists files only: a folder exists when some staged file lies below it.
    return (await runGit(this.cwd, ["ls-files", "--cached", "-z", "--", `:(literal)${file}/`])).stdout.length > 0;
  }

  /** Stop the git process. */
  close(): void {
    this.child?.stdin.end();
    this.child = undefined;
  }

  private process(): ChildProcessWithoutNullStreams {
    if (this.child !== undefined) return this.child;
    const child = spawn("git", ["cat-file", "--batch-check"], { cwd: this.cwd, stdio: ["pipe", "pipe", "pipe"], env: currentEnv() });
    forEachLine(child.stdout, (line) => this.queue.shift()?.(line));
    const fail = (error: Error): void => {
      for (const resolve of this.queue.splice(0)) resolve(error);
    };
    child.on("error", (error) => fail(new WardenError("GIT", `cannot run git cat-file: ${error.message}`)));
    child.on("close", () => fail(new WardenError("GIT", "git cat-file exited before answering")));
    child.stdin.on("error", () => undefined);
    this.child = child;
    return child;
  }
}
