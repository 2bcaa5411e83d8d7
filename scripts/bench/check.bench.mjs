#!/usr/bin/env node
// `pnpm bench check`: (1) `warden check --staged` with 5 staged files in generated repositories
// of 1k, 10k and 50k files — median wall time, goal ≤ 300 ms and flat across sizes;
// (2) a full `warden check` of a generated 5k-file TypeScript tree beside ESLint with
// typescript-eslint's recommended (untyped) config over the same files.
// Results go to the "check" section of docs/benchmarks.md.
import { execFileSync, spawnSync } from "node:child_process";
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { generateTsRepo } from "./generate-ts-repo.mjs";
import { machine, median, ROOT, writeSection } from "./lib.mjs";

if (process.argv.includes("--help")) {
  process.stdout.write("usage: node scripts/bench/check.bench.mjs [--quick]\n--quick: 1k and 10k only, fewer runs.\n");
  process.exit(0);
}
const quick = process.argv.includes("--quick");
const WARDEN = path.join(ROOT, "packages/cli/bin/warden.js");
const ESLINT = path.join(ROOT, "node_modules/eslint/bin/eslint.js");
const env = { ...process.env, NO_COLOR: "1", GIT_AUTHOR_NAME: "b", GIT_AUTHOR_EMAIL: "b@b", GIT_COMMITTER_NAME: "b", GIT_COMMITTER_EMAIL: "b@b" };

function git(cwd, args) {
  execFileSync("git", args, { cwd, env, stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 28 });
}

function timeRun(cmd, args, cwd, extraEnv = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(cmd, args, { cwd, env: { ...env, ...extraEnv }, encoding: "utf8", maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const loadBefore = loadavg()[0];
const rows = [];
const sizes = quick ? [1000, 10000] : [1000, 10000, 50000];
const runs = quick ? 5 : 11;
for (const size of sizes) {
  const dir = mkdtempSync(path.join(tmpdir(), `warden-bench-${size}-`));
  try {
    process.stdout.write(`generating ${size} files… `);
    const files = generateTsRepo(dir, size);
    git(dir, ["init", "-q", "-b", "main"]);
    git(dir, ["config", "gc.auto", "0"]); // no background gc competing with the runs (nor with the clean-up)
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-q", "--no-verify", "-m", "chore: generated"]);
    for (const file of files.slice(0, 5)) appendFileSync(path.join(dir, file), "\n/** One more export. */\nexport const extra = 1;\n");
    git(dir, ["add", ...files.slice(0, 5)]);
    const sockets = path.join(dir, ".git", "warden-sock");
    // CPU time of the server process and the git processes it waited for (Linux /proc), per run.
    const serverCpuMs = () => {
      try {
        const pid = readFileSync(path.join(sockets, readdirSync(sockets).find((f) => f.endsWith(".pid"))), "utf8").trim();
        const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
        return (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * 10;
      } catch {
        return Number.NaN;
      }
    };
    const measure = (daemon) => {
      const extra = { WARDEN_DAEMON: daemon ? "1" : "0", WARDEN_DAEMON_DIR: sockets };
      timeRun(process.execPath, [WARDEN, "check", "--staged"], dir, extra); // warm caches (and start the server)
      if (daemon) spawnSync("sleep", ["3"]); // let the server load its first worker thread
      if (daemon) timeRun(process.execPath, [WARDEN, "check", "--staged"], dir, extra);
      const times = [];
      const cpu = [];
      let last;
      for (let i = 0; i < runs; i += 1) {
        const before = daemon ? serverCpuMs() : 0;
        last = timeRun(process.execPath, [WARDEN, "check", "--staged"], dir, extra);
        times.push(last.ms);
        if (daemon) cpu.push(serverCpuMs() - before);
      }
      if (last.code !== 0) throw new Error(`check --staged failed in the ${size}-file repo: ${last.stdout}${last.stderr}`);
      return { median: median(times), min: Math.min(...times), max: Math.max(...times), serverCpu: cpu.length > 0 ? median(cpu) : undefined };
    };
    const cold = measure(false);
    const warm = measure(true);
    // Stop this benchmark's own server (its private socket folder), nobody else's.
    spawnSync(process.execPath, [WARDEN, "server", "stop"], { cwd: dir, env: { ...env, WARDEN_DAEMON_DIR: path.join(dir, ".git", "warden-sock") } });
    rows.push({ size, cold, warm });
    process.stdout.write(`check --staged median: in-process ${cold.median.toFixed(0)} ms, warm server ${warm.median.toFixed(0)} ms\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
  }
}

// Full check vs ESLint on a 5k-file tree.
const fullDir = mkdtempSync(path.join(tmpdir(), "warden-bench-full-"));
let full;
try {
  generateTsRepo(fullDir, 5000);
  git(fullDir, ["init", "-q", "-b", "main"]);
  writeFileSync(
    path.join(fullDir, "eslint.config.mjs"),
    `import tseslint from ${JSON.stringify(path.join(ROOT, "node_modules/typescript-eslint/dist/index.js"))};\nexport default tseslint.config(...tseslint.configs.recommended);\n`,
  );
  process.stdout.write("full check of 5k files… ");
  const wardenRuns = [];
  // Cold every time: no result cache, no warm server (the catalogue benchmark measures warm runs).
  for (let i = 0; i < (quick ? 1 : 3); i += 1) {
    wardenRuns.push(timeRun(process.execPath, [WARDEN, "check", "--no-cache", "--format", "json"], fullDir, { WARDEN_DAEMON: "0" }));
  }
  const wardenFindings = JSON.parse(wardenRuns[0].stdout).findings.length;
  const eslintRuns = [];
  for (let i = 0; i < (quick ? 1 : 2); i += 1) eslintRuns.push(timeRun(process.execPath, [ESLINT, "--no-cache", "packages"], fullDir));
  const wardenMs = median(wardenRuns.map((r) => r.ms));
  const eslintMs = median(eslintRuns.map((r) => r.ms));
  full = { wardenMs, eslintMs, wardenFindings, eslintExit: eslintRuns[0].code };
  process.stdout.write(`warden ${wardenMs.toFixed(0)} ms, eslint ${eslintMs.toFixed(0)} ms\n`);
} finally {
  rmSync(fullDir, { recursive: true, force: true });
}

const loadAfter = loadavg()[0];
const date = new Date().toISOString().slice(0, 10);
const byRatio = (key) => (rows.length > 1 ? rows[rows.length - 1][key].median / rows[0][key].median : 1);
const cell = (m) => `${m.median.toFixed(0)} (${m.min.toFixed(0)}–${m.max.toFixed(0)})`;
const table = rows
  .map((r) => `| ${r.size.toLocaleString("en")} | ${cell(r.warm)} | ${r.warm.median <= 300 ? "yes" : "no"} | ${cell(r.cold)} | ${r.cold.median <= 300 ? "yes" : "no"} |`)
  .join("\n");
const spreadOf = (key) => (rows.length > 1 ? Math.max(...rows.map((r) => r[key].median)) / Math.min(...rows.map((r) => r[key].median)) : 1);
writeSection(
  "check",
  `## warden check

Measured ${date} on ${machine()}. Script: \`scripts/bench/check.bench.mjs\`${quick ? " (--quick)" : ""}.
The machine's 1-minute load average was ${loadBefore.toFixed(1)} at the start and ${loadAfter.toFixed(1)} at the end${
    loadBefore > 2 || loadAfter > 2 ? " (a shared machine under load from other work: absolute times are inflated and noisy; ratios measured in the same run are the meaningful figures)" : ""
  }.

### \`warden check --staged\` with 5 staged files (goal ≤ 300 ms, flat across repository sizes)

Each repository is generated (\`scripts/bench/generate-ts-repo.mjs\`), committed, then 5 files are
changed and staged. Wall time of the whole \`warden\` process as a hook runs it (Node start included),
${runs} runs after one warm-up, median (min–max) in ms. "Warm server" is the default on developer
machines (the second and later runs of a session, see ADR 0001); "in-process" is what a run without
the server costs (first run, CI, \`WARDEN_DAEMON=0\`).

| files in repo | warm server | ≤ 300 ms | in-process | ≤ 300 ms |
| ---: | ---: | :---: | ---: | :---: |
${table}

Largest median / smallest median across sizes: warm server ${spreadOf("warm").toFixed(2)}×, in-process
${spreadOf("cold").toFixed(2)}× (1.00× is perfectly flat). Largest repository / smallest, warm server:
**${byRatio("warm").toFixed(2)}×** (goal ≤ 1.2: a staged check costs what the staged files cost).
CPU time of the warm server per run (the server process and the git processes it ran, median):
${rows.map((r) => `${r.size.toLocaleString("en")} files ${r.warm.serverCpu?.toFixed(0) ?? "n/a"} ms`).join(", ")} — ratio largest / smallest
**${rows.length > 1 && rows[0].warm.serverCpu ? (rows[rows.length - 1].warm.serverCpu / rows[0].warm.serverCpu).toFixed(2) : "n/a"}×**, the figure least disturbed by other load on the machine.

### Full check of a generated 5,000-file TypeScript tree beside ESLint

| tool | wall time (median) |
| --- | ---: |
| \`warden check --no-cache\` (all built-in rules, one ts-morph parse per file, in-process, no result cache) | ${(full.wardenMs / 1000).toFixed(2)} s |
| \`eslint\` with typescript-eslint \`recommended\` (untyped) | ${(full.eslintMs / 1000).toFixed(2)} s |

Ratio warden / eslint: **${(full.wardenMs / full.eslintMs).toFixed(2)}** (goal: below 1.00). Warden reported
${full.wardenFindings} findings on the generated tree.
`,
);
process.stdout.write("written to docs/benchmarks.md\n");
