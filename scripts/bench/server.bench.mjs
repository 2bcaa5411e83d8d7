#!/usr/bin/env node
// `pnpm bench server`: the warm server's memory. One server (private socket folder) serves staged
// checks and then a full check of a generated 5k-file repository; `warden server status --json`
// reports its resident memory before, right after, and once its worker threads have idled out.
// Results go to the "server" section of docs/benchmarks.md.
import { execFileSync, spawnSync } from "node:child_process";
import { appendFileSync, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { generateTsRepo } from "./generate-ts-repo.mjs";
import { machine, ROOT, writeSection } from "./lib.mjs";

if (process.argv.includes("--help")) {
  process.stdout.write("usage: node scripts/bench/server.bench.mjs\nMeasures the warm server's memory around a large check (docs/benchmarks.md).\n");
  process.exit(0);
}
const WARDEN = path.join(ROOT, "packages/cli/bin/warden.js");
const IDLE_MS = 2000; // worker idle period for the run (default 30 s); the spare goes after 10 of them
const dir = mkdtempSync(path.join(tmpdir(), "warden-bench-server-"));
const env = {
  ...process.env,
  NO_COLOR: "1",
  GIT_AUTHOR_NAME: "b",
  GIT_AUTHOR_EMAIL: "b@b",
  GIT_COMMITTER_NAME: "b",
  GIT_COMMITTER_EMAIL: "b@b",
  WARDEN_DAEMON: "1",
  WARDEN_DAEMON_DIR: path.join(dir, ".git", "warden-sock"),
  WARDEN_DAEMON_WORKER_IDLE_MS: String(IDLE_MS),
};
const warden = (args) => spawnSync(process.execPath, [WARDEN, ...args], { cwd: dir, env, encoding: "utf8", maxBuffer: 1 << 28 });
const sleep = (ms) => spawnSync("sleep", [String(ms / 1000)]);
const mb = (bytes) => Math.round(bytes / (1024 * 1024));
const status = () => JSON.parse(warden(["server", "status", "--json"]).stdout);

const loadBefore = loadavg()[0];
const samples = [];
try {
  process.stdout.write("generating 5000 files… ");
  const files = generateTsRepo(dir, 5000);
  const git = (args) => execFileSync("git", args, { cwd: dir, env, stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 28 });
  git(["init", "-q", "-b", "main"]);
  git(["add", "-A"]);
  git(["commit", "-q", "--no-verify", "-m", "chore: generated"]);
  for (const file of files.slice(0, 5)) appendFileSync(path.join(dir, file), "\n/** One more export. */\nexport const extra = 1;\n");
  git(["add", ...files.slice(0, 5)]);
  process.stdout.write("done\n");

  warden(["check", "--staged"]); // starts the server
  for (let i = 0; i < 50 && status().running !== true; i += 1) sleep(200);
  sleep(3000);
  samples.push(["server started, one spare thread loaded", status()]);
  for (let i = 0; i < 3; i += 1) warden(["check", "--staged"]);
  samples.push(["after 3 staged checks", status()]);
  const full = warden(["check", "--no-cache", "--format", "json"]);
  if (full.status !== 0 && full.status !== 1) throw new Error(`full check failed: ${full.stderr}`);
  samples.push(["right after a full check of 5,000 files", status()]);
  sleep(IDLE_MS * 2 + 10_000);
  samples.push([`${(IDLE_MS * 2 + 10_000) / 1000} s later (used threads idled out)`, status()]);
  sleep(IDLE_MS * 10);
  samples.push([`${(IDLE_MS * 12 + 10_000) / 1000} s after the check (no request for 10 idle periods: spare gone)`, status()]);
  warden(["server", "stop"]);
} finally {
  warden(["server", "stop"]);
  rmSync(dir, { recursive: true, force: true });
}
const loadAfter = loadavg()[0];
const rows = samples.map(([when, s]) => `| ${when} | ${mb(s.rssBytes)} MB | ${s.workers.length} |`).join("\n");
process.stdout.write(`${rows}\n`);
writeSection(
  "server",
  `## Warm server memory

Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}; 1-minute load average ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)}${
    loadBefore > 2 ? " (a shared machine, busy with other work)" : ""
  }. Script: \`scripts/bench/server.bench.mjs\`. Resident memory of the server process (main thread and
worker threads) from \`warden server status --json\`, with \`WARDEN_DAEMON_WORKER_IDLE_MS=${IDLE_MS}\` so the
idle periods fit in the run (default 30 s: used threads go after 30 s, the spare after 5 minutes).
Before ADR 0006 the server held 536 MB for its 15 idle minutes after one large check.

| when | resident | worker threads |
| --- | ---: | ---: |
${rows}
`,
);
process.stdout.write("written to docs/benchmarks.md\n");
