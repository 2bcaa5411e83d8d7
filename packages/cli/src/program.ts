import { Command, CommanderError, Option } from "commander";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { FORMATS } from "@warden/core";
import { errorReport } from "./error-report.js";
import { redactingIo, type Io } from "./io.js";

/** Thrown inside command actions to carry an exit code out of commander. */
export class ExitSignal extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/** The `-f, --format` option every reporting command takes (pretty by default). */
export function formatOption(): Option {
  return new Option("-f, --format <format>", "output format").choices([...FORMATS]).default("pretty");
}

/** Commander's "error: …\n(Did you mean …?)\n" as one line without the "error:" prefix. */
export function oneLineUsageError(text: string): string {
  return text
    .replace(/^error:\s*/, "")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .map((line) => line.replace(/^\(Did you mean (.*)\)$/, "(did you mean $1)"))
    .join(" ");
}

/** The `warden` program without commands: output through `io`, usage errors in one line, no process exit. */
export function newProgram(io: Io): Command {
  return new Command("warden")
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // Usage errors in one line, like every other Warden error: "warden: unknown option '--stagged' (did you mean --staged?)".
      outputError: (text, write) => write(`warden: ${oneLineUsageError(text)}\n`),
    })
    .exitOverride();
}

/** The CLI's own entry (dist/index.js, or src/index.ts when run from sources): what a config's `import "@warden/cli"` resolves to. */
export function ownEntry(): string {
  const built = fileURLToPath(new URL("./index.js", import.meta.url));
  return existsSync(built) ? built : fileURLToPath(new URL("./index.ts", import.meta.url));
}

/**
 * Run a command line through `build`'s program: `prepare` first installs the output redactor, then
 * every byte printed goes through it. Returns the exit code; never throws.
 */
export async function runCommandLine(argv: readonly string[], rawIo: Io, prepare: () => Promise<void>, build: (io: Io) => Command): Promise<number> {
  // Until the redactor is installed only the error below (a failed import: no user data) can print.
  let io = rawIo;
  try {
    await prepare();
    io = redactingIo(rawIo);
    await build(io).parseAsync([...argv], { from: "user" });
    return 0;
  } catch (error) {
    if (error instanceof ExitSignal) return error.code;
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help") return 0;
      return 2; // commander already printed one line: "error: unknown option '--x'"
    }
    // A user error: one line, and the hint on a second when it carries one; always exit 2.
    io.stderr.write(errorReport(error));
    return 2;
  }
}
