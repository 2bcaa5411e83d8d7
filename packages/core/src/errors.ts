/** Stable codes of the errors Warden reports to users (exit code 2). */
export type WardenErrorCode =
  | "CONFIG_NOT_FOUND"
  | "CONFIG_LOAD"
  | "CONFIG_INVALID"
  | "UNKNOWN_RULE"
  | "USAGE"
  | "GIT"
  | "BASELINE_INVALID"
  | "INPUT";

/**
 * An error caused by the user's input (config, arguments, files). The CLI prints its message
 * as one line and exits with code 2; any other error is an internal bug.
 */
export class WardenError extends Error {
  readonly code: WardenErrorCode;
  readonly hint: string | undefined;

  constructor(code: WardenErrorCode, message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "WardenError";
    this.code = code;
    this.hint = options.hint;
  }
}

/** True when `error` is a {@link WardenError}, even across bundle boundaries. */
export function isWardenError(error: unknown): error is WardenError {
  return (
    error instanceof WardenError ||
    (error instanceof Error && error.name === "WardenError" && typeof (error as { code?: unknown }).code === "string")
  );
}
