#!/usr/bin/env node
// Writes packages/core/config.schema.json — the JSON Schema of warden.config.json (and editor
// completion for `$schema`) — from the one zod schema in packages/core/src/config/schema.ts.
// A test in packages/core fails when the committed file drifts from the zod schema.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

if (process.argv.includes("--help")) {
  process.stdout.write("usage: node scripts/dev/generate-config-schema.mjs   (needs `pnpm build` first)\n");
  process.exit(0);
}
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const { renderConfigJsonSchema } = await import(path.join(root, "packages/core/dist/index.js"));
const target = path.join(root, "packages/core/config.schema.json");
writeFileSync(target, renderConfigJsonSchema());
process.stdout.write(`wrote ${path.relative(root, target)}\n`);
