import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The monorepo root. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** The built warden binary (run `pnpm build` first; `pnpm test` does). */
export const WARDEN_BIN = path.join(REPO_ROOT, "packages/cli/bin/warden.js");

/** Environment for git in tests: fixed identity and dates, no user or system config. */
export const GIT_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: "Test Author",
  GIT_AUTHOR_EMAIL: "author@example.test",
  GIT_COMMITTER_NAME: "Test Author",
  GIT_COMMITTER_EMAIL: "author@example.test",
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
  NO_COLOR: "1",
  FORCE_COLOR: "0",
  HUSKY: "0",
  // Tests run the CLI in-process unless a test opts into the warm server explicitly.
  WARDEN_DAEMON: "0",
};

/** Result of a finished process. */
export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A temporary git repository, removed by {@link TempRepo.cleanup}. */
export interface TempRepo {
  readonly dir: string;
  /** Write files (paths relative to the repo, folders created). */
  write(files: Readonly<Record<string, string | Buffer>>): void;
  /** Run git synchronously; throws on failure unless `allowFailure`. */
  git(args: readonly string[], options?: { input?: string; allowFailure?: boolean }): RunResult;
  /** Stage everything and commit with `message` (hooks run unless `noVerify`). */
  commit(message: string, options?: { noVerify?: boolean }): RunResult;
  /** Run the built warden binary in the repo. */
  warden(args: readonly string[], options?: { input?: string; env?: NodeJS.ProcessEnv }): RunResult;
  cleanup(): void;
}

/** Create a temporary git repository with `files` written (not committed). */
export function gitRepo(files: Readonly<Record<string, string | Buffer>> = {}, options: { bare?: boolean } = {}): TempRepo {
  const dir = mkdtempSync(path.join(tmpdir(), "warden-test-"));
  execFileSync("git", ["init", "-q", "-b", "main", ...(options.bare === true ? ["--bare"] : [])], { cwd: dir, env: GIT_ENV });
  const repo: TempRepo = {
    dir,
    write(entries) {
      for (const [name, content] of Object.entries(entries)) {
        const target = path.join(dir, name);
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, content);
      }
    },
    git(args, opts = {}) {
      const result = spawnSync("git", args, { cwd: dir, env: GIT_ENV, input: opts.input ?? "", encoding: "utf8" });
      const out = { code: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
      if (out.code !== 0 && opts.allowFailure !== true) {
        throw new Error(`git ${args.join(" ")} failed (${out.code}): ${out.stderr}${out.stdout}`);
      }
      return out;
    },
    commit(message, opts = {}) {
      repo.git(["add", "-A"]);
      return repo.git(["commit", "-q", "-m", message, ...(opts.noVerify === true ? ["--no-verify"] : [])], { allowFailure: true });
    },
    warden(args, opts = {}) {
      return runWarden(dir, args, opts);
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
  repo.write(files);
  return repo;
}

/** How many commits HEAD of `repo` has (0 before the first commit). */
export function commitCount(repo: TempRepo): number {
  const result = repo.git(["rev-list", "--count", "HEAD"], { allowFailure: true });
  return result.code === 0 ? Number(result.stdout.trim()) : 0;
}

/** Run the built warden binary synchronously in `cwd`. */
export function runWarden(cwd: string, args: readonly string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): RunResult {
  const result = spawnSync(process.execPath, [WARDEN_BIN, ...args], {
    cwd,
    env: { ...GIT_ENV, ...options.env },
    input: options.input ?? "",
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}

/** Run any command asynchronously and collect its output. */
export function runAsync(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; input?: string }): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: { ...GIT_ENV, ...options.env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(options.input ?? "");
  });
}

/**
 * Install Warden's hooks into a temp repo the way husky does for users: `core.hooksPath`
 * pointing at a folder of one-line scripts that call the warden binary.
 */
export function installHooks(repo: TempRepo): void {
  const hooks = {
    "pre-commit": `#!/bin/sh\nexec "${process.execPath}" "${WARDEN_BIN}" hook pre-commit\n`,
    "commit-msg": `#!/bin/sh\nexec "${process.execPath}" "${WARDEN_BIN}" hook commit-msg "$1"\n`,
    "pre-push": `#!/bin/sh\nexec "${process.execPath}" "${WARDEN_BIN}" hook pre-push "$@"\n`,
  };
  for (const [name, body] of Object.entries(hooks)) {
    const file = path.join(repo.dir, ".git", "warden-hooks", name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, body, { mode: 0o755 });
  }
  repo.git(["config", "core.hooksPath", ".git/warden-hooks"]);
}

export * from "./fakes.js";
export { filesUnder, fragments, leaksIn } from "./leaks.js";
export { captureIo, type CapturedIo, type TestIo } from "./io.js";
export { freePort } from "./net.js";
export { descendants, strayProcesses, waitForNoStrays } from "./processes.js";
export { startSshd, type Sshd } from "./sshd.js";
export { useRepos } from "./use-repos.js";
export {
  GITHUB_LIMITS,
  startGitHubStandIn,
  type CheckRunRecord,
  type CommentRecord,
  type DeploymentRecord,
  type GitHubStandIn,
  type InjectedAnswer,
  type RecordedRequest,
  type SarifRecord,
  type StandInOptions,
  type TokenAccess,
} from "./github-stand-in.js";
export { GitHubOpenApi, type Operation } from "./openapi.js";
