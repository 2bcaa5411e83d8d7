import { spawn } from "node:child_process";
import { deployChildEnv } from "./env.js";

/** Output of a finished shell command. */
export interface ShellResult {
  readonly code: number;
  /** The tail (16 KiB) of standard output and error together, for messages. */
  readonly output: string;
  /** All of standard output alone (runArgv): a file read over ssh is not mixed with what the remote shell's startup files print on stderr. */
  readonly stdout?: string;
}

/** Run `command` with `sh -c` in `cwd`; resolves with its exit code and the tail of its output. */
export function runShell(command: string, options: { cwd: string; env?: Readonly<Record<string, string>>; timeoutMs?: number }): Promise<ShellResult> {
  return runArgv("sh", ["-c", command], options);
}

/** Run a program with arguments (no shell) and collect its exit code and output. */
export function runArgv(
  program: string,
  args: readonly string[],
  options: { cwd: string; env?: Readonly<Record<string, string>>; timeoutMs?: number; input?: string },
): Promise<ShellResult> {
  return new Promise((resolve) => {
    const child = spawn(program, [...args], { cwd: options.cwd, env: deployChildEnv(options.env ?? {}), stdio: ["pipe", "pipe", "pipe"] });
    let output = "";
    const out: Buffer[] = [];
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString("utf8")).slice(-16_384);
    };
    child.stdout.on("data", (chunk: Buffer) => {
      out.push(chunk);
      keep(chunk);
    });
    child.stderr.on("data", keep);
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            output += `\n(timed out after ${options.timeoutMs} ms)`;
            child.kill("SIGKILL");
          }, options.timeoutMs);
    child.on("error", (error) => {
      if (timer !== undefined) clearTimeout(timer);
      resolve({ code: 127, output: `${output}${error.message}` });
    });
    child.on("close", (code) => {
      if (timer !== undefined) clearTimeout(timer);
      resolve({ code: code ?? 1, output, stdout: Buffer.concat(out).toString("utf8") });
    });
    child.stdin.on("error", () => undefined);
    child.stdin.end(options.input ?? "");
  });
}

/** The last non-empty line of some output, for one-line error messages. */
export function lastLine(output: string): string {
  return (
    output
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l !== "")
      .at(-1) ?? ""
  );
}

/** Quote a string for a POSIX shell. */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** Where a streamed command's output goes (text). */
export interface OutputStreams {
  readonly stdout: { write(chunk: string): unknown };
  readonly stderr: { write(chunk: string): unknown };
}

/**
 * Run a program with its output streamed to `io` (not collected); `input` is written to its
 * standard input, then closed. SIGINT/SIGTERM of this process are passed on to it while it runs.
 * Resolves to its exit code (128 + signal number when a signal ended it).
 */
export function runStreaming(program: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; input?: string }, io: OutputStreams): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(program, [...args], { cwd: options.cwd, env: options.env ?? deployChildEnv({}), stdio: ["pipe", "pipe", "pipe"] });
    const pass = (signal: NodeJS.Signals): void => {
      child.kill(signal);
    };
    process.on("SIGINT", pass);
    process.on("SIGTERM", pass);
    child.stdout.setEncoding("utf8");
    child.stderr.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => io.stdout.write(chunk));
    child.stderr.on("data", (chunk: string) => io.stderr.write(chunk));
    child.on("error", (error) => {
      io.stderr.write(`${program}: ${error.message}\n`);
    });
    child.on("close", (code, signal) => {
      process.off("SIGINT", pass);
      process.off("SIGTERM", pass);
      resolve(code ?? (signal === "SIGINT" ? 130 : signal === "SIGTERM" ? 143 : 1));
    });
    child.stdin.on("error", () => undefined);
    child.stdin.end(options.input ?? "");
  });
}
