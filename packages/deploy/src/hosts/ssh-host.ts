import { createHash, randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { WardenError } from "@warden/core";
import { freePort } from "../ports.js";
import { lastLine, runArgv, runStreaming, shellQuote } from "../shell.js";
import type { Host } from "./host.js";

/** How to reach the remote host. */
export interface SshSettings {
  readonly host: string;
  readonly user: string | undefined;
  readonly sshPort: number;
  readonly identityFile: string | undefined;
  readonly knownHostsFile: string | undefined;
  readonly node: string;
}

/**
 * A remote machine as a {@link Host}: commands over one multiplexed ssh connection (a control
 * master started on first use and closed by `close()`), uploads with rsync, and ports reached
 * through ssh port forwards on this machine's 127.0.0.1.
 */
export function sshHost(settings: SshSettings): Host {
  const destination = settings.user === undefined ? settings.host : `${settings.user}@${settings.host}`;
  const name = `${destination}:${settings.sshPort}`;
  // one control master per sshHost (two targets in one process, to one host, must not share it:
  // closing one would cut the other's port forwards)
  const control = path.join(tmpdir(), `warden-ssh-${createHash("sha1").update(`${name}:${process.pid}:${randomUUID()}`).digest("hex").slice(0, 12)}.sock`);
  const options = [
    "-p",
    String(settings.sshPort),
    "-o",
    "BatchMode=yes",
    "-o",
    "ConnectTimeout=10",
    "-o",
    `ControlPath=${control}`,
    ...(settings.identityFile === undefined ? [] : ["-i", settings.identityFile, "-o", "IdentitiesOnly=yes"]),
    ...(settings.knownHostsFile === undefined ? [] : ["-o", `UserKnownHostsFile=${settings.knownHostsFile}`, "-o", "StrictHostKeyChecking=yes"]),
  ];
  let master: Promise<void> | undefined;
  const forwards = new Map<number, number>();

  const connect = (): Promise<void> => {
    master ??= (async () => {
      const result = await runArgv("ssh", ["-M", "-N", "-f", "-o", "ControlPersist=120", ...options, destination], { cwd: tmpdir(), timeoutMs: 30_000 });
      if (result.code !== 0) {
        master = undefined;
        throw new WardenError("INPUT", `ssh ${name}: cannot connect: ${lastLine(result.output) || `exit code ${result.code}`}`);
      }
    })();
    return master;
  };

  /** Run a shell script on the host; returns its exit code and output (ssh failures throw). */
  const run = async (script: string, input?: string): Promise<{ code: number; output: string; stdout: string }> => {
    await connect();
    const result = await runArgv("ssh", [...options, destination, `sh -c ${shellQuote(script)}`], { cwd: tmpdir(), ...(input === undefined ? {} : { input }) });
    if (result.code === 255) throw new WardenError("INPUT", `ssh ${name}: ${lastLine(result.output) || "connection failed"}`);
    return { code: result.code, output: result.output, stdout: result.stdout ?? result.output };
  };
  const must = async (script: string, what: string, input?: string): Promise<string> => {
    const result = await run(script, input);
    if (result.code !== 0) throw new WardenError("INPUT", `ssh ${name}: ${what} failed: ${lastLine(result.output) || `exit code ${result.code}`}`);
    return result.stdout;
  };
  const q = shellQuote;
  const alive = (pid: number): string => `kill -0 ${pid} 2>/dev/null && ! grep -q '^State:[[:space:]]*Z' /proc/${pid}/status 2>/dev/null`;

  return {
    name,
    node: settings.node,
    readText: async (file) => {
      const result = await run(`cat ${q(file)} 2>/dev/null`);
      // standard output only, whole: what the remote shell's startup files print on stderr is no part of the file
      return result.code === 0 ? result.stdout : undefined;
    },
    writeText: async (file, text, opts) => {
      const tmp = `${file}.${process.pid}.tmp`;
      const dir = path.posix.dirname(file);
      const durable = opts?.durable === true;
      const script = durable
        ? `mkdir -p ${q(dir)} && cat > ${q(tmp)} && { sync ${q(tmp)} 2>/dev/null || sync; } && mv ${q(tmp)} ${q(file)} && { sync ${q(dir)} 2>/dev/null || true; }`
        : `mkdir -p ${q(dir)} && cat > ${q(tmp)} && mv ${q(tmp)} ${q(file)}`;
      await must(script, `writing ${file}`, text);
    },
    createExclusive: async (file, text) => {
      // ln(1) fails when the file exists (link(2) is atomic), so no reader sees half a file
      const tmp = `${file}.${process.pid}.new`;
      const result = await run(`mkdir -p ${q(path.posix.dirname(file))} && cat > ${q(tmp)} && { ln ${q(tmp)} ${q(file)} 2>/dev/null; rc=$?; rm -f ${q(tmp)}; exit $rc; }`, text);
      return result.code === 0;
    },
    append: async (file, text) => {
      await must(`mkdir -p ${q(path.posix.dirname(file))} && cat >> ${q(file)}`, `appending to ${file}`, text);
    },
    list: async (dir) => (await run(`ls -1A ${q(dir)} 2>/dev/null`)).stdout.split("\n").filter((n) => n !== ""),
    remove: async (target) => {
      await must(`rm -rf ${q(target)}`, `removing ${target}`);
    },
    copy: async (from, to) => {
      const result = await run(`[ -e ${q(from)} ] || exit 3; mkdir -p ${q(path.posix.dirname(to))} && cp -a ${q(from)} ${q(to)}`);
      if (result.code === 3) return false;
      if (result.code !== 0) throw new WardenError("INPUT", `ssh ${name}: copying ${from} failed: ${lastLine(result.output) || `exit code ${result.code}`}`);
      return true;
    },
    upload: async (localDir, dir) => {
      const staging = `${path.posix.dirname(dir)}/.staging-${path.posix.basename(dir)}`;
      await must(`rm -rf ${q(staging)} && mkdir -p ${q(path.posix.dirname(dir))}`, "preparing the release folder");
      const ssh = ["ssh", ...options].map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : q(a))).join(" ");
      const result = await runArgv("rsync", ["-a", "--delete", "-e", ssh, `${localDir}/`, `${destination}:${staging}/`], { cwd: tmpdir() });
      if (result.code !== 0) throw new WardenError("INPUT", `rsync to ${name} failed: ${lastLine(result.output) || `exit code ${result.code}`}`);
      await must(`mv ${q(staging)} ${q(dir)}`, "moving the release into place");
    },
    supervise: async (supervisor, command, opts) => {
      // the variables travel as the ssh channel's standard input; the supervisor reads them before
      // it detaches, so the channel cannot close before they are read
      const out = await must(
        `mkdir -p ${q(path.posix.dirname(opts.logFile))} && cd ${q(opts.cwd)} && exec ${q(settings.node)} ${q(supervisor)} --detach ${q(opts.logFile)}${opts.listen === undefined ? "" : ` --listen ${opts.listen}`}${opts.standby === true ? " --standby" : ""} --env-stdin ${q(command)}`,
        `starting ${command}`,
        JSON.stringify({ env: opts.env }),
      );
      const pid = Number(lastLine(out));
      if (!Number.isInteger(pid) || pid <= 0) throw new WardenError("INPUT", `ssh ${name}: starting ${command} gave no pid`);
      return pid;
    },
    execOnce: async (supervisor, command, opts, io) => {
      await connect();
      const script = `cd ${q(opts.cwd)} && exec ${q(settings.node)} ${q(supervisor)} --exec --env-stdin ${q(command)}`;
      return runStreaming("ssh", [...options, destination, `sh -c ${q(script)}`], { cwd: tmpdir(), input: JSON.stringify({ env: opts.env }) }, io);
    },
    streamTail: async (files, opts, io) => {
      await connect();
      const script = `exec tail -n ${opts.lines}${opts.follow ? " -F" : ""} -- ${files.map(q).join(" ")}`;
      return runStreaming("ssh", [...options, destination, `sh -c ${q(script)}`], { cwd: tmpdir() }, io);
    },
    alive: async (pid) => (await run(alive(pid))).code === 0,
    groupAlive: async (pgid) => (await run(`kill -0 -${pgid} 2>/dev/null`)).code === 0,
    stop: async (pid, graceMs) => {
      const rounds = Math.ceil(graceMs / 50);
      // the group too: a supervisor killed with SIGKILL leaves its app behind in its group
      const running = `{ ${alive(pid)} || kill -0 -${pid} 2>/dev/null; }`;
      await run(
        [
          `kill -TERM -${pid} 2>/dev/null || kill -TERM ${pid} 2>/dev/null`,
          `i=0; while ${running} && [ $i -lt ${rounds} ]; do sleep 0.05; i=$((i+1)); done`,
          `if ${running}; then kill -KILL -${pid} 2>/dev/null || kill -KILL ${pid} 2>/dev/null; fi`,
          // bounded: a zombie nobody reaps would keep the group "alive" for ever
          `i=0; while ${running} && [ $i -lt 200 ]; do sleep 0.05; i=$((i+1)); done`,
          "true",
        ].join("\n"),
      );
    },
    freePort: async () => {
      const script = "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
      const port = Number(lastLine(await must(`${q(settings.node)} -e ${q(script)}`, "finding a free port")));
      if (!Number.isInteger(port) || port <= 0) throw new WardenError("INPUT", `ssh ${name}: could not find a free port`);
      return port;
    },
    reach: async (port) => {
      const known = forwards.get(port);
      if (known !== undefined) return known;
      await connect();
      const local = await freePort();
      const result = await runArgv("ssh", [...options, "-O", "forward", "-L", `127.0.0.1:${local}:127.0.0.1:${port}`, destination], { cwd: tmpdir() });
      if (result.code !== 0) throw new WardenError("INPUT", `ssh ${name}: cannot forward port ${port}: ${lastLine(result.output)}`);
      forwards.set(port, local);
      return local;
    },
    shell: async (script) => {
      const result = await run(script);
      return { code: result.code, output: result.output };
    },
    tail: async (file, lines = 20) => (await run(`tail -n ${lines} ${q(file)} 2>/dev/null`)).output.trimEnd(),
    close: async () => {
      if (master === undefined) return;
      await runArgv("ssh", [...options, "-O", "exit", destination], { cwd: tmpdir() });
      master = undefined;
      forwards.clear();
    },
  };
}
