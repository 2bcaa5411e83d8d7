import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { LiveState } from "./types.js";

/** Read a state file, or the empty state. */
export function readStateFile(file: string): LiveState {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as LiveState;
  } catch {
    return { release: undefined, instances: [], history: [] };
  }
}

/** Write a state file atomically (temp file + rename). */
export function writeStateFile(file: string, state: LiveState): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(tmp, file);
}
