#!/usr/bin/env node
// `pnpm bench secrets-run`: what `warden secrets run --task T -- node -e 0` costs over starting
// `node -e 0` directly (issue 15: goal ≤ 50 ms), and where it goes — Node's own start-up, the
// CLI's start-up (`warden --version`), the vault opened with its key and the config loaded
// (`warden secrets list`), the run itself (grant check, audit append under the lock, child
// start). Runs are interleaved (the machine is shared), 15 rounds; medians of wall and CPU time.
// Results go to the "secrets-run" section of docs/benchmarks.md.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { machine, median, ROOT, writeSection } from "./lib.mjs";

const argv = process.argv.slice(2);
if (argv.includes("--help")) {
  process.stdout.write("usage: node scripts/bench/secrets-run.bench.mjs [--rounds N] [--no-write]\nMeasures `warden secrets run` against starting the command directly; writes the secrets-run section of docs/benchmarks.md.\n");
  process.exit(0);
}
const ROUNDS = argv.includes("--rounds") ? Number(argv[argv.indexOf("--rounds") + 1]) : 15;
if (!Number.isInteger(ROUNDS) || ROUNDS < 1) {
  process.stderr.write("bench secrets-run: --rounds needs a positive integer\n");
  process.exit(2);
}
const WARDEN = path.join(ROOT, "packages/cli/bin/warden.js");
const work = mkdtempSync(path.join(tmpdir(), "warden-bench-secrets-run-"));
const keys = mkdtempSync(path.join(tmpdir(), "warden-bench-keys-"));
const env = { ...process.env, WARDEN_KEY_DIR: keys, WARDEN_DAEMON: "0", NO_COLOR: "1", GIT_CONFIG_NOSYSTEM: "1" };
const timing = path.join(work, ".time");

/** Wall and CPU (user + system, children included) seconds of one run under /usr/bin/time. */
function once(cmd, args, input) {
  const started = process.hrtime.bigint();
  const result = spawnSync("/usr/bin/time", ["-o", timing, "-f", "%U %S", cmd, ...args], { cwd: work, env, input, encoding: "utf8" });
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${result.status}): ${result.stderr}`);
  const [user, system] = readFileSync(timing, "utf8").trim().split("\n").pop().split(" ").map(Number);
  return { wall, cpu: (user + system) * 1000 };
}

try {
  execFileSync("git", ["init", "-q"], { cwd: work, env });
  writeFileSync(path.join(work, "warden.config.json"), JSON.stringify({ secrets: { grants: { T: ["API_TOKEN"] } } }));
  execFileSync(process.execPath, [WARDEN, "secrets", "init"], { cwd: work, env, stdio: "ignore" });
  execFileSync(process.execPath, [WARDEN, "secrets", "set", "API_TOKEN"], { cwd: work, env, input: `tok_${Date.now().toString(36)}Qx7Lm2Vb9`, stdio: ["pipe", "ignore", "ignore"] });

  const rows = [
    { label: "`node -e 0` (the command alone)", args: ["-e", "0"] },
    { label: "`warden --version` (CLI start-up)", args: [WARDEN, "--version"] },
    { label: "`warden secrets list` (start-up, repository, vault)", args: [WARDEN, "secrets", "list"] },
    { label: "`warden secrets run --task T -- node -e 0`", args: [WARDEN, "secrets", "run", "--task", "T", "--", process.execPath, "-e", "0"] },
  ].map((row) => ({ ...row, wall: [], cpu: [] }));
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const row of rows) {
      const r = once(process.execPath, row.args);
      row.wall.push(r.wall);
      row.cpu.push(r.cpu);
    }
  }
  const base = rows[0];
  const run = rows[3];
  const overheadWall = median(run.wall) - median(base.wall);
  const overheadCpu = median(run.cpu) - median(base.cpu);
  const load = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  const table = rows.map((r) => `| ${r.label} | ${median(r.wall).toFixed(0)} | ${median(r.cpu).toFixed(0)} | ${(median(r.wall) - median(base.wall)).toFixed(0)} |`).join("\n");
  const text = `## \`warden secrets run\` overhead (\`pnpm bench secrets-run\`)

Measured ${new Date().toISOString().replace(/\.\d+Z$/, "Z")} on ${machine()}; load average at the end ${load}.
**The machine is shared** with other engineers' builds and tests: wall times are inflated by
waiting for a core, the CPU column (user + system of the whole process tree, \`/usr/bin/time\`) much
less. ${ROUNDS} interleaved rounds, medians, milliseconds. A vault with one secret, a grant of it to task \`T\`,
the master key in a key file; \`WARDEN_DAEMON=0\`.

| command | wall (ms) | CPU (ms) | wall over \`node -e 0\` (ms) |
| --- | ---: | ---: | ---: |
${table}

- Goal: the overhead of \`warden secrets run\` over starting the command directly ≤ 50 ms — ${overheadWall <= 50 ? "met" : "**not met**"}: ${overheadWall.toFixed(0)} ms wall, ${overheadCpu.toFixed(0)} ms CPU.
`;
  process.stdout.write(`${text}\n`);
  if (!argv.includes("--no-write")) writeSection("secrets-run", text);
} finally {
  rmSync(work, { recursive: true, force: true });
  rmSync(keys, { recursive: true, force: true });
}
