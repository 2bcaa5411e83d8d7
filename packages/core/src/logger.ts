import { redactText } from "./redaction.js";

/** Log levels in increasing order of importance. */
export type LogLevel = "debug" | "info" | "warn" | "error";

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** A minimal leveled logger that writes to a stream (stderr by default); library code logs through it. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Create a logger writing lines at or above `level` to `stream`. */
export function createLogger(
  options: { level?: LogLevel; stream?: { write(chunk: string): unknown }; prefix?: string } = {},
): Logger {
  const level = options.level ?? "info";
  const stream = options.stream ?? process.stderr;
  const prefix = options.prefix ?? "warden";
  const log = (at: LogLevel, message: string): void => {
    if (ORDER[at] < ORDER[level]) return;
    // Through the output redactor, whatever stream it writes to.
    stream.write(redactText(`${prefix}${at === "info" ? "" : ` ${at}`}: ${message}\n`));
  };
  return {
    debug: (m) => log("debug", m),
    info: (m) => log("info", m),
    warn: (m) => log("warn", m),
    error: (m) => log("error", m),
  };
}

/** A logger that drops everything (for tests and quiet modes). */
export const silentLogger: Logger = createLogger({ level: "error", stream: { write: () => true } });
