#!/usr/bin/env node
// `pnpm bench catalogue`: the full rule catalogue, cold and warm, on a generated 5k-file TypeScript
// monorepo and on this repository, beside ESLint (typescript-eslint recommended, untyped), knip
// (unused files, exports, dependencies) and jscpd (duplicates), each on the same files in one run.
// The comparison tools are installed into a temporary folder with npm, never into the repository.
// Also compares Warden's unused-export findings with knip's on the generated repository.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateTsRepo } from "./generate-ts-repo.mjs";
import { machine, median, ROOT, writeSection } from "./lib.mjs";

if (process.argv.includes("--help")) {
  process.stdout.write(
    "usage: node scripts/bench/catalogue.bench.mjs [--quick]\nTimes the full catalogue cold and warm beside ESLint, knip and jscpd; writes the catalogue section of docs/benchmarks.md.\n",
  );
  process.exit(0);
}
const quick = process.argv.includes("--quick");
const RUNS = quick ? 1 : 3;
const WARDEN = path.join(ROOT, "packages/cli/bin/warden.js");
// jscpd 4.2.5 and later depend on commander 15, which needs Node 22: 4.2.4 is the newest that runs on Node 20.
const TOOLS = { eslint: "9.39.5", "@eslint/js": "9.39.5", "typescript-eslint": "8.73.0", typescript: "5.9.3", knip: "6.44.2", jscpd: "4.2.4" };
const env = { ...process.env, WARDEN_DAEMON: "0", NO_COLOR: "1", FORCE_COLOR: "0" };

function run(command, args, cwd) {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd, env, encoding: "utf8", maxBuffer: 1 << 30 });
  return { ms: performance.now() - started, code: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}

function git(cwd, args) {
  execFileSync("git", args, { cwd, env: { ...env, GIT_AUTHOR_NAME: "bench", GIT_AUTHOR_EMAIL: "bench@example.test", GIT_COMMITTER_NAME: "bench", GIT_COMMITTER_EMAIL: "bench@example.test" } });
}

/** Install the comparison tools into a temporary folder (npm registry only). */
function installTools(dir) {
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "warden-bench-tools", private: true, type: "module" }));
  const specs = Object.entries(TOOLS).map(([name, version]) => `${name}@${version}`);
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", ...specs], { cwd: dir, env, stdio: ["ignore", "ignore", "inherit"] });
  writeFileSync(
    path.join(dir, "eslint.config.mjs"),
    'import js from "@eslint/js";\nimport tseslint from "typescript-eslint";\nexport default tseslint.config({ ignores: ["**/node_modules/**", "**/dist/**", "**/test/fixtures/**"] }, js.configs.recommended, ...tseslint.configs.recommended);\n',
  );
  return {
    eslint: (cwd, target) => run(process.execPath, [path.join(dir, "node_modules/eslint/bin/eslint.js"), "-c", path.join(dir, "eslint.config.mjs"), "--no-cache", target], cwd),
    knip: (cwd) => run(process.execPath, [path.join(dir, "node_modules/knip/bin/knip.js"), "--reporter", "json", "--no-progress", "--no-exit-code"], cwd),
    jscpd: (cwd, out) =>
      run(process.execPath, [path.join(dir, "node_modules/jscpd/bin/jscpd"), "--silent", "--reporters", "json", "--output", out, "--format", "typescript,javascript", "--ignore", "**/node_modules/**,**/dist/**,**/test/fixtures/**", "."], cwd),
  };
}

/**
 * The lead's generated tree made a real workspace: each package gets an entry (exports → src/index.ts)
 * re-exporting half its modules, a dependency on the previous package that it imports, planted
 * unused exports, unused files and copied blocks.
 */
function generateMonorepo(dir, files) {
  const sources = generateTsRepo(dir, files);
  const packages = [...new Set(sources.map((s) => s.split("/").slice(0, 2).join("/")))];
  packages.forEach((pkgDir, p) => {
    const mine = sources.filter((s) => s.startsWith(`${pkgDir}/`));
    const manifestFile = path.join(dir, pkgDir, "package.json");
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8"));
    manifest.exports = { ".": "./src/index.ts" };
    if (p > 0) manifest.dependencies = { [`@bench/pkg-${p - 1}`]: "workspace:^" };
    writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
    const exported = mine.filter((_, i) => i % 2 === 0).map((s) => `export * from "./${path.basename(s, ".ts")}.js";`);
    const uses = p > 0 ? `import { score0 } from "@bench/pkg-${p - 1}";\n\n/** Uses the previous package. */\nexport const baseline${p} = score0([1, 2, 3]);\n` : "";
    writeFileSync(path.join(dir, pkgDir, "src/index.ts"), `${exported.join("\n")}\n${uses}`);
    const odd = mine.filter((_, i) => i % 2 === 1);
    // Modules with an odd index are imported by name from index.ts's neighbours: only Worker and helper are used.
    writeFileSync(
      path.join(dir, pkgDir, "src/use.ts"),
      `${odd.map((s, i) => `import { Worker${path.basename(s, ".ts").split("-")[1]} as W${i} } from "./${path.basename(s, ".ts")}.js";`).join("\n")}\n\n/** Every odd worker. */\nexport const workers = [${odd.map((_, i) => `W${i}`).join(", ")}];\n`,
    );
    writeFileSync(path.join(dir, pkgDir, "src/index.ts"), `${readFileSync(path.join(dir, pkgDir, "src/index.ts"), "utf8")}export { workers } from "./use.js";\n`);
    if (p % 10 === 0) writeFileSync(path.join(dir, pkgDir, "src/orphan.ts"), `/** Nobody imports this file. */\nexport const orphan${p} = ${p};\n`);
    if (p % 10 === 1 && mine[1] !== undefined) {
      const copy = readFileSync(path.join(dir, mine[1]), "utf8").replace(/(\w+)1\b/g, "$1Copy");
      writeFileSync(path.join(dir, pkgDir, "src/copied.ts"), copy);
      writeFileSync(path.join(dir, pkgDir, "src/index.ts"), `${readFileSync(path.join(dir, pkgDir, "src/index.ts"), "utf8")}export * from "./copied.js";\n`);
    }
  });
  writeFileSync(path.join(dir, "knip.json"), JSON.stringify({ ignoreExportsUsedInFile: true, workspaces: { "packages/*": { entry: ["src/index.ts"], project: ["src/**/*.ts"] } } }));
  git(dir, ["init", "-q", "-b", "main"]);
  execFileSync("pnpm", ["install", "--offline", "--silent"], { cwd: dir, env, stdio: ["ignore", "ignore", "inherit"] });
  git(dir, ["add", "-A"]);
  git(dir, ["commit", "-q", "--no-verify", "-m", "chore: generated"]);
  return sources.length;
}

function wardenRuns(cwd) {
  const cold = [];
  const warm = [];
  let report;
  for (let i = 0; i < RUNS; i += 1) {
    rmSync(path.join(cwd, "node_modules/.cache/warden"), { recursive: true, force: true });
    const c = run(process.execPath, [WARDEN, "check", "--no-baseline", "--format", "json"], cwd);
    report = JSON.parse(c.stdout);
    cold.push(c.ms);
    warm.push(run(process.execPath, [WARDEN, "check", "--no-baseline", "--format", "json"], cwd).ms);
  }
  return { cold: median(cold), warm: median(warm), report };
}

function knipExports(stdout, root) {
  const parsed = JSON.parse(stdout.slice(stdout.indexOf("{")));
  const out = new Set();
  for (const issue of parsed.issues ?? []) {
    for (const kind of ["exports", "types", "nsExports", "nsTypes", "enumMembers"]) {
      for (const item of issue[kind] ?? []) if (kind === "exports" || kind === "types") out.add(`${path.relative(root, path.resolve(root, issue.file))}#${item.name}`);
    }
  }
  const unusedFiles = new Set([...(parsed.files ?? []), ...(parsed.issues ?? []).filter((i) => i.files).map((i) => i.file)]);
  return { exports: out, files: unusedFiles.size };
}

function wardenExports(report) {
  const out = new Set();
  for (const f of report.findings) {
    if (f.ruleId !== "waste/unused-exports") continue;
    const name = /^Export (\S+) is not imported/.exec(f.message)?.[1];
    if (name !== undefined) out.add(`${f.file}#${name}`);
  }
  return out;
}

function measureRepo(label, cwd, tools, scratch) {
  process.stdout.write(`${label}: warden… `);
  const warden = wardenRuns(cwd);
  process.stdout.write(`cold ${warden.cold.toFixed(0)} ms, warm ${warden.warm.toFixed(0)} ms; eslint… `);
  const eslint = tools.eslint(cwd, ".");
  process.stdout.write(`${eslint.ms.toFixed(0)} ms; knip… `);
  const knip = tools.knip(cwd);
  process.stdout.write(`${knip.ms.toFixed(0)} ms; jscpd… `);
  const jscpdOut = path.join(scratch, `jscpd-${label.replace(/\W+/g, "-")}`);
  const jscpd = tools.jscpd(cwd, jscpdOut);
  process.stdout.write(`${jscpd.ms.toFixed(0)} ms\n`);
  let clones = "n/a";
  const jscpdReport = path.join(jscpdOut, "jscpd-report.json");
  if (existsSync(jscpdReport)) clones = String(JSON.parse(readFileSync(jscpdReport, "utf8")).duplicates?.length ?? "n/a");
  const byRule = (prefix) => warden.report.findings.filter((f) => f.ruleId.startsWith(prefix)).length;
  return { label, warden, eslint, knip, jscpd, clones, files: warden.report.summary.files, byRule };
}

const scratch = mkdtempSync(path.join(tmpdir(), "warden-bench-catalogue-"));
let results;
let comparison;
try {
  mkdirSync(path.join(scratch, "tools"));
  process.stdout.write("installing eslint, typescript-eslint, knip and jscpd into a temporary folder…\n");
  const tools = installTools(path.join(scratch, "tools"));
  const generated = path.join(scratch, "generated");
  mkdirSync(generated);
  const count = generateMonorepo(generated, 5000);
  process.stdout.write(`generated ${count} modules\n`);
  const gen = measureRepo("generated 5k-file monorepo", generated, tools, scratch);
  const own = measureRepo("this repository", ROOT, tools, scratch);
  results = [gen, own];
  const ours = wardenExports(gen.warden.report);
  const theirs = knipExports(gen.knip.stdout, generated);
  comparison = {
    ours: ours.size,
    theirs: theirs.exports.size,
    both: [...ours].filter((k) => theirs.exports.has(k)).length,
    onlyOurs: [...ours].filter((k) => !theirs.exports.has(k)).sort(),
    onlyTheirs: [...theirs.exports].filter((k) => !ours.has(k)).sort(),
  };
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const s = (ms) => (ms / 1000).toFixed(2);
const date = new Date().toISOString().slice(0, 10);
const rows = results
  .map((r) => {
    const others = r.eslint.ms + r.knip.ms + r.jscpd.ms;
    return `| ${r.label} (${r.files.toLocaleString("en")} files) | ${s(r.warden.cold)} s | ${s(r.warden.warm)} s (${((r.warden.warm / r.warden.cold) * 100).toFixed(0)}%) | ${s(r.eslint.ms)} s | ${s(r.knip.ms)} s | ${s(r.jscpd.ms)} s | ${s(others)} s | ${r.warden.cold < others ? "yes" : "no"} |`;
  })
  .join("\n");
const verdicts = results
  .map((r) => {
    const share = r.warden.warm / r.warden.cold;
    const others = r.eslint.ms + r.knip.ms + r.jscpd.ms;
    const warmNote =
      share <= 0.15
        ? "met"
        : `**not met** — a warm run reads and hashes every file and loads the CLI, its config and zod (${s(r.warden.warm)} s, most of it fixed cost), so on a small repository the ratio is bounded by start-up, not by the rules`;
    return `- ${r.label}: warm ${(share * 100).toFixed(0)}% of cold — ${warmNote}; cold ${s(r.warden.cold)} s against ${s(others)} s for the three — ${r.warden.cold < others ? "met" : "**not met**"}`;
  })
  .join("\n");
const sample = (list) => (list.length === 0 ? "none" : `${list.slice(0, 8).map((k) => `\`${k}\``).join(", ")}${list.length > 8 ? `, … (${list.length} in all)` : ""}`);
writeSection(
  "catalogue",
  `## The full rule catalogue beside ESLint, knip and jscpd

Measured ${date} on ${machine()}. Script: \`scripts/bench/catalogue.bench.mjs\`${quick ? " (--quick)" : ""}; every tool runs in the
same process environment on the same files, one after another. Warden: \`warden check --no-baseline\`
with every built-in rule (${RUNS} run${RUNS === 1 ? "" : "s"}, median): *cold* with the result cache deleted, *warm* right after, nothing
changed. ESLint ${TOOLS.eslint} with typescript-eslint ${TOOLS["typescript-eslint"]} \`recommended\` (untyped), knip ${TOOLS.knip} (unused files,
exports, dependencies; JSON reporter), jscpd ${TOOLS.jscpd} (duplicates, TypeScript and JavaScript); all installed with npm into a temporary folder.

| repository | warden cold | warden warm (% of cold) | eslint | knip | jscpd | eslint + knip + jscpd | cold faster than the three |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | :---: |
${rows}

Goals: warm at most 15% of cold; the whole catalogue cold faster than ESLint + knip + jscpd run one after another.

${verdicts}

Findings on the generated repository: Warden ${results[0].warden.report.findings.length} in all — ${results[0].byRule("waste/unused-exports")} unused exports,
${results[0].byRule("waste/unused-files")} unused files, ${results[0].byRule("code/no-duplicate-blocks")} duplicate blocks; jscpd ${results[0].clones} clones.

### Unused exports: Warden against knip on the generated repository

knip runs with \`ignoreExportsUsedInFile: true\`, Warden's default (an export its own module uses, such as an options type in a
class's constructor, is not reported); with knip's default it would also list those types.

- Warden: ${comparison.ours}, knip: ${comparison.theirs}, both: ${comparison.both}.
- Only Warden: ${sample(comparison.onlyOurs)}.
- Only knip: ${sample(comparison.onlyTheirs)}.

${
  comparison.onlyOurs.length + comparison.onlyTheirs.length === 0
    ? "The two tools agree on every unused export of the generated repository."
    : "Each difference is listed above so it can be checked by hand; the usual causes are re-exports through `export *` from an entry file (both count them as public API) and names that are both imported and re-exported."
}
`,
);
process.stdout.write("written to docs/benchmarks.md\n");
