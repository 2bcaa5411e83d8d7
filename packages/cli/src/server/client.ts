import { spawn } from "node:child_process";
import { unlinkSync } from "node:fs";
import net from "node:net";
import { fileURLToPath } from "node:url";
import { debugEnabled, environmentSnapshot, serverDisabled } from "./env.js";
import { servedByServer, socketPath, type ServerMessage, type ServerRequest } from "./socket.js";

/** Start a detached warm server for the next run; it outlives this process and exits when idle. */
function startServer(): void {
  const bin = fileURLToPath(new URL("../bin/warden.js", import.meta.url));
  const child = spawn(process.execPath, [bin, "__server"], { detached: true, stdio: "ignore" });
  child.unref();
}

/**
 * Run the CLI through the warm server when one is listening. Resolves to the exit code, or to
 * undefined when the caller must run in-process (no server yet — one is started for next time —,
 * a stale socket, or the server disabled). Output is forwarded as it arrives.
 */
export function runViaServer(argv: readonly string[]): Promise<number | undefined> {
  if (serverDisabled() || !servedByServer(argv)) return Promise.resolve(undefined);
  const socket = socketPath();
  return new Promise((resolve) => {
    let wrote = false;
    let buffer = "";
    let settled = false;
    const finish = (code: number | undefined): void => {
      if (settled) return;
      settled = true;
      connection.destroy();
      resolve(code);
    };
    const connection = net.createConnection(socket);
    connection.setEncoding("utf8");
    connection.on("connect", () => {
      const request: ServerRequest = { argv, cwd: process.cwd(), env: environmentSnapshot(), stdoutIsTTY: process.stdout.isTTY === true };
      connection.write(`${JSON.stringify(request)}\n`);
    });
    connection.on("data", (chunk: string) => {
      buffer += chunk;
      for (let newline = buffer.indexOf("\n"); newline >= 0; newline = buffer.indexOf("\n")) {
        const message = JSON.parse(buffer.slice(0, newline)) as ServerMessage;
        buffer = buffer.slice(newline + 1);
        if (message.type === "exit") {
          if (debugEnabled()) process.stderr.write(`warden: served by the warm server (pid ${message.pid})\n`);
          finish(message.code);
          return;
        }
        wrote = true;
        (message.type === "stdout" ? process.stdout : process.stderr).write(message.data);
      }
    });
    connection.on("error", (error: NodeJS.ErrnoException) => {
      if (wrote) {
        process.stderr.write(`warden: the warm server failed mid-run (${error.code ?? error.message}); run again\n`);
        finish(2);
        return;
      }
      if (error.code === "ECONNREFUSED") {
        try {
          unlinkSync(socket); // a dead server left its socket behind
        } catch {
          // Another client removed it first.
        }
      }
      startServer();
      finish(undefined);
    });
    connection.on("close", () => {
      if (!settled) {
        if (wrote) process.stderr.write("warden: the warm server closed the connection mid-run; run again\n");
        finish(wrote ? 2 : undefined);
      }
    });
  });
}
