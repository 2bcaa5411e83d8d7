/**
 * `@warden/core/lite`: the parts of core that load nothing but Node's built-ins (no zod, no jiti,
 * no git), for start-up paths that must stay within a few milliseconds of Node's own start —
 * `warden secrets run` (docs/secrets/vault.md#how-run-starts-fast). Everything here is also
 * exported by `@warden/core`.
 */
export { configFingerprint, findConfigFile } from "./config/locate.js";
export { currentEnv, readEnv } from "./env.js";
export { isWardenError, WardenError } from "./errors.js";
export { CONSERVATIVE_REDACTOR, escapeControl, redactText } from "./redaction.js";
