// `warden scan` starts from its own bundle, dist/scan.cjs (src/scan-start.ts): the scan command and
// what it runs, one CommonJS file, none of the other commands. Before loading it, the git commands
// every scan of a work tree runs first are started here, so git works on another core while the
// bundle loads (see PrestartedGit in src/commands/scan.ts).
// Tried and left out: keeping V8's compiled code for the bundle between runs (vm.Script with
// cachedData) saved about 0.05 s of CPU per scan, but on Node 20 code restored from that cache
// cannot run `import()` ("A dynamic import callback was not specified"), which loading a
// warden.config.ts needs (docs/benchmarks.md).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import module from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

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
  return module.createRequire(import.meta.url)(bundle).scanMain(argv, prestarted);
}
