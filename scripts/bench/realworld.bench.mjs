#!/usr/bin/env node
// `pnpm bench realworld`: Warden on pinned snapshots of public TypeScript monorepos
// (scripts/bench/realworld/manifest.json). For each repository it runs a cold `warden check` and
// `warden scan` (JSON), counts findings per rule, joins them with the hand-judged samples in
// scripts/bench/realworld/verdicts.json so per-rule precision is recomputed on every run, and times
// the cold check beside ESLint (typescript-eslint `recommended`, untyped, installed with npm into a
// temporary folder) in the same run. None of the repositories' code is committed here: the
// snapshots are looked for under $WARDEN_CORPUS (default: ../corpus beside this repository), and a
// repository that is not there is skipped with a message (CI has no network).
//
// Options: --no-eslint (skip the ESLint comparison), --no-write (do not touch docs/benchmarks.md),
// --unjudged <rule> (print the findings of a rule that have no verdict yet, to judge them).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { machine, ROOT, writeSection } from "./lib.mjs";

const args = process.argv.slice(2);
if (args.includes("--help")) {
  process.stdout.write(
    "usage: node scripts/bench/realworld.bench.mjs [--no-eslint] [--no-write] [--unjudged <rule>]\n" +
      "Runs warden check and scan on the pinned repositories of scripts/bench/realworld/manifest.json found under $WARDEN_CORPUS,\n" +
      "recomputes per-rule precision from scripts/bench/realworld/verdicts.json and times the check beside ESLint.\n",
  );
  process.exit(0);
}
const withEslint = !args.includes("--no-eslint");
const write = !args.includes("--no-write");
const unjudgedRule = args.includes("--unjudged") ? args[args.indexOf("--unjudged") + 1] : undefined;

const HERE = path.join(ROOT, "scripts/bench/realworld");
const WARDEN = path.join(ROOT, "packages/cli/bin/warden.js");
const CORPUS = path.resolve(process.env.WARDEN_CORPUS ?? path.join(ROOT, "..", "corpus"));
const TOOLS = { eslint: "9.39.5", "@eslint/js": "9.39.5", "typescript-eslint": "8.73.0", typescript: "5.9.3" };
const env = { ...process.env, WARDEN_DAEMON: "0", NO_COLOR: "1", FORCE_COLOR: "0", CI: "1" };

const manifest = JSON.parse(readFileSync(path.join(HERE, "manifest.json"), "utf8"));
/** @type {{repo: string, rule: string, file: string, line: number, fingerprint: string, verdict: "right"|"wrong"|"debatable", reason: string}[]} */
const verdicts = JSON.parse(readFileSync(path.join(HERE, "verdicts.json"), "utf8"));

function run(command, argv, cwd) {
  const started = performance.now();
  const result = spawnSync(command, argv, { cwd, env, encoding: "utf8", maxBuffer: 1 << 30 });
  return { ms: performance.now() - started, code: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}

/** The work tree of a pinned repository at its commit, or the reason it is not available. */
function locate(entry) {
  const dir = path.join(CORPUS, entry.name);
  if (!existsSync(path.join(dir, ".git"))) return { skip: `not found at ${dir} (put a clone of ${entry.repo} there, or set WARDEN_CORPUS)` };
  try {
    const head = execFileSync("git", ["rev-parse", "HEAD"], { cwd: dir, encoding: "utf8" }).trim();
    if (head !== entry.commit) execFileSync("git", ["-c", "advice.detachedHead=false", "checkout", "-q", "--detach", entry.commit], { cwd: dir, stdio: "ignore" });
    execFileSync("git", ["clean", "-qfdx", "-e", "node_modules"], { cwd: dir, stdio: "ignore" });
    return { dir };
  } catch {
    return { skip: `${dir} does not hold commit ${entry.commit} of ${entry.repo}` };
  }
}

function parseReport(result, what) {
  try {
    return JSON.parse(result.stdout);
  } catch {
    throw new Error(`${what} printed no JSON report (exit ${result.code}): ${result.stderr.trim().split("\n").slice(-3).join(" | ")}`);
  }
}

function installEslint() {
  const dir = mkdtempSync(path.join(tmpdir(), "warden-realworld-eslint-"));
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "warden-bench-eslint", private: true, type: "module" }));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", ...Object.entries(TOOLS).map(([n, v]) => `${n}@${v}`)], { cwd: dir, env, stdio: ["ignore", "ignore", "inherit"] });
  writeFileSync(
    path.join(dir, "eslint.config.mjs"),
    'import js from "@eslint/js";\nimport tseslint from "typescript-eslint";\nexport default tseslint.config({ ignores: ["**/node_modules/**", "**/dist/**"] }, js.configs.recommended, ...tseslint.configs.recommended);\n',
  );
  return {
    dir,
    lint: (cwd) => run(process.execPath, [path.join(dir, "node_modules/eslint/bin/eslint.js"), "-c", path.join(dir, "eslint.config.mjs"), "--no-cache", "--no-warn-ignored", "-f", "json", "."], cwd),
  };
}

const key = (repo, rule, fingerprint) => `${repo}\u0000${rule}\u0000${fingerprint}`;
const byKey = new Map(verdicts.map((v) => [key(v.repo, v.rule, v.fingerprint), v]));

let eslint;
const results = [];
try {
  for (const entry of manifest.repos) {
    const where = locate(entry);
    if (where.skip !== undefined) {
      process.stdout.write(`skip ${entry.name}: ${where.skip}\n`);
      results.push({ entry, skipped: where.skip });
      continue;
    }
    process.stdout.write(`${entry.name}: warden check… `);
    const check = run(process.execPath, [WARDEN, "check", "--no-cache", "--no-baseline", "--format", "json"], where.dir);
    const checkReport = parseReport(check, "warden check");
    process.stdout.write(`${(check.ms / 1000).toFixed(2)} s; warden scan… `);
    const scan = run(process.execPath, [WARDEN, "scan", "--format", "json"], where.dir);
    const scanReport = parseReport(scan, "warden scan");
    process.stdout.write(`${(scan.ms / 1000).toFixed(2)} s`);
    let lint;
    if (withEslint) {
      eslint ??= (process.stdout.write("; installing ESLint into a temporary folder… "), installEslint());
      process.stdout.write("; eslint… ");
      lint = eslint.lint(where.dir);
      let lintFiles = "?";
      try {
        lintFiles = JSON.parse(lint.stdout).length;
      } catch {
        lintFiles = "no report";
      }
      lint.files = lintFiles;
      process.stdout.write(`${(lint.ms / 1000).toFixed(2)} s (${lintFiles} files)`);
    }
    process.stdout.write("\n");
    const findings = [...checkReport.findings, ...scanReport.findings];
    results.push({ entry, checkMs: check.ms, scanMs: scan.ms, files: checkReport.summary.files, findings, lint });
    if (unjudgedRule !== undefined) {
      for (const f of findings) {
        if (f.ruleId === unjudgedRule && !byKey.has(key(entry.name, f.ruleId, f.fingerprint))) {
          process.stdout.write(`UNJUDGED ${JSON.stringify({ repo: entry.name, rule: f.ruleId, file: f.file, line: f.line, fingerprint: f.fingerprint, message: f.message })}\n`);
        }
      }
    }
  }
} finally {
  if (eslint !== undefined) rmSync(eslint.dir, { recursive: true, force: true });
}

// Per rule: findings per repository, and the verdicts of the findings that still fire.
const measured = results.filter((r) => r.skipped === undefined);
const measuredNames = new Set(measured.map((r) => r.entry.name));
const rules = new Map();
const ruleRow = (rule) => {
  if (!rules.has(rule)) rules.set(rule, { counts: {}, right: 0, wrong: 0, debatable: 0, gone: { right: 0, wrong: 0, debatable: 0 } });
  return rules.get(rule);
};
const firing = new Set();
for (const r of measured) {
  for (const f of r.findings) {
    const row = ruleRow(f.ruleId);
    row.counts[r.entry.name] = (row.counts[r.entry.name] ?? 0) + 1;
    const k = key(r.entry.name, f.ruleId, f.fingerprint);
    firing.add(k);
    const v = byKey.get(k);
    if (v !== undefined) row[v.verdict] += 1;
  }
}
for (const v of verdicts) {
  if (!measuredNames.has(v.repo) || firing.has(key(v.repo, v.rule, v.fingerprint))) continue;
  ruleRow(v.rule).gone[v.verdict] += 1;
}

const pct = (n, d) => (d === 0 ? "—" : `${((n / d) * 100).toFixed(0)}%`);
const names = manifest.repos.map((e) => e.name);
const rows = [...rules.entries()].sort(([a], [b]) => a.localeCompare(b));
let judgedRight = 0;
let judgedWrong = 0;
const below = [];
const ruleLines = rows.map(([rule, row]) => {
  const total = Object.values(row.counts).reduce((a, b) => a + b, 0);
  judgedRight += row.right;
  judgedWrong += row.wrong;
  const precision = pct(row.right, row.right + row.wrong);
  if (total > 0 && row.right + row.wrong > 0 && row.right / (row.right + row.wrong) < 0.9) below.push(rule);
  const gone = row.gone.right + row.gone.wrong + row.gone.debatable;
  return `| \`${rule}\` | ${names.map((n) => (measuredNames.has(n) ? (row.counts[n] ?? 0) : "skipped")).join(" | ")} | ${total} | ${row.right} / ${row.wrong} / ${row.debatable} | ${precision} | ${gone === 0 ? "" : `${row.gone.wrong} wrong, ${row.gone.right} right, ${row.gone.debatable} debatable no longer reported`} |`;
});

const timeLines = results.map((r) => {
  if (r.skipped !== undefined) return `| ${r.entry.name} | skipped: ${r.skipped} | | | | |`;
  const lint = r.lint === undefined ? "not run" : `${(r.lint.ms / 1000).toFixed(2)} s (${r.lint.files} files)`;
  const ratio = r.lint === undefined ? "—" : (r.checkMs / r.lint.ms).toFixed(2);
  return `| ${r.entry.name} (${r.files.toLocaleString("en")} files) | ${(r.checkMs / 1000).toFixed(2)} s | ${(r.scanMs / 1000).toFixed(2)} s | ${lint} | ${ratio} | ${r.findings.length} |`;
});

const summary = [
  `judged findings still reported: ${judgedRight} right, ${judgedWrong} wrong → precision ${pct(judgedRight, judgedRight + judgedWrong)}`,
  measured.length === 0 ? "nothing measured: no precision to report" : below.length === 0 ? "every judged rule that fires is at or above 90% precision" : `below 90%: ${below.join(", ")}`,
];
process.stdout.write(`\n${ruleLines.join("\n")}\n\n${timeLines.join("\n")}\n\n${summary.join("\n")}\n`);

if (write && measured.length > 0) {
  const markdown = `## Real-world corpus: findings, judged precision and a cold check beside ESLint

Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}. Script: \`scripts/bench/realworld.bench.mjs\`
(\`pnpm bench realworld\`). Pinned public monorepos (\`scripts/bench/realworld/manifest.json\`):
${manifest.repos.map((e) => `${e.name} (${e.repo} @ ${e.commit.slice(0, 10)}: ${e.shape})`).join("; ")}.
Their code is not in this repository; the run checks them out under \`$WARDEN_CORPUS\` and skips any that is absent.

### Cold full check beside ESLint (same run)

\`warden check --no-cache --no-baseline\` in-process (no result cache, no server), and ESLint ${TOOLS.eslint} with
typescript-eslint ${TOOLS["typescript-eslint"]} \`recommended\` (untyped, \`js.configs.recommended\` too), \`--no-cache\`, on the same work tree.

| repository | warden check (cold) | warden scan | eslint | warden / eslint | findings (check + scan) |
| --- | ---: | ---: | ---: | ---: | ---: |
${timeLines.join("\n")}

### Findings per rule and precision on hand-judged samples

Verdicts (\`scripts/bench/realworld/verdicts.json\`: repository, rule, file, line, fingerprint, right / wrong /
debatable, one-line reason) are joined by fingerprint with this run's findings. Precision = right / (right + wrong)
over judged findings that are still reported; debatable ones are shown but not counted. The last column counts
judged findings the rules no longer report (false-positive classes fixed, or true positives lost).

| rule | ${names.join(" | ")} | total | right / wrong / debatable | precision | judged, no longer reported |
| --- | ${names.map(() => "---:").join(" | ")} | ---: | ---: | ---: | --- |
${ruleLines.join("\n")}

${summary.map((s) => `- ${s}`).join("\n")}
`;
  writeSection("realworld", markdown);
  process.stdout.write("wrote the realworld section of docs/benchmarks.md\n");
}
if (measured.length === 0) process.stdout.write("no repository of the corpus was found: nothing measured\n");
