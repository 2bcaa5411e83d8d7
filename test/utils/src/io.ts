/** The streams a CLI command writes to, the shape of `@warden/cli`'s `Io` (structural: no import). */
export interface TestIo {
  readonly cwd: string;
  readonly stdout: { write(chunk: string): unknown; isTTY?: boolean };
  readonly stderr: { write(chunk: string): unknown; isTTY?: boolean };
  readStdin(): Promise<string>;
}

/** An {@link TestIo} that keeps what a command printed. */
export interface CapturedIo {
  readonly io: TestIo;
  /** Everything written to stdout so far. */
  out(): string;
  /** Everything written to stderr so far. */
  err(): string;
  /** The chunks as they were written (a command's writes, one by one). */
  readonly outChunks: readonly string[];
  readonly errChunks: readonly string[];
}

/**
 * Run a command in-process against captured streams: `captureIo({ cwd: repo.dir })`, pass `.io`,
 * then read `.out()` / `.err()`. `tty` makes stderr a terminal (where progress lines are drawn);
 * stdout never is one. `stdin` is what the command reads from standard input.
 */
export function captureIo(options: { cwd?: string; tty?: boolean; stdin?: string } = {}): CapturedIo {
  const outChunks: string[] = [];
  const errChunks: string[] = [];
  return {
    io: {
      cwd: options.cwd ?? process.cwd(),
      stdout: { write: (chunk: string) => outChunks.push(chunk), isTTY: false },
      stderr: { write: (chunk: string) => errChunks.push(chunk), isTTY: options.tty ?? false },
      readStdin: async () => options.stdin ?? "",
    },
    out: () => outChunks.join(""),
    err: () => errChunks.join(""),
    outChunks,
    errChunks,
  };
}
