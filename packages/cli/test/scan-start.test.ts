// `warden scan`'s own start (bin/scan-start.js → dist/scan.cjs, with git's listing started before
// the bundle loads): the same report as the full CLI, from the work tree's top and from below it,
// with a warden.config.ts (loaded with `import()`).
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GIT_ENV, githubToken, gitRepo, type TempRepo } from "@warden/test-utils";

const CLI = fileURLToPath(new URL("..", import.meta.url));
const TOKEN = githubToken();
const UNTRACKED = githubToken();
const IGNORED = githubToken();

let repo: TempRepo;

beforeAll(() => {
  repo = gitRepo({ "src/config.ts": `export const token = "${TOKEN}";\n`, "README.md": "# demo\n", ".gitignore": "local.txt\n" });
  repo.git(["add", "-A"]);
  // Listed by git (`ls-files -co --exclude-standard`, started before the bundle loads): the
  // untracked file is scanned, the ignored one is not.
  repo.write({ "notes/untracked.txt": `token ${UNTRACKED}\n`, "local.txt": `token ${IGNORED}\n` });
});
afterAll(() => {
  repo.cleanup();
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

/** `warden scan --format json` through the scan's own start. */
function fastScan(env: NodeJS.ProcessEnv = {}, cwd = repo.dir): Run {
  const start = pathToFileURL(path.join(CLI, "bin/scan-start.js")).href;
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

  it("loads a warden.config.ts (its allowPaths apply)", () => {
    repo.write({ "warden.config.ts": `export default { secrets: { allowPaths: ["notes/**"] } };\n` });
    try {
      const fast = fastScan();
      expect(fast.stderr).not.toContain("cannot load config");
      expect(fast.findings).toEqual(full.findings.filter((line) => !line.includes("notes/untracked.txt")));
    } finally {
      rmSync(path.join(repo.dir, "warden.config.ts"));
    }
  });
});
