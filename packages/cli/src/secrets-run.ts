import { CONSERVATIVE_REDACTOR, currentEnv, readEnv, redactText } from "@warden/core/lite";
import { runFromSnapshot } from "@warden/vault";
import { errorReport } from "./error-report.js";

/**
 * `warden secrets run`'s fast start, its own small bundle (dist/secrets-run.cjs) that bin/warden.js
 * loads before the CLI: the vault and core's Node-only parts, nothing else. Resolves to the exit
 * code, or to undefined when the full CLI must run (no current grants snapshot, unusual
 * arguments). Errors print exactly as the CLI prints them for `secrets run`; WARDEN_DEBUG=1 names
 * the start taken, and why.
 */
export async function secretsRun(argv: readonly string[]): Promise<number | undefined> {
  const env = currentEnv();
  const debug = readEnv(env).debug ? (message: string): void => void process.stderr.write(`warden: secrets run: ${message}\n`) : undefined;
  try {
    // Getters: process.stdout and process.stderr set up their streams when first read, which the run
    // does only when the command prints something.
    const io = {
      get stdout(): NodeJS.WritableStream {
        return process.stdout;
      },
      get stderr(): NodeJS.WritableStream {
        return process.stderr;
      },
      ...(debug === undefined ? {} : { debug }),
    };
    const outcome = await runFromSnapshot(argv, process.cwd(), env, io);
    if (typeof outcome === "number") return outcome;
    debug?.(`full start (${outcome.fallback})`);
    return undefined;
  } catch (error) {
    process.stderr.write(redactText(errorReport(error), CONSERVATIVE_REDACTOR));
    return 2;
  }
}
