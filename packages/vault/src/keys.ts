import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { currentEnv, WardenError } from "@warden/core/lite";
import { newKey, parseMasterKey } from "./crypto.js";

/**
 * Where the master key lives, never in the repository: `WARDEN_MASTER_KEY` (64 hex characters or
 * base64 of 32 bytes), else a key file `<key dir>/<vault id>.key` (mode 0600), the key dir being
 * `WARDEN_KEY_DIR` or `$XDG_CONFIG_HOME/warden/keys` (default `~/.config/warden/keys`).
 */
export function keyDir(env: NodeJS.ProcessEnv = currentEnv()): string {
  const configured = env.WARDEN_KEY_DIR;
  if (configured !== undefined && configured !== "") return path.resolve(configured);
  const config = env.XDG_CONFIG_HOME !== undefined && env.XDG_CONFIG_HOME !== "" ? env.XDG_CONFIG_HOME : path.join(os.homedir(), ".config");
  return path.join(config, "warden", "keys");
}

/** The key file of a vault. */
export function keyFile(vaultId: string, env: NodeJS.ProcessEnv = currentEnv()): string {
  return path.join(keyDir(env), `${vaultId}.key`);
}

/** Refuse a key location inside the work tree: the key must never be committed. */
export function assertOutsideWorkTree(file: string, root: string): void {
  const rel = path.relative(path.resolve(root), path.resolve(file));
  if (rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel))) {
    throw new WardenError("USAGE", `the key file ${file} is inside the repository; keep it outside (WARDEN_KEY_DIR) so it is never committed`);
  }
}

/** Where the master key came from, for messages (never the key). */
export interface MasterKey {
  readonly key: Buffer;
  readonly source: "WARDEN_MASTER_KEY" | "key file";
  readonly file?: string;
}

/** Load the master key of `vaultId`; one clear error when there is none. */
export function loadMasterKey(vaultId: string, root: string, env: NodeJS.ProcessEnv = currentEnv()): MasterKey {
  const fromEnv = env.WARDEN_MASTER_KEY;
  if (fromEnv !== undefined && fromEnv !== "") {
    const key = parseMasterKey(fromEnv);
    if (key === undefined) throw new WardenError("USAGE", "WARDEN_MASTER_KEY is not a key: expected 64 hex characters or base64 of 32 bytes");
    return { key, source: "WARDEN_MASTER_KEY" };
  }
  const file = keyFile(vaultId, env);
  assertOutsideWorkTree(file, root);
  // A rotation that died after writing the vault but before renaming the new key leaves `.key.new`.
  for (const candidate of [file, `${file}.new`]) {
    if (!existsSync(candidate)) continue;
    const key = parseMasterKey(readFileSync(candidate, "utf8"));
    if (key === undefined) throw new WardenError("USAGE", `${candidate} does not hold a key (64 hex characters)`);
    return { key, source: "key file", file: candidate };
  }
  throw new WardenError("USAGE", `no master key for this vault: set WARDEN_MASTER_KEY or put the key in ${file}`);
}

/** Other candidate keys after a crash mid-rotation (the `.new` file), to try when the first does not open the vault. */
export function fallbackKeys(vaultId: string, env: NodeJS.ProcessEnv = currentEnv()): Buffer[] {
  const file = keyFile(vaultId, env);
  const out: Buffer[] = [];
  for (const candidate of [file, `${file}.new`]) {
    if (!existsSync(candidate)) continue;
    const key = parseMasterKey(readFileSync(candidate, "utf8"));
    if (key !== undefined) out.push(key);
  }
  return out;
}

/** Write a new key file (0600, folder 0700); returns the key. */
export function createKeyFile(vaultId: string, root: string, env: NodeJS.ProcessEnv = currentEnv()): { key: Buffer; file: string } {
  const file = keyFile(vaultId, env);
  assertOutsideWorkTree(file, root);
  if (existsSync(file)) throw new WardenError("USAGE", `${file} already exists; refusing to overwrite a master key`);
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const key = newKey();
  writeFileSync(file, `${key.toString("hex")}\n`, { mode: 0o600, flag: "wx" });
  return { key, file };
}

/** Stage a rotated key as `<file>.new`; {@link commitRotatedKey} makes it the key once the vault is written. */
export function stageRotatedKey(vaultId: string, key: Buffer, env: NodeJS.ProcessEnv = currentEnv()): string {
  const file = `${keyFile(vaultId, env)}.new`;
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, `${key.toString("hex")}\n`, { mode: 0o600 });
  return file;
}

/** Replace the key file with the staged one. */
export function commitRotatedKey(vaultId: string, env: NodeJS.ProcessEnv = currentEnv()): void {
  const file = keyFile(vaultId, env);
  renameSync(`${file}.new`, file);
}

/** Drop a staged key after a failed rotation. */
export function discardRotatedKey(vaultId: string, env: NodeJS.ProcessEnv = currentEnv()): void {
  rmSync(`${keyFile(vaultId, env)}.new`, { force: true });
}
