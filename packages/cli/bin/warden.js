#!/usr/bin/env node
// The warden binary: a thin shim. `check` and `hook pre-commit` first try the warm server (a
// background process that keeps the parser loaded; started on demand, exits when idle, safe to
// kill). Otherwise the CLI runs here, with V8's compile cache on (built into Node ≥ 22.1, the
// v8-compile-cache package's store before that, see compile-cache.js) so the TypeScript compiler is
// not recompiled every run.
import module from "node:module";

const argv = process.argv.slice(2);
// `secrets run` first tries its fast start, a bundle of Node built-ins only (docs/secrets/vault.md);
// undefined when the full CLI must run (no current grants snapshot, unusual arguments). The
// package's bin, bin/warden.cjs, tries it before loading this module and marks that it did.
// `scan` starts from its own bundle, with V8's compiled code for it kept between runs (scan-start.js).
const tried = globalThis[Symbol.for("warden.secretsRunTried")] === true;
const fast =
  argv[0] === "secrets" && argv[1] === "run" && !tried
    ? await module.createRequire(import.meta.url)("../dist/secrets-run.cjs").secretsRun(argv.slice(2))
    : argv[0] === "scan"
      ? await (await import("./scan-start.js")).startScan(argv)
      : undefined;
const served = fast ?? (await (await import("../dist/client.js")).runViaServer(argv));
if (served !== undefined) {
  process.exitCode = served;
} else {
  // The warm server's main thread runs no checks (its worker threads do, and a worker does not
  // share the hook): the compile cache's store would only hold ≈ 100 MB there for nothing.
  // `scan` and `secrets` load no TypeScript compiler: the cache's store (one file for every
  // module any run compiled, often 100 MB) would be read at start-up for nothing — measured on a
  // 45,000-file scan, reading it was about a sixth of the run (docs/benchmarks.md).
  // `plan` and `metrics` hold a long event log: the store and the TypeScript code it brings in
  // eagerly cost `plan` about 40 MB of peak RSS for 0.1 s of CPU (docs/benchmarks.md, bench plan).
  if (argv[0] === "__server" || argv[0] === "scan" || argv[0] === "secrets" || argv[0] === "plan" || argv[0] === "metrics") {
    // no compile cache
  } else if (typeof module.enableCompileCache === "function") {
    module.enableCompileCache();
  } else if (process.env.WARDEN_NO_COMPILE_CACHE === undefined) {
    const { installCompileCache } = await import("./compile-cache.js");
    installCompileCache();
  }
  const { main } = await import("../dist/cli.js");
  process.exitCode = await main(argv);
}
