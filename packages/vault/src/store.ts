import { randomBytes } from "node:crypto";
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from "node:fs";
import path from "node:path";
import { WardenError } from "@warden/core/lite";
import { newKey, open, seal } from "./crypto.js";

/** The committed store, at the repository root by default. */
export const VAULT_FILE = ".warden-vault";
const HEADER = "# Warden vault: AES-256-GCM per value, one line per secret. Change it with `warden secrets`, not by hand.";
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ENV = /^[a-z0-9][a-z0-9_-]*$/;

/** The store as read from disk: everything sealed, nothing in plaintext. */
export interface Vault {
  readonly id: string;
  /** Data key per environment, sealed with the master key. */
  readonly keys: Map<string, string>;
  /** Sealed value per `env` → `NAME`. */
  readonly values: Map<string, Map<string, string>>;
  /** The audit chain's MAC key, sealed with the master key (re-wrapped, never replaced, on rotation: the chain stays verifiable). */
  audit?: string;
}

/**
 * Whether `name` looks like a value pasted where a name goes (`warden secrets set sk_live_…`): long,
 * with lower- and upper-case letters and digits, as tokens are and variable names (UPPER_SNAKE)
 * are not. Names are stored, logged and printed in plaintext, so such a name is refused.
 */
export function looksLikeValue(name: string): boolean {
  return name.length >= 20 && /[a-z]/.test(name) && /[A-Z]/.test(name) && /[0-9]/.test(name);
}

/** A name as it may be echoed or logged: whole when it is a plain name, else its first 4 characters. */
export function shownName(name: string): string {
  return NAME.test(name) && name.length <= 128 && !looksLikeValue(name) ? name : `${name.slice(0, 4)}…`;
}

/** Check a secret name (an environment variable name). */
export function assertName(name: string): void {
  // The name is echoed in errors: cut it, in case a value was pasted where the name goes.
  if (!NAME.test(name) || name.length > 128) throw new WardenError("USAGE", `"${name.slice(0, 4)}…" is not a secret name: use letters, digits and _ (an environment variable name)`);
  if (looksLikeValue(name)) throw new WardenError("USAGE", `"${name.slice(0, 4)}…" looks like a secret value, not a name: give a NAME such as API_TOKEN and pipe the value on standard input`);
}

/** Check an environment name. */
export function assertEnv(env: string): void {
  if (!ENV.test(env) || env.length > 64) throw new WardenError("USAGE", `"${env.slice(0, 16)}" is not an environment name: lower-case letters, digits, - and _`);
}

const keyAad = (id: string, env: string): string => `warden-vault-key:${id}:${env}`;
const auditAad = (id: string): string => `warden-vault-audit:${id}`;

/** The audit chain's MAC key: opened from the vault, or drawn and sealed into it the first time. */
export function auditKey(vault: Vault, master: Buffer): Buffer {
  if (vault.audit === undefined) {
    const key = newKey();
    vault.audit = seal(master, key, auditAad(vault.id));
    return key;
  }
  const key = open(master, vault.audit, auditAad(vault.id));
  if (key === undefined) throw new WardenError("USAGE", "the master key does not open this vault (wrong WARDEN_MASTER_KEY or key file?)");
  return key;
}
const valueAad = (id: string, env: string, name: string): string => `warden-vault:${id}:${env}:${name}`;

/** A new, empty vault with a random id. */
export function createVault(): Vault {
  return { id: randomBytes(8).toString("hex"), keys: new Map(), values: new Map() };
}

/** Parse the store's text; one clear error naming the line when it is not a vault. */
export function parseVault(text: string, file: string = VAULT_FILE): Vault {
  let id: string | undefined;
  let audit: string | undefined;
  const keys = new Map<string, string>();
  const values = new Map<string, Map<string, string>>();
  text.split("\n").forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const parts = line.split(" ");
    const bad = (): never => {
      throw new WardenError("INPUT", `${file}:${index + 1}: not a vault line (edited by hand?); restore it from git`);
    };
    if (parts[0] === "vault" && parts.length === 3 && parts[1] === "1" && /^[0-9a-f]{16}$/.test(parts[2] ?? "")) id = parts[2];
    else if (parts[0] === "audit" && parts.length === 2) audit = parts[1];
    else if (parts[0] === "key" && parts.length === 3 && ENV.test(parts[1] ?? "")) keys.set(parts[1] as string, parts[2] as string);
    else if (parts[0] === "value" && parts.length === 4 && ENV.test(parts[1] ?? "") && NAME.test(parts[2] ?? "")) {
      const env = parts[1] as string;
      const map = values.get(env) ?? new Map<string, string>();
      map.set(parts[2] as string, parts[3] as string);
      values.set(env, map);
    } else bad();
  });
  if (id === undefined) throw new WardenError("INPUT", `${file}: no "vault 1 <id>" line; restore it from git or run \`warden secrets init\``);
  return { id, keys, values, ...(audit === undefined ? {} : { audit }) };
}

/** The store's text: header, data keys by environment, then values by environment and name — stable order, one line each. */
export function serializeVault(vault: Vault): string {
  const lines = [HEADER, `vault 1 ${vault.id}`];
  if (vault.audit !== undefined) lines.push(`audit ${vault.audit}`);
  for (const env of [...vault.keys.keys()].sort()) lines.push(`key ${env} ${vault.keys.get(env)}`);
  for (const env of [...vault.values.keys()].sort()) {
    const map = vault.values.get(env) ?? new Map<string, string>();
    for (const name of [...map.keys()].sort()) lines.push(`value ${env} ${name} ${map.get(name)}`);
  }
  return `${lines.join("\n")}\n`;
}

/** Read the store of `root`; undefined when there is none. */
export function readVault(root: string, file: string = VAULT_FILE): Vault | undefined {
  const full = path.join(root, file);
  if (!existsSync(full)) return undefined;
  return parseVault(readFileSync(full, "utf8"), file);
}

/** Write the store atomically: temp file, fsync, rename. */
export function writeVault(root: string, vault: Vault, file: string = VAULT_FILE): void {
  const full = path.join(root, file);
  const temp = `${full}.${process.pid}.tmp`;
  const fd = openSync(temp, "w", 0o644);
  try {
    writeSync(fd, serializeVault(vault));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, full);
}

/** The data key of `env`, opened with the master key; created when `create` and missing. */
export function dataKey(vault: Vault, master: Buffer, env: string, create = false): Buffer | undefined {
  const sealed = vault.keys.get(env);
  if (sealed === undefined) {
    if (!create) return undefined;
    const key = newKey();
    vault.keys.set(env, seal(master, key, keyAad(vault.id, env)));
    return key;
  }
  const key = open(master, sealed, keyAad(vault.id, env));
  if (key === undefined) throw new WardenError("USAGE", "the master key does not open this vault (wrong WARDEN_MASTER_KEY or key file?)");
  return key;
}

/** Whether `master` opens every data key of the vault. */
export function keyOpens(vault: Vault, master: Buffer): boolean {
  if (vault.audit !== undefined && open(master, vault.audit, auditAad(vault.id)) === undefined) return false;
  return [...vault.keys.entries()].every(([env, sealed]) => open(master, sealed, keyAad(vault.id, env)) !== undefined);
}

/** Set `name` in `env`. An unchanged value keeps its ciphertext, so the line does not change. Returns whether it changed. */
export function setValue(vault: Vault, master: Buffer, env: string, name: string, value: string): boolean {
  assertEnv(env);
  assertName(name);
  const key = dataKey(vault, master, env, true) as Buffer;
  const map = vault.values.get(env) ?? new Map<string, string>();
  const current = map.get(name);
  if (current !== undefined && open(key, current, valueAad(vault.id, env, name))?.toString("utf8") === value) return false;
  map.set(name, seal(key, Buffer.from(value, "utf8"), valueAad(vault.id, env, name)));
  vault.values.set(env, map);
  return true;
}

/** Read `name` of `env`; undefined when absent. Throws when the line was tampered with. */
export function getValue(vault: Vault, master: Buffer, env: string, name: string): string | undefined {
  const sealed = vault.values.get(env)?.get(name);
  if (sealed === undefined) return undefined;
  const key = dataKey(vault, master, env);
  const value = key === undefined ? undefined : open(key, sealed, valueAad(vault.id, env, name));
  if (value === undefined) throw new WardenError("INPUT", `${VAULT_FILE}: the value of ${name} (${env}) does not open: it was changed or moved by hand; restore it from git`);
  return value.toString("utf8");
}

/** Remove `name` from `env`; returns whether it existed. */
export function removeValue(vault: Vault, env: string, name: string): boolean {
  const map = vault.values.get(env);
  if (map === undefined || !map.delete(name)) return false;
  if (map.size === 0) vault.values.delete(env);
  return true;
}

/** Names per environment (never values). */
export function listNames(vault: Vault): { env: string; names: string[] }[] {
  return [...vault.values.keys()].sort().map((env) => ({ env, names: [...(vault.values.get(env)?.keys() ?? [])].sort() }));
}

/**
 * Rotate: wrap every data key with `next` instead of `current`; with `reencrypt`, also draw new
 * data keys and seal every value again. Every value is opened first, so a broken line stops the
 * rotation before anything is written.
 */
export function rotateVault(vault: Vault, current: Buffer, next: Buffer, reencrypt: boolean): Vault {
  const plain = new Map<string, Map<string, string>>();
  for (const [env, map] of vault.values) {
    const values = new Map<string, string>();
    for (const name of map.keys()) values.set(name, getValue(vault, current, env, name) as string);
    plain.set(env, values);
  }
  const rotated: Vault = { id: vault.id, keys: new Map(), values: new Map(), ...(vault.audit === undefined ? {} : { audit: seal(next, auditKey(vault, current), auditAad(vault.id)) }) };
  for (const env of vault.keys.keys()) {
    const key = dataKey(vault, current, env) as Buffer;
    if (reencrypt) continue;
    rotated.keys.set(env, seal(next, key, keyAad(vault.id, env)));
  }
  if (!reencrypt) {
    for (const [env, map] of vault.values) rotated.values.set(env, new Map(map));
    return rotated;
  }
  for (const [env, values] of plain) for (const [name, value] of values) setValue(rotated, next, env, name, value);
  return rotated;
}
