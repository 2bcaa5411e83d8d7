import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { configFingerprint, findConfigFile } from "@warden/core/lite";
import { mac } from "./crypto.js";
import type { GrantSetting } from "./manager.js";

/**
 * The grants snapshot: the `secrets.grants` of the config as last loaded by `warden secrets run`,
 * keyed by the config's fingerprint and signed with the vault's audit key, so the next `run` can
 * start without loading the config (docs/secrets/vault.md#how-run-starts-fast). Local to the work
 * tree, never committed; it holds task and secret names, never a value.
 */
export const GRANTS_SNAPSHOT = ".warden/secrets/grants.json";

/** The config the grants come from: its file (undefined: none, the defaults apply) and its fingerprint. */
export interface GrantsSource {
  readonly file: string | undefined;
  readonly fingerprint: string;
}

/** A snapshot as stored. */
export interface GrantsSnapshot {
  readonly version: 1;
  readonly root: string;
  readonly config: string | null;
  readonly fingerprint: string;
  readonly grants: Readonly<Record<string, GrantSetting>>;
  readonly mac: string;
}

/**
 * Which config `warden secrets run` reads in `root` (`config`: the `--config` option) and its
 * fingerprint (the config and what it imports: core's configFingerprint). The full path takes it
 * before loading the config, so a config changed meanwhile leaves a stale snapshot, never a wrong one.
 */
export function grantsSource(root: string, config?: string): GrantsSource {
  const file = config === undefined ? findConfigFile(root) : path.resolve(root, config);
  return { file, fingerprint: file === undefined ? "no config" : configFingerprint(file) };
}

function signedText(root: string, config: string | null, fingerprint: string, grants: unknown): string {
  return `warden-grants-snapshot-1\u0000${JSON.stringify([root, config, fingerprint, grants])}`;
}

/** Write the snapshot of `grants` loaded from `source` (`key`: the vault's audit key). A snapshot that cannot be written only costs the next run its fast start. */
export function writeGrantsSnapshot(root: string, key: Buffer, source: GrantsSource, grants: Readonly<Record<string, GrantSetting>>): void {
  const file = path.join(root, GRANTS_SNAPSHOT);
  const temp = `${file}.${process.pid}.tmp`;
  try {
    const plain = JSON.parse(JSON.stringify(grants)) as Record<string, GrantSetting>;
    const config = source.file ?? null;
    const snapshot: GrantsSnapshot = { version: 1, root, config, fingerprint: source.fingerprint, grants: plain, mac: mac(key, signedText(root, config, source.fingerprint, plain)) };
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temp, `${JSON.stringify(snapshot)}\n`, { mode: 0o600 });
    renameSync(temp, file);
  } catch {
    // Read-only work tree, full disk: the next run loads the config again.
  }
}

/** The snapshot of `root` when it is current for `source`; otherwise why it cannot be used. Its signature is checked separately ({@link snapshotSigned}), once the vault is open. */
export function readGrantsSnapshot(root: string, source: GrantsSource): GrantsSnapshot | string {
  let snapshot: GrantsSnapshot;
  try {
    snapshot = JSON.parse(readFileSync(path.join(root, GRANTS_SNAPSHOT), "utf8")) as GrantsSnapshot;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT" ? "no grants snapshot yet" : "the grants snapshot is not readable";
  }
  if (snapshot === null || typeof snapshot !== "object" || snapshot.version !== 1 || typeof snapshot.mac !== "string" || snapshot.grants === null || typeof snapshot.grants !== "object") {
    return "the grants snapshot is not readable";
  }
  if (snapshot.root !== root) return "the grants snapshot belongs to another work tree";
  if (snapshot.config !== (source.file ?? null) || snapshot.fingerprint !== source.fingerprint) return "the config changed since the grants snapshot";
  return snapshot;
}

/** Whether `snapshot` was written with `key` (the vault's audit key): nobody without the master key can forge or edit one. */
export function snapshotSigned(snapshot: GrantsSnapshot, key: Buffer): boolean {
  return mac(key, signedText(snapshot.root, snapshot.config, snapshot.fingerprint, snapshot.grants)) === snapshot.mac;
}
