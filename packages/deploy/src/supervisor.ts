/**
 * The supervisor of one instance: a tiny Node process that runs the instance's start command,
 * restarts it (with backoff) when it exits on its own, and on SIGTERM/SIGINT passes the signal
 * on and exits once the instance has stopped. Its pid is the instance's pid file entry.
 *
 * Written as one self-contained function (node built-ins passed in) so it can be shipped as a
 * standalone script to any host with Node, like the proxy.
 */
import type * as ChildProcessModule from "node:child_process";

interface SupervisorModules {
  readonly childProcess: typeof ChildProcessModule;
}

/** The supervisor's main function; argv[0]: the shell command to run. */
export function supervisorMain(mods: SupervisorModules, argv: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): void {
  const command = String(argv[0]);
  let child: ChildProcessModule.ChildProcess | undefined;
  let stopping = false;
  let failures = 0;
  let restarts = 0;
  let lastExit = "";
  const log = (message: string): void => {
    process.stdout.write(`[warden supervisor ${new Date().toISOString()}] ${message}\n`);
  };
  const start = (): void => {
    const startedAt = Date.now();
    // a restarted child learns that it was (the proxy reports its restarts)
    const childEnv = restarts === 0 ? { ...env } : { ...env, WARDEN_RESTARTS: String(restarts), WARDEN_RESTART_REASON: lastExit };
    child = mods.childProcess.spawn("sh", ["-c", `exec ${command}`], { stdio: "inherit", env: childEnv });
    child.on("exit", (code, signal) => {
      child = undefined;
      if (stopping) {
        process.exit(0);
        return;
      }
      failures = Date.now() - startedAt > 10_000 ? 1 : failures + 1;
      const delay = Math.min(5000, 200 * 2 ** (failures - 1));
      lastExit = `exited (${signal ?? `code ${code}`})`;
      restarts += 1;
      log(`instance ${lastExit}; restarting in ${delay} ms`);
      setTimeout(start, delay);
    });
  };
  const stop = (signal: NodeJS.Signals): void => {
    stopping = true;
    if (child === undefined) process.exit(0);
    else child.kill(signal);
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  start();
}

/** The supervisor as a standalone ES module script (`node supervisor.mjs "COMMAND"`). */
export function supervisorScript(): string {
  return [
    "// Warden's instance supervisor (generated from @warden/deploy).",
    'import * as childProcess from "node:child_process";',
    `const supervisorMain = ${supervisorMain.toString()};`,
    "supervisorMain({ childProcess }, process.argv.slice(2), process.env);",
    "",
  ].join("\n");
}
