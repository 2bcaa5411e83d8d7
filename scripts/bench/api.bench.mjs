#!/usr/bin/env node
// `pnpm bench api`: `warden api` cold (no warm server) on a generated 20-package monorepo and on
// this repository, beside API Extractor on the same packages. API Extractor needs built .d.ts files
// and one run per entry point, so it is timed after a `tsc` declaration build (timed separately);
// Warden reads the sources at two git states directly. Tools are installed into a temporary folder
// with npm, never into the repository. Writes the api section of docs/benchmarks.md.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { machine, median, ROOT, writeSection } from "./lib.mjs";

if (process.argv.includes("--help")) {
  process.stdout.write("usage: node scripts/bench/api.bench.mjs [--quick]\nTimes `warden api` cold beside API Extractor on a generated 20-package monorepo and on this repository.\n");
  process.exit(0);
}
const quick = process.argv.includes("--quick");
const RUNS = quick ? 1 : 3;
const PACKAGES = 20;
const MODULES = 10;
const WARDEN = path.join(ROOT, "packages/cli/bin/warden.js");
const TOOLS = { "@microsoft/api-extractor": "7.60.1", typescript: "5.9.3" };
const env = { ...process.env, WARDEN_DAEMON: "0", NO_COLOR: "1", FORCE_COLOR: "0", GIT_AUTHOR_NAME: "bench", GIT_AUTHOR_EMAIL: "bench@example.test", GIT_COMMITTER_NAME: "bench", GIT_COMMITTER_EMAIL: "bench@example.test" };

function run(command, args, cwd) {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd, env, encoding: "utf8", maxBuffer: 1 << 30 });
  return { ms: performance.now() - started, code: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}

function moduleSource(p, m, variant) {
  const lines = [
    `/** Options of the ${m}th operation of package ${p}. */`,
    `export interface Options${m} {`,
    "  readonly retries: number;",
    variant ? "  readonly timeoutMs?: number;" : "  readonly verbose: boolean;",
    "}",
    `/** Modes of operation ${m}. */`,
    `export type Mode${m} = ${variant ? '"fast"' : '"fast" | "slow"'};`,
    `/** Runs operation ${m}. */`,
    `export function run${m}(input: string, options: Options${m}${variant ? ", mode?: Mode" + m : ""}): Promise<number> {`,
    "  return Promise.resolve(input.length + options.retries);",
    "}",
    `/** A client for operation ${m}. */`,
    `export class Client${m} {`,
    "  constructor(private readonly base: string) {}",
    "  /** Sends a request. */",
    `  send(path: string): string {`,
    "    return this.base + path;",
    "  }",
    "}",
    `/** Levels. */`,
    `export enum Level${m} { Low, High${variant ? ", Max" : ""} }`,
  ];
  return `${lines.join("\n")}\n`;
}

/** A 20-package monorepo committed at base, with every other package changed (half breaking) in the work tree. */
function generate(dir) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "bench-api", private: true, workspaces: ["packages/*"] }, null, 2));
  for (let p = 0; p < PACKAGES; p++) {
    const pkg = path.join(dir, "packages", `p${p}`);
    mkdirSync(path.join(pkg, "src"), { recursive: true });
    writeFileSync(
      path.join(pkg, "package.json"),
      JSON.stringify({ name: `@bench/p${p}`, version: "1.0.0", type: "module", types: "./dist/index.d.ts", exports: { ".": { types: "./dist/index.d.ts", default: "./dist/index.js" } } }, null, 2),
    );
    writeFileSync(path.join(pkg, "tsconfig.json"), JSON.stringify({ compilerOptions: { declaration: true, emitDeclarationOnly: true, rootDir: "src", outDir: "dist", strict: true, target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", skipLibCheck: true }, include: ["src"] }));
    for (let m = 0; m < MODULES; m++) writeFileSync(path.join(pkg, "src", `m${m}.ts`), moduleSource(p, m, false));
    writeFileSync(path.join(pkg, "src", "index.ts"), Array.from({ length: MODULES }, (_, m) => `export * from "./m${m}.js";`).join("\n") + "\n");
  }
  execFileSync("git", ["init", "-q", "-b", "main"], { cwd: dir, env });
  execFileSync("git", ["add", "-A"], { cwd: dir, env });
  execFileSync("git", ["commit", "-q", "-m", "base"], { cwd: dir, env });
  for (let p = 0; p < PACKAGES; p += 2) for (let m = 0; m < MODULES; m += 3) writeFileSync(path.join(dir, "packages", `p${p}`, "src", `m${m}.ts`), moduleSource(p, m, true));
}

function installTools(dir) {
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "warden-bench-api-tools", private: true }));
  execFileSync("npm", ["install", "--no-fund", "--no-audit", "--loglevel=error", ...Object.entries(TOOLS).map(([n, v]) => `${n}@${v}`)], { cwd: dir, stdio: "inherit" });
  return { tsc: path.join(dir, "node_modules/typescript/bin/tsc"), extractor: path.join(dir, "node_modules/@microsoft/api-extractor/bin/api-extractor") };
}

/** Run API Extractor on one package folder whose entry .d.ts exists; returns ms. */
function extract(tools, pkgDir, entry, temp) {
  const reportDir = path.join(temp, "reports", path.basename(pkgDir));
  mkdirSync(reportDir, { recursive: true });
  const config = {
    $schema: "https://developer.microsoft.com/json-schemas/api-extractor/v7/api-extractor.schema.json",
    projectFolder: pkgDir,
    mainEntryPointFilePath: path.join(pkgDir, entry),
    apiReport: { enabled: true, reportFolder: reportDir, reportTempFolder: reportDir },
    docModel: { enabled: false },
    dtsRollup: { enabled: false },
    tsdocMetadata: { enabled: false },
    compiler: { overrideTsconfig: { compilerOptions: { skipLibCheck: true, strict: true, target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext" } } },
    messages: { extractorMessageReporting: { default: { logLevel: "none" } }, compilerMessageReporting: { default: { logLevel: "none" } }, tsdocMessageReporting: { default: { logLevel: "none" } } },
  };
  const file = path.join(reportDir, "api-extractor.json");
  writeFileSync(file, JSON.stringify(config));
  return run(process.execPath, [tools.extractor, "run", "--local", "--config", file], pkgDir);
}

const temp = mkdtempSync(path.join(tmpdir(), "warden-bench-api-"));
try {
  mkdirSync(path.join(temp, "tools"), { recursive: true });
  const tools = installTools(path.join(temp, "tools"));
  const repo = path.join(temp, "mono");
  generate(repo);

  // Warden: base (git) against the work tree, every package, cold.
  const wardenRuns = [];
  let wardenOut;
  for (let i = 0; i < RUNS; i++) {
    const r = run(process.execPath, [WARDEN, "api", "--base", "HEAD", "--json"], repo);
    if (r.code !== 0) throw new Error(`warden api failed: ${r.stderr}`);
    wardenRuns.push(r.ms);
    wardenOut = JSON.parse(r.stdout);
  }
  const breakingPackages = wardenOut.packages.filter((p) => p.required === "major").length;

  // API Extractor: declarations built first (it cannot read sources), then one run per package.
  const buildRuns = [];
  const extractorRuns = [];
  for (let i = 0; i < RUNS; i++) {
    let build = 0;
    let extractor = 0;
    for (let p = 0; p < PACKAGES; p++) {
      const pkg = path.join(repo, "packages", `p${p}`);
      rmSync(path.join(pkg, "dist"), { recursive: true, force: true });
      const b = run(process.execPath, [tools.tsc, "-p", "tsconfig.json"], pkg);
      if (b.code !== 0) throw new Error(`tsc failed in p${p}: ${b.stdout}${b.stderr}`);
      build += b.ms;
      extractor += extract(tools, pkg, "dist/index.d.ts", temp).ms;
    }
    buildRuns.push(build);
    extractorRuns.push(extractor);
  }

  // This repository: its packages' built declarations (pnpm build made them) for API Extractor; sources at HEAD vs the work tree for Warden.
  const own = run(process.execPath, [WARDEN, "api", "--base", "HEAD", "--json"], ROOT);
  const ownPackages = JSON.parse(own.stdout).packages.length;
  const ownExtractor = [];
  for (const dir of ["packages/core", "packages/rules", "packages/secrets", "packages/deploy", "packages/changelog"]) {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, dir, "package.json"), "utf8"));
    const entry = manifest.exports?.["."]?.types;
    if (typeof entry === "string") ownExtractor.push(extract(tools, path.join(ROOT, dir), entry, temp).ms);
  }
  const ownExtractorMs = ownExtractor.reduce((a, b) => a + b, 0);

  const w = median(wardenRuns);
  const x = median(extractorRuns);
  const b = median(buildRuns);
  const lines = [
    "## Public API diff (`pnpm bench api`)",
    "",
    `Measured ${new Date().toISOString().slice(0, 10)} (UTC) on ${machine()}${quick ? " (quick: one run)" : `, median of ${RUNS} runs`}.`,
    "",
    `Generated monorepo: ${PACKAGES} packages × ${MODULES} modules (interfaces, type aliases, functions, classes, enums re-exported from each index), every other package changed in the work tree (${breakingPackages} with breaking changes).`,
    "",
    "| tool | what it does | time |",
    "| --- | --- | --- |",
    `| \`warden api --base HEAD\` (cold) | both states from the sources: git HEAD and the work tree, all ${PACKAGES} packages, classified diff | ${(w / 1000).toFixed(2)} s |`,
    `| API Extractor ${TOOLS["@microsoft/api-extractor"]} | one state: an API report per package from built .d.ts | ${(x / 1000).toFixed(2)} s |`,
    `| \`tsc\` declaration build API Extractor needs first | ${PACKAGES} packages | ${(b / 1000).toFixed(2)} s |`,
    "",
    `Ratio: Warden takes ${(w / x).toFixed(2)}× API Extractor's time (${(w / (x + b)).toFixed(2)}× with the build it needs), while comparing two states where API Extractor reports one. Goal: under 30 s cold for 20 packages (${w < 30000 ? "met" : "NOT met"}) and faster than API Extractor (${w < x ? "met" : w < x + b ? "met only counting its build" : "NOT met"}).`,
    "",
    `This repository: \`warden api --base HEAD\` over its ${ownPackages} workspace packages took ${(own.ms / 1000).toFixed(2)} s; API Extractor over the ${ownExtractor.length} library packages' built declarations took ${(ownExtractorMs / 1000).toFixed(2)} s.`,
  ];
  writeSection("api", lines.join("\n"));
  process.stdout.write(`${lines.join("\n")}\n`);
} finally {
  rmSync(temp, { recursive: true, force: true });
}
