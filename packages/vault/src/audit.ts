import { appendFileSync, closeSync, existsSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, writeSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { WardenError } from "@warden/core/lite";
import { mac } from "./crypto.js";
import { keyDir } from "./keys.js";
import { withLock } from "./lock.js";

/** The audit log, local to the machine (under `.warden/`, not committed). */
export const AUDIT_FILE = ".warden/audit/secrets.jsonl";
const GENESIS = "0".repeat(64);

/** What was done. */
export type AuditAction = "init" | "set" | "remove" | "import" | "rotate" | "grant" | "refuse" | "list";

/** One entry: what, when (UTC), who, for which task and names — never a value. */
export interface AuditEntry {
  readonly seq: number;
  readonly at: string;
  readonly action: AuditAction;
  readonly outcome: "ok" | "refused";
  readonly task?: string;
  readonly env?: string;
  readonly names: readonly string[];
  readonly caller: string;
  readonly reason?: string;
  readonly prev: string;
  readonly mac: string;
}

/** What an entry records, before the chain fields. */
export type AuditRecord = Omit<AuditEntry, "seq" | "at" | "caller" | "prev" | "mac"> & { readonly caller?: string };

function canonical(entry: Omit<AuditEntry, "mac">): string {
  return JSON.stringify([entry.seq, entry.at, entry.action, entry.outcome, entry.task ?? null, entry.env ?? null, entry.names, entry.caller, entry.reason ?? null, entry.prev]);
}

/** Who is calling: user, host and process, plus the parent command when known. */
export function callerOf(): string {
  let user = "unknown";
  try {
    user = os.userInfo().username;
  } catch {
    // no passwd entry (containers)
  }
  return `${user}@${os.hostname()} pid ${process.pid}`;
}

/** The anchor of a vault's chain: the last sequence number and MAC, kept outside the log (beside the key). */
export function anchorFile(vaultId: string, env?: NodeJS.ProcessEnv): string {
  return path.join(keyDir(env), `${vaultId}.audit-head`);
}

function readLines(file: string): string[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line !== "");
}

/** The last non-empty line of `file`, read from its end: an append costs the same however long the log has grown. */
function lastLine(file: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  try {
    let end = fstatSync(fd).size;
    let tail = Buffer.alloc(0);
    while (end > 0) {
      const start = Math.max(0, end - 4096);
      const chunk = Buffer.alloc(end - start);
      readSync(fd, chunk, 0, chunk.length, start);
      tail = Buffer.concat([chunk, tail]);
      end = start;
      // A character cut at the chunk's start decodes as U+FFFD, never as a line break.
      const text = tail.toString("utf8").replace(/\n+$/, "");
      const newline = text.lastIndexOf("\n");
      if (newline >= 0) return text.slice(newline + 1);
      if (end === 0) return text === "" ? undefined : text;
    }
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Append one entry to the chain under the lock, then move the anchor. `key` is the vault's audit key (see `auditKey`). */
export function appendAudit(root: string, vaultId: string, key: Buffer, record: AuditRecord, env?: NodeJS.ProcessEnv): AuditEntry {
  const file = path.join(root, AUDIT_FILE);
  mkdirSync(path.dirname(file), { recursive: true });
  return withLock(`${file}.lock`, "the audit log", () => {
    let prev = GENESIS;
    let seq = 1;
    const last = lastLine(file);
    if (last !== undefined) {
      try {
        const parsed = JSON.parse(last) as AuditEntry;
        prev = parsed.mac;
        seq = parsed.seq + 1;
      } catch {
        throw new WardenError("INPUT", `${AUDIT_FILE}: the last entry is not JSON; run \`warden secrets audit verify\``);
      }
    }
    const body: Omit<AuditEntry, "mac"> = {
      seq,
      at: new Date().toISOString(),
      action: record.action,
      outcome: record.outcome,
      ...(record.task === undefined ? {} : { task: record.task }),
      ...(record.env === undefined ? {} : { env: record.env }),
      names: [...record.names].sort(),
      caller: record.caller ?? callerOf(),
      ...(record.reason === undefined ? {} : { reason: record.reason }),
      prev,
    };
    const entry: AuditEntry = { ...body, mac: mac(key, canonical(body)) };
    appendFileSync(file, `${JSON.stringify(entry)}\n`);
    const anchor = anchorFile(vaultId, env);
    mkdirSync(path.dirname(anchor), { recursive: true, mode: 0o700 });
    // Replaced whole (temp file, rename), like the log not flushed to disk at each entry: flushing
    // the anchor alone cost a run up to tens of milliseconds of disk wait on a busy machine, and
    // made a power cut more likely to leave the anchor ahead of the log. After a crash either may
    // miss its newest entries, which `verify` reports (docs/secrets/vault.md).
    const temp = `${anchor}.${process.pid}.tmp`;
    const fd = openSync(temp, "w", 0o600);
    writeSync(fd, JSON.stringify({ seq: entry.seq, mac: entry.mac }));
    closeSync(fd);
    renameSync(temp, anchor);
    return entry;
  });
}

/** The result of verifying the chain. */
export interface AuditVerdict {
  readonly ok: boolean;
  readonly entries: number;
  /** 1-based line of the first bad entry (or the first missing one), when not ok. */
  readonly firstBad?: number;
  readonly reason?: string;
}

/** Read the log's entries (for `warden secrets audit`); lines that are not JSON are skipped. */
export function readAudit(root: string): AuditEntry[] {
  return readLines(path.join(root, AUDIT_FILE)).flatMap((line) => {
    try {
      return [JSON.parse(line) as AuditEntry];
    } catch {
      return [];
    }
  });
}

/**
 * Verify the chain with the key: each entry's MAC (which only the key can compute), its link to
 * the one before, its sequence number, and the end against the anchor kept outside the log. Edited,
 * inserted, deleted, reordered and truncated entries are all caught, naming the first bad one.
 */
export function verifyAudit(root: string, vaultId: string, key: Buffer, env?: NodeJS.ProcessEnv): AuditVerdict {
  const lines = readLines(path.join(root, AUDIT_FILE));
  let prev = GENESIS;
  for (let i = 0; i < lines.length; i++) {
    let entry: AuditEntry;
    try {
      entry = JSON.parse(lines[i] as string) as AuditEntry;
    } catch {
      return { ok: false, entries: lines.length, firstBad: i + 1, reason: "not JSON" };
    }
    const { mac: stored, ...body } = entry;
    if (mac(key, canonical(body)) !== stored) return { ok: false, entries: lines.length, firstBad: i + 1, reason: "its MAC does not match: the entry was edited, or written without the key" };
    if (entry.prev !== prev) return { ok: false, entries: lines.length, firstBad: i + 1, reason: "it does not follow the entry before it: entries were deleted, inserted or reordered" };
    if (entry.seq !== i + 1) return { ok: false, entries: lines.length, firstBad: i + 1, reason: `its sequence number is ${entry.seq}, expected ${i + 1}` };
    prev = stored;
  }
  const anchorPath = anchorFile(vaultId, env);
  if (!existsSync(anchorPath)) {
    return lines.length === 0 ? { ok: true, entries: 0 } : { ok: false, entries: lines.length, firstBad: 1, reason: `the anchor ${anchorPath} is missing` };
  }
  let anchor: { seq: number; mac: string };
  try {
    anchor = JSON.parse(readFileSync(anchorPath, "utf8")) as { seq: number; mac: string };
  } catch {
    return { ok: false, entries: lines.length, firstBad: lines.length, reason: `the anchor ${anchorPath} is not readable` };
  }
  if (anchor.seq > lines.length) return { ok: false, entries: lines.length, firstBad: lines.length + 1, reason: `the log ends at entry ${lines.length} but the anchor records ${anchor.seq}: its tail was truncated` };
  if (anchor.seq < lines.length) return { ok: false, entries: lines.length, firstBad: anchor.seq + 1, reason: `entries after ${anchor.seq} are not anchored` };
  if (anchor.mac !== prev) return { ok: false, entries: lines.length, firstBad: lines.length, reason: "the last entry is not the anchored one: the tail was replaced" };
  return { ok: true, entries: lines.length };
}
