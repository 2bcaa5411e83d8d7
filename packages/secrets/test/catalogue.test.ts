import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CATALOGUE_PATH, DETECTORS, renderCatalogue } from "../src/index.js";

const page = readFileSync(fileURLToPath(new URL(`../../../${CATALOGUE_PATH}`, import.meta.url)), "utf8");

describe("docs/secrets/detectors.md", () => {
  it("is generated from the registry (run node packages/secrets/scripts/catalogue.mjs after a change)", () => {
    expect(page).toBe(renderCatalogue());
  });
  it("has a section for every detector, and every finding links to it", () => {
    for (const detector of DETECTORS) {
      expect(page).toContain(`\n## ${detector.id}\n`);
      expect(detector.docs).toBe(`${CATALOGUE_PATH}#${detector.id}`);
    }
  });
});

describe("the registry", () => {
  it("registers every detector file in src/detectors, and only those", () => {
    const dir = fileURLToPath(new URL("../src/detectors/", import.meta.url));
    const files = readdirSync(dir)
      .filter((name) => name.endsWith(".ts") && name !== "shared.ts")
      .map((name) => name.slice(0, -3))
      .sort();
    expect(DETECTORS.map((d) => d.id).sort()).toEqual(files);
  });
  it("names a documentation source for every detector", () => {
    for (const detector of DETECTORS) expect(detector.source.length, detector.id).toBeGreaterThan(8);
  });
});
