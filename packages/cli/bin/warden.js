#!/usr/bin/env node
// The warden binary: a thin shim. It turns on V8's compile cache first (built into Node ≥ 22.1,
// the v8-compile-cache package before that), so the TypeScript compiler that ts-morph bundles
// is not recompiled from source on every hook run.
import module from "node:module";

if (typeof module.enableCompileCache === "function") {
  module.enableCompileCache();
} else if (process.env.WARDEN_NO_COMPILE_CACHE === undefined) {
  module.createRequire(import.meta.url)("v8-compile-cache");
}

const { main } = await import("../dist/cli.js");
process.exitCode = await main(process.argv.slice(2));
