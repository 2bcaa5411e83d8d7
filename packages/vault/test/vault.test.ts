import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gitRepo, runAsync, WARDEN_BIN, type RunResult, type TempRepo } from "@warden/test-utils";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AUDIT_FILE, Masker, parseVault, VAULT_FILE } from "../src/index.js";

// Values made at run time, shaped like real credentials, so a leak would be recognisable.
const DB_URL = `postgres://app:${"pw".repeat(4)}${Date.now().toString(36)}Zq9@db.internal:5432/app`;
const STRIPE = `sk_test_${"4eC39HqLyjWDarjtT1zdp7dc".split("").reverse().join("")}`;
const SESSION = `sess-${"x7".repeat(12)}`;

let repo: TempRepo;
let keys: string;
let env: NodeJS.ProcessEnv;

beforeEach(() => {
  repo = gitRepo({
    "warden.config.mjs": `export default { secrets: { grants: { "deploy:production": ["DATABASE_URL"], test: ["STRIPE_KEY", "SESSION_SECRET"], old: { names: ["STRIPE_KEY"], expires: "2020-01-01" } } } };\n`,
  });
  keys = mkdtempSync(path.join(tmpdir(), "warden-keys-"));
  env = { WARDEN_KEY_DIR: keys };
});
afterEach(() => {
  repo.cleanup();
  rmSync(keys, { recursive: true, force: true });
});

function warden(args: readonly string[], input = "", extra: NodeJS.ProcessEnv = {}): RunResult {
  return repo.warden(args, { input, env: { ...env, ...extra } });
}

function seeded(): void {
  expect(warden(["secrets", "init"]).code).toBe(0);
  expect(warden(["secrets", "set", "DATABASE_URL", "--env", "production"], DB_URL).code).toBe(0);
  expect(warden(["secrets", "set", "STRIPE_KEY"], `${STRIPE}\n`).code).toBe(0);
  expect(warden(["secrets", "set", "SESSION_SECRET"], SESSION).code).toBe(0);
}

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

function expectNoValueIn(texts: readonly string[]): void {
  for (const text of texts) for (const value of [DB_URL, STRIPE, SESSION]) expect(text.includes(value), `a secret value leaked into: ${text.slice(0, 200)}`).toBe(false);
}

const PRINT_ENV = ["node", "-e", "process.stdout.write(JSON.stringify(Object.keys(process.env).filter((k) => /^(DATABASE_URL|STRIPE_KEY|SESSION_SECRET|WARDEN_MASTER_KEY|WARDEN_KEY_DIR)$/.test(k)).sort()))"];

describe("warden secrets: the vault through real processes", () => {
  it("stores one sealed line per value; an unchanged value keeps its ciphertext", () => {
    seeded();
    const before = readFileSync(path.join(repo.dir, VAULT_FILE), "utf8");
    const vault = parseVault(before);
    expect([...vault.values.keys()].sort()).toEqual(["default", "production"]);
    expect(before.split("\n").filter((l) => l.startsWith("value "))).toHaveLength(3);
    expect(warden(["secrets", "set", "STRIPE_KEY"], STRIPE).stdout).toBe("unchanged STRIPE_KEY (default)\n");
    expect(readFileSync(path.join(repo.dir, VAULT_FILE), "utf8")).toBe(before);
    expect(warden(["secrets", "set", "SESSION_SECRET"], `${SESSION}2`).code).toBe(0);
    const after = readFileSync(path.join(repo.dir, VAULT_FILE), "utf8").split("\n");
    const changed = after.filter((line) => !before.split("\n").includes(line));
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatch(/^value default SESSION_SECRET /);
    expect(warden(["secrets", "list"]).stdout).toBe("default: SESSION_SECRET, STRIPE_KEY\nproduction: DATABASE_URL\n");
    // the key file is outside the repository, private
    const keyFiles = filesUnder(keys).filter((f) => f.endsWith(".key"));
    expect(keyFiles).toHaveLength(1);
    expect(statSync(keyFiles[0] as string).mode & 0o777).toBe(0o600);
  });

  it("hands a task exactly its granted names, masks their values in the output, refuses and logs the rest", async () => {
    seeded();
    const granted = await runAsync(process.execPath, [WARDEN_BIN, "secrets", "run", "--task", "test", "--", ...PRINT_ENV], {
      cwd: repo.dir,
      env: { ...env, DATABASE_URL: "the deployer's own", STRIPE_KEY: "shell value" },
    });
    expect(granted.code, granted.stderr).toBe(0);
    expect(JSON.parse(granted.stdout)).toEqual(["SESSION_SECRET", "STRIPE_KEY"]);

    const echoed = warden(["secrets", "run", "--task", "test", "--", "node", "-e", "process.stdout.write(process.env.STRIPE_KEY + ' ' + process.env.SESSION_SECRET); process.stderr.write('err ' + process.env.STRIPE_KEY)"]);
    expect(echoed.code).toBe(0);
    expect(echoed.stdout).toBe("[masked:STRIPE_KEY] [masked:SESSION_SECRET]");
    expect(echoed.stderr).toBe("err [masked:STRIPE_KEY]");

    const refused = warden(["secrets", "run", "--task", "test", "--only", "DATABASE_URL", "--", "true"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe("warden: task test: not granted: DATABASE_URL\n");
    expect(warden(["secrets", "run", "--task", "nobody", "--", "true"]).stderr).toBe("warden: task nobody: has no grant in secrets.grants\n");
    expect(warden(["secrets", "run", "--task", "old", "--", "true"]).stderr).toBe("warden: task old: its grant expired on 2020-01-01\n");

    const log = JSON.parse(warden(["secrets", "audit", "--json"]).stdout) as { action: string; outcome: string; task?: string; names: string[] }[];
    expect(log.map((e) => [e.action, e.outcome, e.task ?? "", e.names.join(",")])).toEqual([
      ["init", "ok", "", ""],
      ["set", "ok", "", "DATABASE_URL"],
      ["set", "ok", "", "STRIPE_KEY"],
      ["set", "ok", "", "SESSION_SECRET"],
      ["grant", "ok", "test", "SESSION_SECRET,STRIPE_KEY"],
      ["grant", "ok", "test", "SESSION_SECRET,STRIPE_KEY"],
      ["refuse", "refused", "test", "DATABASE_URL"],
      ["refuse", "refused", "nobody", ""],
      ["refuse", "refused", "old", "STRIPE_KEY"],
    ]);
    expect(warden(["secrets", "audit", "verify"]).stdout).toBe("✔ audit chain intact (9 entries, anchored)\n");
    expectNoValueIn([...filesUnder(repo.dir), ...filesUnder(keys)].map((f) => readFileSync(f, "latin1")));
    expectNoValueIn([granted.stdout, granted.stderr, echoed.stdout, echoed.stderr, refused.stdout, refused.stderr]);
  });

  it("rotates the master key (re-wrap, and re-encrypt) with every value intact; a wrong key is one line, exit 2", () => {
    seeded();
    const before = parseVault(readFileSync(path.join(repo.dir, VAULT_FILE), "utf8"));
    const keyFile = filesUnder(keys).find((f) => f.endsWith(".key")) as string;
    const oldKey = readFileSync(keyFile, "utf8");
    expect(warden(["secrets", "rotate"]).code).toBe(0);
    const rewrapped = parseVault(readFileSync(path.join(repo.dir, VAULT_FILE), "utf8"));
    expect(readFileSync(keyFile, "utf8")).not.toBe(oldKey);
    expect(rewrapped.values).toEqual(before.values); // values untouched, only the data keys re-wrapped
    expect(warden(["secrets", "rotate", "--reencrypt"]).code).toBe(0);
    const reencrypted = parseVault(readFileSync(path.join(repo.dir, VAULT_FILE), "utf8"));
    expect(reencrypted.values.get("default")?.get("STRIPE_KEY")).not.toBe(before.values.get("default")?.get("STRIPE_KEY"));
    const out = warden(["secrets", "run", "--task", "test", "--no-mask", "--", "node", "-e", "process.stdout.write(String(process.env.STRIPE_KEY === process.argv[1] && process.env.SESSION_SECRET === process.argv[2]))", STRIPE, SESSION]);
    expect(out.stdout).toBe("true");
    expect(warden(["secrets", "audit", "verify"]).code).toBe(0);

    const wrong = warden(["secrets", "list"], "", { WARDEN_MASTER_KEY: "00".repeat(32) });
    expect(wrong.code).toBe(0); // names are not secret: listing needs no key
    const denied = warden(["secrets", "run", "--task", "test", "--", "true"], "", { WARDEN_MASTER_KEY: "00".repeat(32) });
    expect(denied.code).toBe(2);
    expect(denied.stderr).toBe("warden: the master key does not open this vault (wrong WARDEN_MASTER_KEY or key file?)\n");
  });

  it("imports a .env file into the vault and removes it", () => {
    seeded();
    writeFileSync(path.join(repo.dir, ".env"), `# local\nexport API_TOKEN="${STRIPE}x"\nPLAIN=value # note\n`);
    const imported = warden(["secrets", "import", ".env", "--env", "staging"]);
    expect(imported.stdout).toBe("imported 2 secrets into staging (API_TOKEN, PLAIN); removed .env\n");
    expect(existsSync(path.join(repo.dir, ".env"))).toBe(false);
    expect(warden(["secrets", "list", "--json"]).stdout).toContain('"env": "staging"');
    const bad = path.join(repo.dir, "bad.env");
    writeFileSync(bad, `GOOD=1\n${STRIPE}\n`);
    const refused = warden(["secrets", "import", "bad.env"]);
    expect(refused.stderr).toBe("warden: bad.env:2: not a NAME=value line\n");
    expect(existsSync(bad)).toBe(true); // nothing lost
  });
});

describe("the audit chain is tamper-evident", () => {
  function chain(): { file: string; lines: string[] } {
    seeded();
    for (let i = 0; i < 3; i++) expect(warden(["secrets", "run", "--task", "test", "--", "true"]).code).toBe(0);
    const file = path.join(repo.dir, AUDIT_FILE);
    return { file, lines: readFileSync(file, "utf8").trimEnd().split("\n") };
  }
  const verify = (): string => {
    const result = warden(["secrets", "audit", "verify"]);
    expect(result.code).toBe(1);
    return result.stderr;
  };

  it("detects an edited entry", () => {
    const { file, lines } = chain();
    writeFileSync(file, lines.map((l, i) => (i === 4 ? l.replace('"test"', '"prod"') : l)).join("\n") + "\n");
    expect(verify()).toBe("✖ audit chain broken at entry 5: its MAC does not match: the entry was edited, or written without the key\n");
  });

  it("detects an inserted entry (a copy of another)", () => {
    const { file, lines } = chain();
    writeFileSync(file, [...lines.slice(0, 3), lines[1], ...lines.slice(3)].join("\n") + "\n");
    expect(verify()).toMatch(/^✖ audit chain broken at entry 4: /);
  });

  it("detects a deleted entry", () => {
    const { file, lines } = chain();
    writeFileSync(file, [...lines.slice(0, 2), ...lines.slice(3)].join("\n") + "\n");
    expect(verify()).toBe("✖ audit chain broken at entry 3: it does not follow the entry before it: entries were deleted, inserted or reordered\n");
  });

  it("detects reordered entries", () => {
    const { file, lines } = chain();
    writeFileSync(file, [lines[0], lines[2], lines[1], ...lines.slice(3)].join("\n") + "\n");
    expect(verify()).toMatch(/^✖ audit chain broken at entry 2: it does not follow/);
  });

  it("detects a truncated tail through the anchor kept outside the log", () => {
    const { file, lines } = chain();
    writeFileSync(file, lines.slice(0, -2).join("\n") + "\n");
    expect(verify()).toBe(`✖ audit chain broken at entry ${lines.length - 1}: the log ends at entry ${lines.length - 2} but the anchor records ${lines.length}: its tail was truncated\n`);
  });

  it("detects a chain recomputed without the key", async () => {
    const { file, lines } = chain();
    const { createHash } = await import("node:crypto");
    // An insider who can edit the log but has no key rewrites entry 2 and recomputes every link with a hash of their own.
    let prev = "0".repeat(64);
    const forged = lines.map((line, i) => {
      const entry = JSON.parse(line) as Record<string, unknown>;
      if (i === 1) entry.names = ["NOTHING"];
      entry.prev = prev;
      entry.mac = createHash("sha256").update(JSON.stringify({ ...entry, mac: undefined })).digest("hex");
      prev = entry.mac as string;
      return JSON.stringify(entry);
    });
    writeFileSync(file, forged.join("\n") + "\n");
    expect(verify()).toMatch(/^✖ audit chain broken at entry 1: its MAC does not match/);
  });

  it("stays valid under concurrent runs from several processes", async () => {
    seeded();
    const runs = await Promise.all(Array.from({ length: 6 }, () => runAsync(process.execPath, [WARDEN_BIN, "secrets", "run", "--task", "test", "--", "true"], { cwd: repo.dir, env })));
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(warden(["secrets", "audit", "verify"]).stdout).toBe("✔ audit chain intact (10 entries, anchored)\n");
  });
});

describe("Masker", () => {
  it("masks a value split across chunks, and leaves short values alone", () => {
    const masker = new Masker(new Map([["TOKEN", "abcdef123456"], ["SHORT", "ab"]]));
    const out = Buffer.concat([masker.push(Buffer.from("x abcdef")), masker.push(Buffer.from("123456 y ab abcdef12")), masker.push(Buffer.from("3456")), masker.flush()]).toString();
    expect(out).toBe("x [masked:TOKEN] y ab [masked:TOKEN]");
  });
});
