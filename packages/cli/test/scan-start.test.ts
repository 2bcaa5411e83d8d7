// `warden scan`'s own start (bin/scan-start.js → dist/scan.cjs, with V8's compiled code kept beside
// the bundle): the same report as the full CLI, the kept code used when valid, and a corrupt or
// foreign one replaced without changing the result. It runs a copy of the bin file and the bundle,
// so that other tests running `warden scan` at the same time do not touch the cache under test.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GIT_ENV, githubToken, gitRepo, type TempRepo } from "@warden/test-utils";

const CLI = fileURLToPath(new URL("..", import.meta.url));
const TOKEN = githubToken();
const UNTRACKED = githubToken();
const IGNORED = githubToken();

let repo: TempRepo;
let copy: string;
let cacheFile: string;

beforeAll(() => {
  repo = gitRepo({ "src/config.ts": `export const token = "${TOKEN}";\n`, "README.md": "# demo\n", ".gitignore": "local.txt\n" });
  repo.git(["add", "-A"]);
  // Listed by git (`ls-files -co --exclude-standard`, started before the bundle loads): the
  // untracked file is scanned, the ignored one is not.
  repo.write({ "notes/untracked.txt": `token ${UNTRACKED}\n`, "local.txt": `token ${IGNORED}\n` });
  copy = mkdtempSync(path.join(tmpdir(), "warden-scan-start-"));
  mkdirSync(path.join(copy, "bin"));
  mkdirSync(path.join(copy, "dist"));
  copyFileSync(path.join(CLI, "bin/scan-start.js"), path.join(copy, "bin/scan-start.js"));
  copyFileSync(path.join(CLI, "dist/scan.cjs"), path.join(copy, "dist/scan.cjs"));
  writeFileSync(path.join(copy, "package.json"), `{ "type": "module" }\n`);
  cacheFile = path.join(copy, "dist", `scan.cjs.${process.version}-${process.arch}.v8`);
});
afterAll(() => {
  repo.cleanup();
  rmSync(copy, { recursive: true, force: true });
});

interface Run {
  code: number;
  findings: string[];
  stderr: string;
}

function run(script: string, env: NodeJS.ProcessEnv = {}, cwd = repo.dir): Run {
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd, env: { ...GIT_ENV, ...env }, encoding: "utf8", timeout: 120_000 });
  const report = JSON.parse(result.stdout) as { findings: { ruleId: string; file: string; line: number; fingerprint?: string }[] };
  return { code: result.status ?? -1, findings: report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line} ${f.fingerprint ?? ""}`), stderr: result.stderr };
}

/** `warden scan --format json` through the copied fast start. */
function fastScan(env: NodeJS.ProcessEnv = {}, cwd = repo.dir): Run {
  const start = pathToFileURL(path.join(copy, "bin/scan-start.js")).href;
  return run(`const { startScan } = await import(${JSON.stringify(start)}); process.exitCode = await startScan(["scan", "--format", "json"]);`, env, cwd);
}

describe("warden scan's own start", () => {
  let full: Run;

  it("reports what the full CLI reports", () => {
    const cli = pathToFileURL(path.join(CLI, "dist/cli.js")).href;
    full = run(`const { main } = await import(${JSON.stringify(cli)}); process.exitCode = await main(["scan", "--format", "json"]);`);
    expect(full.code).toBe(1);
    expect(full.findings).toHaveLength(2);
    expect(full.findings[0]).toMatch(/^secrets\/github-pat notes\/untracked\.txt:1 /);
    expect(full.findings[1]).toMatch(/^secrets\/github-pat src\/config\.ts:1 /);
    const fast = fastScan();
    expect(fast.code).toBe(1);
    expect(fast.findings).toEqual(full.findings);
    expect(`${fast.stderr}`).not.toContain(TOKEN);
    // From a folder below the top (the files are listed from the top, as the full CLI does).
    expect(fastScan({}, path.join(repo.dir, "src")).findings).toEqual(full.findings);
  });

  it("keeps V8's code after a first run and uses it, unchanged, on the next", () => {
    rmSync(cacheFile, { force: true });
    expect(fastScan().findings).toEqual(full.findings);
    expect(existsSync(cacheFile)).toBe(true);
    const kept = readFileSync(cacheFile);
    const written = statSync(cacheFile).mtimeMs;
    expect(kept.length).toBeGreaterThan(10_000);
    expect(fastScan().findings).toEqual(full.findings);
    // Accepted by V8: not written again.
    expect(statSync(cacheFile).mtimeMs).toBe(written);
    expect(readFileSync(cacheFile).equals(kept)).toBe(true);
    // Nothing of the scanned files is in it.
    expect(kept.includes(Buffer.from(TOKEN))).toBe(false);
  });

  it("replaces corrupt kept code, with the same findings", () => {
    writeFileSync(cacheFile, Buffer.alloc(4096, 7));
    const result = fastScan();
    expect(result.code).toBe(1);
    expect(result.findings).toEqual(full.findings);
    const rewritten = readFileSync(cacheFile);
    expect(rewritten.equals(Buffer.alloc(4096, 7))).toBe(false);
    expect(rewritten.length).toBeGreaterThan(10_000);
  });

  it("keeps nothing with WARDEN_NO_COMPILE_CACHE set", () => {
    rmSync(cacheFile, { force: true });
    expect(fastScan({ WARDEN_NO_COMPILE_CACHE: "1" }).findings).toEqual(full.findings);
    expect(existsSync(cacheFile)).toBe(false);
  });
});
