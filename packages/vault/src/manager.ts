import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { currentEnv, WardenError } from "@warden/core/lite";
import { appendAudit, verifyAudit, type AuditRecord, type AuditVerdict } from "./audit.js";
import { newKey } from "./crypto.js";
import { parseDotenv } from "./dotenv.js";
import { assertOutsideWorkTree, commitRotatedKey, createKeyFile, discardRotatedKey, fallbackKeys, loadMasterKey, stageRotatedKey } from "./keys.js";
import { withLock } from "./lock.js";
import { Masker } from "./mask.js";
import { writeGrantsSnapshot, type GrantsSource } from "./snapshot.js";
import { assertName, auditKey, createVault, getValue, keyOpens, listNames, looksLikeValue, readVault, removeValue, rotateVault, setValue, shownName, VAULT_FILE, writeVault, type Vault } from "./store.js";

/** A grant of the config: names, optionally the environment they come from and a last valid day. */
export type GrantSetting = readonly string[] | { readonly names: readonly string[]; readonly env?: string | undefined; readonly expires?: string | undefined };

/** The environment a vault command works on when none is given. */
export const DEFAULT_ENV = "default";

/** The open vault: its store and the master key that opens it. */
export interface Opened {
  readonly vault: Vault;
  readonly master: Buffer;
}

/** Read the vault of `root` and find the master key that opens it; one clear error when there is no vault or no key opens it. */
export function openVault(root: string, env: NodeJS.ProcessEnv): Opened {
  const vault = readVault(root);
  if (vault === undefined) throw new WardenError("USAGE", `no ${VAULT_FILE} in this repository: run \`warden secrets init\``);
  const primary = loadMasterKey(vault.id, root, env).key;
  if (keyOpens(vault, primary)) return { vault, master: primary };
  if (env.WARDEN_MASTER_KEY === undefined || env.WARDEN_MASTER_KEY === "") {
    for (const candidate of fallbackKeys(vault.id, env)) if (keyOpens(vault, candidate)) return { vault, master: candidate };
  }
  throw new WardenError("USAGE", "the master key does not open this vault (wrong WARDEN_MASTER_KEY or key file?)");
}

function audit(root: string, opened: Opened, record: AuditRecord, env: NodeJS.ProcessEnv): void {
  const hadKey = opened.vault.audit !== undefined;
  const key = auditKey(opened.vault, opened.master);
  if (!hadKey) writeVault(root, opened.vault);
  appendAudit(root, opened.vault.id, key, record, env);
}

/** The vault's write lock, local to the work tree (under `.warden/`, not committed). */
export const VAULT_LOCK = ".warden/secrets/vault.lock";

/**
 * Run a read-modify-write of the vault file holding {@link VAULT_LOCK}, so writers in several
 * processes (`set`, `rm`, `rotate`, `import`, `init`) never lose each other's updates: each reads the
 * vault only once it holds the lock. Its audit entry is appended inside, under the audit log's own lock.
 */
function locked<T>(root: string, env: NodeJS.ProcessEnv, fn: () => T): T {
  const lock = path.join(root, VAULT_LOCK);
  mkdirSync(path.dirname(lock), { recursive: true });
  // WARDEN_LOCK_WAIT_MS: how long a writer waits for another one (default 15 s).
  const wait = Number(env.WARDEN_LOCK_WAIT_MS);
  return withLock(lock, VAULT_FILE, fn, Number.isInteger(wait) && wait >= 0 && env.WARDEN_LOCK_WAIT_MS !== "" ? { waitMs: wait } : {});
}

/** `warden secrets audit verify`: the chain checked with the vault's audit key. */
export function verifySecretsAudit(root: string, env: NodeJS.ProcessEnv = currentEnv()): AuditVerdict {
  const opened = openVault(root, env);
  return verifyAudit(root, opened.vault.id, auditKey(opened.vault, opened.master), env);
}

/** `warden secrets init`: a new empty vault and, unless WARDEN_MASTER_KEY is set, a new key file outside the repository. */
export function initVault(root: string, env: NodeJS.ProcessEnv = currentEnv()): { file: string; keyFile?: string } {
  return locked(root, env, () => {
    if (existsSync(path.join(root, VAULT_FILE))) throw new WardenError("USAGE", `${VAULT_FILE} already exists`);
    const vault = createVault();
    let master: Buffer;
    let keyFile: string | undefined;
    if (env.WARDEN_MASTER_KEY !== undefined && env.WARDEN_MASTER_KEY !== "") master = loadMasterKey(vault.id, root, env).key;
    else ({ key: master, file: keyFile } = createKeyFile(vault.id, root, env));
    auditKey(vault, master);
    writeVault(root, vault);
    audit(root, { vault, master }, { action: "init", outcome: "ok", names: [] }, env);
    return { file: VAULT_FILE, ...(keyFile === undefined ? {} : { keyFile }) };
  });
}

/** `warden secrets set NAME --env E` with the value given (read from stdin by the CLI, never from argv). */
export function setSecret(root: string, envName: string, name: string, value: string, env: NodeJS.ProcessEnv = currentEnv()): boolean {
  return locked(root, env, () => {
    if (value === "") throw new WardenError("USAGE", `the value of ${name} is empty: pipe it on standard input`);
    const opened = openVault(root, env);
    const changed = setValue(opened.vault, opened.master, envName, name, value);
    if (changed) writeVault(root, opened.vault);
    audit(root, opened, { action: "set", outcome: "ok", env: envName, names: [name], ...(changed ? {} : { reason: "unchanged" }) }, env);
    return changed;
  });
}

/** `warden secrets rm NAME --env E`. */
export function removeSecret(root: string, envName: string, name: string, env: NodeJS.ProcessEnv = currentEnv()): boolean {
  return locked(root, env, () => {
    assertName(name);
    const opened = openVault(root, env);
    const removed = removeValue(opened.vault, envName, name);
    if (removed) writeVault(root, opened.vault);
    audit(root, opened, { action: "remove", outcome: removed ? "ok" : "refused", env: envName, names: [name], ...(removed ? {} : { reason: "no such secret" }) }, env);
    if (!removed) throw new WardenError("USAGE", `${name} is not in the vault for ${envName}`);
    return removed;
  });
}

/** `warden secrets list`: names per environment (no key needed: names are not secret). */
export function listSecrets(root: string): { env: string; names: string[] }[] {
  const vault = readVault(root);
  if (vault === undefined) throw new WardenError("USAGE", `no ${VAULT_FILE} in this repository: run \`warden secrets init\``);
  return listNames(vault);
}

/** `warden secrets import FILE --env E`: every entry into the vault, then the plaintext file removed. */
export function importDotenv(root: string, file: string, envName: string, env: NodeJS.ProcessEnv = currentEnv()): string[] {
  return locked(root, env, () => {
    const full = path.resolve(root, file);
    if (!existsSync(full)) throw new WardenError("USAGE", `${file} does not exist`);
    const entries = parseDotenv(readFileSync(full, "utf8"), file);
    const opened = openVault(root, env);
    for (const [name, value] of entries) setValue(opened.vault, opened.master, envName, name, value);
    writeVault(root, opened.vault);
    rmSync(full);
    const names = [...entries.keys()];
    audit(root, opened, { action: "import", outcome: "ok", env: envName, names }, env);
    return names;
  });
}

/**
 * `warden secrets rotate [--reencrypt]`: a new master key wraps every data key (and, with
 * `reencrypt`, new data keys seal every value again). The new key file is staged first, the vault
 * written, then the key file replaced: a crash in between leaves a vault that one of the two opens.
 */
export function rotateSecrets(root: string, reencrypt: boolean, options: { readonly newKeyFile?: string } = {}, env: NodeJS.ProcessEnv = currentEnv()): { keyFile: string } {
  return locked(root, env, () => {
    const opened = openVault(root, env);
    const fromEnv = env.WARDEN_MASTER_KEY !== undefined && env.WARDEN_MASTER_KEY !== "";
    if (fromEnv && options.newKeyFile === undefined) {
      throw new WardenError("USAGE", "the master key comes from WARDEN_MASTER_KEY: give --new-key-file PATH (outside the repository) to receive the new key");
    }
    const next = newKey();
    const rotated = rotateVault(opened.vault, opened.master, next, reencrypt);
    const reason = reencrypt ? "re-encrypted" : "re-wrapped";
    if (options.newKeyFile !== undefined) {
      const target = path.resolve(options.newKeyFile);
      assertOutsideWorkTree(target, root);
      writeFileSync(target, `${next.toString("hex")}\n`, { mode: 0o600, flag: "wx" });
      writeVault(root, rotated);
      audit(root, { vault: rotated, master: next }, { action: "rotate", outcome: "ok", names: [], reason }, { ...env, WARDEN_MASTER_KEY: "" });
      return { keyFile: target };
    }
    const staged = stageRotatedKey(rotated.id, next, env);
    try {
      writeVault(root, rotated);
    } catch (error) {
      discardRotatedKey(rotated.id, env);
      throw error;
    }
    commitRotatedKey(rotated.id, env);
    audit(root, { vault: rotated, master: next }, { action: "rotate", outcome: "ok", names: [], reason }, env);
    return { keyFile: staged.replace(/\.new$/, "") };
  });
}

/** The grant of `task`, resolved: names, environment, expiry. */
function resolveGrant(grants: Readonly<Record<string, GrantSetting>>, task: string): { names: string[]; env: string | undefined; expires: string | undefined } | undefined {
  const setting = grants[task];
  if (setting === undefined) return undefined;
  if (Array.isArray(setting)) return { names: [...(setting as readonly string[])], env: undefined, expires: undefined };
  const object = setting as { names: readonly string[]; env?: string; expires?: string };
  return { names: [...object.names], env: object.env, expires: object.expires };
}

/** What `run` is asked: the task, the grants of the config, and optionally the environment, a subset of names and the date. */
export interface RunRequest {
  readonly task: string;
  readonly grants: Readonly<Record<string, GrantSetting>>;
  readonly env?: string;
  readonly only?: readonly string[];
  readonly now?: Date;
}

/** What `run` hands the command. */
export interface RunPlan {
  readonly env: string;
  readonly names: readonly string[];
  readonly values: ReadonlyMap<string, string>;
  readonly childEnv: NodeJS.ProcessEnv;
}

/**
 * Decide what `task` receives: exactly its granted names (or the `only` subset of them) from the
 * grant's environment; every other name the vault holds, and the master key, are removed from the
 * child's environment. A request outside the grant, or an expired grant, is refused and logged.
 */
export function planRun(root: string, options: RunRequest & { readonly grantsFrom?: GrantsSource }, env: NodeJS.ProcessEnv = currentEnv()): RunPlan {
  const opened = openVault(root, env);
  if (options.grantsFrom !== undefined && opened.vault.audit !== undefined) writeGrantsSnapshot(root, auditKey(opened.vault, opened.master), options.grantsFrom, options.grants);
  return planOpened(root, opened, options, env);
}

/** {@link planRun} on a vault already opened: the one decision both ways of starting `run` take (docs/secrets/vault.md). */
export function planOpened(root: string, opened: Opened, options: RunRequest, env: NodeJS.ProcessEnv): RunPlan {
  const refuse = (reason: string, names: readonly string[], envName?: string): never => {
    // Requested names are the caller's input: one that looks like a pasted value is logged cut.
    const task = looksLikeValue(options.task) ? `${options.task.slice(0, 4)}…` : options.task;
    audit(root, opened, { action: "refuse", outcome: "refused", task, names: names.map(shownName), reason, ...(envName === undefined ? {} : { env: envName }) }, env);
    throw new WardenError("USAGE", `task ${task}: ${reason}`);
  };
  const grant = resolveGrant(options.grants, options.task);
  if (grant === undefined) return refuse("has no grant in secrets.grants", options.only ?? []);
  const envName = options.env ?? grant.env ?? (options.task.startsWith("deploy:") ? options.task.slice("deploy:".length) : DEFAULT_ENV);
  const today = (options.now ?? new Date()).toISOString().slice(0, 10);
  if (grant.expires !== undefined && grant.expires < today) return refuse(`its grant expired on ${grant.expires}`, grant.names, envName);
  const wanted = options.only ?? grant.names;
  const outside = wanted.filter((name) => !grant.names.includes(name));
  if (outside.length > 0) return refuse(`not granted: ${outside.map(shownName).join(", ")}`, outside, envName);
  const values = new Map<string, string>();
  const missing: string[] = [];
  for (const name of wanted) {
    const value = getValue(opened.vault, opened.master, envName, name);
    if (value === undefined) missing.push(name);
    else values.set(name, value);
  }
  if (missing.length > 0) return refuse(`granted but not in the vault for ${envName}: ${missing.join(", ")}`, missing, envName);
  const held = new Set(listNames(opened.vault).flatMap((entry) => entry.names));
  const childEnv: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined || held.has(key) || key === "WARDEN_MASTER_KEY" || key === "WARDEN_KEY_DIR") continue;
    childEnv[key] = value;
  }
  for (const [name, value] of values) childEnv[name] = value;
  audit(root, opened, { action: "grant", outcome: "ok", task: options.task, env: envName, names: [...values.keys()] }, env);
  return { env: envName, names: [...values.keys()], values, childEnv };
}

/** Start `command` with the plan's environment, its output masked (unless `mask` is false); resolves to its exit code. */
export function runWithSecrets(plan: RunPlan, command: string, args: readonly string[], io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }, options: { readonly mask?: boolean; readonly cwd: string }): Promise<number> {
  return new Promise((resolve, reject) => {
    const mask = options.mask !== false;
    const child = spawn(command, [...args], { cwd: options.cwd, env: plan.childEnv, stdio: ["inherit", mask ? "pipe" : "inherit", mask ? "pipe" : "inherit"] });
    const forward = (signal: NodeJS.Signals): void => {
      child.kill(signal);
    };
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    const pipes: Promise<void>[] = [];
    if (mask) {
      // `io.stdout` / `io.stderr` are read at the first byte to write: a getter there (process.stdout)
      // sets up its stream only when the command prints something.
      for (const [from, to] of [
        [child.stdout, (): NodeJS.WritableStream => io.stdout],
        [child.stderr, (): NodeJS.WritableStream => io.stderr],
      ] as const) {
        if (from === null) continue;
        const masker = new Masker(plan.values);
        const write = (bytes: Buffer): void => {
          if (bytes.length > 0) to().write(bytes);
        };
        pipes.push(
          new Promise((done) => {
            from.on("data", (chunk: Buffer) => write(masker.push(chunk)));
            from.on("end", () => {
              write(masker.flush());
              done();
            });
          }),
        );
      }
    }
    child.on("error", (error) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      reject(new WardenError("USAGE", `${command}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "command not found" : error.message}`));
    });
    child.on("close", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      void Promise.all(pipes).then(() => resolve(code ?? (signal === null ? 1 : 128 + (signal === "SIGINT" ? 2 : 15))));
    });
  });
}
