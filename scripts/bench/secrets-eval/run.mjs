// Runs the evaluation set through the full scanner: every case is written as a file of a fresh
// git repository and `warden scan --format json .` reads them all, as a user's scan would.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildCases } from "./cases.mjs";

/** Rules that report a file by its name: they say nothing about whether a given line was found. */
export const PATH_RULES = new Set(["credentials-file", "env-file", "pem-file", "pkcs12-file", "ssh-private-key-file", "terraform-state-file"].map((id) => `secrets/${id}`));

/** Lay the cases out as files (`cNNNN/<path>`) in a new git repository; returns its path. */
export function writeCases(cases) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "warden-secrets-eval-"));
  execFileSync("git", ["init", "-q", dir]);
  cases.forEach((c, i) => {
    const file = path.join(dir, `c${String(i).padStart(4, "0")}`, c.path);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, c.text);
  });
  return dir;
}

/** Judge findings against the cases: a positive is found by a content finding on its line. */
export function judge(cases, findings) {
  const byCase = new Map();
  for (const f of findings) {
    const i = Number(/^c(\d{4})\//.exec(f.file)?.[1]);
    if (!byCase.has(i)) byCase.set(i, []);
    byCase.get(i).push(f);
  }
  return cases.map((c, i) => {
    const own = byCase.get(i) ?? [];
    if (c.kind === "negative") return { ...c, hit: own.length > 0, rules: own.map((f) => f.ruleId) };
    const onLine = own.filter((f) => !PATH_RULES.has(f.ruleId) && f.line <= c.line && (f.endLine ?? f.line) >= c.line);
    return { ...c, hit: onLine.length > 0, rules: own.map((f) => f.ruleId) };
  });
}

/** Scan a directory with the built CLI; returns its findings. */
export function scanWithCli(root, dir) {
  const result = spawnSync(process.execPath, [path.join(root, "packages/cli/bin/warden.js"), "scan", "--format", "json", "."], { cwd: dir, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0 && result.status !== 1) throw new Error(`warden scan exited ${result.status}: ${result.stderr}`);
  return JSON.parse(result.stdout).findings;
}

/** Tally judged cases by a key: found/total per group. */
export function tally(judged, key) {
  const groups = new Map();
  for (const c of judged) {
    const k = key(c);
    const g = groups.get(k) ?? { hit: 0, total: 0, misses: [] };
    g.total += 1;
    if (c.hit) g.hit += 1;
    else g.misses.push(c);
    groups.set(k, g);
  }
  return [...groups.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/** Build, write, scan and judge; the temp repository is removed afterwards. */
export function evaluate(root, options) {
  const cases = buildCases(options);
  const dir = writeCases(cases);
  try {
    return judge(cases, scanWithCli(root, dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export { buildCases };
