import type { OutputStreams } from "../shell.js";

/** How {@link Host.supervise} starts a supervised command. */
export interface SuperviseOptions {
  readonly cwd: string;
  /** Variables for the command, delivered over the supervisor's standard input. */
  readonly env: Readonly<Record<string, string>>;
  readonly logFile: string;
  /** A port on the host's 127.0.0.1 the supervisor binds and hands to the command as fd 3 (the proxy). */
  readonly listen?: number;
  /** Keep a warm standby copy of the command, activated at once when it dies (the proxy). */
  readonly standby?: boolean;
}

/**
 * Where an instance target keeps its files and runs its processes: this machine (`local`) or
 * another one reached over ssh (`ssh`). Paths are absolute paths on that host.
 */
export interface Host {
  /** For messages: "this machine" or "user@host:port". */
  readonly name: string;
  /** The node executable on the host (runs the proxy). */
  readonly node: string;
  readText(file: string): Promise<string | undefined>;
  /** Write a file atomically (temp file + rename), creating its folder; `durable`: fsync before the rename. */
  writeText(file: string, text: string, options?: { durable?: boolean }): Promise<void>;
  /** Create `file` with `text`, complete or not at all (creating its folder); false when it exists. */
  createExclusive(file: string, text: string): Promise<boolean>;
  /** Append `text` to `file` (creating it and its folder). */
  append(file: string, text: string): Promise<void>;
  /** Names in a folder ([] when it does not exist). */
  list(dir: string): Promise<string[]>;
  remove(target: string): Promise<void>;
  /** Copy a file or folder on the host (`cp -a`), creating the target's folder; false when `from` does not exist. */
  copy(from: string, to: string): Promise<boolean>;
  /** Copy a local folder to `dir` on the host (which must not exist yet), atomically by rename. */
  upload(localDir: string, dir: string): Promise<void>;
  /**
   * Start `command` (through `sh -c`) under the supervisor script `supervisor` (a path on the
   * host), detached in its own session, output appended to `logFile`; returns the supervisor's
   * pid. `env` reaches the command over the supervisor's standard input (over the ssh channel for
   * a remote host), never on a command line or in a file; the command starts with only the basic
   * variables of the host side's environment besides it (see `supervisorMain`).
   */
  supervise(supervisor: string, command: string, options: SuperviseOptions): Promise<number>;
  alive(pid: number): Promise<boolean>;
  /** Whether process group `pgid` (a supervisor's) still has a live member, e.g. an app orphaned by a killed supervisor. */
  groupAlive(pgid: number): Promise<boolean>;
  /** SIGTERM the process group, SIGKILL after `graceMs`; resolves once it is gone. */
  stop(pid: number, graceMs: number): Promise<void>;
  /** A free TCP port on the host's 127.0.0.1. */
  freePort(): Promise<number>;
  /** A port on this machine's 127.0.0.1 that reaches `port` on the host's 127.0.0.1. */
  reach(port: number): Promise<number>;
  /**
   * Run `command` once in `cwd` through the supervisor script's `--exec` mode (`env` over its
   * standard input, like `supervise`), output streamed to `io`; resolves to its exit code.
   */
  execOnce(supervisor: string, command: string, options: { cwd: string; env: Readonly<Record<string, string>> }, io: OutputStreams): Promise<number>;
  /** Stream the last `lines` lines of `files` (`tail`), and with `follow` what is appended later, until interrupted. */
  streamTail(files: readonly string[], options: { lines: number; follow: boolean }, io: OutputStreams): Promise<number>;
  /** Run a shell script on the host (`sh -c`); its exit code and output (standard output and error). */
  shell(script: string): Promise<{ readonly code: number; readonly output: string }>;
  /** The last lines of a file (at most `lines`, default 20), for error messages. */
  tail(file: string, lines?: number): Promise<string>;
  close(): Promise<void>;
}
