import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readEvents } from "@warden/deploy";
import { gitRepo, runAsync, WARDEN_BIN, type TempRepo } from "@warden/test-utils";
import { initVault, readAudit, setSecret } from "@warden/vault";
import { cleanupRepo, get } from "./helpers.js";

// made at run time, so a leak would be recognisable and no fixture holds them
const DB_URL = `postgres://app:${randomBytes(9).toString("hex")}@db.internal:5432/app`;
const OTHER = `other-${randomBytes(9).toString("hex")}`;
const OWN_TOKEN = `deployer-own-${randomBytes(9).toString("hex")}`;
const MASTER = randomBytes(32).toString("hex");
const HELLO = path.resolve(import.meta.dirname, "../../../examples/hello-service/server.mjs");

/** The variables Warden may give a release besides the declared and granted ones. */
const BASICS = /^(PATH|HOME|USER|LOGNAME|SHELL|LANG|LANGUAGE|TZ|TMPDIR|LC_[A-Z_]+|PWD|SHLVL|_)$/;

let repo: TempRepo;
let keys: string;

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

/** The environment of a running process, from /proc. */
function environOf(pid: number): Record<string, string> {
  const env: Record<string, string> = {};
  for (const entry of readFileSync(`/proc/${pid}/environ`, "utf8").split("\0")) {
    const at = entry.indexOf("=");
    if (at > 0) env[entry.slice(0, at)] = entry.slice(at + 1);
  }
  return env;
}

beforeAll(() => {
  keys = mkdtempSync(path.join(tmpdir(), "warden-keys-"));
  repo = gitRepo({
    "app/server.mjs": readFileSync(HELLO, "utf8"),
    ".gitignore": ".warden/\n",
    "warden.config.mjs": `export default {
  secrets: { grants: { "deploy:box": ["DATABASE_URL"] } },
  deploy: { environments: { box: {
    target: { type: "local", app: "app", start: "node server.mjs", stopTimeoutMs: 2000, env: { APP_VERSION: "2.0.0-declared" } },
    health: { retries: 60, intervalMs: 100, timeoutMs: 1000 },
    preflight: { cleanTree: true, check: false, scan: false },
    build: false,
  } } },
};
`,
  });
  const vaultEnv = { WARDEN_MASTER_KEY: MASTER, WARDEN_KEY_DIR: keys };
  initVault(repo.dir, vaultEnv);
  setSecret(repo.dir, "box", "DATABASE_URL", DB_URL, vaultEnv);
  setSecret(repo.dir, "box", "OTHER_SECRET", OTHER, vaultEnv);
  repo.commit("feat: hello-service with a vault", { noVerify: true });
});

afterAll(async () => {
  await cleanupRepo(repo);
  rmSync(keys, { recursive: true, force: true });
});

describe("the release's environment: declared variables and granted secrets, nothing of the deployer's", () => {
  it("deploys examples/hello-service whose /proc/<pid>/environ holds exactly the declared and granted variables", { timeout: 120_000 }, () => {
    // the deployer's shell: a token of its own, the master key, an ungranted vault name exported too
    const deployer = { WARDEN_MASTER_KEY: MASTER, WARDEN_KEY_DIR: keys, DEPLOYER_OWN_TOKEN: OWN_TOKEN, OTHER_SECRET: OTHER };
    const run = repo.warden(["deploy", "box"], { env: deployer });
    expect(run.code, run.stderr + run.stdout).toBe(0);
    const url = /serving at (\S+)/.exec(run.stdout)?.[1];
    expect(url).toBeDefined();

    const release = readEvents(repo.dir, "box").find((e) => e.type === "succeeded")?.release ?? "";
    const supervisor = (JSON.parse(readFileSync(path.join(repo.dir, ".warden", "deploy", "box", "run", `${release}.0.json`), "utf8")) as { pid: number }).pid;
    const app = Number(readFileSync(`/proc/${supervisor}/task/${supervisor}/children`, "utf8").trim().split(" ")[0]);
    expect(readFileSync(`/proc/${app}/cmdline`, "utf8").replaceAll("\0", " ")).toMatch(/^node server\.mjs/);

    const env = environOf(app);
    expect(env).toMatchObject({ APP_VERSION: "2.0.0-declared", DATABASE_URL: DB_URL, WARDEN_ENV: "box", WARDEN_RELEASE: release, WARDEN_INSTANCE: "0" });
    expect(Number(env.PORT)).toBeGreaterThan(0);
    for (const name of ["DEPLOYER_OWN_TOKEN", "OTHER_SECRET", "WARDEN_MASTER_KEY", "WARDEN_KEY_DIR"]) expect(env[name], name).toBeUndefined();
    const extra = Object.keys(env).filter((k) => !BASICS.test(k) && !["APP_VERSION", "DATABASE_URL", "PORT", "WARDEN_ENV", "WARDEN_RELEASE", "WARDEN_INSTANCE"].includes(k));
    expect(extra).toEqual([]);
    expect(Object.values(env).some((v) => v.includes(OWN_TOKEN) || v.includes(OTHER))).toBe(false);
    // the supervisor holds the values in memory only: its own environment has none of them
    const own = environOf(supervisor);
    expect(Object.values(own).some((v) => v.includes(DB_URL) || v.includes(OWN_TOKEN) || v.includes(MASTER))).toBe(false);

    // the declared variable reached the service
    return get(url ?? "").then((answer) => {
      expect(JSON.parse(answer.body)).toMatchObject({ service: "hello-service", version: "2.0.0-declared", release });

      // the events name the secrets, never their values; the vault's audit log has the grant
      const started = readEvents(repo.dir, "box").find((e) => e.type === "started" && e.release === release);
      expect(started?.detail).toMatchObject({ secrets: { task: "deploy:box", env: "box", names: ["DATABASE_URL"] } });
      expect(readAudit(repo.dir).at(-1)).toMatchObject({ action: "grant", outcome: "ok", task: "deploy:box", names: ["DATABASE_URL"] });
      // no value in anything Warden wrote or printed
      const written = filesUnder(path.join(repo.dir, ".warden")).map((f) => readFileSync(f, "utf8"));
      for (const text of [...written, run.stdout, run.stderr]) {
        for (const value of [DB_URL, OTHER, MASTER]) expect(text.includes(value), `a value leaked into: ${text.slice(0, 120)}`).toBe(false);
      }
    });
  });

  it("day two on the local target: logs, exec in the live release with its environment, maintenance mode", { timeout: 120_000 }, async () => {
    const deployer = { WARDEN_MASTER_KEY: MASTER, WARDEN_KEY_DIR: keys, DEPLOYER_OWN_TOKEN: OWN_TOKEN };
    const warden = (args: string[]) => runAsync(process.execPath, [WARDEN_BIN, ...args], { cwd: repo.dir, env: deployer });
    const release = readEvents(repo.dir, "box").find((e) => e.type === "succeeded")?.release ?? "";
    expect(release).not.toBe("");

    const logs = await warden(["logs", "box", "-n", "5"]);
    expect(logs.code, logs.stderr).toBe(0);
    expect(logs.stdout).toMatch(new RegExp(`hello-service 2\\.0\\.0-declared \\(${release}\\) listening on 127\\.0\\.0\\.1:\\d+`));

    // exec: in the release's folder, with its environment; a granted value printed is masked
    const script = "const c=require('crypto');console.log(process.cwd());console.log(process.env.APP_VERSION, process.env.DEPLOYER_OWN_TOKEN ?? 'no-deployer-token');console.log(c.createHash('sha256').update(process.env.DATABASE_URL).digest('hex'));console.log(process.env.DATABASE_URL)";
    const ran = await warden(["exec", "box", "--", "node", "-e", script]);
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stdout.trim().split("\n")).toEqual([
      path.join(repo.dir, ".warden", "deploy", "box", "releases", release),
      "2.0.0-declared no-deployer-token",
      createHash("sha256").update(DB_URL).digest("hex"),
      "[masked:DATABASE_URL]",
    ]);
    expect((await warden(["exec", "box", "--", "sh", "-c", "exit 7"])).code).toBe(7);

    // maintenance: 503 with Retry-After from the proxy, reported by status; off serves again
    const on = await warden(["maintenance", "box", "on", "--retry-after", "120"]);
    expect(on.code, on.stderr).toBe(0);
    const url = /serving at (\S+)/.exec((await warden(["status", "box"])).stdout)?.[1];
    const status = JSON.parse((await warden(["status", "box", "--json"])).stdout) as { maintenance: { retryAfter: number } | null; proxy: { port: number } };
    expect(status.maintenance).toMatchObject({ retryAfter: 120 });
    expect(url).toBeUndefined(); // status prints no URL; the proxy's port is in the report
    const down = await new Promise<{ status: number; retryAfter: string | undefined; body: string }>((resolve, reject) => {
      import("node:http")
        .then(({ request }) => {
          const req = request(`http://127.0.0.1:${status.proxy.port}/`, { agent: false }, (res) => {
            let body = "";
            res.on("data", (c: Buffer) => (body += c.toString("utf8")));
            res.on("end", () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers["retry-after"], body }));
          });
          req.on("error", reject);
          req.end();
        })
        .catch(reject);
    });
    expect(down).toMatchObject({ status: 503, retryAfter: "120" });
    expect(down.body).toMatch(/Down for maintenance/);
    const off = await warden(["maintenance", "box", "off"]);
    expect(off.code, off.stderr).toBe(0);
    expect(JSON.parse((await get(`http://127.0.0.1:${status.proxy.port}/`)).body)).toMatchObject({ release });
    for (const text of [logs.stdout, logs.stderr, ran.stdout, ran.stderr]) expect(text.includes(DB_URL)).toBe(false);
  });
});
