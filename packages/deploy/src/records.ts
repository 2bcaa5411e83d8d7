import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import type { Logger } from "@warden/core";
import { readEventsLenient } from "./events.js";
import path from "node:path";
import { listReleaseDirs, type ReleaseManifest } from "./release.js";
import { EMPTY_STATE, readStateFile, rebuildState, writeStateFile } from "./state.js";
import type { TargetBase } from "./types.js";

/**
 * Release records kept on this machine for targets that hold no files of their own
 * (kubernetes, command): `<envDir>/releases/<id>/manifest.json` and `<envDir>/state.json`.
 */
export function localRecords(envDir: string, ctx: { root: string; env: string; logger: Logger }): Omit<TargetBase, "describe"> {
  const releasesDir = path.join(envDir, "releases");
  const stateFile = path.join(envDir, "state.json");
  let warned = false;
  return {
    readState: async () => {
      const read = readStateFile(stateFile);
      if (read.kind === "ok") return read.state;
      if (read.kind === "missing") return EMPTY_STATE;
      // never act on a corrupt state: rebuild it from the event log and the release records
      const { state, summary } = rebuildState({ events: readEventsLenient(ctx.root, ctx.env), releases: listReleaseDirs(releasesDir) });
      if (!warned) {
        ctx.logger.warn(`${path.relative(ctx.root, stateFile)} is corrupt (${read.reason}); ${summary}; the corrupt file is kept as state.json.corrupt`);
        warned = true;
        copyFileSync(stateFile, `${stateFile}.corrupt`);
      }
      return state;
    },
    writeState: async (state) => writeStateFile(stateFile, state),
    createRelease: async (manifest): Promise<ReleaseManifest> => {
      const full: ReleaseManifest = { ...manifest, contentHash: "" };
      const dir = path.join(releasesDir, manifest.release);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, "manifest.json"), `${JSON.stringify(full, null, 2)}\n`);
      return full;
    },
    discardRelease: async (release) => rmSync(path.join(releasesDir, release), { recursive: true, force: true }),
    listReleases: async () => listReleaseDirs(releasesDir),
  };
}
