import type { Io } from "../io.js";
import { askServer } from "../server/client.js";
import { socketPath } from "../server/socket.js";

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

function duration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h > 0 ? `${h}h ${m}m` : m > 0 ? `${m}m ${s}s` : `${s}s`;
}

/** `warden server status`: the warm server of this build, if one runs. Exit 0 running, 1 not running. */
export async function serverStatusCommand(io: Io, options: { json?: boolean }): Promise<number> {
  const answer = await askServer("status");
  if (answer?.type !== "status") {
    if (options.json === true) io.stdout.write(`${JSON.stringify({ running: false, socket: socketPath() }, null, 2)}\n`);
    else io.stdout.write(`warden server: not running (socket ${socketPath()})\n`);
    return 1;
  }
  const s = answer.status;
  if (options.json === true) {
    io.stdout.write(`${JSON.stringify({ running: true, ...s }, null, 2)}\n`);
    return 0;
  }
  const busy = s.workers.filter((worker) => worker.busy).length;
  const threads = `${s.workers.length} worker thread${s.workers.length === 1 ? "" : "s"}${busy > 0 ? ` (${busy} busy)` : ""}`;
  const lines = [
    "warden server: running",
    `  pid           ${s.pid}`,
    `  socket        ${s.socket}`,
    `  uptime        ${duration(s.uptimeMs)} (since ${s.startedAt})`,
    `  memory        ${megabytes(s.rssBytes)} resident; ${threads}`,
    `  requests      ${s.requests} served${s.active > 0 ? `, ${s.active} running or waiting` : ""}`,
    `  repositories  ${s.repositories.length}`,
    ...s.repositories.map((root) => `    ${root}`),
  ];
  io.stdout.write(`${lines.join("\n")}\n`);
  return 0;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** `warden server stop`: stop the warm server of this build (running requests end with it) and wait until it is gone. Exit 0. */
export async function serverStopCommand(io: Io): Promise<number> {
  const answer = await askServer("stop");
  if (answer?.type !== "stopping") {
    io.stdout.write("warden server: not running\n");
    return 0;
  }
  // Return once it is gone (its socket and pid file removed), up to 5 s.
  for (let i = 0; i < 100 && alive(answer.pid); i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
  io.stdout.write(`warden server: stopped (pid ${answer.pid})\n`);
  return 0;
}
