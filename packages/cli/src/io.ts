import { redactText } from "@warden/core";

/** Where a command reads and writes: the process by default, buffers in tests. */
export interface Io {
  readonly cwd: string;
  readonly stdout: { write(chunk: string): unknown; isTTY?: boolean };
  readonly stderr: { write(chunk: string): unknown; isTTY?: boolean };
  readStdin(): Promise<string>;
}

/** Whether the process's streams already stop quietly on EPIPE. */
let epipeGuarded = false;

/** The real process's streams. */
export function processIo(): Io {
  // A reader that stops early (`warden rules | head`) closes the pipe: stop quietly, as cat and
  // grep do, instead of crashing with an unhandled EPIPE.
  for (const stream of epipeGuarded ? [] : [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
      process.exit(process.exitCode ?? 0);
    });
  }
  epipeGuarded = true;
  return {
    cwd: process.cwd(),
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin: async () => {
      if (process.stdin.isTTY) return "";
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString("utf8");
    },
  };
}

/**
 * The output boundary: `io` with every write to stdout and stderr passed through the installed
 * redactor (`redactText` of @warden/core, fed by every secret detector), whatever produced it —
 * reports, messages, errors, commander's usage text, a child process's output.
 */
export function redactingIo(io: Io): Io {
  const wrap = (stream: Io["stdout"]): Io["stdout"] => ({
    get isTTY() {
      return stream.isTTY;
    },
    write: (chunk: string) => stream.write(redactText(typeof chunk === "string" ? chunk : String(chunk))),
  });
  return { cwd: io.cwd, stdout: wrap(io.stdout), stderr: wrap(io.stderr), readStdin: () => io.readStdin() };
}
