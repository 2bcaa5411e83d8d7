// Installing Warden from outside, as the README's "Use it in your repository" says: the packed
// @warden/cli tarball, installed with pnpm and with npm into fresh git repositories unrelated to
// this one, runs `warden check`, loads a warden.config.ts importing defineConfig from
// "@warden/cli" (also from a global install and from another folder), and refuses a bad commit
// through the hooks the README writes. Dependencies come from the package store / registry cache.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitCount, GIT_ENV, gitRepo, REPO_ROOT, type RunResult, type TempRepo } from "@warden/test-utils";

const INSTALL_TIMEOUT = 240_000;

/** The environment of a user's shell: no husky switch-off, no npm/pnpm variables of the script running this test. */
function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(GIT_ENV)) {
    if (/^(npm_|pnpm_|PNPM_|npm_config_)/i.test(key) || key === "HUSKY" || key === "INIT_CWD") continue;
    env[key] = value;
  }
  // Offline first from the local store / cache; the registry is asked only for what is missing.
  env.npm_config_prefer_offline = "true";
  env.npm_config_audit = "false";
  env.npm_config_fund = "false";
  env.npm_config_update_notifier = "false";
  return env;
}

function sh(cwd: string, command: string, env: NodeJS.ProcessEnv = userEnv()): RunResult {
  const result = spawnSync("sh", ["-c", command], { cwd, env, encoding: "utf8", timeout: INSTALL_TIMEOUT });
  return { code: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}

function run(cwd: string, file: string, args: readonly string[]): RunResult {
  const result = spawnSync(file, args, { cwd, env: userEnv(), encoding: "utf8", timeout: INSTALL_TIMEOUT });
  return { code: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}

/** The shell lines of the README block marked `<!-- install:NAME … -->`. */
function readmeLines(name: "pnpm" | "npm"): string[] {
  const readme = readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
  const block = new RegExp(`<!-- install:${name}\\b[^>]*-->\\s*\`\`\`sh\\n([\\s\\S]*?)\`\`\``).exec(readme);
  if (block?.[1] === undefined) throw new Error(`README.md has no install:${name} block`);
  return block[1].split("\n").filter((line) => line.trim() !== "");
}

const PLACEHOLDER = 'export function pay(): void {\n  throw new Error("not implemented");\n}\n';
const CONFIG = `import { defineConfig } from "@warden/cli";

export default defineConfig({
  overrides: [{ files: ["legacy/**"], rules: { "real/no-placeholder": "off" } }],
});
`;

let work: string;
let tarball: string;
const repos: TempRepo[] = [];

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), "warden-pack-"));
  const packed = spawnSync("pnpm", ["pack", "--pack-destination", work], { cwd: path.join(REPO_ROOT, "packages/cli"), env: userEnv(), encoding: "utf8" });
  expect(packed.status, packed.stderr).toBe(0);
  const name = readdirSync(work).find((file) => /^warden-cli-.+\.tgz$/.test(file));
  if (name === undefined) throw new Error(`pnpm pack wrote no tarball: ${packed.stdout}`);
  tarball = path.join(work, name);
}, INSTALL_TIMEOUT);

afterAll(() => {
  for (const repo of repos.splice(0)) repo.cleanup();
  rmSync(work, { recursive: true, force: true });
});

function freshRepo(): TempRepo {
  const repo = gitRepo({
    "package.json": `${JSON.stringify({ name: "outside-app", version: "1.0.0", private: true, type: "module" }, null, 2)}\n`,
    ".gitignore": "node_modules/\nwarden-cli-*.tgz\n",
    "src/answer.ts": "export const answer = 42;\n",
  });
  repos.push(repo);
  copyFileSync(tarball, path.join(repo.dir, path.basename(tarball)));
  return repo;
}

describe("the packed tarball", () => {
  it("is self-contained: no workspace:/catalog: specifiers, only the external runtime dependencies, types and bin", () => {
    const manifest = sh(work, `tar -xzOf "${tarball}" package/package.json`);
    expect(manifest.code).toBe(0);
    expect(manifest.stdout).not.toMatch(/workspace:|catalog:/);
    const pkg = JSON.parse(manifest.stdout) as Record<string, unknown> & { dependencies: Record<string, string>; exports: Record<string, unknown> };
    expect(Object.keys(pkg.dependencies).sort()).toEqual(["jiti", "ts-morph", "typescript", "v8-compile-cache"]);
    expect(pkg.bin).toEqual({ warden: "./bin/warden.cjs" });
    expect(pkg.types).toBe("./dist/index.d.ts");
    expect(pkg.exports["."]).toEqual({ types: "./dist/index.d.ts", default: "./dist/index.js" });
    expect(pkg.engines).toEqual({ node: ">=20.19.0" });
    const files = sh(work, `tar -tzf "${tarball}"`).stdout.split("\n");
    expect(files).toContain("package/bin/warden.cjs");
    expect(files).toContain("package/bin/warden.js");
    expect(files).toContain("package/dist/index.d.ts");
    expect(files.some((file) => file.startsWith("package/src/"))).toBe(false);
    // The declarations stand alone: no import of a package the tarball does not bring.
    expect(sh(work, `tar -xzOf "${tarball}" package/dist/index.d.ts`).stdout).not.toMatch(/\bimport\b|from "/);
  });
});

describe.each(["pnpm", "npm"] as const)("installed from outside with %s, as the README says", (manager) => {
  it(
    "runs warden check, loads a config importing defineConfig and refuses a bad commit through the README's hooks",
    () => {
      const repo = freshRepo();
      for (const line of readmeLines(manager)) {
        const result = sh(repo.dir, line);
        expect(result.code, `${line}\n${result.stdout}${result.stderr}`).toBe(0);
        if (/warden check$/.test(line)) expect(result.stdout + result.stderr).toContain("no problems");
      }
      const exec = manager === "pnpm" ? "pnpm exec" : "npx";

      // A config importing defineConfig from "@warden/cli" loads: its override turns a rule off.
      repo.write({ "warden.config.ts": CONFIG, "legacy/old.ts": PLACEHOLDER });
      const configured = sh(repo.dir, `${exec} warden check`);
      expect(configured.code, configured.stdout + configured.stderr).toBe(0);
      repo.write({ "src/pay.ts": PLACEHOLDER });
      const flagged = sh(repo.dir, `${exec} warden check`);
      expect(flagged.code).toBe(1);
      expect(flagged.stdout).toContain("src/pay.ts:2:3");
      expect(flagged.stdout).not.toContain("legacy/old.ts");
      rmSync(path.join(repo.dir, "src/pay.ts"));

      // The hooks the README wrote run Warden on `git commit`.
      repo.git(["add", "-A"]);
      const clean = repo.git(["commit", "-q", "-m", "feat: start with warden"], { allowFailure: true });
      expect(clean.code, clean.stdout + clean.stderr).toBe(0);
      expect(commitCount(repo)).toBe(1);
      repo.write({ "src/pay.ts": PLACEHOLDER });
      repo.git(["add", "src/pay.ts"]);
      const refused = spawnSync("git", ["commit", "-q", "-m", "feat: payments"], { cwd: repo.dir, env: userEnv(), encoding: "utf8" });
      expect(refused.status).not.toBe(0);
      expect(refused.stdout + refused.stderr).toContain("src/pay.ts:2:3");
      expect(refused.stdout + refused.stderr).toContain("real/no-placeholder");
      repo.write({ "src/pay.ts": "export const pay = 1;\n" });
      repo.git(["add", "src/pay.ts"]);
      const badMessage = spawnSync("git", ["commit", "-q", "-m", "payments"], { cwd: repo.dir, env: userEnv(), encoding: "utf8" });
      expect(badMessage.status).not.toBe(0);
      expect(badMessage.stdout + badMessage.stderr).toContain("commits/conventional");
      expect(commitCount(repo)).toBe(1);
    },
    INSTALL_TIMEOUT,
  );
});

describe("a config importing @warden/cli where it is not installed", () => {
  it(
    "loads when warden runs from a global install or from another folder",
    () => {
      const prefix = path.join(work, "global");
      mkdirSync(prefix, { recursive: true });
      const global = sh(work, `npm install -g --prefix "${prefix}" "${tarball}"`);
      expect(global.code, global.stdout + global.stderr).toBe(0);
      const globalBin = path.join(prefix, "bin", "warden");

      const repo = gitRepo({ "warden.config.ts": CONFIG, "legacy/old.ts": PLACEHOLDER, "src/pay.ts": PLACEHOLDER });
      repos.push(repo);
      const fromGlobal = run(repo.dir, globalBin, ["check"]);
      expect(fromGlobal.stderr).not.toContain("Cannot find module");
      expect(fromGlobal.code).toBe(1);
      expect(fromGlobal.stdout).toContain("src/pay.ts:2:3");
      expect(fromGlobal.stdout).not.toContain("legacy/old.ts");

      // The binary of another folder's install, run here (nothing installed beside this config).
      const otherBin = path.join(prefix, "lib", "node_modules", "@warden", "cli", "bin", "warden.js");
      repo.write({ "warden.config.ts": CONFIG.replace('"off"', '"bogus"') });
      const invalid = run(repo.dir, process.execPath, [otherBin, "check"]);
      expect(invalid.code).toBe(2);
      expect(invalid.stderr).toContain('warden.config.ts: overrides[0].rules["real/no-placeholder"]');

      // A JavaScript config too.
      rmSync(path.join(repo.dir, "warden.config.ts"));
      repo.write({ "warden.config.mjs": CONFIG });
      const mjs = run(repo.dir, process.execPath, [otherBin, "check"]);
      expect(mjs.stderr).toBe("");
      expect(mjs.stdout).not.toContain("legacy/old.ts");
      expect(mjs.stdout).toContain("src/pay.ts:2:3");
    },
    INSTALL_TIMEOUT,
  );

  it("types defineConfig with no other package installed: a valid config type-checks, a wrong key does not", () => {
    const repo = gitRepo({
      "tsconfig.json": JSON.stringify({ compilerOptions: { module: "nodenext", moduleResolution: "nodenext", strict: true, noEmit: true, types: [] }, include: ["warden.config.ts"] }),
      "warden.config.ts": CONFIG,
    });
    repos.push(repo);
    const extract = path.join(repo.dir, "node_modules", "@warden", "cli");
    mkdirSync(extract, { recursive: true });
    expect(sh(repo.dir, `tar -xzf "${tarball}" -C "${extract}" --strip-components=1`).code).toBe(0);
    const tsc = path.join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc");
    const good = run(repo.dir, process.execPath, [tsc, "-p", "."]);
    expect(good.code, good.stdout).toBe(0);
    repo.write({ "warden.config.ts": CONFIG.replace("overrides", "overides") });
    const bad = run(repo.dir, process.execPath, [tsc, "-p", "."]);
    expect(bad.code).not.toBe(0);
    expect(bad.stdout).toContain("overides");
  });
});
