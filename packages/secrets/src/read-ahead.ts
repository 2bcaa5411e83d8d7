import { Worker } from "node:worker_threads";

/** Bytes of the ring the reading thread fills (files are packed one after another). */
const RING_BYTES = 8 * 1024 * 1024;
/** Files read ahead at most. */
const ENTRIES = 4096;
/** Files up to this size (minus one byte) are read into the ring; larger ones are only sized. */
export const READ_AHEAD_FILE_BYTES = 256 * 1024;

const EMPTY = Buffer.alloc(0);
/** `Atomics.waitAsync` (Node ≥ 16; typed from ES2024 on). */
const waitAsync = (
  Atomics as unknown as {
    waitAsync: (array: Int32Array, index: number, value: number, timeout: number) => { async: false; value: string } | { async: true; value: Promise<string> };
  }
).waitAsync;
/** Each thread wakes the other (if it waits) every this many files, and whenever it is about to wait itself. */
const NOTIFY_EVERY = 32;

// Cells of the control array.
const HEAD = 0; // files read so far (written by the reading thread)
const TAIL = 1; // files released by the scanning thread
const STOP = 2; // 1: the scanning thread wants no more
const CONTROL = 4;

/** What the reading thread found for one file. */
export const ReadKind = {
  /** Read whole: its bytes are in the ring. */
  File: 1,
  /** Gone since it was listed, not a regular file (a submodule's folder, a symbolic link), or unreadable. */
  None: 2,
  /** A regular file too large for the ring: only its size is known; the scanning thread reads it (or skips it by policy). */
  Large: 3,
  /** Not read (the reading thread failed): the scanning thread reads it itself. */
  Unread: 4,
} as const;
export type ReadKind = (typeof ReadKind)[keyof typeof ReadKind];

// The reading thread: plain CommonJS run with `eval`, so it starts without loading any of Warden's
// modules. It opens each file once without following a symbolic link and without blocking on a
// FIFO (as openListedFile does), reads it into the ring, and publishes it by advancing HEAD.
const READER = String.raw`
const { workerData } = require("node:worker_threads");
const fs = require("node:fs");
const { files, control, entries, sizes, ring, slot } = workerData;
const C = new Int32Array(control);
const E = new Int32Array(entries);
const S = new Float64Array(sizes);
const D = Buffer.from(ring);
const RING = D.length;
const COUNT = S.length;
const NOFOLLOW = fs.constants.O_NOFOLLOW;
const FLAGS = fs.constants.O_RDONLY | (NOFOLLOW === undefined ? 0 : NOFOLLOW) | (fs.constants.O_NONBLOCK === undefined ? 0 : fs.constants.O_NONBLOCK);
let write = 0;
function waitFor(test) {
  for (;;) {
    if (C[${STOP}] === 1) return false;
    const tail = Atomics.load(C, ${TAIL});
    if (test(tail)) return true;
    Atomics.notify(C, ${HEAD});
    Atomics.wait(C, ${TAIL}, tail, 100);
  }
}
for (let i = 0; i < files.length; i += 1) {
  // Entries full: wait until half are free again (not one wake-up per file).
  if (i - Atomics.load(C, ${TAIL}) >= COUNT && !waitFor((tail) => i - tail <= COUNT / 2)) break;
  const at = write + slot <= RING ? write : 0;
  // The bytes [at, at + slot) must hold no file the scanning thread has not released yet.
  const free = (tail) => {
    if (tail === i) return true;
    const oldest = E[(tail % COUNT) * 2];
    return oldest <= write ? at >= write || at + slot <= oldest : at >= write && at + slot <= oldest;
  };
  if (!waitFor(free)) break;
  let kind = ${ReadKind.None};
  let length = 0;
  let size = 0;
  let fd = -1;
  try {
    if (NOFOLLOW === undefined && !fs.lstatSync(files[i]).isFile()) throw new Error("not a file");
    fd = fs.openSync(files[i], FLAGS);
    const got = fs.readSync(fd, D, at, slot, 0);
    if (got < slot) {
      kind = ${ReadKind.File};
      length = got;
      size = got;
    } else {
      const info = fs.fstatSync(fd);
      if (info.isFile()) {
        kind = ${ReadKind.Large};
        size = info.size;
      }
    }
  } catch {
    kind = ${ReadKind.None};
  } finally {
    if (fd >= 0) fs.closeSync(fd);
  }
  const e = (i % COUNT) * 2;
  E[e] = at;
  E[e + 1] = kind === ${ReadKind.File} ? length : -kind;
  S[i % COUNT] = size;
  if (kind === ${ReadKind.File}) write = at + length;
  Atomics.store(C, ${HEAD}, i + 1);
  // The scanning thread waits only when it has caught up: waking it every few files is enough.
  if ((i + 1) % ${NOTIFY_EVERY} === 0) Atomics.notify(C, ${HEAD});
}
Atomics.notify(C, ${HEAD});
`;

/**
 * Reads listed files on a second thread, in order, into a shared ring of memory, while the
 * calling thread scans the ones already read: on trees of many small files the three system
 * calls per file (open, read, close) were about as much work as scanning the bytes, and now
 * overlap it. The reading thread loads none of Warden's modules, so it starts in milliseconds.
 *
 * Use: {@link ReadAhead.take} the next file (synchronously); when it says {@link ReadAhead.WAIT},
 * `await` {@link ReadAhead.ready}. A file's bytes ({@link ReadAhead.content}) are valid until the
 * next `take`. If the reading thread fails, the calling thread reads the remaining files itself.
 */
export class ReadAhead {
  /** `take` result: nothing read yet, await {@link ReadAhead.ready}. */
  static readonly WAIT = -1;
  /** `take` result: every file has been taken. */
  static readonly DONE = -2;

  private readonly control: Int32Array;
  private readonly entries: Int32Array;
  private readonly sizes: Float64Array;
  private readonly ring: Buffer;
  private readonly worker: Worker | undefined;
  private failed = false;
  private taken = 0;
  /** The last file taken: its kind, bytes (File) and size. */
  kind: ReadKind = ReadKind.None;
  content: Buffer = EMPTY;
  size = 0;

  constructor(private readonly files: readonly string[]) {
    const control = new SharedArrayBuffer(4 * CONTROL);
    const entries = new SharedArrayBuffer(4 * 2 * ENTRIES);
    const sizes = new SharedArrayBuffer(8 * ENTRIES);
    const ring = new SharedArrayBuffer(RING_BYTES);
    this.control = new Int32Array(control);
    this.entries = new Int32Array(entries);
    this.sizes = new Float64Array(sizes);
    this.ring = Buffer.from(ring);
    this.worker = new Worker(READER, { eval: true, workerData: { files, control, entries, sizes, ring, slot: READ_AHEAD_FILE_BYTES } });
    this.worker.on("error", () => {
      this.failed = true;
    });
    this.worker.on("exit", () => {
      if (Atomics.load(this.control, HEAD) < this.files.length && Atomics.load(this.control, STOP) === 0) this.failed = true;
    });
  }

  /**
   * Release the previous file and take the next: its index into the files, or
   * {@link ReadAhead.WAIT} / {@link ReadAhead.DONE}. The file's kind, bytes and size are then in
   * {@link ReadAhead.kind}, {@link ReadAhead.content} and {@link ReadAhead.size}.
   */
  take(): number {
    Atomics.store(this.control, TAIL, this.taken);
    // The reading thread waits for space only when it is ahead: waking it every few files is enough.
    if (this.taken % NOTIFY_EVERY === 0) Atomics.notify(this.control, TAIL);
    if (this.taken >= this.files.length) return ReadAhead.DONE;
    if (Atomics.load(this.control, HEAD) <= this.taken) return this.failed ? this.readHere() : ReadAhead.WAIT;
    const slot = this.taken % ENTRIES;
    const at = this.entries[2 * slot] as number;
    const length = this.entries[2 * slot + 1] as number;
    this.size = this.sizes[slot] as number;
    if (length >= 0) {
      this.kind = ReadKind.File;
      this.content = this.ring.subarray(at, at + length);
    } else {
      this.kind = -length as ReadKind;
      this.content = EMPTY;
    }
    this.taken += 1;
    return this.taken - 1;
  }

  /** Resolves when the next file has been read (or the reading thread stopped). */
  async ready(): Promise<void> {
    const taken = this.taken;
    Atomics.notify(this.control, TAIL);
    while (!this.failed && Atomics.load(this.control, HEAD) <= taken) {
      const head = Atomics.load(this.control, HEAD);
      if (head > taken) break;
      // Awaiting lets the worker's error and exit events run (the timeout: in case one came first).
      const wait = waitAsync(this.control, HEAD, head, 100);
      if (wait.async) await wait.value;
    }
  }

  /** Stop the reading thread (safe to call more than once). */
  async close(): Promise<void> {
    Atomics.store(this.control, STOP, 1);
    Atomics.notify(this.control, TAIL);
    await this.worker?.terminate();
  }

  /** The reading thread failed: read the next file here (rare; the same calls it makes). */
  private readHere(): number {
    const index = this.taken;
    this.taken += 1;
    this.kind = ReadKind.Unread;
    this.size = 0;
    return index;
  }
}
