import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { DeployEvent } from "@warden/core";
import type { ReleaseManifest } from "./release.js";
import type { Instance, LiveState } from "./types.js";

const InstanceSchema = z
  .object({
    release: z.string().min(1),
    index: z.number().int().min(0),
    port: z.number().int().min(0).max(65535), // 0: a worker role's process, which listens on no port
    pid: z.number().int().positive(),
  })
  .strict();

/** The zod schema of `state.json`: the live release, its instances, and the releases that went live before. */
export const LiveStateSchema = z
  .object({
    release: z.string().min(1).optional(),
    instances: z.array(InstanceSchema),
    history: z.array(z.object({ release: z.string().min(1), at: z.string().min(1) }).strict()),
  })
  .strict();

/** The state of an environment that never went live. */
export const EMPTY_STATE: LiveState = { release: undefined, instances: [], history: [] };

/** What reading a state file found: no file, a valid state, or a file that is not one (never acted upon). */
export type StateRead = { readonly kind: "missing" } | { readonly kind: "ok"; readonly state: LiveState } | { readonly kind: "corrupt"; readonly reason: string };

/** Parse and validate the text of a state file (`undefined`: there is none). */
export function parseState(text: string | undefined): StateRead {
  if (text === undefined) return { kind: "missing" };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { kind: "corrupt", reason: text.trim() === "" ? "the file is empty" : `not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const parsed = LiveStateSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { kind: "corrupt", reason: `not a deploy state (${issue === undefined ? "invalid" : `${issue.path.join(".") || "(root)"}: ${issue.message}`})` };
  }
  const { release, instances, history } = parsed.data;
  return { kind: "ok", state: { release, instances, history } };
}

/** The text of a state file. */
export function stateText(state: LiveState): string {
  return `${JSON.stringify({ ...(state.release === undefined ? {} : { release: state.release }), instances: state.instances, history: state.history }, null, 2)}\n`;
}

/** Write a file durably: temp file, fsync, rename over the old one, fsync of the folder. */
export function writeFileDurably(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, "w");
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(tmp, file);
  try {
    const dir = openSync(path.dirname(file), "r");
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  } catch {
    // folders cannot be opened for fsync on every platform; the rename itself is atomic
  }
}

/** Read a state file; see {@link StateRead}. */
export function readStateFile(file: string): StateRead {
  let text: string | undefined;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    text = undefined;
  }
  return parseState(text);
}

/** Write a state file atomically and durably (temp file + fsync + rename). */
export function writeStateFile(file: string, state: LiveState): void {
  writeFileDurably(file, stateText(state));
}

/** What the state of an environment is rebuilt from when its state file is corrupt. */
export interface RebuildSources {
  /** The environment's deploy events (oldest first). */
  readonly events: readonly DeployEvent[];
  /** The releases present on the target. */
  readonly releases: readonly ReleaseManifest[];
  /** The instances the proxy's confirmed routes point at that still run (instance targets). */
  readonly serving?: readonly Instance[];
}

/** A state rebuilt from the event log and the release folders, with one line saying how. */
export interface RebuiltState {
  readonly state: LiveState;
  readonly summary: string;
}

/**
 * Rebuild the live state of an environment whose state file is corrupt, from what else records
 * it: the event log (each `succeeded` deploy and each manual `rolled_back` made a release live),
 * the release folders (a release kept on the target went live unless it is newer than the live
 * one: a failed deploy discards its own) and, for instance targets, the instances the proxy
 * serves. Nothing is discarded: a release the records cannot place is kept out of the history
 * only when it is newer than the live release.
 */
export function rebuildState(sources: RebuildSources): RebuiltState {
  const present = new Map(sources.releases.map((m) => [m.release, m]));
  const history: { release: string; at: string }[] = [];
  for (const event of sources.events) {
    if (event.type === "succeeded") history.push({ release: event.release, at: event.at });
    else if (event.type === "rolled_back" && event.detail?.manual === true && typeof event.detail.to === "string") history.push({ release: event.detail.to, at: event.at });
  }
  const serving = sources.serving ?? [];
  const servingRelease = serving[0]?.release;
  let release = servingRelease ?? [...history].reverse().find((h) => present.has(h.release))?.release;
  if (release === undefined && history.length === 0 && sources.releases.length > 0) release = [...sources.releases].sort((a, b) => a.createdAt.localeCompare(b.createdAt)).at(-1)?.release;
  const liveCreated = release === undefined ? undefined : present.get(release)?.createdAt;
  const known = new Set(history.map((h) => h.release));
  const unplaced = sources.releases
    .filter((m) => !known.has(m.release) && (m.release === release || liveCreated === undefined || m.createdAt <= liveCreated))
    .map((m) => ({ release: m.release, at: m.createdAt }));
  const merged = [...unplaced, ...history].sort((a, b) => a.at.localeCompare(b.at));
  // the live release is the last to have gone live
  if (release !== undefined && merged.at(-1)?.release !== release) merged.push({ release, at: new Date().toISOString() });
  const instances = serving.filter((i) => i.release === release);
  const state: LiveState = { release, instances, history: merged };
  const summary = `rebuilt from ${sources.events.length} event(s), ${sources.releases.length} release folder(s)${sources.serving === undefined ? "" : ` and ${instances.length} serving instance(s)`}: live ${release ?? "none"}, ${new Set(merged.map((h) => h.release)).size} release(s) in the history`;
  return { state, summary };
}
