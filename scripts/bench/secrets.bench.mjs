#!/usr/bin/env node
// `pnpm bench secrets`: throughput (MB/s) and peak memory of `warden scan` beside secretlint
// (recommended preset), git-secrets (AWS patterns) and ripgrep (seven secret patterns; Warden's
// keywords), on (a) this repository and (b) a generated corpus with planted secrets of
// mixed formats; the share of planted secrets each tool finds; (c) findings on third-party code
// (this repository's node_modules), nearly all false positives; and (d) `warden scan --history`
// peak memory on a generated history; (e) a tree of ~45,000 small files of real published source
// beside ripgrep. Results go to the "secrets" section of docs/benchmarks.md.
import { execFileSync, spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { machine, ROOT, writeSection } from "./lib.mjs";
import { generateCorpus } from "./secrets/corpus.mjs";

const USAGE = `usage: node scripts/bench/secrets.bench.mjs [--quick] [--corpus-mb N] [--history-mb N] [--skip-secretlint] [--many-files-only] [--before CLI]
  --quick            40 MB corpus, 100 MB history (a smoke run; numbers are not written)
  --corpus-mb N      size of the generated corpus (default 210)
  --history-mb N     size of the generated history for the memory measurement (default 1024)
  --many-files-only  only (e), the tree of many small files beside ripgrep (writes only its section)
  --before CLI       also run an older build's bin/warden.js (e.g. a checkout of an earlier commit) on every tree
  --before-label T   what that build is, for the docs (e.g. "main at e5226ef")
Needs /usr/bin/time, git; uses git-secrets and rg when installed (scripts/ci/system-deps.sh) and
installs secretlint into ${path.join(tmpdir(), "warden-bench-secrets")} (not into the repository).
(e) unpacks pinned npm packages (npm pack, from the registry) into the same folder.
`;
const argv = process.argv.slice(2);
if (argv.includes("--help")) {
  process.stdout.write(USAGE);
  process.exit(0);
}
function flagValue(name, fallback) {
  const at = argv.indexOf(name);
  if (at < 0) return fallback;
  const value = Number(argv[at + 1]);
  if (!Number.isFinite(value) || value <= 0) {
    process.stderr.write(`bench secrets: ${name} needs a positive number\n`);
    process.exit(2);
  }
  return value;
}
const quick = argv.includes("--quick");
const manyFilesOnly = argv.includes("--many-files-only");
const BEFORE = argv.includes("--before") ? path.resolve(argv[argv.indexOf("--before") + 1] ?? "") : undefined;
const BEFORE_LABEL = argv.includes("--before-label") ? (argv[argv.indexOf("--before-label") + 1] ?? "") : "an older build";
if (BEFORE !== undefined && !existsSync(BEFORE)) {
  process.stderr.write(`bench secrets: --before ${BEFORE}: no such file (give the bin/warden.js of an older build)\n`);
  process.exit(2);
}
const CORPUS_MB = flagValue("--corpus-mb", quick ? 40 : 210);
const HISTORY_MB = flagValue("--history-mb", quick ? 100 : 1024);
const PLANTED = quick ? 28 : 60;

const SECRETLINT_VERSION = "11.7.1"; // the last release line that supports Node 20
const SECRETLINT_LIMIT = 180; // seconds; on the 12k-file third-party tree secretlint runs for many minutes
const WORK = path.join(tmpdir(), "warden-bench-secrets");
const WARDEN = path.join(ROOT, "packages/cli/bin/warden.js");
const env = {
  ...process.env,
  NO_COLOR: "1",
  GIT_AUTHOR_NAME: "bench",
  GIT_AUTHOR_EMAIL: "bench@example.test",
  GIT_COMMITTER_NAME: "bench",
  GIT_COMMITTER_EMAIL: "bench@example.test",
  GIT_CONFIG_NOSYSTEM: "1",
};

const log = (text) => process.stdout.write(`${text}\n`);
const has = (cmd) => spawnSync("sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" }).status === 0;
const git = (cwd, args) => execFileSync("git", args, { cwd, env, stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 26 });

/** Best of `runs` runs of {@link measureOnce} (the machine is shared: the fastest run is the least disturbed). */
function measure(name, cmd, args, cwd, runs = 3, timeoutSeconds = undefined) {
  let best;
  for (let i = 0; i < runs; i += 1) {
    const run = measureOnce(name, cmd, args, cwd, timeoutSeconds);
    if (best === undefined || run.seconds < best.seconds) best = run;
  }
  return best;
}

/** Run a command under /usr/bin/time; stdout goes to a file (tools print a lot). */
function measureOnce(name, cmd, args, cwd, timeoutSeconds) {
  const out = path.join(WORK, `${name.replace(/\W+/g, "-")}.out`);
  const err = path.join(WORK, `${name.replace(/\W+/g, "-")}.err`);
  const timing = path.join(WORK, "time.txt");
  const fdOut = openSync(out, "w");
  const fdErr = openSync(err, "w");
  const started = process.hrtime.bigint();
  // coreutils timeout stops the tool at the limit; /usr/bin/time still reports on it.
  const limit = timeoutSeconds === undefined ? [] : ["timeout", "-s", "KILL", String(timeoutSeconds)];
  const result = spawnSync("/usr/bin/time", ["-o", timing, "-f", "%e %M %U %S", ...limit, cmd, ...args], { cwd, env, stdio: ["ignore", fdOut, fdErr] });
  if (timeoutSeconds !== undefined && result.status === 137) {
    closeSync(fdOut);
    closeSync(fdErr);
    return { seconds: timeoutSeconds, rssMb: NaN, cpu: NaN, code: null, stdout: "", stderr: "", timedOut: true };
  }
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  closeSync(fdOut);
  closeSync(fdErr);
  const [, rssKb, user, system] = readFileSync(timing, "utf8").trim().split("\n").pop().split(" ").map(Number);
  return { seconds: wall, rssMb: rssKb / 1024, cpu: user + system, code: result.status, stdout: readFileSync(out, "utf8"), stderr: readFileSync(err, "utf8") };
}

/** file:line pairs from "path:line:…" output lines (grep, rg, git-secrets, secretlint's unix format). */
function locations(text, root) {
  const found = [];
  for (const line of text.split("\n")) {
    const m = /^(.+?):(\d+):/.exec(line);
    if (m === null) continue;
    const file = path.isAbsolute(m[1]) ? path.relative(root, m[1]) : m[1].replace(/^\.\//, "");
    found.push({ file, line: Number(m[2]) });
  }
  return found;
}

function share(manifest, found) {
  const byFile = new Map();
  for (const f of found) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f.line]);
  const hit = manifest.filter((p) => (byFile.get(p.file) ?? []).some((l) => l >= p.line && l < p.line + p.span));
  const perFormat = new Map();
  for (const p of manifest) {
    const entry = perFormat.get(p.format) ?? { total: 0, found: 0 };
    entry.total += 1;
    if (hit.includes(p)) entry.found += 1;
    perFormat.set(p.format, entry);
  }
  return { found: hit.length, total: manifest.length, perFormat };
}

function wardenKeywords() {
  const file = path.join(WORK, "warden-keywords.txt");
  const script = `import("${path.join(ROOT, "packages/secrets/dist/index.js")}").then(({ DETECTORS }) => {
    const words = new Set(DETECTORS.filter((d) => d.kind === "content").flatMap((d) => d.keywords));
    process.stdout.write([...words].join("\\n") + "\\n");
  })`;
  writeFileSync(file, execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" }));
  return file;
}

/**
 * What the ripgrep row runs: seven common secret shapes (Rust regex syntax, ripgrep's default
 * engine), a speed reference with the same "keyword, then a token shape" work as a scanner's
 * cheapest detectors. (Warden's own 263 patterns no longer fit one PCRE2 expression, and as 263
 * separate passes they would measure ripgrep's start-up, not its search.)
 */
const RG_PATTERNS = [
  "(?:AKIA|ASIA)[0-9A-Z]{16}",
  "gh[pousr]_[A-Za-z0-9]{36}",
  "glpat-[0-9A-Za-z_-]{20}",
  "xox[baprs]-[0-9A-Za-z-]{10,}",
  "[rs]k_live_[0-9A-Za-z]{24,}",
  "AIza[0-9A-Za-z_-]{35}",
  "-----BEGIN [A-Z ]*PRIVATE KEY-----",
];
const rgPatternArgs = () => RG_PATTERNS.flatMap((p) => ["-e", p]);

/** The row of `warden scan` as users run it (no --workers), the one the goals are measured on. */
const DEFAULT_ROW = "warden scan (default threads)";
/** What Warden's default is on this machine (packages/cli/src/commands/scan.ts, pathsPlan). */
const CORES = availableParallelism();
const DEFAULT_THREADS =
  "the main thread alone whenever the 1-minute load average is at or above the number of cores; otherwise, " +
  (CORES < 2
    ? "one thread"
    : CORES < 4
      ? "on these " + CORES + " cores, 2,000+ files are read ahead by a second thread while the main thread scans"
      : `on these ${CORES} cores: 2,000+ files or more than 16 MiB are split between the main thread and ${Math.min(4, CORES - 1)} scanning workers`);

function detectorCount() {
  const script = `import("${path.join(ROOT, "packages/secrets/dist/index.js")}").then(({ DETECTORS }) => process.stdout.write(String(DETECTORS.length)))`;
  return execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
}

function ensureSecretlint() {
  const dir = path.join(WORK, "secretlint");
  const bin = path.join(dir, "node_modules/.bin/secretlint");
  if (!existsSync(bin)) {
    log(`installing secretlint ${SECRETLINT_VERSION} into ${dir} …`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "package.json"), '{ "private": true }\n');
    const result = spawnSync(
      "npm",
      ["install", "--no-fund", "--no-audit", "--loglevel=error", `secretlint@${SECRETLINT_VERSION}`, `@secretlint/secretlint-rule-preset-recommend@${SECRETLINT_VERSION}`],
      { cwd: dir, env, encoding: "utf8" },
    );
    if (result.status !== 0) return undefined;
  }
  const rc = path.join(WORK, "secretlintrc.json");
  writeFileSync(rc, JSON.stringify({ rules: [{ id: "@secretlint/secretlint-rule-preset-recommend" }] }));
  return { bin, rc };
}

function listFiles(root) {
  const names = execFileSync("git", ["ls-files", "-co", "--exclude-standard", "-z"], { cwd: root, encoding: "utf8", maxBuffer: 1 << 28 })
    .split("\0")
    .filter((n) => n !== "" && existsSync(path.join(root, n)) && statSync(path.join(root, n)).isFile());
  const bytes = names.reduce((sum, n) => sum + statSync(path.join(root, n)).size, 0);
  return { names, bytes };
}

/** Run every tool over `root` (a git work tree); `manifest` (planted secrets) may be empty. */
function runTools(label, root, manifest, tools) {
  const { names, bytes } = listFiles(root);
  const listFile = path.join(WORK, `${label}-files.txt`);
  writeFileSync(listFile, names.join("\n"));
  const mb = bytes / 1048576;
  const rows = [];
  const add = (tool, run, found, note = "") => {
    const s = manifest.length > 0 ? share(manifest, found) : undefined;
    rows.push({ tool, seconds: run.seconds, cpu: run.cpu, mbps: mb / run.seconds, rssMb: run.rssMb, found: s, reported: found.length, note });
    log(`  ${tool.padEnd(40)} ${run.seconds.toFixed(2).padStart(7)} s (cpu ${run.cpu.toFixed(2)} s) ${(mb / run.seconds).toFixed(1).padStart(7)} MB/s ${run.rssMb.toFixed(0).padStart(5)} MB` + (s ? `  planted ${s.found}/${s.total}` : "") + `  reported ${found.length}${note ? ` (${note})` : ""}`);
  };
  log(`${label}: ${names.length} files, ${mb.toFixed(1)} MB`);

  // Every tool's runs are interleaved (round 1 of each, then round 2 …) so that a change in the
  // shared machine's load hits them alike; each keeps its best run.
  const jobs = [];
  const job = (name, cmd, args, finish, runs = 3, timeoutSeconds = undefined) => jobs.push({ name, cmd, args, finish, runs, timeoutSeconds, best: undefined });
  // "default": no --workers (the threads Warden picks on this machine: see DEFAULT_THREADS).
  for (const workers of tools.workerRows ?? ["default", "0", "2"]) {
    const flag = workers === "default" ? [] : ["--workers", workers];
    job(`warden-${label}-${workers}`, process.execPath, [WARDEN, "scan", "--format", "json", ...flag], (run) => {
      if (run.code === 2) throw new Error(`warden scan failed: ${run.stderr}`);
      add(workers === "default" ? DEFAULT_ROW : `warden scan --workers ${workers}`, run, JSON.parse(run.stdout).findings.map((f) => ({ file: f.file, line: f.line })));
    });
  }
  if (BEFORE !== undefined) {
    job(`warden-before-${label}`, process.execPath, [BEFORE, "scan", "--format", "json", "--workers", "0"], (run) => {
      if (run.code === 2) throw new Error(`warden scan (before) failed: ${run.stderr}`);
      add("warden scan --workers 0 (before)", run, JSON.parse(run.stdout).findings.map((f) => ({ file: f.file, line: f.line })));
    });
  }
  if (tools.rg) {
    // Same files as Warden: its size limit (5 MiB by default) applies to ripgrep too.
    const max = ["--max-filesize", "5M"];
    job(`rg-${label}`, "rg", ["-n", "--no-heading", "--with-filename", ...max, ...rgPatternArgs(), "."], (run) => add(`ripgrep (${RG_PATTERNS.length} secret patterns)`, run, locations(run.stdout, root)));
    job(`rg-keywords-${label}`, "rg", ["-F", "-i", "-c", ...max, "-f", tools.keywords, "."], (run) => add("ripgrep -F -i (Warden's keywords only)", run, [], "prefilter only"));
  }
  if (tools.gitSecrets) {
    job(`git-secrets-${label}`, "git", ["secrets", "--scan", "--no-index"], (run) => add("git-secrets --register-aws", run, locations(run.stdout + run.stderr, root)));
  }
  if (tools.secretlint) {
    // Many small files make secretlint slow: one run, stopped after SECRETLINT_LIMIT seconds.
    const many = names.length > 2000;
    job(
      `secretlint-${label}`,
      tools.secretlint.bin,
      ["--secretlintrc", tools.secretlint.rc, "--format", "unix", "--maskSecrets", ...(label === "repo" ? names : ["**/*"])],
      (run) => add(`secretlint ${SECRETLINT_VERSION} (recommended)`, run, locations(run.stdout, root), run.timedOut ? `stopped after ${SECRETLINT_LIMIT} s` : ""),
      many ? 1 : 3,
      many ? SECRETLINT_LIMIT : undefined,
    );
  }
  for (let round = 0; round < Math.max(...jobs.map((j) => j.runs)); round += 1) {
    for (const j of jobs) {
      if (round >= j.runs) continue;
      const run = measureOnce(j.name, j.cmd, j.args, root, j.timeoutSeconds);
      if (j.best === undefined || run.seconds < j.best.seconds) j.best = run;
    }
  }
  for (const j of jobs) j.finish(j.best);
  return { label, files: names.length, mb, rows };
}

function table(result) {
  const withShare = result.rows.some((r) => r.found !== undefined);
  const head = `| tool | time (s) | CPU (s) | MB/s | peak RSS (MB) | findings |${withShare ? " planted found |" : ""}\n| --- | ---: | ---: | ---: | ---: | ---: |${withShare ? " ---: |" : ""}`;
  const body = result.rows
    .map((r) => `| ${r.tool} | ${r.note.startsWith("stopped") ? "> " : ""}${r.seconds.toFixed(2)} | ${Number.isNaN(r.cpu) ? "—" : r.cpu.toFixed(2)} | ${r.note.startsWith("stopped") ? "< " : ""}${r.mbps.toFixed(1)} | ${Number.isNaN(r.rssMb) ? "—" : r.rssMb.toFixed(0)} | ${r.note || r.reported} |${withShare ? (r.note ? " — |" : ` ${r.found.found}/${r.found.total} (${Math.round((100 * r.found.found) / r.found.total)}%) |`) : ""}`)
    .join("\n");
  return `${head}\n${body}`;
}

function goals(result) {
  const get = (prefix) => result.rows.find((r) => r.tool.startsWith(prefix));
  const w = get(DEFAULT_ROW);
  const lines = [];
  const sl = get("secretlint");
  const stopped = sl?.note.startsWith("stopped") === true;
  const gs = get("git-secrets");
  const rg = get("ripgrep (");
  const before = get("warden scan --workers 0 (before)");
  const rgKeywords = get("ripgrep -F");
  if (sl) lines.push(`- ≥ 10× secretlint's throughput: ${stopped ? "more than " : ""}${(w.mbps / sl.mbps).toFixed(1)}× — ${w.mbps >= 10 * sl.mbps ? "met" : "**not met**"}`);
  if (gs) lines.push(`- faster than git-secrets: ${(w.mbps / gs.mbps).toFixed(1)}× — ${w.mbps > gs.mbps ? "met" : "**not met**"}`);
  if (rg) lines.push(`- ≥ 0.5× the throughput of ripgrep with ${RG_PATTERNS.length} secret patterns: ${(w.mbps / rg.mbps).toFixed(2)}× (CPU time: ${(rg.cpu / w.cpu).toFixed(2)}×) — ${w.mbps >= 0.5 * rg.mbps ? "met" : "**not met**"}`);
  if (before) lines.push(`- not slower than before (the --before build): ${(w.mbps / before.mbps).toFixed(2)}× its throughput (CPU time: ${(before.cpu / w.cpu).toFixed(2)}×) — ${w.mbps >= before.mbps ? "met" : "**not met**"}`);
  if (rgKeywords) lines.push(`- for scale, ripgrep searching only the keywords (no patterns) reaches ${(rgKeywords.mbps / w.mbps).toFixed(1)}× Warden's throughput`);
  if (w.found !== undefined) lines.push(`- every planted secret found: ${w.found.found}/${w.found.total} — ${w.found.found === w.found.total ? "met" : "**not met**"}`);
  return lines.join("\n");
}

/** What the throughput goals that were missed would take, from the same run's figures. */
function shortfalls(result) {
  const get = (prefix) => result.rows.find((r) => r.tool.startsWith(prefix));
  const w = get(DEFAULT_ROW);
  const sl = get("secretlint");
  const gs = get("git-secrets");
  const floor = get("ripgrep -F");
  const notes = [];
  if (sl && floor && w.mbps < 10 * sl.mbps) {
    notes.push(
      `On the corpus, 10× secretlint would be ${(10 * sl.mbps).toFixed(0)} MB/s, ${((10 * sl.mbps) / floor.mbps).toFixed(2)}× of what ripgrep ` +
        `reaches when it only searches for Warden's keywords (${floor.mbps.toFixed(0)} MB/s: native code, no patterns at all). ` +
        "secretlint is quick there because the corpus is a few large files and its cost is per file: on the " +
        "many-file tree (c) Warden is two orders of magnitude faster and secretlint does not finish.",
    );
  }
  if (gs && w.mbps <= gs.mbps) {
    notes.push(
      `git-secrets (${gs.mbps.toFixed(0)} MB/s) runs three fixed AWS patterns through \`git grep\`, native code on every ` +
        `core, and finds only AWS keys; Warden walks ${w.mbps.toFixed(0)} MB/s through a ` +
        "keyword automaton for every detector in JavaScript, plus Node's start-up (and, for a scanning worker, " +
        "its own module loading and automaton).",
    );
  }
  return notes.length === 0 ? "" : `About the throughput goals not met:\n\n${notes.map((n) => `- ${n}`).join("\n")}`;
}

// ---------------------------------------------------------------------------------------------
mkdirSync(WORK, { recursive: true });
log("building the CLI and @warden/secrets …");
execFileSync(process.execPath, [path.join(ROOT, "packages/cli/scripts/build.mjs")], { stdio: "inherit" });
execFileSync(path.join(ROOT, "node_modules/.bin/tsc"), ["-p", path.join(ROOT, "packages/secrets/tsconfig.build.json")], { stdio: "inherit" });

const tools = {
  rg: has("rg"),
  keywords: has("rg") ? wardenKeywords() : undefined,
  gitSecrets: has("git-secrets"),
  secretlint: argv.includes("--skip-secretlint") ? undefined : ensureSecretlint(),
};
const missing = [!tools.rg && "ripgrep", !tools.gitSecrets && "git-secrets", !tools.secretlint && "secretlint"].filter(Boolean);
if (missing.length > 0) log(`not available, left out: ${missing.join(", ")} (bash scripts/ci/system-deps.sh installs the first two)`);

// (e) many small files: pinned npm packages, unpacked (real published source: JavaScript, type
// declarations, JSON, markdown), committed to a git repository as a project would be.
const MANY_FILES_PACKAGES = [
  "@mui/icons-material@5.15.20",
  "date-fns@2.30.0",
  "core-js@3.37.1",
  "rxjs@7.8.1",
  "lodash@4.17.21",
  "typescript@5.4.5",
  "@babel/core@7.24.7",
  "@babel/types@7.24.7",
  "@babel/parser@7.24.7",
  "@babel/traverse@7.24.7",
  "@babel/generator@7.24.7",
  "@babel/runtime@7.24.7",
];
function manyFilesTree() {
  const tree = path.join(WORK, "many-files-repo");
  const done = path.join(tree, ".git", "bench-packages.json");
  if (existsSync(done) && readFileSync(done, "utf8") === JSON.stringify(MANY_FILES_PACKAGES)) return tree;
  rmSync(tree, { recursive: true, force: true });
  const cache = path.join(WORK, "many-files-cache");
  mkdirSync(cache, { recursive: true });
  mkdirSync(tree, { recursive: true });
  log(`unpacking ${MANY_FILES_PACKAGES.length} npm packages into ${tree} …`);
  for (const spec of MANY_FILES_PACKAGES) {
    const tarball = execFileSync("npm", ["pack", "--silent", "--pack-destination", cache, spec], { cwd: cache, encoding: "utf8" }).trim().split("\n").pop();
    const target = path.join(tree, spec.replace(/^@/, "").replace(/[/@]/g, "-"));
    mkdirSync(target, { recursive: true });
    execFileSync("tar", ["-xzf", path.join(cache, tarball), "-C", target]);
  }
  git(tree, ["init", "-q"]);
  git(tree, ["add", "-A"]);
  git(tree, ["commit", "-q", "-m", "packages"]);
  writeFileSync(done, JSON.stringify(MANY_FILES_PACKAGES));
  return tree;
}
const manyLoad = { start: 0 };
if (manyFilesOnly) {
  manyLoad.start = loadavg()[0];
  const manyResult = runTools("many-files", manyFilesTree(), [], { ...tools, gitSecrets: false, secretlint: undefined, workerRows: ["default", "0", "1"] });
  if (!quick) {
    writeSection("secrets-many", manySection(manyResult));
    log("wrote the secrets-many section of docs/benchmarks.md");
  }
  process.exit(0);
}

// (b) the generated corpus
const corpus = path.join(WORK, `corpus-${CORPUS_MB}mb`);
const manifestFile = path.join(corpus, ".manifest.json");
if (!existsSync(manifestFile)) {
  rmSync(corpus, { recursive: true, force: true });
  log(`generating a ${CORPUS_MB} MB corpus with ${PLANTED} planted secrets …`);
  mkdirSync(corpus, { recursive: true });
  const manifest = generateCorpus(corpus, { bytes: CORPUS_MB * 1048576, count: PLANTED });
  git(corpus, ["init", "-q"]);
  writeFileSync(path.join(corpus, ".gitignore"), ".manifest.json\n");
  writeFileSync(manifestFile, JSON.stringify(manifest));
}
const manifest = JSON.parse(readFileSync(manifestFile, "utf8"));
if (tools.gitSecrets) {
  spawnSync("git", ["config", "--unset-all", "secrets.patterns"], { cwd: corpus, env });
  git(corpus, ["secrets", "--register-aws"]);
}

const corpusResult = runTools("corpus", corpus, manifest, tools);

// (a) this repository (git-secrets needs its patterns in this repository's config: use a copy of the files)
const repoCopy = path.join(WORK, "repo-copy");
rmSync(repoCopy, { recursive: true, force: true });
mkdirSync(repoCopy, { recursive: true });
for (const name of listFiles(ROOT).names) {
  const target = path.join(repoCopy, name);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, readFileSync(path.join(ROOT, name)));
}
git(repoCopy, ["init", "-q"]);
// The repository's warden.config.ts imports @warden/cli, which the copy cannot resolve: same ignores as JSON.
rmSync(path.join(repoCopy, "warden.config.ts"), { force: true });
writeFileSync(path.join(repoCopy, "warden.config.json"), JSON.stringify({ ignore: ["**/test/fixtures/**", "**/dist/**"] }));
if (existsSync(path.join(ROOT, ".gitignore"))) writeFileSync(path.join(repoCopy, ".gitignore"), readFileSync(path.join(ROOT, ".gitignore")));
if (tools.gitSecrets) git(repoCopy, ["secrets", "--register-aws"]);
const repoResult = runTools("repo", repoCopy, [], tools);

// (c) precision on third-party code: this repository's installed dependencies, copied into a plain
// folder ("node_modules" renamed, since scanners skip it). Real packages hold no live secrets, so
// nearly every finding there is a false positive.
const thirdParty = path.join(WORK, "third-party");
if (!existsSync(path.join(thirdParty, ".git"))) {
  rmSync(thirdParty, { recursive: true, force: true });
  log("copying node_modules/.pnpm into a plain folder …");
  const copy = (from, to) => {
    for (const entry of readdirSync(from, { withFileTypes: true })) {
      const source = path.join(from, entry.name);
      const target = path.join(to, entry.name === "node_modules" ? "nm" : entry.name);
      if (entry.isDirectory()) copy(source, target);
      else if (entry.isFile()) {
        mkdirSync(to, { recursive: true });
        writeFileSync(target, readFileSync(source));
      }
    }
  };
  copy(path.join(ROOT, "node_modules/.pnpm"), thirdParty);
  git(thirdParty, ["init", "-q"]);
  if (tools.gitSecrets) git(thirdParty, ["secrets", "--register-aws"]);
}
const thirdPartyResult = runTools("third-party", thirdParty, [], tools);

// (d) history: peak memory of `warden scan --history` over HISTORY_MB of added lines
const history = path.join(WORK, `history-${HISTORY_MB}mb`);
const historyDone = path.join(history, ".git", "bench-manifest.json");
const perCommitMb = 32;
if (!existsSync(historyDone)) {
  rmSync(history, { recursive: true, force: true });
  mkdirSync(history, { recursive: true });
  git(history, ["init", "-q"]);
  const commits = Math.ceil(HISTORY_MB / perCommitMb);
  log(`generating a history of ${commits} commits × ${perCommitMb} MB …`);
  const planted = [];
  for (let c = 0; c < commits; c += 1) {
    planted.push(...generateCorpus(history, { bytes: perCommitMb * 1048576, count: 2, seed: 100 + c, prefix: `c${String(c).padStart(3, "0")}/` }));
    git(history, ["add", "-A"]);
    git(history, ["commit", "-q", "-m", `commit ${c}`]);
  }
  writeFileSync(historyDone, JSON.stringify(planted));
}
const historyPlanted = JSON.parse(readFileSync(historyDone, "utf8"));
const historyRun = measure("warden-history", process.execPath, [WARDEN, "scan", "--history", "--format", "json"], history, 1);
const historyReport = JSON.parse(historyRun.stdout);
const historyMb = historyReport.summary.bytes / 1048576;
const historyShare = share(historyPlanted, historyReport.findings.map((f) => ({ file: f.file, line: f.line })));
log(`history: ${historyReport.summary.commits} commits, ${historyMb.toFixed(0)} MB of added lines in ${historyRun.seconds.toFixed(1)} s, peak RSS ${historyRun.rssMb.toFixed(0)} MB, planted ${historyShare.found}/${historyShare.total}`);

const manyFiles = manyFilesTree();
manyLoad.start = loadavg()[0];
const manyResult = runTools("many-files", manyFiles, [], { ...tools, gitSecrets: false, secretlint: undefined, workerRows: ["default", "0", "1"] });
function manySection(manyResult) {
  return `### (e) Many small files: ${manyResult.files.toLocaleString("en")} files, ${manyResult.mb.toFixed(0)} MB

Measured ${new Date().toISOString().replace(/\.\d+Z$/, "Z")} on ${machine()}; **the machine is shared** with other
engineers' builds and tests, so wall times move a lot between runs: the CPU column (user + system
time of the process) moves less, and the ratios within one run are what count. Best of three runs each,
the tools' runs interleaved (round by round) so that load changes hit them alike.

The tree: ${MANY_FILES_PACKAGES.map((p) => `\`${p}\``).join(", ")} — unpacked from the npm registry
(\`npm pack\`) into one git repository and committed. Warden scans what git lists; ripgrep walks the same
folder (no ignore files in it). Files over 5 MiB (three of TypeScript's) are skipped by both:
Warden's default \`secrets.maxFileSize\`, ripgrep's \`--max-filesize 5M\`.

ripgrep ${spawnSync("rg", ["--version"], { encoding: "utf8" }).stdout?.split("\n")[0]?.replace(/^ripgrep /, "") ?? "?"} runs, exactly:
\`rg -n --no-heading --with-filename --max-filesize 5M ${RG_PATTERNS.map((p) => `-e '${p}'`).join(" ")} .\`
(its default engine, on both cores), and for the keyword floor \`rg -F -i -c --max-filesize 5M -f <Warden's ${readFileSync(tools.keywords, "utf8").split("\n").filter(Boolean).length} keywords> .\`.
Warden runs \`warden scan --format json\` with all ${detectorCount()} detectors: by default (${DEFAULT_THREADS}), with \`--workers 0\` (everything in the main thread) and with \`--workers 1\` (the files split between the main thread and one scanning worker). The goals are measured on the default row.${BEFORE === undefined ? "" : ` The "(before)" row runs ${BEFORE_LABEL} with \`--workers 0\`, which was its default on two cores.`}

${table(manyResult)}

The 1-minute load average was ${manyLoad.start.toFixed(1)} when these runs started and ${loadavg()[0].toFixed(1)} when they ended (${CORES} cores).

${goals(manyResult)}
`;
}

if (quick) {
  log("--quick: numbers not written to docs/benchmarks.md");
  process.exit(0);
}

const date = new Date().toISOString().replace(/\.\d+Z$/, "Z");
writeSection(
  "secrets",
  `## Secret scanning (\`pnpm bench secrets\`)

Measured ${date} on ${machine()}. Every tool scans the same files (in the page cache); time is
wall-clock of the whole process (start-up included), the best of three runs interleaved between the
tools (the history scan: one run), CPU = user + system time, peak RSS from \`/usr/bin/time\`. The machine is shared with other
work running at the same time, so the numbers move by ±30 % between runs; compare within a table.

Tools: \`warden scan\` (paths mode: by default — ${DEFAULT_THREADS} — then with \`--workers 0\`,
everything in the main thread, and \`--workers 2\`, two scanning workers beside it; the goals are measured on the default row); secretlint
${SECRETLINT_VERSION} with \`@secretlint/secretlint-rule-preset-recommend\` (the last release line that runs
on Node 20; installed in a temp folder); git-secrets (Debian package) with \`--register-aws\`;
ripgrep (its default regex engine) with ${RG_PATTERNS.length} common secret patterns (${RG_PATTERNS.map((p) => `\`${p}\``).join(", ")}),
a speed reference for the "keyword, then token shape" work, not a precision comparison; a second ripgrep run searches for
Warden's keywords only (\`rg -F -i\`), the floor of any keyword-anchored scan. Both skip files over 5 MiB, as Warden does by default. git-secrets runs its
three AWS patterns through \`git grep\`, so it is fast and finds only AWS keys.${BEFORE === undefined ? "" : ` The "(before)" rows run ${BEFORE_LABEL} with \`--workers 0\` (its default on two cores), for the goal "not slower than before".`}

### (b) Generated corpus: ${corpusResult.files} files, ${corpusResult.mb.toFixed(0)} MB, ${manifest.length} planted secrets of ${new Set(manifest.map((m) => m.format)).size} formats

Source-like text (TypeScript, Python, YAML, JSON, lockfile hashes) with secret-sounding words and
URLs in about one line in 25 — one keyword hit per ~370 bytes, denser than TypeScript's compiler
source (~900) — so the keyword prefilter is exercised, not bypassed. "findings" counts what each
tool reported; beyond the planted secrets (and the 5 AWS secret keys planted beside their key
ids) everything is a false positive.

${table(corpusResult)}

Planted formats: ${[...share(manifest, []).perFormat.keys()].join(", ")}.

Goals on the corpus (few large files):

${goals(corpusResult)}

### (a) This repository: ${repoResult.files} files, ${repoResult.mb.toFixed(1)} MB

${table(repoResult)}

On a repository this small every tool's time is dominated by start-up (Node, module loading,
git), not by scanning.

### (c) Precision on third-party code: ${thirdPartyResult.files} files, ${thirdPartyResult.mb.toFixed(0)} MB

This repository's installed dependencies (\`node_modules/.pnpm\`, copied into a plain folder so
that no tool skips it). Published packages hold no live secrets, so "findings" here are, to a first
approximation, false positives (test fixtures and documentation samples included).

${table(thirdPartyResult)}

Goals on this tree (many small files, as real repositories have):

${goals(thirdPartyResult)}

${shortfalls(corpusResult)}

### (d) History: \`warden scan --history\`

${historyReport.summary.commits} commits adding ${historyMb.toFixed(0)} MB of lines (generated, ${perCommitMb} MB per commit):
${historyRun.seconds.toFixed(1)} s (${(historyMb / historyRun.seconds).toFixed(1)} MB/s of added lines, including \`git log -p\` itself),
peak RSS ${historyRun.rssMb.toFixed(0)} MB (goal < 300 MB on 1 GB: ${historyRun.rssMb < 300 ? "met" : "**not met**"}${historyMb < 1000 ? `, measured on ${historyMb.toFixed(0)} MB only` : ""});
planted secrets found: ${historyShare.found}/${historyShare.total}, each with the commit that added it.
`,
);
writeSection("secrets-many", manySection(manyResult));
log("wrote the secrets section of docs/benchmarks.md");
