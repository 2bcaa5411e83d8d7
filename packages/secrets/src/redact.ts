/** The mask that replaces everything after the shown prefix of a secret. */
export const MASK = "********";

/**
 * Redact a secret for display: at most four leading characters (fewer for short secrets, so at
 * least three quarters stay hidden) followed by a fixed mask that does not reveal the length.
 */
export function redact(secret: string): string {
  const shown = Math.min(4, Math.floor(secret.length / 4));
  return `${secret.slice(0, shown)}${MASK}`;
}
