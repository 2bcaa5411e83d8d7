import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The one module of core that reads environment variables, so every other module takes
 * plain values and stays testable.
 */

const requestEnv = new AsyncLocalStorage<NodeJS.ProcessEnv>();

/**
 * Run `fn` with `env` as the environment of everything it does: git processes, colour
 * decisions, child processes. The warm server uses it so each request sees its client's
 * environment (GIT_INDEX_FILE during `git commit -a`, NO_COLOR, …).
 */
export function runWithEnv<T>(env: NodeJS.ProcessEnv, fn: () => T): T {
  return requestEnv.run(env, fn);
}

/** The environment in effect: the one given to {@link runWithEnv}, else this process's. */
export function currentEnv(): NodeJS.ProcessEnv {
  return requestEnv.getStore() ?? process.env;
}
export interface WardenEnv {
  readonly noColor: boolean;
  readonly forceColor: boolean | undefined;
  readonly ci: boolean;
  readonly githubActions: boolean;
  readonly debug: boolean;
  /** TERM=dumb: a terminal that understands no escape sequences (Emacs shell, some CI logs). */
  readonly dumbTerminal: boolean;
}

/** Read Warden's environment settings from `env` (defaults to {@link currentEnv}). */
export function readEnv(env: NodeJS.ProcessEnv = currentEnv()): WardenEnv {
  const force = env.FORCE_COLOR;
  return {
    noColor: env.NO_COLOR !== undefined && env.NO_COLOR !== "",
    forceColor: force === undefined ? undefined : force !== "0" && force !== "false",
    ci: env.CI !== undefined && env.CI !== "" && env.CI !== "false" && env.CI !== "0",
    githubActions: env.GITHUB_ACTIONS === "true",
    debug: env.WARDEN_DEBUG !== undefined && env.WARDEN_DEBUG !== "" && env.WARDEN_DEBUG !== "0",
    dumbTerminal: env.TERM === "dumb",
  };
}

/**
 * Decide whether output to a stream should be coloured: FORCE_COLOR wins, then NO_COLOR
 * (https://no-color.org) and TERM=dumb turn colour off, then whether the stream is a terminal.
 */
export function colorEnabled(stream: { isTTY?: boolean }, env: WardenEnv = readEnv()): boolean {
  if (env.forceColor !== undefined) return env.forceColor;
  if (env.noColor || env.dumbTerminal) return false;
  return stream.isTTY === true;
}

/** Whether a stream can take cursor movement (`\r`, erase line) for a progress line: a terminal that is not TERM=dumb. */
export function progressEnabled(stream: { isTTY?: boolean }, env: WardenEnv = readEnv()): boolean {
  return stream.isTTY === true && !env.dumbTerminal;
}

/** The environment for a child process: this process's variables plus `extra`. */
export function childEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  return { ...currentEnv(), ...extra };
}
