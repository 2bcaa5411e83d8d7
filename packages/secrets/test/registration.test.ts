// Every detector module is registered: a file under src/detectors/ that DETECTORS does not hold
// would never scan anything.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { DETECTORS } from "@warden/secrets";

const DETECTORS_DIR = fileURLToPath(new URL("../src/detectors/", import.meta.url));

describe("detector registration", () => {
  // Modules that define a detector; the others (shared.ts) hold shared helpers.
  const files = readdirSync(DETECTORS_DIR)
    .filter((file) => file.endsWith(".ts") && /define(Path)?Detector\(/.test(readFileSync(path.join(DETECTORS_DIR, file), "utf8")))
    .sort();

  it("finds the detector modules", () => {
    // Formats described as data (src/detectors/token-format.ts tables) are many detectors from one
    // module; each module file found must still be registered (below).
    expect(files.length).toBeGreaterThan(50);
  });

  it.each(files)("src/detectors/%s is registered in DETECTORS", async (file) => {
    const mod = (await import(pathToFileURL(path.join(DETECTORS_DIR, file)).href)) as { default?: { id: string } };
    expect(mod.default, `${file} has no default export (a detector module default-exports defineDetector(...) or definePathDetector(...))`).toBeDefined();
    expect(mod.default?.id).toBe(path.basename(file, ".ts"));
    expect(DETECTORS.map((d) => d.id), `${mod.default?.id} is not in packages/secrets/src/registry.ts`).toContain(mod.default?.id);
  });
});
