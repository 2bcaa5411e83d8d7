import { spawn } from "node:child_process";
import { readFileSync, unlinkSync } from "node:fs";
import net from "node:net";
import { fileURLToPath } from "node:url";
import { debugEnabled, environmentSnapshot, serverAcceptMs, serverDisabled, serverStallMs } from "./env.js";
import { pidFile, servedByServer, socketPath, type ServerMessage, type ServerRequest } from "./socket.js";

/** Start a detached warm server for the next run; it outlives this process and exits when idle. */
function startServer(): void {
  const bin = fileURLToPath(new URL("../bin/warden.js", import.meta.url));
  const child = spawn(process.execPath, [bin, "__server"], { detached: true, stdio: "ignore" });
  child.unref();
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Another client removed it first.
  }
}

/** The pid of the server on `socket`, from its pid file, when that process is a warden server. */
export function serverPid(socket: string): number | undefined {
  try {
    const pid = Number(readFileSync(pidFile(socket), "utf8").trim());
    if (!Number.isInteger(pid) || pid <= 0) return undefined;
    process.kill(pid, 0);
    try {
      // Linux: make sure the pid was not reused by an unrelated process.
      if (!readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("__server")) return undefined;
    } catch {
      // No /proc: the pid file is the server's own, written with mode 0600 in a 0700 folder.
    }
    return pid;
  } catch {
    return undefined;
  }
}

/** End a server that does not answer (SIGKILL: a stuck process may ignore SIGTERM) and remove its socket. */
function bypassStuckServer(socket: string, why: string): void {
  const pid = serverPid(socket);
  if (pid !== undefined) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
  removeQuietly(socket);
  removeQuietly(pidFile(socket));
  if (debugEnabled()) process.stderr.write(`warden: the warm server${pid === undefined ? "" : ` (pid ${pid})`} ${why}: ended it, running in-process\n`);
}

/**
 * Run the CLI through the warm server when one is listening. Resolves to the exit code, or to
 * undefined when the caller must run in-process: no server yet (one is started for next time), a
 * stale socket, the server disabled, or a server that did not accept the request within
 * WARDEN_DAEMON_ACCEPT_MS (it is ended and a new one started). While a request runs the server
 * pings every second; a server silent for WARDEN_DAEMON_STALL_MS is ended too. Output is
 * forwarded as it arrives.
 */
export function runViaServer(argv: readonly string[]): Promise<number | undefined> {
  if (serverDisabled() || !servedByServer(argv)) return Promise.resolve(undefined);
  const socket = socketPath();
  const acceptMs = serverAcceptMs();
  const stallMs = serverStallMs();
  return new Promise((resolve) => {
    let wrote = false;
    let accepted = false;
    let buffer = "";
    let settled = false;
    let watchdog: NodeJS.Timeout | undefined;
    const finish = (code: number | undefined): void => {
      if (settled) return;
      settled = true;
      if (watchdog !== undefined) clearTimeout(watchdog);
      connection.destroy();
      resolve(code);
    };
    const arm = (ms: number, why: string): void => {
      if (watchdog !== undefined) clearTimeout(watchdog);
      const due = Date.now() + ms;
      watchdog = setTimeout(() => {
        // This process itself was not scheduled for a while (a machine under heavy load): the
        // server's messages may be waiting unread, so give it the bound again, counted from now.
        if (Date.now() - due > 1000) {
          arm(ms, why);
          return;
        }
        bypassStuckServer(socket, why);
        startServer();
        if (wrote) {
          process.stderr.write(`warden: the warm server stopped answering mid-run (${why}); it was restarted: run again\n`);
          finish(2);
        } else {
          finish(undefined);
        }
      }, ms);
    };
    const connection = net.createConnection(socket);
    arm(acceptMs, `did not accept the request within ${acceptMs} ms`);
    connection.setEncoding("utf8");
    connection.on("connect", () => {
      const request: ServerRequest = { kind: "run", argv, cwd: process.cwd(), env: environmentSnapshot(), stdoutIsTTY: process.stdout.isTTY === true };
      connection.write(`${JSON.stringify(request)}\n`);
    });
    connection.on("data", (chunk: string) => {
      buffer += chunk;
      for (let newline = buffer.indexOf("\n"); newline >= 0 && !settled; newline = buffer.indexOf("\n")) {
        let message: ServerMessage;
        try {
          message = JSON.parse(buffer.slice(0, newline)) as ServerMessage;
        } catch {
          // Not our protocol (another program on the socket, a broken server): bypass it.
          bypassStuckServer(socket, "answered with something unreadable");
          startServer();
          if (wrote) process.stderr.write("warden: the warm server answered with something unreadable mid-run; run again\n");
          finish(wrote ? 2 : undefined);
          return;
        }
        buffer = buffer.slice(newline + 1);
        if (!accepted && message.type === "accepted") accepted = true;
        arm(stallMs, `was silent for ${stallMs} ms`);
        if (message.type === "exit") {
          if (debugEnabled()) process.stderr.write(`warden: served by the warm server (pid ${message.pid})\n`);
          finish(message.code);
          return;
        }
        if (message.type === "stdout" || message.type === "stderr") {
          wrote = true;
          (message.type === "stdout" ? process.stdout : process.stderr).write(message.data);
        }
      }
    });
    connection.on("error", (error: NodeJS.ErrnoException) => {
      if (settled) return;
      if (wrote) {
        process.stderr.write(`warden: the warm server failed mid-run (${error.code ?? error.message}); run again\n`);
        finish(2);
        return;
      }
      if (error.code === "ECONNREFUSED") {
        removeQuietly(socket); // a dead server left its socket behind
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

/**
 * Ask the warm server of this build for its status or to stop (`warden server status|stop`).
 * Resolves to the server's answer, or undefined when no server listens (or it does not answer
 * within WARDEN_DAEMON_ACCEPT_MS; a stuck server is then ended).
 */
export function askServer(kind: "status" | "stop"): Promise<ServerMessage | undefined> {
  const socket = socketPath();
  const acceptMs = serverAcceptMs();
  return new Promise((resolve) => {
    let buffer = "";
    let settled = false;
    const finish = (answer: ServerMessage | undefined): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      connection.destroy();
      resolve(answer);
    };
    const timer = setTimeout(() => {
      bypassStuckServer(socket, `did not answer within ${acceptMs} ms`);
      finish(undefined);
    }, acceptMs);
    const connection = net.createConnection(socket);
    connection.setEncoding("utf8");
    connection.on("connect", () => {
      const request: ServerRequest = { kind };
      connection.write(`${JSON.stringify(request)}\n`);
    });
    connection.on("data", (chunk: string) => {
      buffer += chunk;
      const newline = buffer.indexOf("\n");
      if (newline < 0) return;
      try {
        finish(JSON.parse(buffer.slice(0, newline)) as ServerMessage);
      } catch {
        finish(undefined);
      }
    });
    connection.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "ECONNREFUSED") removeQuietly(socket);
      finish(undefined);
    });
    connection.on("close", () => finish(undefined));
  });
}
