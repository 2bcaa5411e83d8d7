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
  /** Copy a local folder to `dir` on the host (which must not exist yet), atomically by rename. */
  upload(localDir: string, dir: string): Promise<void>;
  /** Start `command` with `sh -c` detached in its own session; returns its pid. */
  spawn(command: string, options: { cwd: string; env: Readonly<Record<string, string>>; logFile: string }): Promise<number>;
  alive(pid: number): Promise<boolean>;
  /** SIGTERM the process group, SIGKILL after `graceMs`; resolves once it is gone. */
  stop(pid: number, graceMs: number): Promise<void>;
  /** A free TCP port on the host's 127.0.0.1. */
  freePort(): Promise<number>;
  /** A port on this machine's 127.0.0.1 that reaches `port` on the host's 127.0.0.1. */
  reach(port: number): Promise<number>;
  /** The last lines of a file (at most `lines`, default 20), for error messages. */
  tail(file: string, lines?: number): Promise<string>;
  close(): Promise<void>;
}
