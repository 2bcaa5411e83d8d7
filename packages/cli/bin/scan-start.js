// `warden scan` starts from its own bundle, dist/scan.cjs (src/scan-start.ts): the scan command and
// what it runs, one CommonJS file. Compiling that file was about a quarter of a small scan's CPU
// time (docs/benchmarks.md), so V8's compiled code for it is kept beside it, in
// dist/scan.cjs.<node version>-<arch>.v8: written once (after a first run, so that it holds the
// functions the scan compiled, not only the top level), then handed to V8 on every start. V8 checks
// the data against its own version, flags and the source before it uses any of it; data it rejects
// (or a file that cannot be read) costs a normal compile, and is rewritten. The cache sits in the
// package's own folder, so only who can write the bundle can write it; where that folder is
// read-only, nothing is kept. WARDEN_NO_COMPILE_CACHE=1 turns it off.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import module from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

const bundle = fileURLToPath(new URL("../dist/scan.cjs", import.meta.url));

/** Options of a scan of the whole work tree, with their values (anything else: no early listing). */
const WHOLE_TREE_OPTIONS = new Map([
  ["--format", true],
  ["-f", true],
  ["--workers", true],
  ["--config", true],
  ["-c", true],
  ["--verify", false],
  ["--update-baseline", false],
]);

/** Whether `warden scan ARGS` surely scans the whole work tree (no paths, no --staged, --range or --history). */
function wholeTree(argv) {
  for (let i = 1; i < argv.length; i += 1) {
    const arg = argv[i];
    const name = arg.startsWith("--") && arg.includes("=") ? arg.slice(0, arg.indexOf("=")) : arg;
    const takesValue = WHOLE_TREE_OPTIONS.get(name);
    if (takesValue === undefined) return false;
    if (takesValue && name === arg) i += 1;
  }
  return true;
}

/** Run git in `cwd` now; resolves to its result ({ stdout, stderr, code }), or to undefined when it cannot start. */
function startGit(cwd, args) {
  return new Promise((resolve) => {
    const child = spawn("git", args, { cwd, stdio: ["ignore", "pipe", "pipe"], env: process.env });
    const out = [];
    const err = [];
    child.stdout.on("data", (chunk) => out.push(chunk));
    child.stderr.on("data", (chunk) => err.push(chunk));
    child.on("error", () => resolve(undefined));
    child.on("close", (code) => resolve({ stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString("utf8"), code: code ?? 1 }));
  });
}

/**
 * Git commands every scan of a work tree runs first, started now so that they run on another core
 * while this process loads the scan's modules (see PrestartedGit in src/commands/scan.ts): the work
 * tree's top, and, when the current folder is that top (it holds `.git`) and the command scans the
 * whole tree, the listing of its files. With GIT_DIR or GIT_WORK_TREE set, nothing is started early.
 */
function prestart(argv) {
  if (process.env.GIT_DIR !== undefined || process.env.GIT_WORK_TREE !== undefined) return undefined;
  const cwd = process.cwd();
  const top = startGit(cwd, ["rev-parse", "--show-toplevel"]);
  const listing =
    wholeTree(argv) && existsSync(path.join(cwd, ".git")) ? startGit(cwd, ["ls-files", "-co", "--exclude-standard", "-z", "--", ":(literal)."]) : undefined;
  return { cwd, top, ...(listing === undefined ? {} : { listing }) };
}

/** The exit code of `warden scan ARGS`, or undefined when there is no scan bundle (run the full CLI). */
export async function startScan(argv) {
  if (!existsSync(bundle)) return undefined;
  const prestarted = prestart(argv);
  if (process.env.WARDEN_NO_COMPILE_CACHE !== undefined) return module.createRequire(import.meta.url)(bundle).scanMain(argv, prestarted);
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
  const code = await mod.exports.scanMain(argv, prestarted);
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
