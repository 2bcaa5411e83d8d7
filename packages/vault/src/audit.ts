import { closeSync, constants, existsSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, writeSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { WardenError } from "@warden/core/lite";
import { mac } from "./crypto.js";
import { keyDir } from "./keys.js";
import { withLock } from "./lock.js";

/** The audit log, local to the machine (under `.warden/`, not committed). */
export const AUDIT_FILE = ".warden/audit/secrets.jsonl";
const GENESIS = "0".repeat(64);
/** The anchor's fixed size: `{"seq":…,"mac":…}` (under 100 bytes) padded with spaces and a line break. */
const ANCHOR_BYTES = 128;

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

/** The last non-empty line of the file open as `fd`, read from its end: an append costs the same however long the log has grown. */
function lastLine(fd: number): string | undefined {
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
}

/** Append one entry to the chain under the lock, then move the anchor. `key` is the vault's audit key (see `auditKey`). */
export function appendAudit(root: string, vaultId: string, key: Buffer, record: AuditRecord, env?: NodeJS.ProcessEnv): AuditEntry {
  const file = path.join(root, AUDIT_FILE);
  mkdirSync(path.dirname(file), { recursive: true });
  return withLock(`${file}.lock`, "the audit log", () => {
    // One descriptor for the read of the last line and the append (read-write, appending).
    const fd = openSync(file, "a+", 0o644);
    try {
      return appendLocked(fd, vaultId, key, record, env);
    } finally {
      closeSync(fd);
    }
  });
}

/** {@link appendAudit}'s work once it holds the lock, on the log open as `fd`. */
function appendLocked(fd: number, vaultId: string, key: Buffer, record: AuditRecord, env: NodeJS.ProcessEnv | undefined): AuditEntry {
  let prev = GENESIS;
  let seq = 1;
  const last = lastLine(fd);
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
  writeSync(fd, `${JSON.stringify(entry)}\n`);
  const anchor = anchorFile(vaultId, env);
  mkdirSync(path.dirname(anchor), { recursive: true, mode: 0o700 });
  // Overwritten in place: one write of a fixed-size record at offset 0 (padded, so a shorter
  // record leaves no tail of a longer one), under the log's lock, which `verify` also holds. Not
  // a temp file and a rename: on ext4 a rename over a file flushes the new file's data first, which
  // measured 1–2 ms of wall time per run against microseconds here (docs/benchmarks.md). Like the
  // log, it is not flushed at each entry: flushing the anchor alone cost a run up to tens of
  // milliseconds of disk wait on a busy machine, and made a power cut more likely to leave the
  // anchor ahead of the log. After a crash either may miss its newest entries, which `verify`
  // reports (docs/secrets/vault.md).
  const anchorFd = openSync(anchor, constants.O_WRONLY | constants.O_CREAT, 0o600);
  try {
    writeSync(anchorFd, `${JSON.stringify({ seq: entry.seq, mac: entry.mac })}`.padEnd(ANCHOR_BYTES - 1, " ") + "\n", 0);
  } finally {
    closeSync(anchorFd);
  }
  return entry;
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
  const file = path.join(root, AUDIT_FILE);
  // Read under the writers' lock, so the log and its anchor are read between two appends.
  if (!existsSync(path.dirname(file))) return verifyRead([], vaultId, key, env);
  try {
    return withLock(`${file}.lock`, "the audit log", () => verifyRead(readLines(file), vaultId, key, env));
  } catch (error) {
    // A read-only copy of the work tree: no writer can be appending there.
    if (!["EACCES", "EPERM", "EROFS"].includes((error as NodeJS.ErrnoException).code ?? "")) throw error;
    return verifyRead(readLines(file), vaultId, key, env);
  }
}

function verifyRead(lines: readonly string[], vaultId: string, key: Buffer, env: NodeJS.ProcessEnv | undefined): AuditVerdict {
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
