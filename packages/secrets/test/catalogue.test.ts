import { readFileSync } from "node:fs";
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
