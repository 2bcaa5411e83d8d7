import { createHash } from "node:crypto";
import { mkdirSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serverDirOverride } from "./env.js";

/** A request to the warm server: run the CLI with these arguments, as this client. */
export interface ServerRequest {
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly env: Record<string, string>;
  readonly stdoutIsTTY: boolean;
}

/** One message from the server: output to forward, or the exit code that ends the request. */
export type ServerMessage =
  | { readonly type: "stdout" | "stderr"; readonly data: string }
  | { readonly type: "exit"; readonly code: number; readonly pid: number };

/** Commands the warm server runs: the ones that parse code. Everything else runs in-process. */
export function servedByServer(argv: readonly string[]): boolean {
  if (argv.includes("--help") || argv.includes("-h")) return false;
  if (argv[0] === "check") return true;
  return argv[0] === "hook" && argv[1] === "pre-commit";
}

/**
 * The socket path of the server for this build of the CLI: one server per installed build,
 * serving every repository; a rebuilt CLI gets a new socket, so a stale server is never used.
 */
export function socketPath(): string {
  const bundle = fileURLToPath(new URL("./cli.js", import.meta.url));
  let stamp = "source";
  try {
    const info = statSync(bundle);
    stamp = `${info.size}:${info.mtimeMs}`;
  } catch {
    // Running from source (tests): the path alone identifies the build.
  }
  const id = createHash("sha256").update(`${bundle}\u0000${stamp}`).digest("hex").slice(0, 16);
  const uid = typeof process.getuid === "function" ? process.getuid() : 0;
  const dir = serverDirOverride() ?? path.join(os.tmpdir(), `warden-${uid}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return path.join(dir, `server-${id}.sock`);
}
