// `warden init --yes` with the built binary on a repository that already has a husky hook, a
// prepare script and a violation: husky's hooks go live (no network install: husky and warden are
// linked into node_modules as an install would put them), a baseline makes adoption green, and a
// commit with a planted violation is refused by git. Then `warden doctor` on the same repository:
// every hook reaches Warden; with a PATH without node, and with core.hooksPath elsewhere, it fails.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, watch, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GIT_ENV, gitRepo, REPO_ROOT, WARDEN_BIN, type RunResult, type TempRepo } from "@warden/test-utils";

/** The warm server's socket folder of this file: no other Warden server (a developer's own) is seen. */
const SERVER_DIR = mkdtempSync(path.join(tmpdir(), "warden-doctor-sock-"));
/** A user's shell: hooks switched on (the test environment sets HUSKY=0). */
const ENV: NodeJS.ProcessEnv = { ...GIT_ENV, HUSKY: "", WARDEN_DAEMON_DIR: SERVER_DIR };

function run(cwd: string, file: string, args: readonly string[], env: NodeJS.ProcessEnv = ENV): RunResult {
  const result = spawnSync(file, args, { cwd, env, encoding: "utf8", timeout: 120_000 });
  return { code: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}

const PLACEHOLDER = 'export function pay(): void {\n  throw new Error("not implemented");\n}\n';
let repo: TempRepo;
let minimalBin: string;

beforeAll(() => {
  repo = gitRepo({
    "package.json": `${JSON.stringify({ name: "shop", version: "1.0.0", private: true, type: "module", packageManager: "pnpm@10.34.9", scripts: { prepare: "node -e 0" } }, null, 2)}\n`,
    ".gitignore": "node_modules/\n",
    ".husky/pre-commit": 'echo "user hook ran"\n',
    "src/legacy.ts": PLACEHOLDER,
  });
  // What an install would leave: husky's package and a warden binary shim that starts node from PATH.
  mkdirSync(path.join(repo.dir, "node_modules/.bin"), { recursive: true });
  symlinkSync(path.join(REPO_ROOT, "node_modules/husky"), path.join(repo.dir, "node_modules/husky"));
  writeFileSync(path.join(repo.dir, "node_modules/.bin/warden"), `#!/bin/sh\nexec node "${WARDEN_BIN}" "$@"\n`, { mode: 0o755 });
  // A PATH with the shell tools hooks use, and no node.
  minimalBin = path.join(repo.dir, "node_modules/.minimal-bin");
  mkdirSync(minimalBin);
  for (const tool of ["sh", "dirname", "basename"]) {
    const found = spawnSync("sh", ["-c", `command -v ${tool}`], { encoding: "utf8" }).stdout.trim();
    symlinkSync(found, path.join(minimalBin, tool));
  }
});
afterAll(() => {
  repo.cleanup();
  rmSync(SERVER_DIR, { recursive: true, force: true });
});

function commitCount(): number {
  const result = repo.git(["rev-list", "--count", "HEAD"], { allowFailure: true });
  return result.code === 0 ? Number(result.stdout.trim()) : 0;
}

describe("warden init --yes, then git commit", () => {
  it("installs husky's hooks merged with the user's, records a baseline, and the hooks refuse a planted violation", () => {
    const init = run(repo.dir, process.execPath, [WARDEN_BIN, "init", "--yes"]);
    expect(init.code, init.stdout + init.stderr).toBe(0);
    expect(init.stdout).toContain("hooks: husky installed (core.hooksPath = .husky/_)");
    expect(init.stdout).toMatch(/baseline: recorded \d+ findings? in \.warden-baseline/);
    expect(readFileSync(path.join(repo.dir, ".warden-baseline"), "utf8")).toContain("real/no-placeholder\tsrc/legacy.ts");
    expect(repo.git(["config", "core.hooksPath"]).stdout.trim()).toBe(".husky/_");
    expect(readFileSync(path.join(repo.dir, ".husky/pre-commit"), "utf8")).toBe('echo "user hook ran"\nwarden hook pre-commit\n');
    expect((JSON.parse(readFileSync(path.join(repo.dir, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts.prepare).toBe("node -e 0 && husky");

    const again = run(repo.dir, process.execPath, [WARDEN_BIN, "init", "--yes"]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("nothing to change");

    // Adoption starts green: the existing violation is in the baseline.
    repo.git(["add", "-A"]);
    const adopt = run(repo.dir, "git", ["commit", "-q", "-m", "chore: adopt warden"]);
    expect(adopt.code, adopt.stdout + adopt.stderr).toBe(0);
    expect(adopt.stdout + adopt.stderr).toContain("user hook ran");
    expect(commitCount()).toBe(1);

    repo.write({ "src/pay.ts": PLACEHOLDER });
    repo.git(["add", "src/pay.ts"]);
    const refused = run(repo.dir, "git", ["commit", "-q", "-m", "feat: payments"]);
    expect(refused.code).not.toBe(0);
    expect(refused.stdout + refused.stderr).toContain("src/pay.ts:2:3");
    expect(refused.stdout + refused.stderr).toContain("real/no-placeholder");
    expect(commitCount()).toBe(1);
    repo.git(["rm", "-q", "--cached", "src/pay.ts"]);
  });
});

// The other package managers (no network: node_modules laid out as their install would, so the
// hooks find `warden` in node_modules/.bin as they do with pnpm; Yarn Plug'n'Play, which has no
// node_modules, is not covered here).
describe.each([
  ["npm", { packageManager: "npm@10.9.0" }, "package-lock.json"],
  ["bun", { packageManager: "bun@1.2.0" }, "bun.lock"],
  ["yarn (node_modules linker)", { packageManager: "yarn@4.5.0" }, "yarn.lock"],
])("warden init --yes with %s, then git commit", (_label, manifest, lockfile) => {
  it("installs the hooks, and git refuses a commit with a planted violation", () => {
    const other = gitRepo({
      "package.json": `${JSON.stringify({ name: "shop", version: "1.0.0", private: true, type: "module", ...manifest }, null, 2)}\n`,
      [lockfile]: "",
      ...(lockfile === "yarn.lock" ? { ".yarnrc.yml": "nodeLinker: node-modules\n" } : {}),
      ".gitignore": "node_modules/\n",
      "src/ok.ts": "export const ok = 1;\n",
    });
    try {
      mkdirSync(path.join(other.dir, "node_modules/.bin"), { recursive: true });
      symlinkSync(path.join(REPO_ROOT, "node_modules/husky"), path.join(other.dir, "node_modules/husky"));
      writeFileSync(path.join(other.dir, "node_modules/.bin/warden"), `#!/bin/sh\nexec node "${WARDEN_BIN}" "$@"\n`, { mode: 0o755 });
      const init = run(other.dir, process.execPath, [WARDEN_BIN, "init", "--yes"]);
      expect(init.code, init.stdout + init.stderr).toBe(0);
      expect(other.git(["config", "core.hooksPath"]).stdout.trim()).toBe(".husky/_");
      expect(readFileSync(path.join(other.dir, ".husky/pre-commit"), "utf8")).toContain("warden hook pre-commit");
      other.git(["add", "-A"]);
      const adopt = run(other.dir, "git", ["commit", "-q", "-m", "chore: adopt warden"]);
      expect(adopt.code, adopt.stdout + adopt.stderr).toBe(0);
      other.write({ "src/pay.ts": PLACEHOLDER });
      other.git(["add", "src/pay.ts"]);
      const refused = run(other.dir, "git", ["commit", "-q", "-m", "feat: payments"]);
      expect(refused.code).not.toBe(0);
      expect(refused.stdout + refused.stderr).toContain("real/no-placeholder");
      expect(other.git(["rev-list", "--count", "HEAD"]).stdout.trim()).toBe("1");
    } finally {
      other.cleanup();
    }
  });
});

describe("warden doctor", () => {
  it("proves each hook reaches Warden under a minimal PATH, leaving what is staged as it was, and sees the warm server", async () => {
    repo.write({ "src/staged.ts": "export const staged = 1;\n" });
    repo.git(["add", "src/staged.ts"]);
    const ready = new Promise<void>((resolve) => {
      const watcher = watch(SERVER_DIR, (_event, name) => {
        if (String(name).endsWith(".pid")) {
          watcher.close();
          resolve();
        }
      });
    });
    const server = spawn(process.execPath, [WARDEN_BIN, "__server"], { cwd: repo.dir, env: { ...ENV, WARDEN_DAEMON: "1" }, stdio: "ignore" });
    const exited = new Promise((resolve) => server.once("exit", resolve));
    let doctor: RunResult;
    try {
      await Promise.race([ready, exited.then(() => Promise.reject(new Error("the warm server exited before it listened")))]);
      doctor = run(repo.dir, process.execPath, [WARDEN_BIN, "doctor", "--path", `${minimalBin}:${path.dirname(process.execPath)}`]);
    } finally {
      server.kill("SIGTERM");
      await exited;
    }
    expect(doctor.code, doctor.stdout + doctor.stderr).toBe(0);
    expect(doctor.stdout).toContain(`✔ warm server: running (pid ${server.pid ?? ""}, 0 repositories served)`);
    for (const hook of ["pre-commit", "commit-msg", "pre-push"]) expect(doctor.stdout).toMatch(new RegExp(`✔ ${hook}: fires and reached warden \\S+ \\(node v`));
    expect(doctor.stdout).toContain("✔ core.hooksPath = .husky/_ (husky)");
    expect(doctor.stdout).toContain("✔ config: warden.config.ts is valid");
    expect(doctor.stdout).toContain("no problems: every hook reaches Warden");
    expect(commitCount()).toBe(1);
    expect(repo.git(["diff", "--cached", "--name-only"]).stdout.trim()).toBe("src/staged.ts");
  });

  it("finds a hook that cannot start node with the PATH a GUI client gives, with the fix", () => {
    const doctor = run(repo.dir, process.execPath, [WARDEN_BIN, "doctor", "--path", minimalBin]);
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toContain(`✖ node: not found with PATH=${minimalBin}`);
    expect(doctor.stdout).toContain(`✖ pre-commit: the hook cannot start Warden with PATH=${minimalBin}`);
    expect(doctor.stdout).toContain("node: not found");
    expect(doctor.stdout).toContain("~/.config/husky/init.sh");
    // the server of the test above stopped: its socket and pid file are gone
    expect(doctor.stdout).toContain("warm server: not running (the next `warden check` or pre-commit starts it)");
  });

  it("finds core.hooksPath pointing elsewhere", () => {
    repo.git(["config", "core.hooksPath", ".git/other-hooks"]);
    try {
      const doctor = run(repo.dir, process.execPath, [WARDEN_BIN, "doctor", "--path", `${minimalBin}:${path.dirname(process.execPath)}`]);
      expect(doctor.code).toBe(1);
      expect(doctor.stdout).toContain("✖ core.hooksPath: hooks are run by hook scripts of their own (core.hooksPath = .git/other-hooks), so the .husky/ hooks never run");
      expect(doctor.stdout).toContain("✖ pre-commit: no hook at .git/other-hooks/pre-commit");
    } finally {
      repo.git(["config", "core.hooksPath", ".husky/_"]);
    }
  });
});
