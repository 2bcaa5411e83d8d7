#!/usr/bin/env node
// Bundles the CLI into dist/ with esbuild: one small entry plus lazily loaded chunks, so
// `warden check --staged` loads only what it needs. ts-morph and jiti stay external and are
// imported on demand.
import { build } from "esbuild";
import { readFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const packageDir = fileURLToPath(new URL("..", import.meta.url));

if (process.argv.includes("--help")) {
  process.stdout.write("usage: node scripts/build.mjs\nBundles src/cli.ts and src/index.ts into dist/.\n");
  process.exit(0);
}

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

// Start from an empty dist/: chunk names carry content hashes, so old ones would pile up (and the
// result cache's build salt lists every module file here).
rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });

await build({
  absWorkingDir: packageDir,
  entryPoints: { cli: "src/cli.ts", index: "src/index.ts", client: "src/server/client.ts", "server-worker": "src/server/worker.ts" },
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  conditions: ["source"],
  external: ["ts-morph", "jiti", "typescript", "@octokit/*", "octokit"],
  define: { __WARDEN_VERSION__: JSON.stringify(pkg.version) },
  banner: { js: "import { createRequire as __wardenRequire } from 'node:module'; const require = __wardenRequire(import.meta.url);" },
  sourcemap: "linked",
  logLevel: "warning",
  legalComments: "none",
});
