import { createRequire } from "node:module";
import { existsSync, unlinkSync } from "node:fs";
import net from "node:net";
import { runWithEnv } from "@warden/core";
import { main } from "../cli.js";
import { serverIdleMs } from "./env.js";
import { socketPath, type ServerMessage, type ServerRequest } from "./socket.js";

function send(connection: net.Socket, message: ServerMessage): void {
  if (!connection.destroyed) connection.write(`${JSON.stringify(message)}\n`);
}

function handle(connection: net.Socket, line: string): Promise<void> {
  const request = JSON.parse(line) as ServerRequest;
  const io = {
    cwd: request.cwd,
    stdout: { isTTY: request.stdoutIsTTY, write: (data: string) => send(connection, { type: "stdout", data }) },
    stderr: { isTTY: false, write: (data: string) => send(connection, { type: "stderr", data }) },
    readStdin: async () => "",
  };
  return runWithEnv(request.env, () => main(request.argv, io)).then((code) => {
    send(connection, { type: "exit", code, pid: process.pid });
    connection.end();
  });
}

/**
 * The warm server (`warden __server`): keeps the CLI and the TypeScript compiler loaded and runs `check` and
 * `hook pre-commit` for clients over a unix socket, each request in its client's cwd and
 * environment. It exits after an idle period, and when its socket is taken or removed. Safe to
 * kill at any time: clients then run in-process.
 */
export async function runServer(): Promise<void> {
  const socket = socketPath();
  const idleMs = serverIdleMs();
  const require = createRequire(import.meta.url);
  require("typescript"); // warm the parser before the first request
  await import("../commands/check.js");
  await import("@warden/rules");

  let idle: NodeJS.Timeout | undefined;
  let active = 0;
  let queue: Promise<void> = Promise.resolve();
  const server = net.createServer((connection) => {
    active += 1;
    if (idle !== undefined) clearTimeout(idle);
    let buffer = "";
    connection.setEncoding("utf8");
    connection.on("data", (chunk: string) => {
      buffer += chunk;
      const newline = buffer.indexOf("\n");
      if (newline < 0) return;
      const line = buffer.slice(0, newline);
      buffer = "";
      // One request at a time: requests share the process (parser, caches, environment).
      queue = queue.then(() =>
        handle(connection, line).catch((error: unknown) => {
          send(connection, { type: "stderr", data: `warden: internal error in the warm server: ${String(error)}\n` });
          send(connection, { type: "exit", code: 2, pid: process.pid });
          connection.end();
        }),
      );
    });
    connection.on("error", () => {
      // The client went away (killed hook): nothing to answer.
    });
    connection.on("close", () => {
      active -= 1;
      if (active === 0) armIdle();
    });
  });
  const armIdle = (): void => {
    if (idle !== undefined) clearTimeout(idle);
    idle = setTimeout(() => shutdown(), idleMs);
    idle.unref();
  };
  const shutdown = (): void => {
    server.close();
    try {
      if (existsSync(socket)) unlinkSync(socket);
    } catch {
      // Already removed by a newer server.
    }
    process.exit(0);
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(socket, () => resolve());
  }).catch((error: NodeJS.ErrnoException) => {
    // Another server won the race for this socket: leave it to that one.
    if (error.code === "EADDRINUSE") process.exit(0);
    throw error;
  });
  armIdle();
}
