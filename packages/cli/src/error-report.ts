import { escapeControl, isWardenError } from "@warden/core/lite";

/**
 * What the CLI prints for an error that ends a command (exit 2): a {@link isWardenError user error}
 * as one line (its hint on a second), anything else as an internal error with its stack. The
 * caller's output redaction applies on top.
 */
export function errorReport(error: unknown): string {
  if (isWardenError(error)) return `warden: ${escapeControl(error.message)}\n${error.hint === undefined ? "" : `  hint: ${escapeControl(error.hint)}\n`}`;
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return `warden: internal error — this is a bug, please report it with the output below\n${detail}\n`;
}
