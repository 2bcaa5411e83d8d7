import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { listReleaseDirs, type ReleaseManifest } from "./release.js";
import { readStateFile, writeStateFile } from "./state.js";
import type { TargetBase } from "./types.js";

/**
 * Release records kept on this machine for targets that hold no files of their own
 * (kubernetes, command): `<envDir>/releases/<id>/manifest.json` and `<envDir>/state.json`.
 */
export function localRecords(envDir: string): Omit<TargetBase, "describe"> {
  const releasesDir = path.join(envDir, "releases");
  const stateFile = path.join(envDir, "state.json");
  return {
    readState: async () => readStateFile(stateFile),
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
