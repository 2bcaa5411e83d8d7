import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { currentEnv } from "../env.js";
import { WardenError } from "../errors.js";

interface Pending {
  readonly oid: string;
  resolve(content: Buffer | undefined): void;
  reject(error: Error): void;
}

/**
 * Reads blobs by object id through one long-lived `git cat-file --batch` process, so reading
 * many staged files costs one process start. Call {@link BlobReader.close} when done.
 */
export class BlobReader {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly queue: Pending[] = [];
  private buffer: Buffer = Buffer.alloc(0);
  private failure: Error | undefined;

  constructor(cwd: string) {
    this.child = spawn("git", ["cat-file", "--batch"], { cwd, stdio: ["pipe", "pipe", "pipe"], env: currentEnv() });
    this.child.stdout.on("data", (chunk: Buffer) => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
    this.child.on("error", (error) => this.fail(new WardenError("GIT", `cannot run git cat-file: ${error.message}`)));
    this.child.on("close", () => this.fail(new WardenError("GIT", "git cat-file exited before answering")));
    this.child.stdin.on("error", () => undefined);
  }

  /** Read the blob with object id `oid`; resolves to undefined when the object does not exist. */
  read(oid: string): Promise<Buffer | undefined> {
    if (!/^[0-9a-f]{40,64}$/.test(oid)) return Promise.reject(new WardenError("GIT", `not an object id: ${oid}`));
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ oid, resolve, reject });
      this.child.stdin.write(`${oid}\n`);
    });
  }

  /** Stop the git process. */
  close(): void {
    this.child.stdin.end();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const pending of this.queue.splice(0)) pending.reject(error);
  }

  private drain(): void {
    for (;;) {
      const pending = this.queue[0];
      if (pending === undefined) return;
      const newline = this.buffer.indexOf(10);
      if (newline < 0) return;
      const header = this.buffer.subarray(0, newline).toString("utf8");
      if (header.endsWith(" missing")) {
        this.buffer = this.buffer.subarray(newline + 1);
        this.queue.shift();
        pending.resolve(undefined);
        continue;
      }
      const size = Number(header.split(" ")[2]);
      if (!Number.isFinite(size)) {
        this.fail(new WardenError("GIT", `unexpected git cat-file output: ${header}`));
        return;
      }
      const end = newline + 1 + size;
      if (this.buffer.length < end + 1) return;
      const content = Buffer.from(this.buffer.subarray(newline + 1, end));
      this.buffer = this.buffer.subarray(end + 1);
      this.queue.shift();
      pending.resolve(content);
    }
  }
}
