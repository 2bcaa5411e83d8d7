#!/usr/bin/env node
// `pnpm bench secrets-run`: what `warden secrets run --task T -- CMD` costs over starting CMD
// directly (issue 15: goal ≤ 50 ms), for CMD = `node -e 0` and CMD = `true`, on the fast start
// (grants from the signed snapshot, docs/secrets/vault.md#how-run-starts-fast) and on the full
// start (WARDEN_SECRETS_RUN_FAST=0: the CLI and the config loaded). Rounds are interleaved (the
// machine is shared); in each round every command runs BATCH times in a row under one
// /usr/bin/time (whose CPU figures have 10 ms steps), and the per-run means of the rounds give the
// medians. Results go to the "secrets-run" section of docs/benchmarks.md.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { machine, median, ROOT, writeSection } from "./lib.mjs";

const argv = process.argv.slice(2);
if (argv.includes("--help")) {
  process.stdout.write(
    "usage: node scripts/bench/secrets-run.bench.mjs [--rounds N] [--batch K] [--no-write]\nMeasures `warden secrets run` against starting the command directly (N rounds, default 21, of K runs each, default 5); writes the secrets-run section of docs/benchmarks.md.\n",
  );
  process.exit(0);
}
const numberOption = (name, fallback) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
const ROUNDS = numberOption("--rounds", 21);
const BATCH = numberOption("--batch", 5);
if (!Number.isInteger(ROUNDS) || ROUNDS < 1 || !Number.isInteger(BATCH) || BATCH < 1) {
  process.stderr.write("bench secrets-run: --rounds and --batch need positive integers\n");
  process.exit(2);
}
// What `warden` runs when installed: the package's bin (bin/warden.cjs); the ES-module entry
// bin/warden.js (what `node packages/cli/bin/warden.js` runs) is measured beside it.
const WARDEN = path.join(ROOT, "packages/cli", JSON.parse(readFileSync(path.join(ROOT, "packages/cli/package.json"), "utf8")).bin.warden);
const WARDEN_ESM = path.join(ROOT, "packages/cli/bin/warden.js");
const work = mkdtempSync(path.join(tmpdir(), "warden-bench-secrets-run-"));
const keys = mkdtempSync(path.join(tmpdir(), "warden-bench-keys-"));
const env = { ...process.env, WARDEN_KEY_DIR: keys, WARDEN_DAEMON: "0", NO_COLOR: "1", GIT_CONFIG_NOSYSTEM: "1" };
delete env.WARDEN_DEBUG;
delete env.WARDEN_SECRETS_RUN_FAST;
const timing = path.join(work, ".time");
const TRUE = execFileSync("sh", ["-c", "command -v true"], { encoding: "utf8" }).trim();

/** Per-run wall and CPU (user + system of the whole process tree) milliseconds of BATCH runs of `cmd args` in a row. */
function batch(cmd, args, extraEnv) {
  const started = process.hrtime.bigint();
  const loop = `i=0; while [ "$i" -lt ${BATCH} ]; do "$@" >/dev/null || exit 1; i=$((i + 1)); done`;
  const result = spawnSync("/usr/bin/time", ["-o", timing, "-f", "%U %S", "sh", "-c", loop, "sh", cmd, ...args], { cwd: work, env: { ...env, ...extraEnv }, encoding: "utf8" });
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${result.status}): ${result.stderr}`);
  const [user, system] = readFileSync(timing, "utf8").trim().split("\n").pop().split(" ").map(Number);
  return { wall: wall / BATCH, cpu: ((user + system) * 1000) / BATCH };
}

try {
  execFileSync("git", ["init", "-q"], { cwd: work, env });
  writeFileSync(path.join(work, "warden.config.json"), JSON.stringify({ secrets: { grants: { T: ["API_TOKEN"] } } }));
  execFileSync(process.execPath, [WARDEN, "secrets", "init"], { cwd: work, env, stdio: "ignore" });
  execFileSync(process.execPath, [WARDEN, "secrets", "set", "API_TOKEN"], { cwd: work, env, input: `tok_${Date.now().toString(36)}Qx7Lm2Vb9`, stdio: ["pipe", "ignore", "ignore"] });
  // The first run takes the full start and writes the grants snapshot; make sure the next ones are fast.
  const run = ["secrets", "run", "--task", "T", "--"];
  execFileSync(process.execPath, [WARDEN, ...run, TRUE], { cwd: work, env, stdio: "ignore" });
  const probe = spawnSync(process.execPath, [WARDEN, ...run, TRUE], { cwd: work, env: { ...env, WARDEN_DEBUG: "1" }, encoding: "utf8" });
  if (!probe.stderr.includes("secrets run: fast start")) throw new Error(`the fast start was not taken: ${probe.stderr}`);

  const FULL = { WARDEN_SECRETS_RUN_FAST: "0" };
  const rows = [
    { label: "`node -e 0` (the command alone)", cmd: process.execPath, args: ["-e", "0"] },
    { label: "`warden secrets run --task T -- node -e 0`, fast start", cmd: process.execPath, args: [WARDEN, ...run, process.execPath, "-e", "0"], base: 0 },
    { label: "`node bin/warden.js secrets run --task T -- node -e 0` (the ES-module entry), fast start", cmd: process.execPath, args: [WARDEN_ESM, ...run, process.execPath, "-e", "0"], base: 0 },
    { label: "`warden secrets run --task T -- node -e 0`, full start", cmd: process.execPath, args: [WARDEN, ...run, process.execPath, "-e", "0"], env: FULL, base: 0 },
    { label: "`true` (the command alone)", cmd: TRUE, args: [] },
    { label: "`warden secrets run --task T -- true`, fast start", cmd: process.execPath, args: [WARDEN, ...run, TRUE], base: 4 },
  ].map((row) => ({ ...row, wall: [], cpu: [] }));
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const row of rows) {
      const r = batch(row.cmd, row.args, row.env ?? {});
      row.wall.push(r.wall);
      row.cpu.push(r.cpu);
    }
  }
  const fmt = (n) => n.toFixed(1);
  const over = (row, key) => (row.base === undefined ? "" : fmt(median(row[key]) - median(rows[row.base][key])));
  const table = rows.map((r) => `| ${r.label} | ${fmt(median(r.wall))} | ${fmt(median(r.cpu))} | ${over(r, "wall")} | ${over(r, "cpu")} |`).join("\n");
  const fast = rows[1];
  const overheadWall = median(fast.wall) - median(rows[0].wall);
  const overheadCpu = median(fast.cpu) - median(rows[0].cpu);
  const load = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  const text = `## \`warden secrets run\` overhead (\`pnpm bench secrets-run\`)

Measured ${new Date().toISOString().replace(/\.\d+Z$/, "Z")} on ${machine()}; load average at the end ${load}.
**The machine is shared** with other engineers' builds and tests: wall times are inflated by
waiting for a core, the CPU column (user + system of the whole process tree, \`/usr/bin/time\`) much
less. ${ROUNDS} interleaved rounds of ${BATCH} runs in a row per command; medians of the rounds' per-run
means, milliseconds. \`warden\` is the package's bin, \`bin/warden.cjs\`. A vault with one secret, a grant of it to task \`T\` in \`warden.config.json\`,
the master key in a key file; \`WARDEN_DAEMON=0\`. The fast start takes its grants from the signed
snapshot the first (full) run wrote; the full start (\`WARDEN_SECRETS_RUN_FAST=0\`) loads the CLI
and the config, as every run did before.

| command | wall (ms) | CPU (ms) | wall over the command alone (ms) | CPU over the command alone (ms) |
| --- | ---: | ---: | ---: | ---: |
${table}

- Goal: the overhead of \`warden secrets run\` over starting the command directly ≤ 50 ms — ${overheadWall <= 50 ? "met" : "**not met**"} on this run: ${fmt(overheadWall)} ms wall, ${fmt(overheadCpu)} ms CPU (fast start, \`node -e 0\`).
`;
  process.stdout.write(`${text}\n`);
  if (!argv.includes("--no-write")) writeSection("secrets-run", text);
} finally {
  rmSync(work, { recursive: true, force: true });
  rmSync(keys, { recursive: true, force: true });
}
