import { execFileSync, spawn } from "node:child_process";
import { constants } from "node:os";
import { childEnv, currentEnv, repoRoot, WardenError } from "@warden/core";
import type { Io } from "../io.js";

/** The commit a CI run tests: GITHUB_SHA in Actions, else HEAD ("" outside a commit). */
function runCommit(root: string): string {
  const sha = currentEnv().GITHUB_SHA;
  if (sha !== undefined && /^[0-9a-f]{40}$/.test(sha)) return sha;
  try {
    return execFileSync("git", ["rev-parse", "--verify", "-q", "HEAD"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "";
  }
}

/** The CI system's id of this run: GITHUB_RUN_ID and its attempt in Actions. */
function runId(): string | undefined {
  const vars = currentEnv();
  if (vars.GITHUB_RUN_ID === undefined || vars.GITHUB_RUN_ID === "") return undefined;
  return `${vars.GITHUB_RUN_ID}-${vars.GITHUB_RUN_ATTEMPT ?? "1"}`;
}

/**
 * `warden ci run [--name NAME] [--test] -- CMD [ARGS…]`: run CMD (no shell; its output goes straight
 * to this process's), time it, append a `ci_run` event to `.warden/events/ci.jsonl` and exit with
 * CMD's exit code (128 + signal number when a signal ended it). SIGINT and SIGTERM are passed on.
 * A command that cannot start is a failed run (exit 127).
 */
export async function ciRunCommand(io: Io, command: readonly string[], options: { readonly name?: string; readonly test?: boolean }): Promise<number> {
  const [file, ...args] = command;
  if (file === undefined) throw new WardenError("USAGE", "ci run: give the command after --, e.g. warden ci run --name test --test -- pnpm test");
  const root = await repoRoot(io.cwd);
  const { appendCiRun, checkCiRunName } = await import("@warden/plan");
  const name = options.name ?? "ci";
  // checked before the run, so that a bad name does not cost a whole CI step
  checkCiRunName(name);
  const started = performance.now();
  const code = await new Promise<number>((resolve) => {
    const child = spawn(file, args, { cwd: io.cwd, stdio: "inherit", env: childEnv() });
    const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
    const onInt = forward("SIGINT");
    const onTerm = forward("SIGTERM");
    process.on("SIGINT", onInt);
    process.on("SIGTERM", onTerm);
    const done = (value: number): void => {
      process.off("SIGINT", onInt);
      process.off("SIGTERM", onTerm);
      resolve(value);
    };
    child.on("error", (error: NodeJS.ErrnoException) => {
      io.stderr.write(`warden: ci run: cannot start ${file.slice(0, 80)} (${error.code ?? error.message})\n`);
      done(127);
    });
    child.on("exit", (exit, signal) => done(exit ?? 128 + (signal === null ? 0 : (constants.signals[signal] ?? 0))));
  });
  const durationMs = performance.now() - started;
  const run = runId();
  appendCiRun(root, { name, status: code === 0 ? "success" : "failure", durationMs, test: options.test === true, commit: runCommit(root), exitCode: code, ...(run === undefined ? {} : { runId: run }) });
  io.stderr.write(`warden: ci run ${name}: ${code === 0 ? "success" : `failure (exit ${code})`} in ${(durationMs / 1000).toFixed(1)} s, recorded in .warden/events/ci.jsonl\n`);
  return code;
}

/** `warden ci record --name NAME --status success|failure --duration-ms N [--test]`: record a CI run measured elsewhere. */
export async function ciRecordCommand(io: Io, options: { readonly name?: string; readonly status?: string; readonly durationMs?: string; readonly test?: boolean }): Promise<number> {
  if (options.status !== "success" && options.status !== "failure") throw new WardenError("USAGE", `ci record: --status success or failure${options.status === undefined ? " is required" : `, not ${options.status.slice(0, 20)}`}`);
  if (options.durationMs === undefined || !/^\d{1,10}$/.test(options.durationMs)) throw new WardenError("USAGE", "ci record: --duration-ms N (whole milliseconds) is required");
  const name = options.name ?? "ci";
  const root = await repoRoot(io.cwd);
  const { appendCiRun } = await import("@warden/plan");
  const run = runId();
  const event = appendCiRun(root, { name, status: options.status, durationMs: Number(options.durationMs), test: options.test === true, commit: runCommit(root), ...(run === undefined ? {} : { runId: run }) });
  io.stdout.write(`recorded CI run ${name}: ${options.status} in ${(Number(options.durationMs) / 1000).toFixed(1)} s (event ${event.id})\n`);
  return 0;
}
