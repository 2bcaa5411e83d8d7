import { existsSync, realpathSync } from "node:fs";
import path from "node:path";
import { openVault, planOpened, runWithSecrets } from "./manager.js";
import { grantsSource, readGrantsSnapshot, snapshotSigned, type GrantsSnapshot } from "./snapshot.js";
import { auditKey } from "./store.js";

/** `warden secrets run`'s options and command, as the CLI (commander) reads them. */
interface RunArgs {
  readonly task: string;
  readonly env?: string;
  readonly only?: readonly string[];
  readonly mask: boolean;
  readonly config?: string;
  readonly command: string;
  readonly args: readonly string[];
}

const VALUED: Readonly<Record<string, "task" | "env" | "only" | "config">> = { "--task": "task", "--env": "env", "--only": "only", "--config": "config", "-c": "config" };

/**
 * Read the arguments after `secrets run` when they take the common form — options, then `--`, then
 * the command. Anything else (`--help`, an unknown or incomplete option, no `--`) is left to the
 * full CLI, which parses and reports exactly as always.
 */
function parseRunArgs(argv: readonly string[]): RunArgs | undefined {
  const values: { task?: string; env?: string; only?: string; config?: string } = {};
  let mask = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--") {
      const [command, ...args] = argv.slice(i + 1);
      if (command === undefined || values.task === undefined) return undefined;
      return {
        task: values.task,
        mask,
        command,
        args,
        ...(values.env === undefined ? {} : { env: values.env }),
        ...(values.config === undefined ? {} : { config: values.config }),
        // As the CLI reads --only: comma-separated, trimmed, empty names dropped.
        ...(values.only === undefined ? {} : { only: values.only.split(",").map((n) => n.trim()).filter((n) => n !== "") }),
      };
    }
    if (arg === "--no-mask") {
      mask = false;
      continue;
    }
    const equals = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const key = VALUED[equals > 0 ? arg.slice(0, equals) : arg];
    if (key === undefined) return undefined;
    const value = equals > 0 ? arg.slice(equals + 1) : argv[++i];
    if (value === undefined || value.startsWith("-")) return undefined;
    values[key] = value;
  }
  return undefined;
}

/** The work tree holding `cwd` as git finds it without GIT_DIR: the nearest folder with a `.git` (its real path). */
function workTreeOf(cwd: string): string | undefined {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, ".git"))) return realpathSync.native(dir);
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** Where the fast start stands before the vault is opened: the request and the current snapshot, or why the full path must run. */
function prepare(argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv): { run: RunArgs; root: string; snapshot: GrantsSnapshot } | string {
  if (env.WARDEN_SECRETS_RUN_FAST === "0") return "WARDEN_SECRETS_RUN_FAST=0";
  const run = parseRunArgs(argv);
  if (run === undefined) return "arguments the fast start does not read";
  // git would look elsewhere (or stop early): let it decide.
  if (env.GIT_DIR !== undefined || env.GIT_WORK_TREE !== undefined || env.GIT_CEILING_DIRECTORIES !== undefined) return "GIT_DIR, GIT_WORK_TREE or GIT_CEILING_DIRECTORIES is set";
  const root = workTreeOf(cwd);
  if (root === undefined) return "no .git above the working folder";
  const snapshot = readGrantsSnapshot(root, grantsSource(root, run.config));
  return typeof snapshot === "string" ? snapshot : { run, root, snapshot };
}

/**
 * `warden secrets run` without the CLI: when the grants snapshot is current (the config unchanged
 * since the last full run) and signed with this vault's audit key, the grants come from it and the
 * run takes the very steps of the full path — the same vault opening, grant decision, audit entry,
 * environment and masking — loading nothing but Node's built-ins. Resolves to the command's exit
 * code; to `{ fallback }` (why) when the full CLI must run instead, before anything was done or
 * logged. User errors (a wrong key, a refused request) are thrown as on the full path.
 */
export async function runFromSnapshot(
  argv: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream; debug?: (message: string) => void },
): Promise<number | { fallback: string }> {
  let ready: ReturnType<typeof prepare>;
  try {
    ready = prepare(argv, cwd, env);
  } catch (error) {
    // A config name that is a broken link, an unreadable folder: the full path reports it.
    return { fallback: `the fast start could not read the work tree (${(error as NodeJS.ErrnoException).code ?? "error"})` };
  }
  if (typeof ready === "string") return { fallback: ready };
  const { run, root, snapshot } = ready;
  io.debug?.("fast start (the grants snapshot is current)");
  const opened = openVault(root, env);
  if (opened.vault.audit === undefined || !snapshotSigned(snapshot, auditKey(opened.vault, opened.master))) return { fallback: "the grants snapshot is not signed with this vault's key" };
  const plan = planOpened(
    root,
    opened,
    { task: run.task, grants: snapshot.grants, ...(run.env === undefined ? {} : { env: run.env }), ...(run.only === undefined ? {} : { only: run.only }) },
    env,
  );
  return runWithSecrets(plan, run.command, run.args, io, { cwd, mask: run.mask });
}
