/**
 * A thread of the warm server (dist/server-worker.js): keeps the parser and the rules loaded and
 * runs one request at a time for the server's main thread, which owns the socket. A request that
 * never ends (a config that never settles, a loop) costs only this thread: the main thread
 * terminates it and answers the client itself.
 */
import { createRequire } from "node:module";
import { getHeapStatistics } from "node:v8";
import { parentPort } from "node:worker_threads";
import { escapeControl, loadedConfigs, onConfigLoad, redactText, runWithEnv } from "@warden/core";
import { main } from "../cli.js";
import type { WorkerReply, WorkerRun } from "./protocol.js";

const port = parentPort;
if (port === null) throw new Error("server-worker runs only as a worker thread");

function post(message: WorkerReply): void {
  port?.postMessage(message);
}

// The config's name as the user sees it, through the output redactor (a --config path is user input).
onConfigLoad((phase, display) => post(phase === "start" ? { type: "config-start", config: escapeControl(redactText(display)) } : { type: "config-end" }));

async function warm(): Promise<void> {
  createRequire(import.meta.url)("typescript"); // the parser, before the first request
  await import("../commands/check.js");
  await import("@warden/rules");
}

async function run(request: WorkerRun): Promise<void> {
  const io = {
    cwd: request.cwd,
    stdout: { isTTY: request.stdoutIsTTY, write: (data: string) => post({ type: "stdout", data }) },
    stderr: { isTTY: false, write: (data: string) => post({ type: "stderr", data }) },
    readStdin: async () => "",
  };
  let code: number;
  try {
    code = await runWithEnv(request.env, () => main(request.argv, io));
  } catch (error) {
    post({ type: "stderr", data: `warden: internal error in the warm server: ${String(error)}\n` });
    code = 2;
  }
  post({ type: "exit", code, heapUsed: getHeapStatistics().used_heap_size, configs: [...loadedConfigs()] });
}

port.on("message", (message: WorkerRun) => {
  void run(message);
});
// A thread that cannot preload still serves: each request loads what it needs, as in-process.
void warm()
  .catch(() => undefined)
  .then(() => post({ type: "ready" }));
