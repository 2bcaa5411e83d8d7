import { createHash } from "node:crypto";
import { mkdirSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serverDirOverride } from "./env.js";

/**
 * A request to the warm server: run the CLI with these arguments, as this client (`kind` "run",
 * the default), or report its state, or stop (`warden server status|stop`).
 */
export type ServerRequest =
  | { readonly kind?: "run"; readonly argv: readonly string[]; readonly cwd: string; readonly env: Record<string, string>; readonly stdoutIsTTY: boolean }
  | { readonly kind: "status" | "stop" };

/** What `warden server status` reports. */
export interface ServerStatus {
  readonly pid: number;
  readonly socket: string;
  readonly startedAt: string;
  readonly uptimeMs: number;
  readonly rssBytes: number;
  readonly workers: readonly { readonly busy: boolean; readonly served: number; readonly heapUsedBytes: number }[];
  readonly requests: number;
  readonly active: number;
  readonly repositories: readonly string[];
}

/**
 * One message from the server: `accepted` at once (the client's proof of a live server), output
 * to forward, `ping` while a request runs, and the exit code that ends it; or a status answer.
 */
export type ServerMessage =
  | { readonly type: "accepted"; readonly pid: number }
  | { readonly type: "ping" }
  | { readonly type: "stdout" | "stderr"; readonly data: string }
  | { readonly type: "exit"; readonly code: number; readonly pid: number }
  | { readonly type: "status"; readonly status: ServerStatus }
  | { readonly type: "stopping"; readonly pid: number };

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

/** The file beside the socket holding the server's pid, so a client can end a stuck server. */
export function pidFile(socket: string): string {
  return socket.replace(/\.sock$/, ".pid");
}
