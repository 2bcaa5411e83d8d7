/**
 * `@warden/vault`: the one holder of a repository's credentials. An encrypted store committed one
 * value per line, a master key kept outside the repository, per-task grants handed to
 * `warden secrets run`, and an audit chain only the key can extend.
 */
export { AUDIT_FILE, anchorFile, readAudit, verifyAudit, type AuditEntry, type AuditVerdict } from "./audit.js";
export { parseDotenv } from "./dotenv.js";
export { keyFile } from "./keys.js";
export { Masker, MIN_MASKED_LENGTH } from "./mask.js";
export { DEFAULT_ENV, importDotenv, initVault, listSecrets, planRun, removeSecret, rotateSecrets, runWithSecrets, setSecret, VAULT_LOCK, verifySecretsAudit, type GrantSetting, type RunPlan, type RunRequest } from "./manager.js";
export { parseVault, readVault, VAULT_FILE } from "./store.js";
export { runFromSnapshot } from "./fast-run.js";
export { GRANTS_SNAPSHOT, grantsSource } from "./snapshot.js";
