#!/usr/bin/env node
// `pnpm bench [area…]`: runs scripts/bench/<area>.bench.mjs (all of them by default) one after
// another; each writes its own section of docs/benchmarks.md.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./lib.mjs";

const args = process.argv.slice(2);
if (args.includes("--help")) {
  process.stdout.write("usage: pnpm bench [area…]\nAreas: one per scripts/bench/<area>.bench.mjs. Results go to docs/benchmarks.md.\n");
  process.exit(0);
}
const dir = path.join(ROOT, "scripts/bench");
const available = readdirSync(dir).filter((f) => f.endsWith(".bench.mjs")).map((f) => f.replace(/\.bench\.mjs$/, "")).sort();
const unknown = args.filter((a) => !available.includes(a));
if (unknown.length > 0) {
  process.stderr.write(`bench: unknown area ${unknown.join(", ")} (available: ${available.join(", ")})\n`);
  process.exit(2);
}
let failed = 0;
for (const area of args.length > 0 ? args : available) {
  process.stdout.write(`\n== bench ${area}\n`);
  const result = spawnSync(process.execPath, [path.join(dir, `${area}.bench.mjs`)], { stdio: "inherit", cwd: ROOT });
  if (result.status !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
