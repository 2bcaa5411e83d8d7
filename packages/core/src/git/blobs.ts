import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, open, rm } from "node:fs/promises";
import { connect, createServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { currentEnv } from "../env.js";
import { WardenError } from "../errors.js";
import { forEachLine } from "./run.js";

/** What `git cat-file --batch-check` says about an object, without reading it. */
export interface ObjectInfo {
  readonly oid: string;
  readonly type: string;
  readonly size: number;
}

interface PendingRead {
  resolve(content: Buffer | undefined): void;
  reject(error: Error): void;
}

interface PendingInfo {
  resolve(info: ObjectInfo | undefined): void;
  reject(error: Error): void;
}

/** An object name cat-file can answer on one line: an object id, or `<rev>:<path>`. */
function checkName(name: string): WardenError | undefined {
  if (/^[0-9a-f]{40,64}$/.test(name)) return undefined;
  if (name.includes(":") && !name.includes("\n") && !name.startsWith("-")) return undefined;
  return new WardenError("GIT", "not an object id or <rev>:<path> name");
}

function startCatFile(cwd: string, mode: "--batch" | "--batch-check"): ChildProcessWithoutNullStreams {
  return spawn("git", ["cat-file", mode], { cwd, stdio: ["pipe", "pipe", "pipe"], env: currentEnv() });
}

/**
 * Reads objects through long-lived `git cat-file` processes, so reading many staged files costs
 * one process start. {@link BlobReader.info} asks for an object's size without reading it (one
 * `--batch-check`), so a size policy can be applied before any content is read;
 * {@link BlobReader.read} streams content (one `--batch`): each blob is copied once into a buffer
 * of its exact size, so time and memory grow linearly with the blob. Call
 * {@link BlobReader.close} when done.
 */
export class BlobReader {
  private batch: ChildProcessWithoutNullStreams | undefined;
  private check: ChildProcessWithoutNullStreams | undefined;
  private readonly reads: PendingRead[] = [];
  private readonly infos: PendingInfo[] = [];
  private failure: Error | undefined;
  // Stream state of the --batch output: reading a header line, a body, or the newline after it.
  private header: Buffer[] = [];
  private body: Buffer | undefined;
  private filled = 0;
  private trailer = false;
  /** Object sizes {@link BlobReader.info} has answered, by name. */
  private readonly sizes = new Map<string, number>();

  constructor(private readonly cwd: string) {}

  /** Type and size of the object named `name` (an object id or `<rev>:<path>`); undefined when it does not exist. */
  async info(name: string): Promise<ObjectInfo | undefined> {
    const info = await this.ask<ObjectInfo | undefined>(name, this.infos, () => this.checker());
    if (info !== undefined) this.sizes.set(name, info.size);
    return info;
  }

  /**
   * Read the staged blob `oid` of `file` (relative to the work tree `root`). A large blob whose
   * work-tree file holds the very same bytes — same size, and the same git object id when hashed
   * as a blob — is read from that file (straight into one buffer of its size) instead of being
   * inflated by git and piped: the content is identical by construction, only cheaper to get.
   * Anything else (a file changed since `git add`, one git converts on the way in: line endings,
   * filters, LFS) falls back to {@link BlobReader.read}.
   */
  async readStaged(oid: string, root: string, file: string): Promise<Buffer | undefined> {
    const size = this.sizes.get(oid);
    if (size !== undefined && size >= WORKTREE_MIN_BYTES && /^[0-9a-f]{40}$|^[0-9a-f]{64}$/.test(oid)) {
      const content = await readIfSameBlob(path.join(root, file), oid, size);
      if (content !== undefined) return content;
    }
    return this.read(oid);
  }

  /**
   * Read the object named `name` (an object id or `<rev>:<path>`); undefined when it does not
   * exist. A blob {@link BlobReader.info} has sized at 1 MiB or more is read by its own
   * `git cat-file blob` straight into one buffer of its size (see {@link readDirect}).
   */
  async read(name: string): Promise<Buffer | undefined> {
    const size = this.sizes.get(name);
    if (size !== undefined && size >= DIRECT_MIN_BYTES && this.failure === undefined && checkName(name) === undefined) {
      const content = await readDirect(this.cwd, name, size);
      if (content !== undefined) return content;
    }
    return this.ask(name, this.reads, () => this.reader());
  }

  /** Queue a request for `name` and write it to the process `start` returns (started on first use). */
  private ask<T>(name: string, queue: { resolve(value: T): void; reject(error: Error): void }[], start: () => ChildProcessWithoutNullStreams): Promise<T> {
    const bad = checkName(name);
    if (bad !== undefined) return Promise.reject(bad);
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      queue.push({ resolve, reject });
      start().stdin.write(`${name}\n`);
    });
  }

  /** Stop the git processes. */
  close(): void {
    this.batch?.stdin.end();
    this.check?.stdin.end();
  }

  private watch(child: ChildProcessWithoutNullStreams): void {
    child.on("error", (error) => this.fail(new WardenError("GIT", `cannot run git cat-file: ${error.message}`)));
    child.on("close", () => {
      if (this.reads.length > 0 || this.infos.length > 0) this.fail(new WardenError("GIT", "git cat-file exited before answering"));
    });
    child.stdin.on("error", () => undefined);
    child.stderr.resume();
  }

  private reader(): ChildProcessWithoutNullStreams {
    if (this.batch !== undefined) return this.batch;
    const child = startCatFile(this.cwd, "--batch");
    child.stdout.on("data", (chunk: Buffer) => this.consume(chunk));
    this.watch(child);
    this.batch = child;
    return child;
  }

  private checker(): ChildProcessWithoutNullStreams {
    if (this.check !== undefined) return this.check;
    const child = startCatFile(this.cwd, "--batch-check");
    forEachLine(child.stdout, (line) => {
      const pending = this.infos.shift();
      if (pending === undefined) return;
      const [oid = "", type = "", size = ""] = line.split(" ");
      if (line.endsWith(" missing") || line.endsWith(" ambiguous") || !/^\d+$/.test(size)) pending.resolve(undefined);
      else pending.resolve({ oid, type, size: Number(size) });
    });
    this.watch(child);
    this.check = child;
    return child;
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const pending of this.reads.splice(0)) pending.reject(error);
    for (const pending of this.infos.splice(0)) pending.reject(error);
  }

  /** Feed a chunk of `--batch` output: every byte is looked at once and copied at most once. */
  private consume(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.body !== undefined) {
        const take = Math.min(this.body.length - this.filled, chunk.length - at);
        chunk.copy(this.body, this.filled, at, at + take);
        this.filled += take;
        at += take;
        if (this.filled === this.body.length) {
          this.trailer = true;
          const done = this.body;
          this.body = undefined;
          this.reads.shift()?.resolve(done);
        }
        continue;
      }
      if (this.trailer) {
        this.trailer = false; // the newline after each object's content
        at += 1;
        continue;
      }
      const newline = chunk.indexOf(10, at);
      if (newline < 0) {
        this.header.push(chunk.subarray(at));
        return;
      }
      this.header.push(chunk.subarray(at, newline));
      at = newline + 1;
      const line = Buffer.concat(this.header).toString("utf8");
      this.header = [];
      if (line.endsWith(" missing") || line.endsWith(" ambiguous")) {
        this.reads.shift()?.resolve(undefined);
        continue;
      }
      const size = line.split(" ")[2] ?? "";
      if (!/^\d+$/.test(size)) {
        this.fail(new WardenError("GIT", "unexpected git cat-file output"));
        this.batch?.kill();
        return;
      }
      this.body = Buffer.allocUnsafe(Number(size));
      this.filled = 0;
      if (this.body.length === 0) {
        const done = this.body;
        this.body = undefined;
        this.trailer = true;
        this.reads.shift()?.resolve(done);
      }
    }
  }
}

/** Blobs at least this large (and sized by `info` first) are read by {@link readDirect}. */
const DIRECT_MIN_BYTES = 1024 * 1024;

/**
 * Read the blob `name` of `size` bytes with its own `git cat-file blob`, whose output goes through
 * a Unix socket straight into one buffer of that size: the kernel copies each byte once into
 * place, with none of the 64 KiB chunks a pipe's stream allocates, copies and leaves to the
 * garbage collector (for a 200 MB blob: 3,200 of them). The socket lives in a fresh private
 * temporary folder (mode 0700), so no other user can connect to it. Undefined when this cannot
 * be done or the output is not exactly `size` bytes: the caller then reads through
 * `git cat-file --batch`, which reports what went wrong.
 */
async function readDirect(cwd: string, name: string, size: number): Promise<Buffer | undefined> {
  if (process.platform === "win32") return undefined; // no Unix sockets to hand a child as its stdout
  let dir: string | undefined;
  const server = createServer();
  let reader: Socket | undefined;
  try {
    dir = await mkdtemp(path.join(tmpdir(), "warden-blob-"));
    const address = path.join(dir, "s");
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(address, resolve);
    });
    const accepted = new Promise<Socket>((resolve) => server.once("connection", resolve));
    const body = Buffer.allocUnsafe(size);
    const spill = Buffer.allocUnsafe(64 * 1024); // anything past `size` lands here, and fails the read
    let filled = 0;
    let excess = false;
    const ended = new Promise<void>((resolve, reject) => {
      reader = connect({
        path: address,
        onread: {
          buffer: () => (filled < size ? body.subarray(filled) : spill),
          callback: (bytes: number, buffer: Uint8Array) => {
            if (buffer === spill) excess = true;
            else filled += bytes;
            return true;
          },
        },
      });
      reader.once("end", resolve);
      reader.on("error", reject);
    });
    // The reader's connection failing (or ending) before the server saw it must not wait forever.
    const writer = await Promise.race([accepted, ended.then(() => Promise.reject(new Error("closed before it connected")))]);
    server.on("error", () => undefined);
    server.close();
    const child = spawn("git", ["cat-file", "blob", name], { cwd, stdio: ["ignore", writer, "ignore"], env: currentEnv() });
    writer.destroy(); // the child holds its own copy: the reader sees the end when git exits
    const exited = new Promise<number | null>((resolve) => {
      child.once("error", () => resolve(null));
      child.once("close", (code) => resolve(code));
    });
    const [code] = await Promise.all([exited, ended]);
    return code === 0 && filled === size && !excess ? body : undefined;
  } catch {
    return undefined;
  } finally {
    reader?.destroy();
    server.close();
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  }
}

/** Staged blobs at least this large are read from the work tree when the file there is the same blob (see {@link BlobReader.readStaged}). */
const WORKTREE_MIN_BYTES = 1024 * 1024;

/** The bytes of `file` if they are exactly the git blob `oid` of `size` bytes; undefined otherwise (or when unreadable). */
async function readIfSameBlob(file: string, oid: string, size: number): Promise<Buffer | undefined> {
  let handle;
  try {
    handle = await open(file, "r");
  } catch {
    return undefined;
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile() || stat.size !== size) return undefined;
    const content = Buffer.allocUnsafe(size);
    for (let filled = 0; filled < size; ) {
      const { bytesRead } = await handle.read(content, filled, size - filled, filled);
      if (bytesRead === 0) return undefined; // shrank while being read
      filled += bytesRead;
    }
    const hash = createHash(oid.length === 64 ? "sha256" : "sha1").update(`blob ${size}\0`).update(content).digest("hex");
    return hash === oid ? content : undefined;
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}

/**
 * Read the objects of `items` in batches of `size` (reads overlap, memory stays bounded), handing
 * each item its content in order. `stagedIn`: the items are staged files of the work tree at that
 * root (large ones may be read from it, see {@link BlobReader.readStaged}).
 */
export async function readInBatches<T extends { readonly oid: string; readonly path?: string }>(
  reader: BlobReader,
  items: readonly T[],
  size: number,
  each: (item: T, content: Buffer | undefined) => void,
  options: { readonly stagedIn?: string } = {},
): Promise<void> {
  const { stagedIn } = options;
  for (let i = 0; i < items.length; i += size) {
    const batch = items.slice(i, i + size);
    const contents = await Promise.all(
      batch.map((item) => (stagedIn === undefined || item.path === undefined ? reader.read(item.oid) : reader.readStaged(item.oid, stagedIn, item.path))),
    );
    batch.forEach((item, index) => each(item, contents[index]));
  }
}
