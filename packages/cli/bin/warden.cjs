#!/usr/bin/env node
// The package's bin: a CommonJS dispatcher, so `warden secrets run` starts without loading the ES
// module loader first. `secrets run` requires its fast-start bundle (dist/secrets-run.cjs, Node
// built-ins only; docs/secrets/vault.md#how-run-starts-fast); every other command, and a run the
// fast start hands back (no current grants snapshot, unusual arguments), goes on in bin/warden.js,
// which `node packages/cli/bin/warden.js` also runs directly.
"use strict";
/* global require */

const argv = process.argv.slice(2);

function full() {
  // Tell bin/warden.js the fast start was already tried here.
  globalThis[Symbol.for("warden.secretsRunTried")] = true;
  return import("./warden.js");
}

if (argv[0] === "secrets" && argv[1] === "run") {
  // A CommonJS require is the point of this file: it starts without the ES-module loader.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require("../dist/secrets-run.cjs")
    .secretsRun(argv.slice(2))
    .then((code) => {
      if (code === undefined) return full();
      process.exitCode = code;
      return undefined;
    });
} else {
  void full();
}
