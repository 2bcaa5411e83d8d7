/**
 * The supervisor of one instance (or of the proxy): a tiny Node process that runs a shell
 * command, restarts it (with backoff) when it exits on its own, and on SIGTERM/SIGINT passes the
 * signal on and exits once the child has stopped. Its pid is the instance's pid file entry.
 *
 * Written as one self-contained function (node built-ins passed in) so it can be shipped as a
 * standalone script to any host with Node, like the proxy.
 *
 * Usage: `node supervisor.mjs [--detach LOGFILE | --exec] [--listen PORT] [--pid-file FILE] [--standby] [--env-stdin] COMMAND`
 * - `--env-stdin`: the child's variables arrive as JSON (`{"env":{…}}`) on standard input, never
 *   on a command line or in a file. The child gets them on top of a few basics of the
 *   supervisor's own environment (PATH, HOME, USER, LOGNAME, SHELL, LANG, LANGUAGE, LC_*, TZ,
 *   TMPDIR) and nothing else of it.
 * - `--detach LOGFILE`: read standard input, start the supervisor again in its own session with
 *   its output appended to LOGFILE, hand it the input over a pipe, print its pid and exit (how the
 *   ssh target starts one without a race between the ssh channel closing and the read).
 * - `--exec`: run COMMAND once (standard input closed) with those variables and exit with its
 *   code: `warden exec`, in the live release's folder, with the release's environment.
 * - `--standby`: keep a warm second copy of the child (started with `WARDEN_STANDBY=1` and an IPC
 *   channel, its script loaded and, for the proxy, its HTTP code warmed up by 100 requests to
 *   itself, then idle); when the child dies a ready standby is activated at once
 *   (an IPC message carrying the restart count, the reason and when the exit was noticed) instead
 *   of a cold start, also while the child crash-loops; the next standby is prepared 250 ms later
 *   (or after the crash loop's backoff, if longer). Used for the proxy, whose script, as a standby, sends `{warden:"ready"}` once it
 *   listens for that message; a standby that has not is not used (the child is started cold).
 * - `--pid-file FILE`: write `{"pid":N}` (its own pid) to FILE when it starts (how Warden finds a
 *   supervisor a service manager started, e.g. the proxy's systemd unit).
 * - `--listen PORT`: the supervisor binds 127.0.0.1:PORT itself and hands the bound socket to
 *   every child as file descriptor 3 (`WARDEN_LISTEN_FD=3`) and again as the descriptors after it
 *   (`WARDEN_LISTEN_FDS=16` in all, so the child can accept up to 16 connections per event-loop
 *   turn); the child listens on them. The socket outlives a crashed child, so while the proxy
 *   restarts the kernel queues new connections in its backlog instead of refusing them. The
 *   supervisor never accepts on it.
 */
import type * as ChildProcessModule from "node:child_process";
import type * as FsModule from "node:fs";

/** `net._createServerHandle`: a bound (not yet listening) TCP handle, as Node's cluster module makes them. */
type CreateServerHandle = (address: string, port: number, addressType: number, fd?: number) => { fd?: number } | number;

interface SupervisorModules {
  readonly childProcess: typeof ChildProcessModule;
  readonly fs?: typeof FsModule;
  readonly net?: { readonly _createServerHandle?: CreateServerHandle };
}

/** The variables of the supervisor's own environment a supervised child keeps (with `--env-stdin`). */
export const BASIC_ENV = /^(PATH|HOME|USER|LOGNAME|SHELL|LANG|LANGUAGE|TZ|TMPDIR|LC_[A-Z_]+)$/;

/** The supervisor's main function; see the module comment for its arguments. */
export function supervisorMain(mods: SupervisorModules, argv: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): void {
  // kept in step with BASIC_ENV (this function is shipped on its own, so it cannot import it)
  const basic = /^(PATH|HOME|USER|LOGNAME|SHELL|LANG|LANGUAGE|TZ|TMPDIR|LC_[A-Z_]+)$/;
  const args = [...argv];
  let detachLog: string | undefined;
  let listenPort: number | undefined;
  let envFromStdin = false;
  let once = false;
  let withStandby = false;
  let pidFile: string | undefined;
  for (;;) {
    if (args[0] === "--detach") {
      detachLog = String(args[1]);
      args.splice(0, 2);
    } else if (args[0] === "--listen") {
      listenPort = Number(args[1]);
      args.splice(0, 2);
    } else if (args[0] === "--pid-file") {
      pidFile = String(args[1]);
      args.splice(0, 2);
    } else if (args[0] === "--standby") {
      withStandby = true;
      args.splice(0, 1);
    } else if (args[0] === "--exec") {
      once = true;
      args.splice(0, 1);
    } else if (args[0] === "--env-stdin") {
      envFromStdin = true;
      args.splice(0, 1);
    } else break;
  }
  const command = String(args[0]);
  const log = (message: string): void => {
    process.stdout.write(`[warden supervisor ${new Date().toISOString()}] ${message}\n`);
  };
  const basics = (): Record<string, string> => {
    const kept: Record<string, string> = {};
    for (const [key, value] of Object.entries(env)) if (value !== undefined && basic.test(key)) kept[key] = value;
    return kept;
  };
  const readStdin = (then: (text: string) => void): void => {
    let text = "";
    process.stdin.setEncoding("utf8");
    process.stdin.on("data", (chunk: string) => (text += chunk));
    process.stdin.on("end", () => then(text));
  };

  if (detachLog !== undefined) {
    const fs = mods.fs;
    if (fs === undefined) throw new Error("--detach needs node:fs");
    readStdin((text) => {
      const out = fs.openSync(detachLog, "a");
      const rest = [...(listenPort === undefined ? [] : ["--listen", String(listenPort)]), ...(pidFile === undefined ? [] : ["--pid-file", pidFile]), ...(withStandby ? ["--standby"] : []), ...(envFromStdin ? ["--env-stdin"] : []), command];
      const child = mods.childProcess.spawn(process.execPath, [String(process.argv[1]), ...rest], { detached: true, stdio: ["pipe", out, out], env: basics() });
      fs.closeSync(out);
      child.unref();
      child.stdin?.end(text, () => {
        process.stdout.write(`${child.pid}\n`);
      });
    });
    return;
  }

  if (once) {
    readStdin((text) => {
      let given: Record<string, string> = {};
      try {
        given = (JSON.parse(text === "" ? "{}" : text) as { env?: Record<string, string> }).env ?? {};
      } catch {
        process.stderr.write("warden exec: the variables on standard input are not valid JSON\n");
        process.exit(2);
      }
      const run = mods.childProcess.spawn("sh", ["-c", command], { stdio: ["ignore", "inherit", "inherit"], env: { ...basics(), ...given } });
      const pass = (signal: NodeJS.Signals): void => {
        run.kill(signal);
      };
      process.on("SIGINT", pass);
      process.on("SIGTERM", pass);
      run.on("exit", (code, signal) => process.exit(code ?? (signal === "SIGINT" ? 130 : 143)));
    });
    return;
  }

  // when a new warm standby is prepared: after a first start, and after a standby took over
  // (later while the child crash-loops: the restart backoff)
  const STANDBY_AFTER_START_MS = 1000;
  const STANDBY_AFTER_TAKEOVER_MS = 250;
  let child: ChildProcessModule.ChildProcess | undefined;
  let standby: ChildProcessModule.ChildProcess | undefined;
  let standbyTimer: ReturnType<typeof setTimeout> | undefined;
  let standbyReady = false;
  let stopping = false;
  let failures = 0;
  let restarts = 0;
  let lastExit = "";
  let given: Record<string, string> = {};
  let listenFd: number | undefined;
  // the bound socket goes to the child as this many descriptors (3, 4, …), all the same socket:
  // Node (libuv >= 1.45) accepts one connection per descriptor per event-loop turn, so a child
  // listening on one descriptor drained a burst of 50 new connections one per turn, the last ones
  // waiting in the kernel's accept queue for over 2 s on a loaded machine
  const LISTEN_FDS = 16;
  const childEnv = (): Record<string, string | undefined> => {
    const base = envFromStdin ? { ...basics(), ...given } : { ...env };
    return listenFd === undefined ? base : { ...base, WARDEN_LISTEN_FD: "3", WARDEN_LISTEN_FDS: String(LISTEN_FDS) };
  };
  const stdioFor = (ipc: boolean): ChildProcessModule.StdioOptions => {
    const fds: (number | "inherit" | "ipc")[] = ["inherit", "inherit", "inherit"];
    if (listenFd !== undefined) for (let n = 0; n < LISTEN_FDS; n += 1) fds.push(listenFd);
    if (ipc) fds.push("ipc");
    return fds;
  };
  /** Watch the running child: when it exits on its own, promote the standby or start a new one. */
  const adopt = (running: ChildProcessModule.ChildProcess, startedAt: number): void => {
    child = running;
    running.on("exit", (code, signal) => {
      // when the exit was noticed: the restarted proxy reports how long after it listened again
      const noticedAt = Date.now();
      child = undefined;
      if (stopping) {
        standby?.kill("SIGKILL");
        process.exit(0);
        return;
      }
      // the first restart after a run of more than 10 s is immediate; crash loops back off up to 5 s
      failures = Date.now() - startedAt > 10_000 ? 1 : failures + 1;
      const delay = failures === 1 ? 0 : Math.min(5000, 100 * 2 ** (failures - 1));
      lastExit = `exited (${signal ?? `code ${code}`})`;
      restarts += 1;
      const ready = standbyReady ? standby : undefined;
      if (ready !== undefined) {
        // the warm standby (Node started, script loaded) takes over at once, crash loop or not:
        // promoting it costs nothing; the backoff applies to preparing the next one
        standby = undefined;
        standbyReady = false;
        log(`child ${lastExit}; its warm standby (pid ${ready.pid}) takes over`);
        ready.send({ warden: "activate", restarts, reason: lastExit, noticedAt });
        ready.removeAllListeners("exit");
        adopt(ready, Date.now());
        // not at once: the promoted child first answers the connections that queued meanwhile
        prepareStandby(Math.max(STANDBY_AFTER_TAKEOVER_MS, delay));
        return;
      }
      log(`child ${lastExit}; restarting in ${delay} ms`);
      setTimeout(() => start(noticedAt), delay);
    });
  };
  /** With --standby: a second copy of the child, started and loaded but idle until it is activated over IPC. */
  const prepareStandby = (afterMs: number): void => {
    if (!withStandby || stopping) return;
    if (standbyTimer !== undefined) clearTimeout(standbyTimer);
    standbyTimer = setTimeout(() => {
      standbyTimer = undefined;
      if (stopping || standby !== undefined) return;
      const spare = mods.childProcess.spawn("sh", ["-c", `exec ${command}`], { stdio: stdioFor(true), env: { ...childEnv(), WARDEN_STANDBY: "1" } });
      standby = spare;
      standbyReady = false;
      // promoted only once it said it listens for the activation (a message sent earlier could be lost)
      spare.on("message", (m: unknown) => {
        if (standby === spare && typeof m === "object" && m !== null && (m as { warden?: unknown }).warden === "ready") {
          standbyReady = true;
          log(`warm standby (pid ${spare.pid}) ready`);
        }
      });
      spare.on("exit", () => {
        if (standby !== spare) return;
        standby = undefined;
        standbyReady = false;
        prepareStandby(5000);
      });
    }, afterMs);
    standbyTimer.unref?.();
  };
  const start = (noticedAt?: number): void => {
    // a restarted child learns that it was (the proxy reports its restarts)
    const vars = restarts === 0 ? childEnv() : { ...childEnv(), WARDEN_RESTARTS: String(restarts), WARDEN_RESTART_REASON: lastExit, WARDEN_RESTART_NOTICED_AT: String(noticedAt ?? Date.now()) };
    adopt(mods.childProcess.spawn("sh", ["-c", `exec ${command}`], { stdio: stdioFor(false), env: vars }), Date.now());
    prepareStandby(STANDBY_AFTER_START_MS);
  };
  const stop = (signal: NodeJS.Signals): void => {
    stopping = true;
    if (standbyTimer !== undefined) clearTimeout(standbyTimer);
    standby?.kill("SIGKILL");
    if (child === undefined) process.exit(0);
    else child.kill(signal);
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  const begin = (): void => {
    if (pidFile !== undefined && mods.fs !== undefined) mods.fs.writeFileSync(pidFile, `${JSON.stringify({ pid: process.pid })}\n`);
    const create = mods.net?._createServerHandle;
    if (listenPort !== undefined && typeof create === "function") {
      // bound here, never listened on here (no accept in the supervisor): the child calls listen(2)
      const handle = create("127.0.0.1", listenPort, 4);
      if (typeof handle === "number" || handle.fd === undefined || handle.fd < 0) {
        log(`cannot bind 127.0.0.1:${listenPort} (error ${String(handle)}); stopping`);
        process.exit(1);
      }
      listenFd = handle.fd;
    } else if (listenPort !== undefined) log("this Node cannot hand a bound socket to the child; it binds its port itself");
    start();
  };
  if (envFromStdin) {
    readStdin((text) => {
      try {
        const parsed = JSON.parse(text === "" ? "{}" : text) as { env?: Record<string, string> };
        given = parsed.env ?? {};
      } catch {
        log("the variables on standard input are not valid JSON; stopping");
        process.exit(1);
      }
      begin();
    });
  } else begin();
}

/** The supervisor as a standalone ES module script. */
export function supervisorScript(): string {
  return [
    "// Warden's instance supervisor (generated from @warden/deploy).",
    'import * as childProcess from "node:child_process";',
    'import * as fs from "node:fs";',
    'import * as net from "node:net";',
    `const supervisorMain = ${supervisorMain.toString()};`,
    "supervisorMain({ childProcess, fs, net }, process.argv.slice(2), process.env);",
    "",
  ].join("\n");
}
