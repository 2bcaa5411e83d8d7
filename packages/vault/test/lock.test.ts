import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gitRepo, runAsync, WARDEN_BIN, type RunResult, type TempRepo } from "@warden/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseVault, VAULT_FILE, VAULT_LOCK } from "../src/index.js";

// Writers in several processes at once: each `set` reads the vault, adds its line and writes it
// back; without the vault's lock one would overwrite another's line.

let repo: TempRepo;
let keys: string;
const outputs: string[] = [];
const STAMP = Date.now().toString(36);
const value = (i: number): string => `tok_${"Zx8Kq2Lp".split("").reverse().join("")}${i}${STAMP}`;

beforeAll(async () => {
  repo = gitRepo({ "warden.config.json": `${JSON.stringify({ secrets: { grants: { all: ["NAME_0", "NAME_2", "NAME_4"] } } })}\n` });
  keys = mkdtempSync(path.join(tmpdir(), "warden-keys-"));
  expect((await warden(["secrets", "init"])).code).toBe(0);
}, 60_000);
afterAll(() => {
  repo.cleanup();
  rmSync(keys, { recursive: true, force: true });
});

async function warden(args: readonly string[], input = "", env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  const result = await runAsync(process.execPath, [WARDEN_BIN, ...args], { cwd: repo.dir, input, env: { WARDEN_KEY_DIR: keys, WARDEN_DAEMON: "0", ...env } });
  outputs.push(result.stdout, result.stderr);
  return result;
}

/** A pid no process has any more: a child that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

describe("the vault's write lock", () => {
  it("loses no update when several processes set, rotate and remove at once; the chain stays valid", { timeout: 120_000 }, async () => {
    const names = Array.from({ length: 6 }, (_, i) => `NAME_${i}`);
    expect((await warden(["secrets", "set", "DOOMED"], value(99))).code).toBe(0);
    const runs = await Promise.all([
      ...names.map((name, i) => warden(["secrets", "set", name, ...(i % 2 === 0 ? [] : ["--env", "production"])], value(i))),
      warden(["secrets", "rotate"]),
      warden(["secrets", "rm", "DOOMED"]),
    ]);
    expect(runs.map((r) => [r.code, r.stderr])).toEqual(runs.map(() => [0, ""]));
    const vault = parseVault(readFileSync(path.join(repo.dir, VAULT_FILE), "utf8"));
    expect([...(vault.values.get("default")?.keys() ?? [])].sort()).toEqual(["NAME_0", "NAME_2", "NAME_4"]);
    expect([...(vault.values.get("production")?.keys() ?? [])].sort()).toEqual(["NAME_1", "NAME_3", "NAME_5"]);
    // Every value opens with the key the rotation left, whichever order the writers took.
    const run = await warden(["secrets", "run", "--task", "all", "--", "node", "-e", "process.stdout.write(['NAME_0', 'NAME_2', 'NAME_4'].map((k) => process.env[k]).join(' '))"]);
    expect([run.code, run.stdout, run.stderr]).toEqual([0, "[masked:NAME_0] [masked:NAME_2] [masked:NAME_4]", ""]);
    const verified = await warden(["secrets", "audit", "verify"]);
    // init, set DOOMED, 6 sets, rotate, rm, the grant
    expect(verified.stdout).toBe("✔ audit chain intact (11 entries, anchored)\n");
    expect(existsSync(path.join(repo.dir, VAULT_LOCK))).toBe(false);
  });

  it("takes over a lock whose holder is gone", async () => {
    writeFileSync(path.join(repo.dir, VAULT_LOCK), String(deadPid()));
    const set = await warden(["secrets", "set", "AFTER_CRASH"], value(7));
    expect([set.code, set.stderr]).toEqual([0, ""]);
    expect(existsSync(path.join(repo.dir, VAULT_LOCK))).toBe(false);
  });

  it("a writer waiting on a live holder gives up with one line and exit 2, changing nothing", async () => {
    const before = readFileSync(path.join(repo.dir, VAULT_FILE), "utf8");
    // This test's own process holds it.
    writeFileSync(path.join(repo.dir, VAULT_LOCK), String(process.pid));
    try {
      const set = await warden(["secrets", "set", "BLOCKED"], value(8), { WARDEN_LOCK_WAIT_MS: "300" });
      expect(set.code).toBe(2);
      expect(set.stderr).toMatch(new RegExp(`^warden: \\.warden-vault is locked by process ${process.pid} \\(.*vault\\.lock\\); waited 0\\.3 s: try again when it is done\\n$`));
    } finally {
      rmSync(path.join(repo.dir, VAULT_LOCK), { force: true });
    }
    expect(readFileSync(path.join(repo.dir, VAULT_FILE), "utf8")).toBe(before);
    for (const text of outputs) for (let i = 0; i < 100; i++) expect(text.includes(value(i))).toBe(false);
  });
});
