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
 * as one line (and its `hint`, when it has one, as a second line "  hint: …") and exits with code
 * 2; any other error is an internal bug.
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

/** Runs of token characters this long, holding a letter and a digit, are cut by {@link maskTokens}. */
const TOKEN_RUN = /[A-Za-z0-9_+/=-]{8,}/g;

/**
 * Make a third-party error message (a JSON or JavaScript parser's) safe to print when the input
 * may hold a secret: quoted excerpts of the input are dropped, and every token-like run (8 or more
 * letters, digits and `_+/=-`, with at least one letter and one digit) keeps its first 4
 * characters only. Words and paths without digits stay readable.
 */
export function maskTokens(message: string): string {
  return message
    .replace(/"(?:[^"\\\n]|\\.)*"(?:\.\.\.)?/g, "…")
    .replace(TOKEN_RUN, (run) => (/[A-Za-z]/.test(run) && /\d/.test(run) ? `${run.slice(0, 4)}…` : run));
}
