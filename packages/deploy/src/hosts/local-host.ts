import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { releaseBaseEnv } from "../env.js";
import { freePort } from "../ports.js";
import { groupAlive, pidAlive, spawnDetached, stopProcess } from "../processes.js";
import { localLockStore } from "../lock.js";
import { runShell, runStreaming, shellQuote } from "../shell.js";
import { writeFileDurably } from "../state.js";
import type { Host } from "./host.js";

/** This machine as a {@link Host}: plain file system calls and child processes. */
export function localHost(): Host {
  return {
    name: "this machine",
    node: process.execPath,
    readText: async (file) => {
      try {
        return readFileSync(file, "utf8");
      } catch {
        return undefined;
      }
    },
    writeText: async (file, text, options) => {
      if (options?.durable === true) return writeFileDurably(file, text);
      mkdirSync(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, text);
      renameSync(tmp, file);
    },
    createExclusive: async (file, text) => localLockStore(path.dirname(file)).createExclusive(path.basename(file), text),
    append: async (file, text) => {
      mkdirSync(path.dirname(file), { recursive: true });
      appendFileSync(file, text);
    },
    list: async (dir) => (existsSync(dir) ? readdirSync(dir) : []),
    remove: async (target) => rmSync(target, { recursive: true, force: true }),
    copy: async (from, to) => {
      if (!existsSync(from)) return false;
      mkdirSync(path.dirname(to), { recursive: true });
      cpSync(from, to, { recursive: true });
      return true;
    },
    upload: async (localDir, dir) => {
      mkdirSync(path.dirname(dir), { recursive: true });
      const staging = path.join(path.dirname(dir), `.staging-${path.basename(dir)}`);
      rmSync(staging, { recursive: true, force: true });
      cpSync(localDir, staging, { recursive: true });
      renameSync(staging, dir);
    },
    supervise: async (supervisor, command, options) => {
      mkdirSync(path.dirname(options.logFile), { recursive: true });
      const argv = [process.execPath, supervisor, ...(options.listen === undefined ? [] : ["--listen", String(options.listen)]), ...(options.standby === true ? ["--standby"] : []), "--env-stdin", command].map(shellQuote).join(" ");
      return spawnDetached(argv, { cwd: options.cwd, env: releaseBaseEnv(), logFile: options.logFile, input: JSON.stringify({ env: options.env }) });
    },
    execOnce: (supervisor, command, options, io) =>
      runStreaming(process.execPath, [supervisor, "--exec", "--env-stdin", command], { cwd: options.cwd, env: releaseBaseEnv(), input: JSON.stringify({ env: options.env }) }, io),
    streamTail: (files, options, io) => runStreaming("tail", ["-n", String(options.lines), ...(options.follow ? ["-F"] : []), "--", ...files], { cwd: path.dirname(files[0] ?? "/") }, io),
    alive: async (pid) => pidAlive(pid),
    groupAlive: async (pgid) => groupAlive(pgid),
    stop: (pid, graceMs) => stopProcess(pid, graceMs),
    freePort,
    reach: async (port) => port,
    shell: async (script) => {
      const result = await runShell(script, { cwd: "/" });
      return { code: result.code, output: result.output };
    },
    tail: async (file, lines = 20) => {
      try {
        return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
      } catch {
        return "";
      }
    },
    close: async () => undefined,
  };
}
