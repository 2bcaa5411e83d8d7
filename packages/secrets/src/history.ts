import { spawn } from "node:child_process";
import { BlobReader, currentEnv, WardenError, type Finding } from "@warden/core";
import { addStats, type ScanPool } from "./pool.js";
import { commitLocation, type SecretScanner } from "./scanner.js";

/** The lines one commit added to one file, as read from `git log -p`. */
export interface PatchFile {
  readonly commit: string;
  readonly path: string;
  /** The added lines joined with "\n" (latin1 view of the bytes). */
  readonly text: string;
  /** The file's line number of each added line. */
  readonly lines: readonly number[];
  /** Git reported the file as binary (no lines). */
  readonly binary: boolean;
  /** The added lines exceeded the size limit and were dropped. */
  readonly tooLarge: boolean;
}

const COMMIT_MARK = "\u001ecommit ";

/** Undo git's C-style quoting of a path (`"a\tb"`, octal escapes for bytes). */
function unquote(path: string): string {
  if (!path.startsWith('"') || !path.endsWith('"')) return path;
  const bytes: number[] = [];
  const body = path.slice(1, -1);
  const simple: Record<string, number> = { n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11, '"': 34, "\\": 92 };
  for (let i = 0; i < body.length; i += 1) {
    const ch = body[i] as string;
    if (ch !== "\\") {
      bytes.push(body.charCodeAt(i) & 0xff);
      continue;
    }
    const next = body[i + 1] ?? "";
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(simple[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

/** A path from a `+++ b/…` line (latin1 view), or undefined for /dev/null. */
function newPath(raw: string): string | undefined {
  const text = Buffer.from(raw, "latin1").toString("utf8");
  if (text === "/dev/null") return undefined;
  const unquoted = unquote(text);
  return unquoted.startsWith("b/") ? unquoted.slice(2) : unquoted;
}

/**
 * An incremental parser of `git log -p --format=%x1ecommit %H` output: feed it chunks, it calls
 * `onFile` with the added lines of each file of each commit and `onCommit` for each commit.
 * Memory stays bounded: at most `maxBytes` of one file's added lines are held at a time.
 */
export function parsePatchStream(handlers: {
  readonly onCommit: (oid: string) => void;
  readonly onFile: (file: PatchFile) => void;
  readonly maxBytes: number;
}): { push(chunk: Buffer): void; end(): void } {
  let rest: Buffer = Buffer.alloc(0);
  let commit = "";
  let path: string | undefined;
  let binary = false;
  let inHunk = false;
  let newLine = 0;
  let added: string[] = [];
  let lines: number[] = [];
  let size = 0;
  let tooLarge = false;

  const flush = (): void => {
    if (path !== undefined && (added.length > 0 || binary || tooLarge)) {
      handlers.onFile({ commit, path, text: added.join("\n"), lines, binary, tooLarge });
    }
    path = undefined;
    binary = false;
    inHunk = false;
    added = [];
    lines = [];
    size = 0;
    tooLarge = false;
  };

  const line = (text: string): void => {
    if (text.startsWith(COMMIT_MARK)) {
      flush();
      commit = text.slice(COMMIT_MARK.length).trim();
      handlers.onCommit(commit);
      return;
    }
    if (text.startsWith("diff --git ") || text.startsWith("diff --cc ")) {
      flush();
      return;
    }
    if (inHunk) {
      const first = text.charCodeAt(0);
      if (first === 43 /* + */) {
        if (!tooLarge) {
          size += text.length;
          if (size > handlers.maxBytes) {
            tooLarge = true;
            added = [];
            lines = [];
          } else {
            added.push(text.slice(1));
            lines.push(newLine);
          }
        }
        newLine += 1;
        return;
      }
      if (first === 32 /* space */) {
        newLine += 1;
        return;
      }
      if (first === 45 /* - */ || first === 92 /* \ */) return;
    }
    if (text.startsWith("@@")) {
      const header = /^@@+ (?:-\d+(?:,\d+)? )+\+(\d+)/.exec(text);
      newLine = header === null ? 1 : Number(header[1]);
      inHunk = true;
      return;
    }
    if (text.startsWith("+++ ")) {
      path = newPath(text.slice(4).replace(/\t$/, ""));
      return;
    }
    const bin = /^Binary files .* and (.+) differ$/.exec(text);
    if (bin !== null) {
      path = newPath(bin[1] as string);
      binary = path !== undefined;
    }
  };

  return {
    push(chunk: Buffer): void {
      let data = rest.length === 0 ? chunk : Buffer.concat([rest, chunk]);
      let from = 0;
      for (let nl = data.indexOf(10, from); nl >= 0; nl = data.indexOf(10, from)) {
        line(data.toString("latin1", from, nl));
        from = nl + 1;
      }
      data = data.subarray(from);
      // A line longer than the size limit cannot be part of a scannable file: keep only its start.
      rest = data.length > handlers.maxBytes + 1 ? Buffer.from(data.subarray(0, handlers.maxBytes + 1)) : Buffer.from(data);
    },
    end(): void {
      if (rest.length > 0) line(rest.toString("latin1"));
      rest = Buffer.alloc(0);
      flush();
    },
  };
}

/** Options of {@link scanCommits}. */
export interface CommitScanOptions {
  /** Revision arguments for `git log`, e.g. `["A..B"]` or `["--all"]`. */
  readonly revisions: readonly string[];
  /** Called after each commit with the number of commits and bytes seen so far. */
  readonly onProgress?: (commits: number, bytes: number) => void;
  /** Worker threads to scan in; without it the scan runs in this thread. */
  readonly pool?: ScanPool;
  /** Scan the commit messages too (default true). */
  readonly messages?: boolean;
}

/** Bytes of added lines handed to workers and not yet scanned before git's output is paused. */
const IN_FLIGHT_LIMIT = 32 * 1024 * 1024;

/**
 * Scan the lines each commit added, oldest first, streamed from one `git log -p` process.
 * A secret added and later removed is still reported, with the commit that added it; the same
 * secret in the same file is reported once (at its first commit).
 */
export async function scanCommits(cwd: string, scanner: SecretScanner, options: CommitScanOptions): Promise<Finding[]> {
  const args = [
    "-c",
    "core.quotePath=false",
    "log",
    "-p",
    "--reverse",
    "-M",
    "-U0",
    "--no-color",
    "--no-ext-diff",
    "--no-textconv",
    "--src-prefix=a/",
    "--dst-prefix=b/",
    "--format=%x1ecommit %H",
    ...options.revisions,
    "--",
  ];
  const ordered: { seq: number; findings: Finding[] }[] = [];
  const binaries: { seq: number; path: string; commit: string }[] = [];
  const pool = options.pool;
  let seq = 0;
  let bytes = 0;
  let pause: (() => void) | undefined;
  const parser = parsePatchStream({
    maxBytes: scanner.maxFileSize,
    onCommit: () => {
      scanner.stats.commits += 1;
      options.onProgress?.(scanner.stats.commits, pool === undefined ? scanner.stats.bytes : bytes);
    },
    onFile: (file) => {
      seq += 1;
      if (file.tooLarge) {
        if (!scanner.isAllowedPath(file.path)) {
          scanner.stats.skipped.push({ file: file.path, reason: "too-large", limit: scanner.maxFileSize, setting: "secrets.maxFileSize", commit: file.commit });
        }
        return;
      }
      if (file.binary) {
        // git shows no lines for binary (and UTF-16) files: their blobs are read after the log.
        binaries.push({ seq, path: file.path, commit: file.commit });
        return;
      }
      if (pool === undefined) {
        ordered.push({ seq, findings: scanner.scan({ path: file.path, content: file.text, commit: file.commit, lines: file.lines }) });
        return;
      }
      bytes += file.text.length;
      pool.submit({ seq, path: file.path, content: file.text, commit: file.commit, lines: file.lines, size: file.text.length });
      if (pool.inFlight > IN_FLIGHT_LIMIT) pause?.();
    },
  });
  await new Promise<void>((resolve, reject) => {
    const child = spawn("git", args, { cwd, stdio: ["ignore", "pipe", "pipe"], env: currentEnv() });
    const err: Buffer[] = [];
    let paused = false;
    pause = () => {
      if (paused || pool === undefined) return;
      paused = true;
      child.stdout.pause();
      pool.drained(IN_FLIGHT_LIMIT / 2).then(
        () => {
          paused = false;
          child.stdout.resume();
        },
        (error: unknown) => {
          child.kill();
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    };
    child.stdout.on("data", (chunk: Buffer) => parser.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", (error) => reject(new WardenError("GIT", `cannot run git: ${error.message}`)));
    child.on("close", (code) => {
      if (code !== 0) {
        const reason = Buffer.concat(err).toString("utf8").trim().split("\n")[0] ?? "";
        reject(new WardenError("GIT", `git log failed: ${reason || `exit code ${code ?? 1}`}`));
        return;
      }
      parser.end();
      resolve();
    });
  });
  await scanBinaries(cwd, scanner, binaries, ordered);
  if (options.messages !== false) await scanMessages(cwd, scanner, options.revisions, ordered, seq);
  if (pool !== undefined) {
    const { results, stats } = await pool.close();
    ordered.push(...results);
    const commits = scanner.stats.commits;
    addStats(scanner.stats, stats);
    scanner.stats.commits = commits;
  }
  ordered.sort((a, b) => a.seq - b.seq);
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const { findings: found } of ordered) {
    for (const finding of found) {
      const key = `${finding.fingerprint}\0${finding.file}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push(finding);
    }
  }
  return findings;
}

/**
 * Scan the binary (and UTF-16) files of commits: git's patch has no lines for them, so each
 * version is read whole from its commit, one at a time, its size checked before it is read.
 */
async function scanBinaries(
  cwd: string,
  scanner: SecretScanner,
  binaries: readonly { seq: number; path: string; commit: string }[],
  ordered: { seq: number; findings: Finding[] }[],
): Promise<void> {
  if (binaries.length === 0) return;
  const reader = new BlobReader(cwd);
  try {
    for (const { seq, path, commit } of binaries) {
      if (scanner.isAllowedPath(path)) {
        scanner.scan({ path, content: undefined, commit });
        continue;
      }
      const name = `${commit}:${path}`;
      if (path.includes("\n")) {
        // cat-file reads one name per line: such a name cannot be asked for; scan its name only.
        scanner.stats.skipped.push({ file: path, reason: "unreadable", commit });
        ordered.push({ seq, findings: scanner.scanPath(path, commit) });
        continue;
      }
      const info = await reader.info(name);
      if (info === undefined) continue;
      if (info.size > scanner.maxFileSize) {
        ordered.push({ seq, findings: scanner.scan({ path, content: undefined, size: info.size, commit }) });
        continue;
      }
      const content = await reader.read(name);
      if (content !== undefined) ordered.push({ seq, findings: scanner.scan({ path, content, commit }) });
    }
  } finally {
    reader.close();
  }
}

/** Scan the message of every commit of `revisions`, streamed from one `git log -z`. */
async function scanMessages(
  cwd: string,
  scanner: SecretScanner,
  revisions: readonly string[],
  ordered: { seq: number; findings: Finding[] }[],
  after: number,
): Promise<void> {
  let seq = after;
  // The current record's pieces: each byte is copied once (when the record ends), and at most
  // a little over the size limit is kept of one message.
  let parts: Buffer[] = [];
  let held = 0;
  let dropped = 0;
  const keep = scanner.maxFileSize + 128;
  const hold = (piece: Buffer): void => {
    const room = Math.max(0, keep - held);
    if (piece.length > room) dropped += piece.length - room;
    if (room > 0) {
      parts.push(piece.subarray(0, room));
      held += Math.min(room, piece.length);
    }
  };
  const record = (): void => {
    const raw = Buffer.concat(parts);
    const size = held + dropped;
    parts = [];
    held = 0;
    dropped = 0;
    const newline = raw.indexOf(10);
    if (newline < 0) return;
    const oid = raw.toString("latin1", 0, newline).trim();
    if (!/^[0-9a-f]{40,64}$/.test(oid)) return;
    seq += 1;
    if (size > keep) {
      scanner.stats.skipped.push({ file: commitLocation(oid), reason: "too-large", size: size - newline - 1, limit: scanner.maxFileSize, setting: "secrets.maxFileSize", commit: oid });
      return;
    }
    ordered.push({ seq, findings: scanner.scanMessage(oid, raw.subarray(newline + 1)) });
  };
  await new Promise<void>((resolve, reject) => {
    const child = spawn("git", ["log", "-z", "--reverse", "--format=%H%n%B", ...revisions, "--"], {
      cwd,
      stdio: ["ignore", "pipe", "pipe"],
      env: currentEnv(),
    });
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => {
      let from = 0;
      for (let nul = chunk.indexOf(0, from); nul >= 0; nul = chunk.indexOf(0, from)) {
        hold(chunk.subarray(from, nul));
        record();
        from = nul + 1;
      }
      if (from < chunk.length) hold(chunk.subarray(from));
    });
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", (error) => reject(new WardenError("GIT", `cannot run git: ${error.message}`)));
    child.on("close", (code) => {
      if (code !== 0) {
        const reason = Buffer.concat(err).toString("utf8").trim().split("\n")[0] ?? "";
        reject(new WardenError("GIT", `git log failed: ${reason || `exit code ${code ?? 1}`}`));
        return;
      }
      if (held > 0) record();
      resolve();
    });
  });
}
