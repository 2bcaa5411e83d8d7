#!/usr/bin/env node
// `pnpm bench packages`: a cold full `warden check` (no result cache, no warm server) of generated
// monorepos with 10, 100 and 1,000 packages (scripts/bench/generate-monorepo.mjs). Goal: the time at
// 1,000 packages is at most 12× the time at 100 (10× the packages): no rule grows faster than
// linearly with files or packages. Results go to the "packages" section of docs/benchmarks.md.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateMonorepo } from "./generate-monorepo.mjs";
import { machine, median, ROOT, writeSection } from "./lib.mjs";

if (process.argv.includes("--help")) {
  process.stdout.write("usage: node scripts/bench/packages.bench.mjs [--quick]\n--quick: one run per size.\n");
  process.exit(0);
}
const quick = process.argv.includes("--quick");
const WARDEN = path.join(ROOT, "packages/cli/bin/warden.js");
const env = { ...process.env, NO_COLOR: "1", WARDEN_DAEMON: "0" };

const rows = [];
for (const packages of [10, 100, 1000]) {
  const dir = mkdtempSync(path.join(tmpdir(), `warden-bench-pkgs-${packages}-`));
  try {
    const files = generateMonorepo(dir, packages);
    execFileSync("git", ["init", "-q", "-b", "main"], { cwd: dir, stdio: "ignore" });
    const runs = quick || packages === 1000 ? 1 : 3;
    const times = [];
    let findings = 0;
    for (let i = 0; i < runs; i += 1) {
      const start = process.hrtime.bigint();
      const result = spawnSync(process.execPath, [WARDEN, "check", "--no-cache", "--format", "json"], { cwd: dir, env, encoding: "utf8", maxBuffer: 1 << 28 });
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      if (result.status !== 0 && result.status !== 1) throw new Error(`warden check failed (${result.status}): ${result.stderr}`);
      findings = JSON.parse(result.stdout).findings.length;
    }
    rows.push({ packages, files, ms: median(times), findings });
    process.stdout.write(`${packages} packages (${files} files): ${median(times).toFixed(0)} ms, ${findings} findings\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const at = (n) => rows.find((r) => r.packages === n);
const ratio = at(1000).ms / at(100).ms;
const date = new Date().toISOString().slice(0, 10);
writeSection(
  "packages",
  `## Scaling with packages (\`pnpm bench packages\`)

Measured ${date} on ${machine()}. Script: \`scripts/bench/packages.bench.mjs\`${quick ? " (--quick)" : ""}.

A cold full \`warden check --no-cache\` (all built-in rules, in-process, no warm server) of generated
pnpm monorepos (\`scripts/bench/generate-monorepo.mjs\`): each package has a package.json with an
external and a workspace dependency and \`exports\` into \`dist/\`, a tsconfig (\`rootDir\`/\`outDir\`),
five source modules, a test, and a test fixture with its own package.json. Wall time of the whole
process (median of ${quick ? "1 run" : "3 runs; 1 run at 1,000 packages"}).

| packages | files | wall time | findings |
| ---: | ---: | ---: | ---: |
${rows.map((r) => `| ${r.packages.toLocaleString("en")} | ${r.files.toLocaleString("en")} | ${(r.ms / 1000).toFixed(2)} s | ${r.findings} |`).join("\n")}

Time at 1,000 packages / time at 100: **${ratio.toFixed(2)}×** for 10× the packages (goal ≤ 12×: ${ratio <= 12 ? "met" : "NOT met"}).
Wall times include the process start and the fixed cost of loading the parser; on a machine shared
with other jobs they are noisy, the ratio is what the goal measures.
`,
);
process.stdout.write(`1000/100 ratio: ${ratio.toFixed(2)}× — written to docs/benchmarks.md\n`);
