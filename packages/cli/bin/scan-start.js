// `warden scan` starts from its own bundle, dist/scan.cjs (src/scan-start.ts): the scan command and
// what it runs, one CommonJS file. Compiling that file was about a quarter of a small scan's CPU
// time (docs/benchmarks.md), so V8's compiled code for it is kept beside it, in
// dist/scan.cjs.<node version>-<arch>.v8: written once (after a first run, so that it holds the
// functions the scan compiled, not only the top level), then handed to V8 on every start. V8 checks
// the data against its own version, flags and the source before it uses any of it; data it rejects
// (or a file that cannot be read) costs a normal compile, and is rewritten. The cache sits in the
// package's own folder, so only who can write the bundle can write it; where that folder is
// read-only, nothing is kept. WARDEN_NO_COMPILE_CACHE=1 turns it off.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import module from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

const bundle = fileURLToPath(new URL("../dist/scan.cjs", import.meta.url));

/** The exit code of `warden scan ARGS`, or undefined when there is no scan bundle (run the full CLI). */
export async function startScan(argv) {
  if (!existsSync(bundle)) return undefined;
  if (process.env.WARDEN_NO_COMPILE_CACHE !== undefined) return module.createRequire(import.meta.url)(bundle).scanMain(argv);
  const cacheFile = `${bundle}.${process.version}-${process.arch}.v8`;
  let cached;
  try {
    cached = readFileSync(cacheFile);
  } catch {
    cached = undefined;
  }
  const source = readFileSync(bundle, "utf8");
  const script = new vm.Script(module.wrap(source), {
    filename: bundle,
    ...(cached === undefined ? {} : { cachedData: cached }),
    // `import()` inside the bundle (jiti for a warden.config.ts) goes to Node's own loader.
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const exports = {};
  const wrapper = script.runInThisContext();
  const mod = { exports, filename: bundle, id: bundle, loaded: false };
  wrapper.call(exports, exports, module.createRequire(bundle), mod, bundle, path.dirname(bundle));
  const code = await mod.exports.scanMain(argv);
  if (cached === undefined || script.cachedDataRejected === true) keep(script, cacheFile);
  return code;
}

/** Write V8's code for the bundle (whole, or not at all: a temporary file renamed into place). */
function keep(script, cacheFile) {
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, cacheFile);
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // a read-only folder: nothing was written
    }
  }
}
