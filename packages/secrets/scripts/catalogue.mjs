#!/usr/bin/env node
// Writes docs/secrets/detectors.md from the detector registry (the built package in dist/).
// test/catalogue.test.ts fails when the committed page and the registry drift apart.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

if (process.argv.includes("--help")) {
  process.stdout.write("usage: node packages/secrets/scripts/catalogue.mjs\nBuild first (pnpm --filter @warden/secrets build); writes docs/secrets/detectors.md.\n");
  process.exit(0);
}

const { renderCatalogue, CATALOGUE_PATH } = await import("../dist/index.js");
const target = fileURLToPath(new URL(`../../../${CATALOGUE_PATH}`, import.meta.url));
writeFileSync(target, renderCatalogue());
process.stdout.write(`wrote ${CATALOGUE_PATH}\n`);
