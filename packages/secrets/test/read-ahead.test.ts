import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { READ_AHEAD_FILE_BYTES, ReadAhead, ReadKind } from "../src/read-ahead.js";

// The reading thread against plain reads: every file comes back in order with its own bytes,
// across more files than the ring has entries and more bytes than the ring holds (so it wraps
// while the scanning side still holds earlier files), with large files, links, folders and
// missing files told apart.

let dir: string;
const files: string[] = [];
const bytes = new Map<string, Buffer>();

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "warden-read-ahead-"));
  mkdirSync(path.join(dir, "folder"));
  writeFileSync(path.join(dir, "target.txt"), "linked\n");
  symlinkSync(path.join(dir, "target.txt"), path.join(dir, "link.txt"));
  writeFileSync(path.join(dir, "large.bin"), Buffer.alloc(READ_AHEAD_FILE_BYTES + 10, 7));
  writeFileSync(path.join(dir, "exact.bin"), Buffer.alloc(READ_AHEAD_FILE_BYTES, 8));
  writeFileSync(path.join(dir, "empty.txt"), "");
  // 200 files of 1–4 KB, listed 21 times over (4,200 entries, about 10 MB): more than the 4,096
  // entries and the 8 MiB ring, from few files on disk.
  const distinct: string[] = [];
  for (let i = 0; i < 200; i += 1) {
    const name = `f${i}.txt`;
    writeFileSync(path.join(dir, name), `${i}:`.padEnd(1000 + ((i * 7919) % 3000), String.fromCharCode(97 + (i % 26))));
    distinct.push(path.join(dir, name));
  }
  for (let round = 0; round < 21; round += 1) {
    files.push(...distinct);
    if (round === 3) files.push(path.join(dir, "folder"), path.join(dir, "link.txt"), path.join(dir, "missing.txt"));
    if (round === 5) files.push(path.join(dir, "large.bin"), path.join(dir, "exact.bin"), path.join(dir, "empty.txt"));
  }
  for (const file of new Set(files)) if (!file.endsWith("folder") && !file.endsWith("missing.txt") && !file.endsWith("link.txt")) bytes.set(file, readFileSync(file));
}, 60_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("ReadAhead", () => {
  it("hands back every file in order with its bytes; large files sized, links, folders and missing files as none", async () => {
    const reader = new ReadAhead(files);
    const seen: number[] = [];
    try {
      for (;;) {
        const index = reader.take();
        if (index === ReadAhead.DONE) break;
        if (index === ReadAhead.WAIT) {
          await reader.ready();
          continue;
        }
        seen.push(index);
        const file = files[index] as string;
        const name = path.basename(file);
        if (name === "folder" || name === "link.txt" || name === "missing.txt") {
          expect([name, reader.kind]).toEqual([name, ReadKind.None]);
        } else if (name === "large.bin" || name === "exact.bin") {
          expect([name, reader.kind, reader.size]).toEqual([name, ReadKind.Large, bytes.get(file)?.length]);
        } else {
          expect(reader.kind).toBe(ReadKind.File);
          expect(reader.size).toBe(reader.content.length);
          // Compared while the ring may already be refilled behind it: the bytes must still be this file's.
          if (!reader.content.equals(bytes.get(file) as Buffer)) throw new Error(`${name} (entry ${index}): bytes differ from the file`);
        }
      }
    } finally {
      await reader.close();
    }
    expect(seen).toEqual(files.map((_, index) => index));
  });

  it("stops its thread when closed early", async () => {
    const reader = new ReadAhead(files);
    let index = reader.take();
    while (index === ReadAhead.WAIT) {
      await reader.ready();
      index = reader.take();
    }
    expect(index).toBe(0);
    await reader.close();
  });
});
