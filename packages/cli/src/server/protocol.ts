/** Messages between the warm server's main thread and its worker threads. */

/** Run the CLI with these arguments, as this client. */
export interface WorkerRun {
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly env: Record<string, string>;
  readonly stdoutIsTTY: boolean;
}

/** From a worker: warmed up, output, the config load phases (for the watchdog), and the end. */
export type WorkerReply =
  | { readonly type: "ready" }
  | { readonly type: "config-start"; readonly config: string }
  | { readonly type: "config-end" }
  | { readonly type: "stdout" | "stderr"; readonly data: string }
  | { readonly type: "exit"; readonly code: number; readonly heapUsed: number; readonly configs: readonly (readonly [string, string])[] };
