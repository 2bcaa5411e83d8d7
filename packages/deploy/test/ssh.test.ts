import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { DeployEnvironmentSchema } from "@warden/core";
import { DeployRefusedError, deploy, exec, listReleases, logs, maintenance, readEvents, rollback, switchLeaseMs } from "@warden/deploy";
import { freePort, type TempRepo } from "@warden/test-utils";
import { initVault, setSecret } from "@warden/vault";
import { cleanupRepo, commitService, get, killLayout, serviceRepo, serviceSource, strayProcesses } from "./helpers.js";
import { startSshd, type Sshd } from "./sshd.js";

let sshd: Sshd;
let repo: TempRepo;
let remote: string;

const indent = (text: string): string => text.split("\n").map((line) => `    ${line}`).join("\n");

/** The last `lines` lines of a file on the "host" (its folders are local here), or why there are none. */
function tail(file: string, lines = 40): string {
  try {
    const text = readFileSync(file, "utf8").trimEnd();
    return text === "" ? "(empty)" : text.split("\n").slice(-lines).join("\n");
  } catch {
    return "(missing)";
  }
}

/**
 * Everything that explains a failed ssh deploy, for an assertion's message: the error whole (with
 * the command and exit code it names), the last events of the checkout, the last 40 lines of the
 * proxy's log (its supervisor appends the proxy's stderr there: a crash's whole stack) and of the
 * newest instance logs on the host, and sshd's own output (connections refused, keys rejected).
 */
function explain(root: string, env: string, result?: { readonly outcome: string; readonly error?: string | undefined }): string {
  const box = path.join(remote, env);
  const logs = path.join(box, "logs");
  const instanceLogs = existsSync(logs) ? readdirSync(logs).filter((name) => name.endsWith(".log")).sort().slice(-3) : [];
  let events: string;
  try {
    events =
      readEvents(root, env)
        .slice(-15)
        .map((e) => `${e.at} ${e.type}${e.step === undefined ? "" : ` ${e.step}`} ${e.release}${e.durationMs === undefined ? "" : ` ${e.durationMs} ms`}${e.detail === undefined ? "" : ` ${JSON.stringify(e.detail)}`}`)
        .join("\n") || "(none)";
  } catch (error) {
    events = `(unreadable: ${(error as Error).message})`;
  }
  return [
    ...(result === undefined ? [] : [`outcome ${result.outcome}: ${result.error ?? "(no error)"}`]),
    `events of ${env} (last 15):\n${indent(events)}`,
    `${path.join(box, "proxy", "proxy.log")} (last 40 lines):\n${indent(tail(path.join(box, "proxy", "proxy.log")))}`,
    ...instanceLogs.map((name) => `${path.join(logs, name)} (last 40 lines):\n${indent(tail(path.join(logs, name)))}`),
    `sshd on port ${sshd.port} (last 40 lines):\n${indent(sshd.log(40))}`,
  ].join("\n");
}

/**
 * On a failure the assertion did not explain — above all a test timeout on a loaded machine, which
 * says nothing of where the time went — write {@link explain}'s story of `env` to stderr.
 */
function explainOnFailure(root: () => string, env: string): void {
  onTestFailed(() => {
    process.stderr.write(`--- ssh deploy test failed; what the deploy of "${env}" left behind:\n${explain(root(), env)}\n`);
  });
}

/** `deploy`, whose failure — a refused or thrown error — carries {@link explain}'s whole story. */
async function deployExplained(options: Parameters<typeof deploy>[0]): Promise<Awaited<ReturnType<typeof deploy>>> {
  try {
    return await deploy(options);
  } catch (error) {
    if (error instanceof DeployRefusedError) throw error; // the lock test expects this one as it is
    throw new Error(`${(error as Error).message}\n${explain(options.root, options.env)}`, { cause: error });
  }
}

beforeAll(async () => {
  sshd = await startSshd(); // no skipping: if sshd cannot start, every test here fails with its output
  repo = serviceRepo("v1");
  remote = path.join(sshd.dir, "srv");
});

afterAll(async () => {
  const marks = [sshd.dir, repo.dir];
  killLayout(remote);
  await cleanupRepo(repo);
  sshd.stop();
  // every process these tests started (instances, proxy, supervisors, ssh masters, sshd sessions) is gone
  let stray = strayProcesses(marks);
  for (let i = 0; i < 50 && stray.length > 0; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    stray = strayProcesses(marks);
  }
  expect(stray).toEqual([]);
});

describe("ssh target against a real sshd on 127.0.0.1", () => {
  it("deploys v1 and v2 over ssh/rsync, rolls back an unhealthy v3, and rolls back by hand", { timeout: 400_000 }, async () => {
    explainOnFailure(() => repo.dir, "box");
    const proxyPort = await freePort();
    const config = (health = { retries: 400, intervalMs: 25, timeoutMs: 5000 }) =>
      DeployEnvironmentSchema.parse({
        target: {
          type: "ssh",
          host: "127.0.0.1",
          user: sshd.user,
          sshPort: sshd.port,
          identityFile: sshd.identityFile,
          knownHostsFile: sshd.knownHostsFile,
          path: remote,
          app: "app",
          start: "node server.mjs",
          port: proxyPort,
          stopTimeoutMs: 2000,
          env: { DECLARED: "on-host" },
        },
        health,
        preflight: { cleanTree: true, check: false, scan: false },
        build: false,
        // on the host: the command runs in the release's folder there, checksums and backups stay there
        migrate: { command: `echo "$WARDEN_RELEASE $DECLARED $(pwd)" >> ${remote}/box/migrate.log`, dir: "migrations" },
        backup: ["data.txt"],
      });
    const url = `http://127.0.0.1:${proxyPort}/`;
    repo.write({ "migrations/001-init.sql": "create table t (id int);\n" });
    repo.commit("feat: first migration", { noVerify: true });
    mkdirSync(path.join(remote, "box"), { recursive: true });
    writeFileSync(path.join(remote, "box", "data.txt"), "precious\n");

    const first = await deployExplained({ root: repo.dir, env: "box", config: config() });
    expect(first.outcome, explain(repo.dir, "box", first)).toBe("succeeded");
    expect(existsSync(path.join(remote, "box", "releases", first.release, "manifest.json"))).toBe(true);
    expect(existsSync(path.join(remote, "box", "releases", first.release, "server.mjs"))).toBe(true);
    expect(await get(url)).toEqual({ status: 200, body: "v1" });

    commitService(repo, serviceSource("v2"));
    const second = await deployExplained({ root: repo.dir, env: "box", config: config() });
    expect(second.outcome, explain(repo.dir, "box", second)).toBe("succeeded");
    expect(await get(url)).toEqual({ status: 200, body: "v2" });
    expect(readdirSync(path.join(remote, "box", "run"))).toEqual([`${second.release}.0.json`]);

    // migrations ran on the host, in each release's folder there, with its environment; records and backups are there
    const hostBox = path.join(remote, "box");
    expect(readFileSync(path.join(hostBox, "migrate.log"), "utf8").trim().split("\n")).toEqual([
      `${first.release} on-host ${hostBox}/releases/${first.release}`,
      `${second.release} on-host ${hostBox}/releases/${second.release}`,
    ]);
    expect(Object.keys(JSON.parse(readFileSync(path.join(hostBox, "migrations.json"), "utf8")) as object)).toEqual(["001-init.sql"]);
    expect(existsSync(path.join(repo.dir, ".warden", "deploy", "box", "migrations.json"))).toBe(false);
    expect(readFileSync(path.join(hostBox, "backups", second.release, "data.txt"), "utf8")).toBe("precious\n");
    expect(readEvents(repo.dir, "box").find((e) => e.type === "backup" && e.release === second.release)?.detail).toMatchObject({ paths: ["data.txt"] });

    commitService(repo, serviceSource("v3", { healthStatus: 500 }));
    const third = await deployExplained({ root: repo.dir, env: "box", config: config({ retries: 20, intervalMs: 50, timeoutMs: 5000 }) });
    expect(third.outcome, explain(repo.dir, "box", third)).toBe("rolled_back");
    expect(third.error).toMatch(/expected 200, got status 500/);
    expect(await get(url)).toEqual({ status: 200, body: "v2" });
    expect(existsSync(path.join(remote, "box", "releases", third.release))).toBe(false);

    // the migration gate reads the host's record: an applied migration edited in the checkout is refused
    repo.write({ "migrations/001-init.sql": "create table t (id bigint);\n" });
    repo.commit("fix: edit an applied migration", { noVerify: true });
    const edited = await deployExplained({ root: repo.dir, env: "box", config: config() });
    expect(edited.outcome, explain(repo.dir, "box", edited)).toBe("failed");
    expect(edited.error).toMatch(/001-init\.sql was applied \(sha256 \w+\) and has changed/);
    repo.write({ "migrations/001-init.sql": "create table t (id int);\n" });
    repo.commit("revert: the applied migration", { noVerify: true });

    const back = await rollback({ root: repo.dir, env: "box", config: config() });
    expect(back.release).toBe(first.release);
    expect(await get(url)).toEqual({ status: 200, body: "v1" });
    expect((await listReleases({ root: repo.dir, env: "box", config: config() })).map((r) => [r.release, r.live])).toEqual([
      [first.release, true],
      [second.release, false],
    ]);
    const types = readEvents(repo.dir, "box").filter((e) => e.release === second.release).map((e) => e.type);
    expect(types).toContain("switched");
    expect(types).toContain("succeeded");
    // the switch on the remote proxy was provisional (lease renewed through the tunnel) and confirmed after the smoke check
    const ofSecond = readEvents(repo.dir, "box").filter((e) => e.release === second.release);
    const leaseMs = switchLeaseMs(config());
    expect(ofSecond.find((e) => e.type === "switched")?.detail).toMatchObject({ leaseMs });
    expect(ofSecond.filter((e) => e.type === "smoke").map((e) => e.detail?.phase)).toEqual(["before-switch", "after-switch"]);
    expect(ofSecond.filter((e) => e.type === "smoke").at(-1)?.detail).toMatchObject({ switchConfirmed: { leaseMs } });

    // day two over ssh: logs from the host, exec in the live release there, maintenance on the remote proxy
    const collect = () => {
      const out = { stdout: "", stderr: "" };
      return { out, io: { stdout: { write: (c: string) => (out.stdout += c) }, stderr: { write: (c: string) => (out.stderr += c) } } };
    };
    const shown = collect();
    expect(await logs({ root: repo.dir, env: "box", config: config(), lines: 5, io: shown.io }), shown.out.stderr).toBe(0);
    expect(shown.out.stdout).toMatch(/^v1 listening$/m);
    const ran = collect();
    expect(await exec({ root: repo.dir, env: "box", config: config(), command: "pwd; echo \"$WARDEN_RELEASE $WARDEN_ENV\"; exit 3", io: ran.io })).toBe(3);
    expect(ran.out.stdout.trim().split("\n")).toEqual([path.join(remote, "box", "releases", first.release), `${first.release} box`]);
    expect(await maintenance({ root: repo.dir, env: "box", config: config(), on: true, retryAfter: 30 })).toMatchObject({ retryAfter: 30 });
    expect((await get(url)).status).toBe(503);
    await maintenance({ root: repo.dir, env: "box", config: config(), on: false });
    expect(await get(url)).toEqual({ status: 200, body: "v1" });
    // logs are pruned with their releases: only kept releases have logs on the host
    const kept = new Set(readdirSync(path.join(remote, "box", "releases")));
    expect(readdirSync(path.join(remote, "box", "logs")).every((f) => kept.has(f.split(".")[0] ?? ""))).toBe(true);
  });

  it("keeps the lock on the host: a second checkout deploying at once is refused, naming holder, machine, step and age; the first completes untouched — and hands its release the granted secrets over the ssh channel only", { timeout: 180_000 }, async () => {
    const mine = serviceRepo("one");
    const other = serviceRepo("two");
    explainOnFailure(() => mine.dir, "shared");
    const proxyPort = await freePort();
    const gate = path.join(mine.dir, ".warden", "go");
    const config = (hooks: Record<string, unknown> = {}) =>
      DeployEnvironmentSchema.parse({
        target: { type: "ssh", host: "127.0.0.1", user: sshd.user, sshPort: sshd.port, identityFile: sshd.identityFile, knownHostsFile: sshd.knownHostsFile, path: remote, app: "app", start: "node server.mjs", port: proxyPort, stopTimeoutMs: 2000, env: { DECLARED: "yes" } },
        health: { retries: 400, intervalMs: 25, timeoutMs: 5000 },
        preflight: { cleanTree: true, check: false, scan: false },
        build: false,
        hooks,
      });
    // checkout 1 holds a vault with a secret granted to deploy:shared; the deployer's shell has a token of its own
    const value = `postgres://app:${randomBytes(9).toString("hex")}@db.internal/app`;
    const own = `deployer-own-${randomBytes(9).toString("hex")}`;
    const master = randomBytes(32).toString("hex");
    const keys = path.join(sshd.dir, "keys");
    initVault(mine.dir, { WARDEN_MASTER_KEY: master, WARDEN_KEY_DIR: keys });
    setSecret(mine.dir, "shared", "DATABASE_URL", value, { WARDEN_MASTER_KEY: master, WARDEN_KEY_DIR: keys });
    mine.commit("chore: vault", { noVerify: true });
    // every ssh and rsync command line of this deploy, recorded by wrappers first on PATH
    const shims = path.join(sshd.dir, "shims");
    const argvLog = path.join(sshd.dir, "argv.log");
    mkdirSync(shims, { recursive: true });
    for (const tool of ["ssh", "rsync"]) {
      const real = process.env.PATH?.split(":").map((d) => path.join(d, tool)).find((f) => existsSync(f)) ?? tool;
      writeFileSync(path.join(shims, tool), `#!/bin/sh\nprintf '%s\\n' "${tool} $*" >> '${argvLog}'\nexec '${real}' "$@"\n`);
      chmodSync(path.join(shims, tool), 0o755);
    }
    const saved = { PATH: process.env.PATH, WARDEN_MASTER_KEY: process.env.WARDEN_MASTER_KEY, WARDEN_KEY_DIR: process.env.WARDEN_KEY_DIR, DEPLOYER_OWN_TOKEN: process.env.DEPLOYER_OWN_TOKEN };
    Object.assign(process.env, { PATH: `${shims}:${saved.PATH ?? ""}`, WARDEN_MASTER_KEY: master, WARDEN_KEY_DIR: keys, DEPLOYER_OWN_TOKEN: own });
    try {
      // checkout 1 deploys and holds at its smoke step until the test lets it go on
      const first = deployExplained({ root: mine.dir, env: "shared", config: config({ before: { smoke: `while [ ! -f ${gate} ]; do sleep 0.05; done` } }), grants: { "deploy:shared": ["DATABASE_URL"] } });
      const lockFile = path.join(remote, "shared", "lock");
      let settled = false;
      void first.finally(() => (settled = true));
      for (let i = 0; i < 1200 && !settled; i += 1) {
        if (existsSync(lockFile) && /"step":"smoke"/.test(readFileSync(lockFile, "utf8"))) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(settled ? await first : "holding the lock").toBe("holding the lock");
      expect(JSON.parse(readFileSync(lockFile, "utf8"))).toMatchObject({ step: "smoke", pid: process.pid });

      // checkout 2, same host and environment: refused before it touches anything
      const refused = await deployExplained({ root: other.dir, env: "shared", config: config() }).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(DeployRefusedError);
      expect((refused as Error).message).toMatch(
        new RegExp(`^deploy of "shared" refused: another deploy \\(${sshd.user} on \\S+, pid ${process.pid}, release \\S+, at step smoke\\) holds the lock ${sshd.user}@127\\.0\\.0\\.1:${sshd.port}:${remote.replaceAll(".", "\\.")}/shared/lock since \\S+Z \\(\\d+(m \\d+)?s\\); wait for it to finish$`),
      );
      expect(readEvents(other.dir, "shared")).toEqual([]);

      writeFileSync(gate, "");
      const done = await first;
      expect(done.outcome, explain(mine.dir, "shared", done)).toBe("succeeded");
      expect(done.repaired).toEqual([]);
      expect(await get(`http://127.0.0.1:${proxyPort}/`)).toEqual({ status: 200, body: "one" });
      expect(existsSync(lockFile)).toBe(false);
      // the event log is on the host too: the first checkout's deploy, nothing of the refused one
      const onHost = readFileSync(path.join(remote, "shared", "events.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as { type: string; release: string });
      expect(onHost.map((e) => e.type)).toEqual(readEvents(mine.dir, "shared").map((e) => e.type));
      expect(onHost.at(-1)).toMatchObject({ type: "unlocked", release: done.release });
      expect(new Set(onHost.map((e) => e.release))).toEqual(new Set([done.release]));

      // the granted secret is in the remote app's environment, the deployer's token is not; the
      // value was on no ssh/rsync command line and is in no file on the host
      const supervisor = (JSON.parse(readFileSync(path.join(remote, "shared", "run", `${done.release}.0.json`), "utf8")) as { pid: number }).pid;
      const app = Number(readFileSync(`/proc/${supervisor}/task/${supervisor}/children`, "utf8").trim().split(" ")[0]);
      const environ = readFileSync(`/proc/${app}/environ`, "utf8").split("\0");
      expect(environ).toContain(`DATABASE_URL=${value}`);
      expect(environ).toContain("DECLARED=yes");
      expect(environ.some((e) => e.includes(own) || e.startsWith("SSH_") || e.startsWith("WARDEN_MASTER_KEY"))).toBe(false);
      const commands = readFileSync(argvLog, "utf8");
      expect(commands).toMatch(/--env-stdin/);
      expect(commands.includes(value)).toBe(false);
      const files = readdirSync(path.join(remote, "shared"), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => readFileSync(path.join(e.parentPath, e.name), "utf8"));
      expect(files.length).toBeGreaterThan(3);
      expect(files.some((text) => text.includes(value))).toBe(false);
      expect(readEvents(mine.dir, "shared").find((e) => e.type === "started")?.detail).toMatchObject({ secrets: { task: "deploy:shared", names: ["DATABASE_URL"] } });
    } finally {
      for (const [key, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[key];
        else process.env[key] = v;
      }
      await cleanupRepo(other);
      killLayout(remote); // before the checkout goes: its processes run on the "host"
      await cleanupRepo(mine);
    }
  });

  it("reports an unreachable host as one clear line", async () => {
    const config = DeployEnvironmentSchema.parse({
      target: { type: "ssh", host: "127.0.0.1", sshPort: await freePort(), identityFile: sshd.identityFile, knownHostsFile: sshd.knownHostsFile, path: remote, app: "app", start: "node server.mjs", port: 9 },
      preflight: { cleanTree: false, check: false, scan: false },
      build: false,
    });
    await expect(deploy({ root: repo.dir, env: "gone", config })).rejects.toThrow(/^ssh 127\.0\.0\.1:\d+: cannot connect: .*Connection refused/);
  });
});
